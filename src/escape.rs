//! Making untrusted scene text safe for every output format.

/// Removes characters that are not allowed in XML 1.0 (control characters other than tab,
/// newline and carriage return; U+FFFE and U+FFFF). The svg crate passes them through, which
/// would make the file invalid.
pub fn strip_control(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r')
                || !(c.is_control() || c == '\u{fffe}' || c == '\u{ffff}')
        })
        .collect()
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
    fn numbers_are_fixed_and_tidy() {
        assert_eq!(number(1.0, 2), "1");
        assert_eq!(number(1.2345, 2), "1.23");
        assert_eq!(number(-0.0001, 2), "0");
        assert_eq!(number(10.50, 2), "10.5");
    }
}
