//! Making untrusted scene text safe for every output format.

/// Removes characters that are not allowed in XML 1.0 (control characters other than tab,
/// newline and carriage return; U+FFFE and U+FFFF). The svg crate passes them through, which
/// would make the file invalid.
///
/// Bidi controls are removed too: a picture or page shows the text in its natural order,
/// never reordered by a hidden override (issue 10.6; docs/limits.md).
pub fn strip_control(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r')
                || !(c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' || is_bidi_control(c))
        })
        .collect()
}

/// Whether `c` is a Unicode bidirectional formatting control (ALM, LRM, RLM, the embeddings
/// and overrides U+202A–U+202E, the isolates U+2066–U+2069). They reorder the text
/// *around* them, so scene text holding one can make a line read differently from what it
/// is ("Trojan source"). Every output decides what to do with them: see docs/limits.md.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

/// Whether a terminal must not receive `c` raw: control characters (C0 but tab and newline,
/// DEL, C1, which drive the terminal: ESC clears the screen, BEL rings), bidi controls, and
/// the Unicode line and paragraph separators.
fn unsafe_on_terminal(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n'))
        || is_bidi_control(c)
        || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Scene text made safe for a terminal: every character that would drive the terminal or
/// reorder the line is spelled out visibly as `\u{1b}`, so a scene cannot clear the screen,
/// ring the bell or print a fake "ok". Tabs stay; a newline is spelled out too, since one
/// piece of scene text is never more than one line of a report.
pub fn terminal(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| unsafe_on_terminal(c) || c == '\n') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_terminal_char(&mut out, c, false);
    }
    std::borrow::Cow::Owned(out)
}

/// A whole report for the terminal (many lines, its own newlines kept): as [`terminal`] on
/// every line.
pub fn terminal_lines(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(unsafe_on_terminal) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_terminal_char(&mut out, c, true);
    }
    std::borrow::Cow::Owned(out)
}

/// Pushes `c`, spelled out as `\u{…}` when a terminal must not see it raw.
pub fn push_terminal_char(out: &mut String, c: char, keep_newline: bool) {
    if unsafe_on_terminal(c) || (c == '\n' && !keep_newline) {
        use std::fmt::Write;
        let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
    } else {
        out.push(c);
    }
}

/// Scene text cut to at most `max_chars` characters for a one-line echo (a summary, a
/// message), with `…` where it was cut, and made safe with [`terminal`]. A 10 MB title is
/// never printed whole.
pub fn terminal_short(text: &str, max_chars: usize) -> String {
    let mut cut: String = text.chars().take(max_chars).collect();
    if cut.len() < text.len() {
        cut.push('…');
    }
    terminal(&cut).into_owned()
}

/// Serialised JSON with every bidi control and every C1/DEL control inside its strings
/// written as a `\uXXXX` escape (serde_json writes them raw): the data is kept exactly, but
/// a viewer or terminal showing the file is not reordered or driven by it. These characters
/// can only occur inside JSON strings, so replacing them keeps the JSON valid and equal.
pub fn json_safe(json: String) -> String {
    if !json
        .chars()
        .any(|c| is_bidi_control(c) || c.is_control() || matches!(c, '\u{2028}' | '\u{2029}'))
    {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_bidi_control(c)
            || matches!(c, '\u{2028}' | '\u{2029}')
            || (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        {
            use std::fmt::Write;
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// Escapes text for XML/HTML element content and quoted attribute values.
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in strip_control(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Formats a number with at most `decimals` places and no trailing zeros, so output is
/// byte-identical from run to run and `-0` never appears.
pub fn number(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    if text == "-0" { "0".into() } else { text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(
            xml("</text><script>alert(1)</script>"),
            "&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(xml("a\u{0}b\u{1b}c\td"), "abc\td");
        assert_eq!(
            xml("\"Tom & Jerry's\""),
            "&quot;Tom &amp; Jerry&#39;s&quot;"
        );
    }

    #[test]
    fn terminal_text_spells_out_what_would_drive_the_terminal() {
        assert_eq!(terminal("plain"), "plain");
        assert_eq!(terminal("a\u{1b}[2Jb\u{7}"), "a\\u{1b}[2Jb\\u{7}");
        assert_eq!(
            terminal("x\u{202e}y\u{9b}z\u{7f}"),
            "x\\u{202e}y\\u{9b}z\\u{7f}"
        );
        assert_eq!(terminal("one\ntwo\tthree"), "one\\u{a}two\tthree");
        assert_eq!(terminal_lines("one\ntwo\u{1b}"), "one\ntwo\\u{1b}");
        assert_eq!(terminal_short(&"é".repeat(100), 3), "ééé…");
        assert_eq!(terminal_short("short", 80), "short");
    }

    #[test]
    fn bidi_controls_are_stripped_from_markup_and_escaped_in_json() {
        assert_eq!(xml("evil\u{202e}txt.exe\u{2066}"), "eviltxt.exe");
        let json = serde_json::to_string("a\u{202e}b\u{85}c").unwrap();
        let safe = json_safe(json);
        assert_eq!(safe, "\"a\\u202eb\\u0085c\"");
        assert_eq!(
            serde_json::from_str::<String>(&safe).unwrap(),
            "a\u{202e}b\u{85}c"
        );
    }

    #[test]
    fn numbers_are_fixed_and_tidy() {
        assert_eq!(number(1.0, 2), "1");
        assert_eq!(number(1.2345, 2), "1.23");
        assert_eq!(number(-0.0001, 2), "0");
        assert_eq!(number(10.50, 2), "10.5");
    }
}
