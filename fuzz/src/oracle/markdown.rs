//! Markdown: every table row has as many cells as the header, and scene text never opens
//! an HTML element (a Markdown viewer would render it).

/// Checks a Markdown cue sheet.
pub fn check(name: &str, text: &str) {
    let mut width = None;
    for line in text.lines().filter(|l| l.starts_with('|')) {
        let cells = unescaped(line, '|').count();
        match width {
            None => width = Some(cells),
            Some(w) => assert_eq!(w, cells, "{name}: a row of another width: {line:?}"),
        }
    }
    for i in unescaped(text, '<') {
        assert!(
            text[i..].starts_with("<br>"),
            "{name}: unescaped `<` from scene text: {}",
            super::excerpt(text, i)
        );
    }
}

/// Byte offsets of `wanted` not escaped by a backslash.
fn unescaped(text: &str, wanted: char) -> impl Iterator<Item = usize> + '_ {
    let mut escaped = false;
    text.char_indices().filter_map(move |(i, c)| {
        let hit = c == wanted && !escaped;
        escaped = c == '\\' && !escaped;
        hit.then_some(i)
    })
}
