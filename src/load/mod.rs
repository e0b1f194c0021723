//! Loading: RON text → raw serde mirror → resolved [`Scene`] plus diagnostics.
//!
//! Every problem becomes a [`Diagnostic`] with a code from [`codes`]; loading never panics
//! and never stops at the first problem. A [`Scene`] comes out only when there were no
//! errors, so everything downstream works on a valid model.

mod backings;
pub mod codes;
mod halves;
mod handoff;
pub mod limits;
mod people;
mod resolver;
mod set;
mod timeline;

use crate::diagnostic::Diagnostic;
use crate::locate::{SourcePath, SpanIndex};
use crate::model::{Scene, SetGraph};
use crate::raw;
use crate::source::{SourceFile, Span};
use resolver::Resolver;
pub use resolver::closest as closest_name;

/// Nesting deeper than this is refused by ron, so hostile input cannot overflow the stack.
pub const RECURSION_LIMIT: usize = 64;

/// What loading a file gives: the scene if it is valid, the diagnostics either way, and the
/// span index that later stages use to point at the source.
#[derive(Debug)]
pub struct Loaded {
    pub scene: Option<Scene>,
    pub diagnostics: Vec<Diagnostic>,
    pub spans: SpanIndex,
}

/// The ron options every reader of scene files uses.
pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT)
}

pub fn load(file: &SourceFile) -> Loaded {
    let spans = SpanIndex::shared(file.shared_text());
    let halves::Parsed {
        scene: mut raw,
        rest,
    } = match halves::parse(file.text()) {
        Ok(parsed) => parsed,
        Err(error) => {
            return Loaded {
                scene: None,
                diagnostics: vec![syntax_error(file, &error)],
                spans,
            };
        }
    };
    let mut resolver = Resolver::new(&spans);
    // Hostile sizes stop here, before any work proportional to them.
    if limits::check(&raw, &rest, &mut resolver) {
        return Loaded {
            scene: None,
            diagnostics: resolver.finish(),
            spans,
        };
    }
    let scene = resolve(&mut raw, rest, &mut resolver).map(|scene| Scene {
        revision: file.content_hash(),
        ..scene
    });
    let diagnostics = resolver.finish();
    let scene = scene.filter(|_| !diagnostics.iter().any(Diagnostic::is_error));
    Loaded {
        scene,
        diagnostics,
        spans,
    }
}

/// The scene from its raw form; the timeline is `raw.timeline` then `rest`, and both are
/// freed once resolved.
fn resolve(raw: &mut raw::Scene, rest: Vec<raw::Event>, r: &mut Resolver) -> Option<Scene> {
    let root = SourcePath::root();
    r.take_settings(raw, &root);
    let set = set::resolve_set(&raw.set, r, &root.field("set"));
    let people = people::resolve_people(raw, &set, r);
    let props = people::resolve_props(raw, &set, &people, r);
    let beats = timeline::resolve_beats(raw, r);
    let timeline = std::mem::take(&mut raw.timeline);
    let events = timeline::resolve_events(timeline, rest, &set, &people, &props, r);
    let rule_levels = r.rule_levels(raw, &root);
    // After an error, unresolved references are placeholders (`RoomId(0)` in a set with
    // no rooms): building anything from them would index out of bounds. Only a clean
    // resolution goes on to the derived structures.
    if r.has_errors() {
        return None;
    }
    let graph = SetGraph::new(set.rooms.len(), &set.doors);
    let walls = set::walls(&set.rooms, &set.doors, &set.wild_walls);
    let backings = backings::resolve_backings(&raw.set, &set, r, &root.field("set"));
    let reveal = raw
        .reveal
        .as_deref()
        .and_then(|text| r.time(text, &root.field("reveal"), "reveal time"));
    Some(Scene {
        title: raw.title.clone(),
        notes: raw.notes.clone(),
        date: raw.date.clone(),
        revision: String::new(),
        frame_rate: r.frame_rate(),
        length: r.length()?,
        rule_levels,
        rooms: set.rooms,
        doors: set.doors,
        wild_walls: set.wild_walls,
        furniture: set.furniture,
        practicals: set.practicals,
        marks: set.marks,
        people: people.people,
        props: props.props,
        beats,
        events,
        walls,
        graph,
        backings,
        reveal,
        summary: raw.summary.clone(),
    })
}

/// Turns ron's error into S001, pointing at its line and (character) column.
fn syntax_error(file: &SourceFile, error: &ron::error::SpannedError) -> Diagnostic {
    let start = file.byte_at(error.span.start.line, error.span.start.col);
    let end = file.byte_at(error.span.end.line, error.span.end.col);
    let (start, end) = if end > start {
        (start, end)
    } else {
        (start, start)
    };
    let end = if end == start {
        file.text()[start..]
            .chars()
            .next()
            .map(|c| start + c.len_utf8())
            .unwrap_or(start)
    } else {
        end
    };
    let message = error.code.to_string();
    let (message, help) = explain_ron_error(&error.code, &message);
    Diagnostic::error(codes::SYNTAX, message)
        .at(Span::new(start, end), "here")
        .note("the scene file must be RON in the shape docs/format.md describes")
        .help(help)
}

fn explain_ron_error(code: &ron::Error, text: &str) -> (String, String) {
    use ron::Error as E;
    let lower = lower_first(text.trim_end_matches('.'));
    match code {
        E::Eof => (
            "the file ends in the middle of a value".into(),
            "close every `(`, `[` and `{` that is still open".into(),
        ),
        E::ExceededRecursionLimit => (
            "values are nested too deeply".into(),
            format!("a scene never needs more than {RECURSION_LIMIT} levels of nesting"),
        ),
        E::NoSuchStructField {
            expected, found, ..
        } => unknown_name("field", found, expected),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => unknown_name("variant", found, expected),
        E::MissingStructField { field, .. } => (
            format!("missing field `{field}`"),
            format!("add `{field}: …`; docs/format.md lists every field"),
        ),
        E::DuplicateStructField { field, .. } => (
            format!("field `{field}` is given twice"),
            "keep one of the two".into(),
        ),
        E::Utf8Error(_) => (
            "the file is not valid UTF-8 text".into(),
            "save the scene as UTF-8".into(),
        ),
        _ => (
            lower,
            "compare with docs/format.md or scenes/tutorial.ron".into(),
        ),
    }
}

/// Message and help for a field or variant name the format does not have.
fn unknown_name(what: &str, found: &str, expected: &[&str]) -> (String, String) {
    let help = match resolver::closest(found, expected.iter().copied()) {
        Some(s) => format!("did you mean `{s}`? expected one of {}", list(expected)),
        None => format!("expected one of {}", list(expected)),
    };
    (format!("unknown {what} `{found}`"), help)
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn list(items: &[&str]) -> String {
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
