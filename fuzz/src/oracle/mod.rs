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
        "txt" => {}
        "otio" => json(name, text),
        "edl" => edl::check(name, text),
        "fountain" => fountain::check(name, text),
        other => panic!("{name}: an output of unknown kind `{other}`"),
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
