//! Oracles: each reads one kind of output back and panics if it is malformed or carries
//! scene text unescaped. [`file`] picks the oracle by the file's extension.

pub mod csv_cells;
pub mod dot;
pub mod edl;
pub mod fountain;
pub mod markdown;
pub mod markup;
pub mod names;
pub mod vtt;

use crate::hostile::RAW_ELEMENT;
use oner::output::OutputFile;

/// Checks one output file by its kind.
pub fn file(file: &OutputFile) {
    let name = file.name.as_str();
    if name.ends_with(".pdf") {
        pdf(name, &file.bytes);
        return;
    }
    if name.ends_with(".glb") {
        glb(name, &file.bytes);
        return;
    }
    let text =
        std::str::from_utf8(&file.bytes).unwrap_or_else(|e| panic!("{name}: not UTF-8: {e}"));
    match name.rsplit('.').next().unwrap_or("") {
        "svg" => markup::svg(name, text),
        "html" => markup::html(name, text),
        "json" => json(name, text),
        "csv" => csv_cells::check(name, text),
        "vtt" => vtt::check(name, text),
        "md" => markdown::check(name, text),
        "dot" => dot::check(name, text),
        "txt" if name.starts_with("cues-qlab") => qlab(name, text),
        "txt" => {}
        "asc" => usitt(name, text),
        "otio" => json(name, text),
        "edl" => edl::check(name, text),
        "fountain" => fountain::check(name, text),
        other => panic!("{name}: an output of unknown kind `{other}`"),
    }
}

/// A glTF 2.0 binary: the header's magic, version and length, a JSON chunk first that parses,
/// every chunk 4-byte aligned and inside the file.
pub fn glb(name: &str, bytes: &[u8]) {
    let word = |at: usize| {
        let b = bytes
            .get(at..at + 4)
            .unwrap_or_else(|| panic!("{name}: cut short at byte {at}"));
        u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize
    };
    assert_eq!(bytes.get(..4), Some(&b"glTF"[..]), "{name}: no glTF magic");
    assert_eq!(word(4), 2, "{name}: not glTF version 2");
    assert_eq!(word(8), bytes.len(), "{name}: header length is not the file's");
    let mut at = 12;
    let mut first = true;
    while at < bytes.len() {
        let (length, kind) = (word(at), word(at + 4));
        assert_eq!(length % 4, 0, "{name}: chunk at {at} not 4-byte aligned");
        let body = bytes
            .get(at + 8..at + 8 + length)
            .unwrap_or_else(|| panic!("{name}: chunk at {at} runs past the end"));
        if first {
            assert_eq!(kind, 0x4E4F_534A, "{name}: the first chunk is not JSON");
            let text = std::str::from_utf8(body)
                .unwrap_or_else(|e| panic!("{name}: JSON chunk not UTF-8: {e}"));
            json(name, text);
            first = false;
        }
        at += 8 + length;
    }
    assert!(!first, "{name}: no JSON chunk");
}

/// USITT ASCII: ASCII only, lines of at most 80 characters, the `IDENT 3:0` header and
/// `ENDDATA` last, and no scene text able to open a record of its own: every line is a
/// comment, blank, or starts with a keyword the format knows.
pub fn usitt(name: &str, text: &str) {
    assert!(text.is_ascii(), "{name}: not ASCII");
    const KEYWORDS: [&str; 12] = [
        "IDENT", "MANUFACTURER", "CONSOLE", "CLEAR", "CUE", "TEXT", "UP", "DOWN", "FOLLOWON",
        "LINK", "PART", "ENDDATA",
    ];
    let mut records = Vec::new();
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        assert!(line.len() <= 80, "{name}: a line over 80 characters: {line:?}");
        let line = line.trim_start();
        if line.is_empty() || line.starts_with('!') {
            continue;
        }
        let keyword = line.split_whitespace().next().unwrap_or("");
        assert!(
            KEYWORDS.contains(&keyword),
            "{name}: a line that is no USITT record: {line:?}"
        );
        records.push(keyword);
    }
    assert_eq!(records.first(), Some(&"IDENT"), "{name}: no IDENT first");
    assert_eq!(records.last(), Some(&"ENDDATA"), "{name}: ENDDATA is not last");
}

/// QLab's OSC text form: each line one message, an address then quoted arguments, no line
/// that scene text broke into two.
pub fn qlab(name: &str, text: &str) {
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        assert!(
            line.starts_with('/') || line.starts_with('#'),
            "{name}: a line that is no OSC message: {line:?}"
        );
        // Outside quotes only the address and numbers; inside, `\` escapes the next char.
        let (mut quoted, mut escaped) = (false, false);
        for c in line.chars() {
            match (quoted, escaped, c) {
                (true, false, '\\') => escaped = true,
                (true, true, _) => escaped = false,
                (_, false, '"') => quoted = !quoted,
                _ => {}
            }
            assert!(!c.is_control(), "{name}: a control character in {line:?}");
        }
        assert!(!quoted, "{name}: an argument left open: {line:?}");
    }
}

/// Valid JSON.
pub fn json(name: &str, text: &str) {
    if let Err(e) = serde_json::from_str::<serde_json::Value>(text) {
        panic!("{name}: not JSON: {e}");
    }
}

/// A complete PDF: the header, the end-of-file marker, and a `startxref` offset that
/// points at the cross-reference table or stream (what a reader looks up first).
pub fn pdf(name: &str, bytes: &[u8]) {
    assert!(bytes.starts_with(b"%PDF-"), "{name}: no PDF header");
    let tail = &bytes[bytes.len().saturating_sub(64)..];
    let tail = String::from_utf8_lossy(tail);
    assert!(tail.trim_end().ends_with("%%EOF"), "{name}: no %%EOF");
    let offset = tail
        .rsplit_once("startxref")
        .and_then(|(_, rest)| rest.split_whitespace().next()?.parse::<usize>().ok())
        .unwrap_or_else(|| panic!("{name}: no startxref"));
    let at = bytes
        .get(offset..)
        .unwrap_or_else(|| panic!("{name}: startxref {offset} is past the end"));
    let table = at.starts_with(b"xref");
    let stream = at
        .iter()
        .take(32)
        .position(|&b| b == b'o')
        .is_some_and(|i| at[i..].starts_with(b"obj"));
    assert!(
        table || stream,
        "{name}: startxref {offset} points at neither a table nor a stream"
    );
}

/// No start of the hostile marker's element anywhere in `text` (for formats where `<` is
/// always escaped as an entity).
pub fn no_raw_element(name: &str, text: &str) {
    for raw in RAW_ELEMENT {
        if let Some(i) = text.find(raw) {
            panic!(
                "{name}: scene text unescaped at byte {i}: {}",
                excerpt(text, i)
            );
        }
    }
}

/// A short piece of `text` around byte `i`, for failure messages.
pub fn excerpt(text: &str, i: usize) -> String {
    let mut start = i.saturating_sub(60);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (i + 60).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    format!("{:?}", &text[start..end])
}
