//! Fountain screenplays (fountain.io, syntax 1.1): reading one into elements ([`parse`]),
//! the escaping that keeps oner's own text one element when it writes one ([`escape`]),
//! and starting a scene from one ([`import`]).
//!
//! The parser follows the spec's rules, in its order of precedence: the title page (`Key:
//! value` lines up to the first blank line, indented lines continuing a value); boneyard
//! `/* */` removed before anything else, notes `[[ ]]` taken out of the text they sit in (a
//! paragraph of notes alone is a note element); then line by line: page breaks `===`,
//! sections `#`, synopses `=`, forced elements (`.` heading, `!` action, `@` character, `>`
//! transition, `>text<` centred, `~` lyric), scene headings (`INT`, `EXT`, `EST`, `INT./EXT`,
//! `I/E` after a blank line; `#1A#` scene numbers), transitions (capitals ending in `TO:`
//! between blank lines), character cues (capitals after a blank line with text below;
//! extensions in brackets, `^` for dual dialogue) with their dialogue and parentheticals up
//! to the next blank line, and action for everything else. Emphasis marks are kept; `\`
//! escapes are taken off. Nothing here panics or loops on any input.

pub mod escape;
pub mod import;

/// A parsed screenplay.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Script {
    /// `(key, value)` in order, keys as written (`Title`, `Draft date`).
    pub title_page: Vec<(String, String)>,
    pub elements: Vec<Element>,
}

impl Script {
    /// The title page's value for `key` (case-insensitive).
    pub fn title_value(&self, key: &str) -> Option<&str> {
        self.title_page
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.as_str())
    }

    /// Every dialogue block's speaker and text, in order: what a round trip must keep.
    pub fn dialogue(&self) -> Vec<(String, String)> {
        self.elements
            .iter()
            .filter_map(|e| match e {
                Element::Dialogue(d) => Some((d.character.clone(), d.text())),
                _ => None,
            })
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Element {
    SceneHeading {
        text: String,
        /// The `#1A#` scene number, without the `#`s.
        number: Option<String>,
    },
    Action(String),
    Dialogue(Dialogue),
    Transition(String),
    Centered(String),
    Lyric(String),
    Section {
        depth: usize,
        text: String,
    },
    Synopsis(String),
    /// A note standing on its own (notes inside other text are that element's `notes`).
    Note(String),
    PageBreak,
}

/// A character cue and what they say.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dialogue {
    /// The name as cued, without `@`, extensions or `^`.
    pub character: String,
    /// `O.S.`, `V.O.`, `CONT'D`, … without brackets.
    pub extensions: Vec<String>,
    /// `^` after the name: spoken at the same time as the block before.
    pub dual: bool,
    pub parts: Vec<Part>,
    /// Notes written inside the block.
    pub notes: Vec<String>,
}

impl Dialogue {
    /// The spoken lines joined with spaces (parentheticals left out).
    pub fn text(&self) -> String {
        self.parts
            .iter()
            .filter_map(|p| match p {
                Part::Line(l) => Some(l.as_str()),
                Part::Parenthetical(_) => None,
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Whether an extension says the speaker is not seen: `O.S.`, `O.C.` or `V.O.`.
    pub fn off_camera(&self) -> bool {
        self.extensions.iter().any(|e| {
            let e: String = e.chars().filter(|c| c.is_alphabetic()).collect();
            matches!(e.to_uppercase().as_str(), "OS" | "OC" | "VO")
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Line(String),
    /// Without its brackets.
    Parenthetical(String),
}

/// Reads a Fountain screenplay.
pub fn parse(source: &str) -> Script {
    let text = source.replace("\r\n", "\n").replace('\r', "\n");
    let text = remove_boneyard(&text);
    let text = join_notes(&text);
    let lines: Vec<&str> = text.split('\n').collect();
    let mut script = Script::default();
    let start = title_page(&lines, &mut script.title_page);
    Parser {
        lines: &lines[start..],
        elements: &mut script.elements,
    }
    .run();
    script
}

/// The text with every `/* … */` taken out (an unclosed one runs to the end).
fn remove_boneyard(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("/*") {
        out.push_str(&rest[..open]);
        match rest[open + 2..].find("*/") {
            Some(close) => rest = &rest[open + 2 + close + 2..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

/// Line breaks inside a `[[ … ]]` note made spaces, so each note sits on one line.
fn join_notes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("[[") {
        out.push_str(&rest[..open]);
        match rest[open..].find("]]") {
            Some(close) => {
                out.push_str(&rest[open..open + close].replace('\n', " "));
                out.push_str("]]");
                rest = &rest[open + close + 2..];
            }
            None => {
                out.push_str(&rest[open..]);
                return out;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A line's text without its notes, and the notes.
fn take_notes(line: &str) -> (String, Vec<String>) {
    let mut text = String::new();
    let mut notes = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find("[[") {
        match rest[open + 2..].find("]]") {
            Some(close) => {
                text.push_str(&rest[..open]);
                notes.push(rest[open + 2..open + 2 + close].trim().to_string());
                rest = &rest[open + 2 + close + 2..];
            }
            None => break,
        }
    }
    text.push_str(rest);
    (text, notes)
}

/// `\*` and `\_` as the characters.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some(next) => out.push(next),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Reads the title page into `page`; returns the first line after it.
fn title_page(lines: &[&str], page: &mut Vec<(String, String)>) -> usize {
    let first = lines.iter().position(|l| !l.trim().is_empty());
    let Some(first) = first else {
        return 0;
    };
    if key_value(lines[first]).is_none() {
        return 0;
    }
    let mut i = first;
    while i < lines.len() && !lines[i].trim().is_empty() {
        let line = lines[i];
        if let Some((key, value)) = key_value(line) {
            page.push((key.to_string(), unescape(value.trim())));
        } else if let Some(last) = page.last_mut() {
            // An indented continuation line.
            let more = unescape(line.trim());
            if last.1.is_empty() {
                last.1 = more;
            } else {
                last.1.push('\n');
                last.1.push_str(&more);
            }
        }
        i += 1;
    }
    i
}

/// `Key: value` at the start of a line (the key letters, digits and spaces).
fn key_value(line: &str) -> Option<(&str, &str)> {
    if line.starts_with([' ', '\t']) {
        return None;
    }
    let (key, value) = line.split_once(':')?;
    let key = key.trim();
    (!key.is_empty()
        && key.len() <= 40
        && key.starts_with(|c: char| c.is_alphabetic())
        && key.chars().all(|c| c.is_alphanumeric() || c == ' '))
    .then_some((key, value))
}

struct Parser<'a, 'b> {
    lines: &'b [&'a str],
    elements: &'b mut Vec<Element>,
}

impl Parser<'_, '_> {
    /// Whether line `i` is blank (or past the end): it ends a paragraph.
    fn blank(&self, i: usize) -> bool {
        self.lines.get(i).is_none_or(|l| l.trim().is_empty())
    }

    /// Whether line `i` has no text but notes: for what comes after, as good as blank.
    fn no_text(&self, i: usize) -> bool {
        self.lines
            .get(i)
            .is_none_or(|l| take_notes(l).0.trim().is_empty())
    }

    fn run(&mut self) {
        let mut i = 0;
        while i < self.lines.len() {
            let raw = self.lines[i];
            let (text, notes) = take_notes(raw);
            let line = text.trim();
            let after_blank = i == 0 || self.no_text(i - 1);
            if line.is_empty() {
                for note in notes {
                    self.elements.push(Element::Note(unescape(&note)));
                }
                i += 1;
                continue;
            }
            let next_blank = self.blank(i + 1);
            if line.len() >= 3 && line.chars().all(|c| c == '=') {
                self.elements.push(Element::PageBreak);
            } else if let Some(rest) = line.strip_prefix('#') {
                let depth = 1 + rest.chars().take_while(|&c| c == '#').count();
                let text = rest.trim_start_matches('#').trim();
                self.elements.push(Element::Section {
                    depth,
                    text: unescape(text),
                });
            } else if let Some(rest) = line.strip_prefix('=') {
                self.elements.push(Element::Synopsis(unescape(rest.trim())));
            } else if let Some(rest) = line.strip_prefix('.').filter(|r| !r.starts_with('.')) {
                self.heading(rest);
            } else if after_blank && escape::is_heading(line) {
                self.heading(line);
            } else if let Some(rest) = line.strip_prefix('!') {
                i = self.action(i, Some(rest));
                continue;
            } else if line.starts_with('>') && line.ends_with('<') && line.len() >= 2 {
                self.elements
                    .push(Element::Centered(unescape(line[1..line.len() - 1].trim())));
            } else if let Some(rest) = line.strip_prefix('>') {
                self.elements
                    .push(Element::Transition(unescape(rest.trim())));
            } else if let Some(rest) = line.strip_prefix('~') {
                self.elements.push(Element::Lyric(unescape(rest.trim())));
            } else if after_blank
                && next_blank
                && line.ends_with("TO:")
                && !line.chars().any(char::is_lowercase)
            {
                self.elements.push(Element::Transition(unescape(line)));
            } else if after_blank && !next_blank && is_character(line) {
                i = self.dialogue(i, line, notes);
                continue;
            } else {
                i = self.action(i, None);
                continue;
            }
            for note in notes {
                self.elements.push(Element::Note(unescape(&note)));
            }
            i += 1;
        }
    }

    fn heading(&mut self, text: &str) {
        let text = text.trim();
        let (text, number) = match text.strip_suffix('#').and_then(|t| t.rsplit_once('#')) {
            Some((heading, number))
                if !number.is_empty()
                    && number
                        .chars()
                        .all(|c| c.is_alphanumeric() || "-.".contains(c)) =>
            {
                (heading.trim(), Some(number.to_string()))
            }
            _ => (text, None),
        };
        self.elements.push(Element::SceneHeading {
            text: unescape(text),
            number,
        });
    }

    /// An action paragraph from line `i` to the next blank line; `first` is the first
    /// line's text when it was forced with `!`. Returns the line after it.
    fn action(&mut self, mut i: usize, first: Option<&str>) -> usize {
        let mut text: Vec<String> = Vec::new();
        let mut notes = Vec::new();
        let mut first = first;
        while i < self.lines.len() && !self.blank(i) {
            let (line, more) = take_notes(self.lines[i]);
            notes.extend(more);
            let line = match first.take() {
                // The forced line: its own notes were taken above from the whole line.
                Some(_) => line
                    .trim_start()
                    .strip_prefix('!')
                    .unwrap_or(&line)
                    .to_string(),
                None => line,
            };
            if !line.trim().is_empty() {
                text.push(unescape(line.trim_end()));
            }
            i += 1;
        }
        if !text.is_empty() {
            self.elements.push(Element::Action(text.join("\n")));
        }
        for note in notes {
            self.elements.push(Element::Note(unescape(&note)));
        }
        i
    }

    /// A character cue at line `i` and its dialogue to the next blank line.
    fn dialogue(&mut self, mut i: usize, cue: &str, notes: Vec<String>) -> usize {
        let mut block = character_cue(cue);
        block.notes = notes.iter().map(|n| unescape(n)).collect();
        i += 1;
        while i < self.lines.len() && !self.blank(i) {
            let (line, more) = take_notes(self.lines[i]);
            block.notes.extend(more.iter().map(|n| unescape(n)));
            let line = line.trim();
            if line.starts_with('(') && line.ends_with(')') {
                block.parts.push(Part::Parenthetical(unescape(
                    line[1..line.len() - 1].trim(),
                )));
            } else if !line.is_empty() {
                block.parts.push(Part::Line(unescape(line)));
            }
            i += 1;
        }
        self.elements.push(Element::Dialogue(block));
        i
    }
}

/// Whether a line is a character cue: forced with `@`, or its name (before any extension
/// in brackets) has a letter and no lower-case letter.
fn is_character(line: &str) -> bool {
    if line.starts_with('@') {
        return line.len() > 1;
    }
    let name = line.trim_end_matches('^');
    let name = name.split('(').next().unwrap_or("");
    name.chars().any(char::is_alphabetic) && !name.chars().any(char::is_lowercase)
}

fn character_cue(line: &str) -> Dialogue {
    let mut line = line.trim();
    let mut dialogue = Dialogue::default();
    if let Some(rest) = line.strip_suffix('^') {
        dialogue.dual = true;
        line = rest.trim_end();
    }
    let line = line.strip_prefix('@').unwrap_or(line);
    let (name, mut rest) = match line.find('(') {
        Some(open) => (&line[..open], &line[open..]),
        None => (line, ""),
    };
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')') else {
            break;
        };
        dialogue
            .extensions
            .push(rest[open + 1..open + close].trim().to_string());
        rest = &rest[open + close + 1..];
    }
    dialogue.character = unescape(name.trim());
    dialogue
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_script_reads_element_by_element() {
        let script = parse(
            "Title: Coffee\nAuthor: Me\n\nINT. KITCHEN - DAY #1A#\n\nAna makes coffee. [[warm]]\n\n\
             ANA (O.S.)\n(quietly)\nMorning.\n\nBEN ^\nHi.\n\nCUT TO:\n\n# Act one\n\n= The news\n\n\
             .inside the car\n\n@McCoy\nRight.\n\n/* gone\n\nfor good */\n>THE END<\n",
        );
        assert_eq!(script.title_value("title"), Some("Coffee"));
        assert_eq!(
            script.elements,
            vec![
                Element::SceneHeading {
                    text: "INT. KITCHEN - DAY".into(),
                    number: Some("1A".into())
                },
                Element::Action("Ana makes coffee.".into()),
                Element::Note("warm".into()),
                Element::Dialogue(Dialogue {
                    character: "ANA".into(),
                    extensions: vec!["O.S.".into()],
                    dual: false,
                    parts: vec![
                        Part::Parenthetical("quietly".into()),
                        Part::Line("Morning.".into())
                    ],
                    notes: vec![],
                }),
                Element::Dialogue(Dialogue {
                    character: "BEN".into(),
                    extensions: vec![],
                    dual: true,
                    parts: vec![Part::Line("Hi.".into())],
                    notes: vec![],
                }),
                Element::Transition("CUT TO:".into()),
                Element::Section {
                    depth: 1,
                    text: "Act one".into()
                },
                Element::Synopsis("The news".into()),
                Element::SceneHeading {
                    text: "inside the car".into(),
                    number: None
                },
                Element::Dialogue(Dialogue {
                    character: "McCoy".into(),
                    parts: vec![Part::Line("Right.".into())],
                    ..Dialogue::default()
                }),
                Element::Centered("THE END".into()),
            ]
        );
    }

    #[test]
    fn forced_action_and_escapes_stay_action() {
        let script = parse("!INT. NOT A HEADING\n\n!SHOUTING\nstill action\n\n\\*not bold\\*\n");
        assert_eq!(
            script.elements,
            vec![
                Element::Action("INT. NOT A HEADING".into()),
                Element::Action("SHOUTING\nstill action".into()),
                Element::Action("*not bold*".into()),
            ]
        );
    }

    #[test]
    fn an_all_caps_line_without_dialogue_is_action() {
        let script = parse("\nBANG\n\nThe door flies open.\n");
        assert_eq!(
            script.elements,
            vec![
                Element::Action("BANG".into()),
                Element::Action("The door flies open.".into())
            ]
        );
    }

    #[test]
    fn garbage_never_panics() {
        for text in [
            "",
            "\n",
            "/*",
            "[[",
            "]]",
            "((",
            "@",
            "!",
            ".",
            "#",
            "=",
            ">",
            "<",
            "~",
            "^",
            "Title:",
            "A:\n   b",
            "[[a\n\nb",
            "/* [[ */ ]]",
            "@\nx",
            "X (\ny",
            "é:\n\nÉ\nà",
        ] {
            let _ = parse(text);
        }
    }
}
