//! RON as tokens, comments included: what the formatter lays out. It only needs to know
//! where brackets, commas, colons, values and comments are; it never interprets a value,
//! so a value's text (a number, a string with its escapes) is printed exactly as written.

/// What a token is, as far as layout is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `(`, `[` or `{`.
    Open,
    /// `)`, `]` or `}`.
    Close,
    Comma,
    Colon,
    /// A value or a name: a string, char, number, identifier, or any other run of text.
    Atom,
    /// `// …` to the end of the line (the newline not included).
    LineComment,
    /// `/* … */`, nested as RON allows.
    BlockComment,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub kind: Kind,
    pub text: &'a str,
    /// Newlines in the whitespace before this token (0 when it shares the previous line).
    pub newlines_before: usize,
}

/// Splits `text` into tokens, or says where it cannot (an unterminated string or comment).
pub fn tokens(text: &str) -> Result<Vec<Token<'_>>, String> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut newlines = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            if c == b'\n' {
                newlines += 1;
            }
            i += 1;
            continue;
        }
        let start = i;
        let kind = match c {
            b'(' | b'[' | b'{' => {
                i += 1;
                Kind::Open
            }
            b')' | b']' | b'}' => {
                i += 1;
                Kind::Close
            }
            b',' => {
                i += 1;
                Kind::Comma
            }
            b':' => {
                i += 1;
                Kind::Colon
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                Kind::LineComment
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = block_comment_end(bytes, i).ok_or_else(|| at(text, start, "a comment"))?;
                Kind::BlockComment
            }
            b'"' => {
                i = string_end(bytes, i).ok_or_else(|| at(text, start, "a string"))?;
                Kind::Atom
            }
            b'\'' => {
                i = char_end(bytes, i).ok_or_else(|| at(text, start, "a character"))?;
                Kind::Atom
            }
            b'r' | b'b' if raw_string_start(bytes, i).is_some() => {
                let (hashes, quote) = raw_string_start(bytes, i).unwrap_or((0, i));
                i = raw_string_end(bytes, quote, hashes)
                    .ok_or_else(|| at(text, start, "a raw string"))?;
                Kind::Atom
            }
            b'b' if bytes.get(i + 1) == Some(&b'"') => {
                i = string_end(bytes, i + 1).ok_or_else(|| at(text, start, "a string"))?;
                Kind::Atom
            }
            _ => {
                while i < bytes.len() && !ends_atom(bytes, i) {
                    i += 1;
                }
                Kind::Atom
            }
        };
        out.push(Token {
            kind,
            text: &text[start..i],
            newlines_before: newlines,
        });
        newlines = 0;
    }
    Ok(out)
}

fn at(text: &str, start: usize, what: &str) -> String {
    let line = text[..start].matches('\n').count() + 1;
    format!("{what} that starts on line {line} never ends")
}

fn ends_atom(bytes: &[u8], i: usize) -> bool {
    let c = bytes[i];
    c.is_ascii_whitespace()
        || b"()[]{},:\"".contains(&c)
        || (c == b'/' && matches!(bytes.get(i + 1), Some(b'/' | b'*')))
}

/// The index just past the closing quote of the string starting at `i`.
fn string_end(bytes: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' => j += 2,
            b'"' => return Some(j + 1),
            _ => j += 1,
        }
    }
    None
}

fn char_end(bytes: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' => j += 2,
            b'\'' => return Some(j + 1),
            b'\n' => return None,
            _ => j += 1,
        }
    }
    None
}

/// `r"`, `r#"`, `br##"`…: the number of `#` and the index of the opening quote.
fn raw_string_start(bytes: &[u8], i: usize) -> Option<(usize, usize)> {
    let mut j = i;
    if bytes[j] == b'b' {
        j += 1;
    }
    if bytes.get(j) != Some(&b'r') {
        return None;
    }
    j += 1;
    let hashes = bytes[j..].iter().take_while(|&&c| c == b'#').count();
    (bytes.get(j + hashes) == Some(&b'"')).then_some((hashes, j + hashes))
}

fn raw_string_end(bytes: &[u8], quote: usize, hashes: usize) -> Option<usize> {
    let mut j = quote + 1;
    while j < bytes.len() {
        if bytes[j] == b'"'
            && bytes[j + 1..]
                .iter()
                .take(hashes)
                .filter(|&&c| c == b'#')
                .count()
                == hashes
        {
            return Some(j + 1 + hashes);
        }
        j += 1;
    }
    None
}

fn block_comment_end(bytes: &[u8], i: usize) -> Option<usize> {
    let mut depth = 0;
    let mut j = i;
    while j + 1 < bytes.len() {
        match (bytes[j], bytes[j + 1]) {
            (b'/', b'*') => {
                depth += 1;
                j += 2;
            }
            (b'*', b'/') => {
                depth -= 1;
                j += 2;
                if depth == 0 {
                    return Some(j);
                }
            }
            _ => j += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Kind, &str)> {
        tokens(text)
            .unwrap_or_default()
            .into_iter()
            .map(|t| (t.kind, t.text))
            .collect()
    }

    #[test]
    fn strings_keep_their_brackets_commas_and_comment_markers() {
        assert_eq!(
            kinds(r#"(a: "x, (y) // z", b: 'c')"#),
            [
                (Kind::Open, "("),
                (Kind::Atom, "a"),
                (Kind::Colon, ":"),
                (Kind::Atom, r#""x, (y) // z""#),
                (Kind::Comma, ","),
                (Kind::Atom, "b"),
                (Kind::Colon, ":"),
                (Kind::Atom, "'c'"),
                (Kind::Close, ")"),
            ]
        );
        assert_eq!(
            kinds(r##"r#"a "quoted" b"#"##),
            [(Kind::Atom, r##"r#"a "quoted" b"#"##)]
        );
        assert_eq!(kinds(r#""a \" b""#), [(Kind::Atom, r#""a \" b""#)]);
    }

    #[test]
    fn comments_are_tokens_and_nest() {
        assert_eq!(
            kinds("1 // one\n/* a /* b */ c */ 2"),
            [
                (Kind::Atom, "1"),
                (Kind::LineComment, "// one"),
                (Kind::BlockComment, "/* a /* b */ c */"),
                (Kind::Atom, "2"),
            ]
        );
    }

    #[test]
    fn unterminated_text_is_an_error_not_a_panic() {
        for bad in ["\"abc", "/* abc", "r#\"abc\"", "'a"] {
            assert!(tokens(bad).is_err(), "{bad}");
        }
    }
}
