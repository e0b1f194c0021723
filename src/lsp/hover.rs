//! Hover: on an id, what it is and where it is defined; on a field name, its documentation;
//! anywhere else in a timeline entry or beat, the state of the take at that moment, as
//! `oner at` prints it.

use super::context::{ACTIONS, Cursor};
use super::document::{Document, Parsed};
use super::field_docs;
use super::ids::{Kind, Occurrence};
use crate::locate::SourcePath;
use crate::raw::{self, CrewRole, PropPlace};
use crate::sim::Simulation;
use crate::source::Span;

/// Markdown for the hover at `offset` and the span it is about, or `None`.
pub fn hover(doc: &Document, offset: usize) -> Option<(String, Span)> {
    let text = doc.text();
    if let Some(parsed) = doc.parsed()
        && let Some(o) = parsed.ids.at(offset)
    {
        return Some((describe_id(doc, parsed, o), o.span));
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

fn describe_id(doc: &Document, parsed: &Parsed, o: &Occurrence) -> String {
    let raw = &parsed.raw;
    let what: Option<String> = match o.kind {
        Kind::Room => raw
            .set
            .rooms
            .0
            .iter()
            .find(|(id, _)| *id == o.id)
            .map(|(_, r)| {
                let offstage = if r.offstage { ", offstage floor" } else { "" };
                format!("{}{offstage}", r.name)
            }),
        Kind::Door => raw.set.doors.iter().find(|d| d.id == o.id).map(|d| {
            format!(
                "{} ({:?}) between `{}` and `{}`, {} m wide",
                d.name.as_deref().unwrap_or(&d.id),
                d.kind,
                d.rooms.0,
                d.rooms.1,
                crate::escape::number(d.width, 2)
            )
        }),
        Kind::WildWall => raw
            .set
            .wild_walls
            .iter()
            .find(|w| w.id == o.id)
            .map(|w| w.name.clone().unwrap_or_else(|| w.id.clone())),
        Kind::Furniture => raw
            .set
            .furniture
            .iter()
            .find(|f| f.id == o.id)
            .map(|f| format!("{} in `{}`", f.name, f.room)),
        Kind::Practical => raw
            .set
            .practicals
            .iter()
            .find(|p| p.id == o.id)
            .map(|p| format!("{} in `{}`", p.name, p.room)),
        Kind::Mark => raw
            .set
            .marks
            .0
            .iter()
            .find(|(id, _)| *id == o.id)
            .map(|(_, m)| {
                let mut s = format!(
                    "{} in `{}` at ({}, {})",
                    m.name.as_deref().unwrap_or("(no name)"),
                    m.room,
                    crate::escape::number(m.at.0, 2),
                    crate::escape::number(m.at.1, 2)
                );
                if let Some(note) = &m.note {
                    s.push_str(&format!("; {note}"));
                }
                s
            }),
        Kind::Person => describe_person(raw, &o.id),
        Kind::Prop => raw
            .props
            .0
            .iter()
            .find(|(id, _)| *id == o.id)
            .map(|(_, p)| {
                let starts = match &p.starts {
                    PropPlace::OnMark(m) => format!("on the floor at `{m}`"),
                    PropPlace::On(f) => format!("on `{f}`"),
                    PropPlace::HeldBy(w) => format!("held by `{w}`"),
                };
                format!("{}, starts {starts}", p.name)
            }),
        Kind::Backing => raw
            .set
            .backings
            .iter()
            .find(|b| b.id == o.id)
            .map(|b| format!("behind `{}`", b.covers)),
    };
    let mut out = format!("**{}** `{}`", o.kind.noun(), o.id);
    match (what, parsed.ids.definition(o.kind, &o.id)) {
        (Some(what), Some(def)) => {
            let line = doc.lines.position(doc.text(), def.span.start).line + 1;
            out.push_str(&format!(": {}\n\ndefined on line {line}", one_line(&what)));
        }
        _ => out.push_str(&format!("\n\nno {} has this id", o.kind.noun())),
    }
    let uses = parsed
        .ids
        .occurrences_of(o.kind, &o.id)
        .filter(|x| !x.definition)
        .count();
    out.push_str(&format!(
        ", used {uses} time{}",
        if uses == 1 { "" } else { "s" }
    ));
    out
}

fn describe_person(raw: &raw::Scene, id: &str) -> Option<String> {
    if let Some((_, c)) = raw.cast.0.iter().find(|(i, _)| i == id) {
        let by = c
            .played_by
            .as_deref()
            .map(|p| format!(", played by {p}"))
            .unwrap_or_default();
        return Some(format!(
            "{} (cast{by}), starts at `{}`",
            c.name, c.starts_at
        ));
    }
    let (_, c) = raw.crew.0.iter().find(|(i, _)| i == id)?;
    let role = match &c.role {
        CrewRole::Camera { rig, lens_mm, .. } => {
            format!("camera, {rig:?}, {} mm", crate::escape::number(*lens_mm, 1))
        }
        CrewRole::Boom => "boom".into(),
        CrewRole::FocusPuller => "focus puller".into(),
        CrewRole::Other(what) => what.clone(),
    };
    Some(format!(
        "{} (crew: {role}), starts at `{}`",
        c.name.as_deref().unwrap_or(id),
        c.starts_at
    ))
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
