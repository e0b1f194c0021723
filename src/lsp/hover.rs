//! Hover: on an id, what it is and where it is defined; on a field name, its documentation;
//! anywhere else in a timeline entry or beat, the state of the take at that moment, as
//! `oner at` prints it.

use super::context::{ACTIONS, Cursor};
use super::document::{Document, Parsed};
use super::field_docs;
use super::ids::Occurrence;
use crate::locate::SourcePath;
use crate::sim::Simulation;
use crate::source::Span;

/// Markdown for the hover at `offset` and the span it is about, or `None`.
pub fn hover(doc: &Document, offset: usize) -> Option<(String, Span)> {
    let text = doc.text();
    if let Some(o) = doc.ids().at(offset) {
        return Some((describe_id(doc, o), o.span));
    }
    if let Some((field, span)) = field_name_at(text, offset) {
        let cursor = Cursor::at(text, span.start);
        let section = section_of(&cursor);
        let docs = field_docs::lookup(&field, section);
        if !docs.is_empty() {
            return Some((field_docs::markdown(&field, &docs), span));
        }
    }
    let parsed = doc.parsed()?;
    let (time_text, span) = moment_at(parsed, offset)?;
    Some((moment(doc, parsed, &time_text), span))
}

/// The field name under the cursor: a word followed by `:`, outside any string.
pub fn field_name_at(text: &str, offset: usize) -> Option<(String, Span)> {
    let bytes = text.as_bytes();
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut start = offset.min(bytes.len());
    while start > 0 && is_word(bytes[start - 1]) {
        start -= 1;
    }
    let mut end = offset.min(bytes.len());
    while end < bytes.len() && is_word(bytes[end]) {
        end += 1;
    }
    if start == end {
        return None;
    }
    let after = text[end..].trim_start();
    if !after.starts_with(':') || Cursor::at(text, start).in_string.is_some() {
        return None;
    }
    Some((text[start..end].to_string(), Span::new(start, end)))
}

/// The docs/format.md heading for the group the cursor is in.
fn section_of(cursor: &Cursor) -> Option<&'static str> {
    if cursor.frames.len() == 1 {
        return Some("The take (top level)");
    }
    for frame in cursor.frames.iter().rev() {
        if let Some(name) = frame.name.as_deref().filter(|n| ACTIONS.contains(n)) {
            return field_docs::section_for(name);
        }
        if let Some(section) = frame.field.as_deref().and_then(field_docs::section_for) {
            return Some(section);
        }
    }
    None
}

/// What an id is: its kind, its definition as written (the line, or the whole group when
/// the definition is spread over lines), where, and how often it is used.
fn describe_id(doc: &Document, o: &Occurrence) -> String {
    let ids = doc.ids();
    let text = doc.text();
    let mut out = format!("**{}** `{}`", o.kind.noun(), o.id);
    match ids.definition(o.kind, &o.id) {
        Some(def) => {
            let line = doc.lines.line_of(def.span.start);
            let start = doc.lines.line_start(text, line);
            let mut lines: Vec<&str> = Vec::new();
            for l in text[start..].lines().take(12) {
                let l = l.trim();
                lines.push(l);
                // One line, unless it is the `id:` of a group written one field per line.
                let spread = lines.first().is_some_and(|first| first.starts_with("id:"));
                if !spread || l.starts_with(')') {
                    break;
                }
            }
            let source: String = lines.join("\n").chars().take(600).collect();
            out.push_str(&format!(
                "\n\n```ron\n{}\n```\n\ndefined on line {}",
                source.replace("```", "'''"),
                line + 1
            ));
        }
        None => out.push_str(&format!("\n\nno {} has this id", o.kind.noun())),
    }
    let uses = ids
        .occurrences_of(o.kind, &o.id)
        .filter(|x| !x.definition)
        .count();
    out.push_str(&format!(
        ", used {uses} time{}",
        if uses == 1 { "" } else { "s" }
    ));
    out
}

/// Scene text may hold newlines and Markdown; a hover line stays one line.
fn one_line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}

/// The timeline entry or beat the cursor is in: its time as written and its span.
fn moment_at(parsed: &Parsed, offset: usize) -> Option<(String, Span)> {
    let root = SourcePath::root();
    let entries = [
        (root.field("timeline"), parsed.raw.timeline.len()),
        (root.field("beats"), parsed.raw.beats.len()),
    ];
    for (list, len) in entries {
        let Some(i) = entry_at(parsed, &list, len, offset) else {
            continue;
        };
        let span = parsed.spans.span(&list.index(i));
        let at = if list == root.field("timeline") {
            parsed.raw.timeline.get(i).map(|e| e.at.clone())
        } else {
            parsed.raw.beats.get(i).map(|b| b.at.clone())
        };
        return at.map(|at| (at, span));
    }
    None
}

/// Which element of the list at `list` (of `len` elements, in file order) holds `offset`.
pub fn entry_at(parsed: &Parsed, list: &SourcePath, len: usize, offset: usize) -> Option<usize> {
    let (mut lo, mut hi) = (0, len);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if parsed.spans.span(&list.index(mid)).end < offset {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    let span = parsed.spans.span(&list.index(lo));
    (lo < len && span.start <= offset && offset <= span.end).then_some(lo)
}

/// `oner at`'s text for the moment written as `time_text`.
fn moment(doc: &Document, parsed: &Parsed, time_text: &str) -> String {
    let Some(scene) = doc.loaded().scene.as_ref() else {
        return "The state of the take shows here once the scene checks without errors.".into();
    };
    let rate = crate::time::FrameRate::new(parsed.raw.frame_rate).unwrap_or(scene.frame_rate);
    let Ok(t) = crate::time::parse(time_text, rate) else {
        return format!("`{}` is not a time", one_line(time_text));
    };
    let sim = Simulation::new(scene);
    let text = sim.snapshot(t).to_text(true);
    format!("```text\n{}\n```", text.replace("```", "'''"))
}
