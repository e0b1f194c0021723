//! Code actions for diagnostics whose fix is mechanical, as text edits that touch only the
//! characters they must (comments and layout stay as they are):
//! - an unknown id or name with a "did you mean" becomes the suggestion (S003, S001);
//! - a walk through a closed door (M002) gets the `Door(… Open …)` entry it needs, in time
//!   order, just before the walker reaches the door;
//! - an `arrive` too soon for the distance (M005) moves to the earliest feasible time.

use super::document::Document;
use super::hover::entry_at;
use crate::diagnostic::Diagnostic;
use crate::locate::SourcePath;
use crate::source::Span;
use crate::time::{FrameRate, Time};

/// One fix: a title and the edits that make it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<(Span, String)>,
}

/// The fixes for one diagnostic of `doc` (checked on this very text).
pub fn fixes(doc: &Document, d: &Diagnostic) -> Vec<Fix> {
    let mut out = Vec::new();
    if let Some(fix) = did_you_mean(doc, d) {
        out.push(fix);
    }
    match d.code {
        "M002" => out.extend(open_the_door(doc, d)),
        "M005" => out.extend(retime_arrive(doc, d)),
        _ => {}
    }
    out
}

/// The text between the first "`" after `after` and the next one.
fn quoted_after<'a>(text: &'a str, after: &str) -> Option<&'a str> {
    let rest = &text[text.find(after)? + after.len()..];
    let rest = &rest[rest.find('`')? + 1..];
    Some(&rest[..rest.find('`')?])
}

/// A RON string literal of `text`.
fn literal(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn did_you_mean(doc: &Document, d: &Diagnostic) -> Option<Fix> {
    let suggestion = quoted_after(d.help.as_deref()?, "did you mean")?;
    let wrong = quoted_after(&d.message, "")?;
    let span = d.primary.as_ref()?.span;
    let written = doc.text().get(span.range())?;
    let replacement = if written.starts_with('"') {
        literal(suggestion)
    } else if written == wrong {
        suggestion.to_string()
    } else {
        return None;
    };
    Some(Fix {
        title: format!("Change `{wrong}` to `{suggestion}`"),
        edits: vec![(span, replacement)],
    })
}

/// `m:ss`, or `m:ss.s` off the second: how scene files write times.
fn written_time(seconds: f64) -> String {
    let tenths = (seconds * 10.0).round().max(0.0) as u64;
    let (minutes, rest) = (tenths / 600, tenths % 600);
    if rest % 10 == 0 {
        format!("{minutes}:{:02}", rest / 10)
    } else {
        format!("{minutes}:{:02}.{}", rest / 10, rest % 10)
    }
}

fn rate(doc: &Document) -> FrameRate {
    doc.parsed()
        .and_then(|p| FrameRate::new(p.raw.frame_rate))
        .or_else(|| FrameRate::new(24.0))
        .unwrap_or_else(|| unreachable!("24 fps is a supported rate"))
}

fn open_the_door(doc: &Document, d: &Diagnostic) -> Option<Fix> {
    let help = d.help.as_deref()?;
    let event = quoted_after(help, "add")?;
    let passing = help.strip_prefix("before ")?.split(',').next()?;
    let rate = rate(doc);
    let passing = crate::time::parse(passing, rate).ok()?.seconds();
    let parsed = doc.parsed()?;
    let timeline = SourcePath::root().field("timeline");
    let len = parsed.raw.timeline.len();
    let walk = entry_at(parsed, &timeline, len, d.primary.as_ref()?.span.start)?;
    let time_of = |i: usize| {
        parsed
            .raw
            .timeline
            .get(i)
            .and_then(|e| crate::time::parse(&e.at, rate).ok())
            .map(Time::seconds)
    };
    let departs = time_of(walk)?;
    // A tenth of a second (or two) before the walker reaches the door: they are within
    // reach of it, and it is open when they get there.
    let open_at = (((passing - 0.1) * 10.0).floor() / 10.0).max(departs);
    let mut after = walk;
    while after + 1 < len && time_of(after + 1).is_some_and(|t| t <= open_at) {
        after += 1;
    }
    let text = doc.text();
    let entry = parsed.spans.span(&timeline.index(after));
    let line_start = text[..entry.start].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let indent: String = text[line_start..entry.start]
        .chars()
        .take_while(|c| c.is_whitespace())
        .collect();
    let mut edits = Vec::new();
    let rest = &text[entry.end..];
    if !rest.trim_start().starts_with(',') {
        edits.push((Span::new(entry.end, entry.end), ",".to_string()));
    }
    // After the entry's line (its comma and any comment on it), as a line of its own.
    let insert_at = rest
        .find('\n')
        .map(|i| entry.end + i + 1)
        .unwrap_or(text.len());
    let newline = if insert_at == text.len() && !text.ends_with('\n') {
        "\n"
    } else {
        ""
    };
    edits.push((
        Span::new(insert_at, insert_at),
        format!(
            "{newline}{indent}(at: \"{}\", do: {event}),\n",
            written_time(open_at)
        ),
    ));
    Some(Fix {
        title: format!("Add `{event}` at {}", written_time(open_at)),
        edits,
    })
}

fn retime_arrive(doc: &Document, d: &Diagnostic) -> Option<Fix> {
    let earliest = d
        .help
        .as_deref()?
        .strip_prefix("arrive at ")?
        .split(' ')
        .next()?;
    let earliest = crate::time::parse(earliest, rate(doc)).ok()?.seconds();
    let span = d.primary.as_ref()?.span;
    if !doc.text().get(span.range())?.starts_with('"') {
        return None;
    }
    // The help's time is rounded to a tenth; round up past it so the new time is feasible.
    let at = ((earliest + 0.05) * 10.0).ceil() / 10.0;
    Some(Fix {
        title: format!(
            "Arrive at {} (the earliest feasible time)",
            written_time(at)
        ),
        edits: vec![(span, literal(&written_time(at)))],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_written_as_scene_files_write_them() {
        assert_eq!(written_time(65.0), "1:05");
        assert_eq!(written_time(65.44), "1:05.4");
        assert_eq!(written_time(0.0), "0:00");
    }

    #[test]
    fn literals_escape_quotes() {
        assert_eq!(literal("a\"b"), "\"a\\\"b\"");
    }

    #[test]
    fn quoted_after_reads_backticks() {
        assert_eq!(
            quoted_after("did you mean `k-fridge`?", "did you mean"),
            Some("k-fridge")
        );
        assert_eq!(quoted_after("unknown mark `k-fridg`", ""), Some("k-fridg"));
        assert_eq!(quoted_after("nothing", "did you mean"), None);
    }

    #[test]
    fn a_misspelt_field_name_becomes_the_suggestion() {
        let study = include_str!("../../scenes/we-cry-together.ron");
        let text = study.replacen(
            "name: \"Kitchen counter\", room",
            "name: \"Kitchen counter\", rom",
            1,
        );
        let doc = Document::new(1, text.clone());
        let found = super::super::diagnostics::check(&text);
        assert_eq!(found.len(), 1, "{found:?}");
        let fixes = fixes(&doc, &found[0]);
        assert_eq!(fixes.len(), 1, "{fixes:?}");
        let (span, new) = &fixes[0].edits[0];
        assert_eq!(&text[span.range()], "rom");
        assert_eq!(new, "room");
    }
}
