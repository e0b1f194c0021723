//! Graphviz DOT: scene text stays inside quoted strings. Outside them only the syntax
//! oner writes may appear (ids, punctuation, `--`, comments); a stray `"` or an HTML-like
//! `<label>` would mean scene text escaped its quotes.

/// Checks a DOT file.
pub fn check(name: &str, text: &str) {
    let mut chars = text.char_indices().peekable();
    let mut depth = 0i64;
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => {
                let mut closed = false;
                while let Some((_, c)) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => {
                            closed = true;
                            break;
                        }
                        '\n' | '\r' => panic!("{name}: a line break inside a string at byte {i}"),
                        _ => {}
                    }
                }
                assert!(closed, "{name}: a string opened at byte {i} never closes");
            }
            '/' if chars.peek().map(|&(_, c)| c) == Some('/') => {
                for (_, c) in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '{' | '[' => depth += 1,
            '}' | ']' => {
                depth -= 1;
                assert!(depth >= 0, "{name}: unbalanced at byte {i}");
            }
            c if c.is_ascii_alphanumeric() || c.is_ascii_whitespace() => {}
            ';' | '=' | ',' | '-' | '_' | '.' => {}
            c => panic!(
                "{name}: {c:?} outside a string: {}",
                super::excerpt(text, i)
            ),
        }
    }
    assert_eq!(depth, 0, "{name}: unbalanced braces");
}
