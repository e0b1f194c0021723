//! USITT ASCII 3.0 ("ASCII Text Representation for Lighting Console Data", Ident 3:0): the
//! take's lighting cues as a file a lighting console imports (ETC Eos: File > Import > USITT
//! ASCII; most consoles and offline editors read it).
//!
//! What the spec asks, and how this file keeps it:
//! - plain ASCII text, lines of at most 80 characters, each ended by CR LF (the spec takes CR,
//!   LF or CR LF; CR LF is what DOS-era consoles and Eos exports write);
//! - `!` starts a comment that runs to the end of the line, anywhere on it, so scene text never
//!   carries a `!` into a keyword line (it becomes `.`);
//! - `IDENT 3:0` first, then `MANUFACTURER`, `CONSOLE`, `CLEAR`; one `CUE n [list]` block per
//!   cue with its secondary keywords `TEXT`, `UP t [delay]`, `DOWN t [delay]`, `FOLLOWON t`,
//!   `LINK n`, `PART n`; `ENDDATA` last;
//! - cue numbers are decimals a desk takes (`12`, `12.5`, up to three places). The numbers are
//!   the cue sheet's own; a sheet number a desk cannot take (`4A`, `house`) or a second cue with
//!   the same number is given the first free desk number after the cue before it, with a
//!   comment naming the sheet's number.
//!
//! What it cannot carry: channel levels (oner knows none: the cues arrive empty for the
//! designer to record), the cue's time in the take (a desk cue runs on GO), standby times, and
//! labels past 75 characters or outside ASCII on the `TEXT` line (the whole label is kept in
//! comment lines above the cue).

use crate::cuesheet::Cue;
use crate::cuesheet::filter::Filter;
use crate::model::handoff::{CueHandoff, Fade, is_desk_number};
use crate::model::{Action, Department, Scene};
use std::collections::BTreeSet;

/// The longest line the spec allows, characters (line end not counted).
pub const MAX_LINE: usize = 80;
/// The line end written.
pub const EOL: &str = "\r\n";
/// Thousandths in a whole cue number: desk numbers are kept as integers of thousandths.
const SCALE: u64 = 1000;
/// Desk cue numbers stay below this (four whole digits).
const LIMIT: u64 = 10_000 * SCALE;

/// One cue as the desk gets it.
#[derive(Debug, Clone, PartialEq)]
pub struct DeskCue {
    /// The cue list (`None`: the desk's default).
    pub list: Option<u32>,
    /// The desk number, in thousandths (12.5 is 12500).
    pub number: u64,
    /// The sheet's label (`LX 4A`).
    pub sheet_label: String,
    /// Whether the desk number differs from the sheet's (not a desk number, or taken).
    pub renumbered: bool,
    pub label: String,
    pub at: crate::time::Time,
    pub up: Option<Fade>,
    pub down: Option<Fade>,
    /// Seconds from this cue's GO to the next cue of its list, when that one follows.
    pub follow_on: Option<f64>,
    pub link: Option<String>,
    /// More parts of a multipart cue: (part, label, time, up, down).
    pub parts: Vec<Part>,
    /// This cue's own part number, if the scene gives it one.
    pub part: Option<u32>,
    /// The scene says it follows but nothing comes before it in its list.
    pub follows_nothing: bool,
}

/// A later part of a multipart cue.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub part: u32,
    pub label: String,
    pub at: crate::time::Time,
    pub up: Option<Fade>,
    pub down: Option<Fade>,
}

/// The lighting cues as a desk gets them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Desk {
    /// In time order.
    pub cues: Vec<DeskCue>,
    /// Sheet labels of cues no free desk number was left for (between `1.001` and `1.002`).
    pub left_out: Vec<String>,
}

/// The desk cues for the lighting cues `filter` keeps, in time order.
pub fn desk_cues(scene: &Scene, cues: &[Cue], filter: &Filter) -> Desk {
    let lx: Vec<(&Cue, CueHandoff)> = cues
        .iter()
        .filter(|c| c.dept == Department::Lighting && filter.keeps(scene, c))
        .map(|c| (c, handoff(scene, c)))
        .collect();
    // The desk numbers the sheet's numbers give, per list; the rest are found below.
    let mut used: BTreeSet<(Option<u32>, u64)> = BTreeSet::new();
    let mut numbers: Vec<Option<u64>> = Vec::with_capacity(lx.len());
    for (cue, h) in &lx {
        let number = thousandths(&cue.number).filter(|n| {
            // A later part of a cue shares its number; a second whole cue does not.
            h.part.is_some() || !used.contains(&(h.list, *n))
        });
        if let Some(n) = number {
            used.insert((h.list, n));
        }
        numbers.push(number);
    }
    let mut out: Vec<DeskCue> = Vec::new();
    let mut left_out = Vec::new();
    for (i, (cue, h)) in lx.iter().enumerate() {
        let list = h.list;
        let previous = out.iter().rev().find(|d| d.list == list).map(|d| d.number);
        let number = match numbers[i] {
            Some(n) => n,
            None => {
                let lower = previous.unwrap_or(0);
                // The next cue of the list with a number above it bounds the new number, so
                // the desk plays the cues in their time order.
                let next = numbers[i + 1..]
                    .iter()
                    .zip(&lx[i + 1..])
                    .find(|(n, (_, h))| n.is_some_and(|n| n > lower) && h.list == list)
                    .and_then(|(n, _)| *n);
                let Some(n) = free_number(lower, next, list, &used) else {
                    left_out.push(format!("{} at {}", cue.label(), crate::time::short(cue.at)));
                    continue;
                };
                used.insert((list, n));
                n
            }
        };
        let label = crate::cuesheet::format::one_line(&cue.what);
        // A later part joins the cue of its number it follows.
        if let Some(part) = h.part
            && let Some(host) = out
                .iter_mut()
                .rev()
                .find(|d| d.list == list && d.number == number)
        {
            host.parts.push(Part {
                part,
                label,
                at: cue.at,
                up: h.up,
                down: h.down,
            });
            continue;
        }
        let mut follows_nothing = false;
        if h.follows {
            match out.iter_mut().rev().find(|d| d.list == list) {
                Some(before) => {
                    before.follow_on = Some((cue.at.seconds() - before.at.seconds()).max(0.0))
                }
                None => follows_nothing = true,
            }
        }
        out.push(DeskCue {
            list,
            number,
            sheet_label: cue.label(),
            renumbered: numbers[i].is_none(),
            label,
            at: cue.at,
            up: h.up,
            down: h.down,
            follow_on: None,
            link: h.link.clone(),
            parts: Vec::new(),
            part: h.part,
            follows_nothing,
        });
    }
    Desk {
        cues: out,
        left_out,
    }
}

/// The USITT ASCII file of the lighting cues `filter` keeps.
pub fn render(scene: &Scene, cues: &[Cue], filter: &Filter) -> String {
    let desk = desk_cues(scene, cues, filter);
    let mut out = Lines::default();
    out.comment(&format!("{}: lighting cues", scene.title));
    out.comment("USITT ASCII 3.0, written by oner. Cues carry no levels: record them on the desk.");
    out.comment("CLEAR CUES below empties the desk's cue lists on import: delete that line");
    out.comment("to merge these cues into a show that already has some.");
    out.line("IDENT 3:0");
    out.line("MANUFACTURER oner");
    out.line("CONSOLE oner");
    out.line("CLEAR CUES");
    for label in &desk.left_out {
        out.comment(&format!(
            "{label} is not in this file: no desk number is free between its neighbours"
        ));
    }
    for cue in &desk.cues {
        out.blank();
        let sheet_label = if cue.renumbered {
            format!(
                "{} is desk cue {}",
                cue.sheet_label,
                number_text(cue.number)
            )
        } else {
            cue.sheet_label.clone()
        };
        out.comment(&format!(
            "{sheet_label} at {}: {}",
            crate::time::short(cue.at),
            cue.label
        ));
        if cue.follows_nothing {
            out.comment("follows, but no cue comes before it in its list: it waits for GO");
        }
        match cue.list {
            Some(list) => out.line(&format!("CUE {} {list}", number_text(cue.number))),
            None => out.line(&format!("CUE {}", number_text(cue.number))),
        }
        out.text(&cue.label);
        // A cue with later parts is a multipart cue: its own timing is its first part's.
        let own_part = cue.part.or((!cue.parts.is_empty()).then_some(1));
        if let Some(part) = own_part {
            out.line(&format!("PART {part}"));
        }
        timing(&mut out, cue.up, cue.down);
        if let Some(seconds) = cue.follow_on {
            out.line(&format!("FOLLOWON {}", seconds_text(seconds)));
        }
        if let Some(link) = &cue.link {
            out.line(&format!("LINK {link}"));
        }
        for part in &cue.parts {
            out.comment(&format!(
                "part {} at {}: {}",
                part.part,
                crate::time::short(part.at),
                part.label
            ));
            out.line(&format!("PART {}", part.part));
            out.text(&part.label);
            timing(&mut out, part.up, part.down);
        }
    }
    out.blank();
    out.line("ENDDATA");
    out.text
}

fn timing(out: &mut Lines, up: Option<Fade>, down: Option<Fade>) {
    for (keyword, fade) in [("UP", up), ("DOWN", down)] {
        if let Some(fade) = fade {
            if fade.delay > 0.0 {
                out.line(&format!(
                    "{keyword} {} {}",
                    seconds_text(fade.time),
                    seconds_text(fade.delay)
                ));
            } else {
                out.line(&format!("{keyword} {}", seconds_text(fade.time)));
            }
        }
    }
}

/// The hand-off data of a given cue; derived cues have none.
fn handoff(scene: &Scene, cue: &Cue) -> CueHandoff {
    match &scene.events[cue.event.index()].action {
        Action::Cue { handoff, .. } if cue.source == crate::cuesheet::Source::Given => {
            CueHandoff::clone(handoff)
        }
        _ => CueHandoff::default(),
    }
}

/// A desk number in thousandths, if `text` is one a desk takes.
fn thousandths(text: &str) -> Option<u64> {
    if !is_desk_number(text) {
        return None;
    }
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let whole: u64 = whole.parse().ok()?;
    let mut fraction = fraction.to_string();
    while fraction.len() < 3 {
        fraction.push('0');
    }
    Some(whole * SCALE + fraction.parse::<u64>().ok()?)
}

/// `12500` → `12.5`.
pub fn number_text(thousandths: u64) -> String {
    let (whole, fraction) = (thousandths / SCALE, thousandths % SCALE);
    if fraction == 0 {
        return whole.to_string();
    }
    format!("{whole}.{fraction:03}")
        .trim_end_matches('0')
        .to_string()
}

/// The first free desk number above `lower` and below `upper` (if any) in `list`: whole if
/// one is free, else tenths, hundredths, thousandths.
fn free_number(
    lower: u64,
    upper: Option<u64>,
    list: Option<u32>,
    used: &BTreeSet<(Option<u32>, u64)>,
) -> Option<u64> {
    let upper = upper.filter(|&u| u > lower).unwrap_or(LIMIT);
    for step in [SCALE, SCALE / 10, SCALE / 100, 1] {
        let mut n = (lower / step + 1) * step;
        while n < upper {
            if !used.contains(&(list, n)) {
                return Some(n);
            }
            n += step;
        }
    }
    None
}

/// Seconds as a desk takes them: `3`, `2.5`, past a minute `1:30`, to the hundredth.
pub fn seconds_text(seconds: f64) -> String {
    let hundredths = (seconds * 100.0).round().max(0.0) as u64;
    if hundredths < 6000 {
        return crate::escape::number(hundredths as f64 / 100.0, 2);
    }
    let (minutes, rest) = (hundredths / 6000, hundredths % 6000);
    let secs = crate::escape::number(rest as f64 / 100.0, 2);
    let pad = if rest < 1000 { "0" } else { "" };
    format!("{minutes}:{pad}{secs}")
}

/// Scene text as printable ASCII on one line: common typography transliterated (é → e,
/// “ → "), anything else `?`, `!` (a comment start) as `.`, runs of spaces collapsed.
pub fn ascii(text: &str) -> String {
    let mut out = String::new();
    for c in crate::cuesheet::format::one_line(text).chars() {
        match c {
            '!' => out.push('.'),
            ' '..='~' => out.push(c),
            _ => out.push_str(transliterate(c)),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn transliterate(c: char) -> &'static str {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => "A",
        'æ' => "ae",
        'Æ' => "AE",
        'ç' | 'ć' | 'č' => "c",
        'Ç' | 'Ć' | 'Č' => "C",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => "e",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ę' | 'Ě' => "E",
        'ì' | 'í' | 'î' | 'ï' | 'ī' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' => "I",
        'ñ' | 'ń' | 'ň' => "n",
        'Ñ' | 'Ń' | 'Ň' => "N",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' => "O",
        'œ' => "oe",
        'Œ' => "OE",
        'ß' => "ss",
        'ś' | 'š' => "s",
        'Ś' | 'Š' => "S",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' => "U",
        'ý' | 'ÿ' => "y",
        'Ý' | 'Ÿ' => "Y",
        'ź' | 'ż' | 'ž' => "z",
        'Ź' | 'Ż' | 'Ž' => "Z",
        'ł' => "l",
        'Ł' => "L",
        '‘' | '’' | '‚' | '′' => "'",
        '“' | '”' | '„' | '″' | '«' | '»' => "\"",
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => "-",
        '…' => "...",
        '·' | '•' => "*",
        '×' => "x",
        '°' => " deg",
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' => " ",
        _ => "?",
    }
}

/// The file being written: lines checked against the spec as they are added.
#[derive(Default)]
struct Lines {
    text: String,
}

impl Lines {
    /// A keyword line (always ASCII and short: numbers and fixed words).
    fn line(&mut self, line: &str) {
        debug_assert!(line.len() <= MAX_LINE && line.is_ascii());
        self.text.push_str(line);
        self.text.push_str(EOL);
    }

    fn blank(&mut self) {
        self.text.push_str(EOL);
    }

    /// A `TEXT` line: the label as ASCII, cut to fit the line.
    fn text(&mut self, label: &str) {
        let label = ascii(label);
        if label.is_empty() {
            return;
        }
        let room = MAX_LINE - "TEXT ".len();
        let label = if label.len() > room {
            format!("{}...", label[..room - 3].trim_end())
        } else {
            label
        };
        self.line(&format!("TEXT {label}"));
    }

    /// `!` comment lines holding all of `text`, wrapped at words (a word longer than a line
    /// is cut).
    fn comment(&mut self, text: &str) {
        let room = MAX_LINE - "! ".len();
        let mut line = String::new();
        for word in ascii(text).split(' ') {
            let mut word = word;
            while word.len() > room {
                if !line.is_empty() {
                    self.line(&format!("! {line}"));
                    line.clear();
                }
                self.line(&format!("! {}", &word[..room]));
                word = &word[room..];
            }
            if !line.is_empty() && line.len() + 1 + word.len() > room {
                self.line(&format!("! {line}"));
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        if !line.is_empty() {
            self.line(&format!("! {line}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_thousandths_and_print_back() {
        assert_eq!(thousandths("12.5"), Some(12_500));
        assert_eq!(thousandths("2.50"), Some(2_500));
        assert_eq!(thousandths("4A"), None);
        assert_eq!(number_text(12_500), "12.5");
        assert_eq!(number_text(12_000), "12");
        assert_eq!(number_text(1_001), "1.001");
    }

    #[test]
    fn a_free_number_is_whole_when_it_can_be() {
        let used = BTreeSet::from([(None, 4_000), (None, 5_000)]);
        assert_eq!(free_number(4_000, Some(5_000), None, &used), Some(4_100));
        assert_eq!(free_number(4_000, None, None, &used), Some(6_000));
        assert_eq!(free_number(2_000, Some(5_000), None, &used), Some(3_000));
        let full: BTreeSet<_> = (4_001..=4_009).map(|n| (None, n)).collect();
        assert_eq!(free_number(4_000, Some(4_010), None, &full), None);
    }

    #[test]
    fn seconds_read_as_a_desk_writes_them() {
        assert_eq!(seconds_text(3.0), "3");
        assert_eq!(seconds_text(2.5), "2.5");
        assert_eq!(seconds_text(0.041_666), "0.04");
        assert_eq!(seconds_text(90.0), "1:30");
        assert_eq!(seconds_text(65.25), "1:05.25");
        assert_eq!(seconds_text(5999.0), "99:59");
    }

    #[test]
    fn scene_text_becomes_safe_ascii() {
        assert_eq!(ascii("Café “lamp” — on!\nnext"), "Cafe \"lamp\" - on. next");
        assert_eq!(ascii("灯"), "?");
        assert!(ascii("a\u{202e}b\u{0}c").is_ascii());
    }

    #[test]
    fn comments_wrap_within_the_line_limit() {
        let mut lines = Lines::default();
        let long = format!("{} {}", "word ".repeat(40), "x".repeat(200));
        lines.comment(&long);
        for line in lines.text.split(EOL).filter(|l| !l.is_empty()) {
            assert!(line.len() <= MAX_LINE && line.starts_with("! "), "{line}");
        }
        let kept: String = lines
            .text
            .split(EOL)
            .map(|l| l.trim_start_matches("! "))
            .collect();
        assert_eq!(kept.matches('x').count(), 200);
    }
}
