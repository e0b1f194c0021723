//! Scene text made safe for a Fountain screenplay: each function returns one line that can
//! only be read as the element it is written as.
//!
//! Fountain gives meaning to the start of a line (`.` heading, `!` action, `@` character,
//! `#` section, `=` synopsis, `>` transition or centred, `~` lyric), to whole lines (all
//! capitals is a character cue, `INT.` a heading, `TO:` at the end a transition, `===` a page
//! break), and to marks anywhere (`[[ ]]` notes, `/* */` boneyard, `*` and `_` emphasis,
//! `^` dual dialogue after a name, `#1#` scene numbers after a heading). The functions below
//! flatten the text to one line ([`crate::cuesheet::format::one_line`]), break the
//! two-character marks apart, backslash-escape emphasis as the spec allows, and force each
//! element with its prefix where the text alone could read as another.

use crate::cuesheet::format::one_line;

/// Text inside an element: one line, notes and boneyard marks broken apart (`[ [`, `/ *`),
/// emphasis escaped (`\*`, `\_`).
pub fn inline(text: &str) -> String {
    let mut text = one_line(text);
    // Repeated until none is left: `[[[` becomes `[ [[` after one pass.
    for (mark, broken) in [("[[", "[ ["), ("]]", "] ]"), ("/*", "/ *"), ("*/", "* /")] {
        while text.contains(mark) {
            text = text.replace(mark, broken);
        }
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '*' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// An action paragraph of one line, always forced with `!`: whatever it starts with or
/// however it is capitalised, it stays action.
pub fn action(text: &str) -> String {
    format!("!{}", inline(text))
}

/// A note's text (`[[` and `]]` are added by the caller): one line, no `]]` to close it
/// early, no boneyard.
pub fn note(text: &str) -> String {
    let mut text = inline(text);
    // `a]` + `]]` would close at the first two brackets and leave one outside.
    if text.ends_with(']') {
        text.push(' ');
    }
    text
}

/// A character cue: the name in capitals, with an extension such as `(O.S.)`. Forced with
/// `@` unless it is plainly a name (capitals, digits, spaces, `'`, `-`, `.`; at least one
/// letter; not a heading or a transition), so a name like `INT. BAR` or `CUT TO:` stays a
/// speaker. `^` (dual dialogue) and `(` (an extension of its own) are dropped from the name.
pub fn character(name: &str, extension: Option<&str>) -> String {
    let name: String = inline(name)
        .to_uppercase()
        .chars()
        .filter(|c| !matches!(c, '^' | '(' | ')'))
        .collect();
    let name = name.trim().to_string();
    let name = if name.is_empty() {
        "SOMEONE".to_string()
    } else {
        name
    };
    let plain = name.chars().any(char::is_alphabetic)
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || " '-.".contains(c))
        && name.starts_with(|c: char| c.is_ascii_uppercase())
        && !is_heading(&name)
        && !name.ends_with("TO:");
    let mut cue = if plain { name } else { format!("@{name}") };
    if let Some(extension) = extension {
        cue.push_str(&format!(" ({extension})"));
    }
    cue
}

/// A dialogue line. It cannot start a new element inside the dialogue block; the one thing
/// to avoid is a line starting with `(`, which parsers read as a parenthetical (some until
/// the next line ending in `)`): its first bracket pair becomes square brackets. Empty text
/// is an ellipsis.
pub fn dialogue(text: &str) -> String {
    let text = inline(text);
    if text.is_empty() {
        return "...".to_string();
    }
    match text.strip_prefix('(') {
        Some(rest) => match rest.find(')') {
            Some(close) => format!("[{}]{}", &rest[..close], &rest[close + 1..]),
            None => format!("[{rest}"),
        },
        None => text,
    }
}

/// A parenthetical's inner text (the caller adds the brackets): no `)` to close it early.
pub fn parenthetical(text: &str) -> String {
    inline(text).replace(['(', ')'], "")
}

/// A forced scene heading (`.` and the text in capitals): no `#` to read as a scene number.
pub fn heading(text: &str) -> String {
    let text = inline(text).to_uppercase().replace('#', "NO. ");
    let text = text.trim_start_matches('.').trim().to_string();
    format!(".{text}")
}

/// A section (`# `) at `depth`.
pub fn section(text: &str, depth: usize) -> String {
    format!("{} {}", "#".repeat(depth.max(1)), inline(text))
}

/// A synopsis (`= `).
pub fn synopsis(text: &str) -> String {
    format!("= {}", inline(text))
}

/// A title-page value: one line (a key's value ends at the line's end).
pub fn title_value(text: &str) -> String {
    inline(text)
}

/// Whether a line in capitals starts the way a scene heading does.
pub fn is_heading(line: &str) -> bool {
    let upper = line.to_uppercase();
    ["INT", "EXT", "EST", "INT./EXT", "INT/EXT", "I/E"]
        .iter()
        .any(|prefix| {
            upper
                .strip_prefix(prefix)
                .is_some_and(|rest| rest.starts_with(['.', ' ']))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_broken_and_emphasis_escaped() {
        assert_eq!(inline("a [[b]] /* c */"), "a [ [b] ] / \\* c \\* /");
        assert_eq!(inline("[[[x]]]"), "[ [ [x] ] ]");
        assert_eq!(inline("_under_ *bold*"), "\\_under\\_ \\*bold\\*");
        assert_eq!(inline("two\nlines"), "two lines");
    }

    #[test]
    fn names_that_could_read_as_something_else_are_forced() {
        assert_eq!(character("Ana", None), "ANA");
        assert_eq!(character("Ben", Some("O.S.")), "BEN (O.S.)");
        assert_eq!(character("Int. Bar", None), "@INT. BAR");
        assert_eq!(character("cut to:", None), "@CUT TO:");
        assert_eq!(character("Zoë", None), "@ZOË");
        assert_eq!(character("42", None), "@42");
        assert_eq!(character("Ana^", None), "ANA");
    }

    #[test]
    fn a_line_starting_with_a_bracket_is_not_a_parenthetical() {
        assert_eq!(dialogue("(whispers)"), "[whispers]");
        assert_eq!(dialogue("(so) what"), "[so] what");
        assert_eq!(dialogue("(open"), "[open");
        assert_eq!(dialogue("so (what)"), "so (what)");
        assert_eq!(dialogue(""), "...");
    }
}
