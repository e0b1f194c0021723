//! Every id in a scene file, where it is defined and everywhere it is used.
//!
//! Found by one pass over the text's tokens that knows, from the field names and variants
//! around each string, which strings are ids and of what kind (the fields the loader
//! resolves). It needs no parse: it is fast on a Russian-Ark-size file, and go to definition
//! still works while the file has a syntax error elsewhere.

use super::context::ACTIONS;
use crate::locate::{Tok, tokenise, unescape};
use crate::source::Span;
use std::collections::HashSet;

/// What kind of thing an id names. Marks and furniture share one namespace in the format,
/// cast and crew another (people); the rest have one each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Room,
    Door,
    WildWall,
    Furniture,
    Practical,
    Mark,
    Person,
    Prop,
    Backing,
}

impl Kind {
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Room => "room",
            Kind::Door => "door",
            Kind::WildWall => "wild wall",
            Kind::Furniture => "furniture",
            Kind::Practical => "practical",
            Kind::Mark => "mark",
            Kind::Person => "person",
            Kind::Prop => "prop",
            Kind::Backing => "backing",
        }
    }
}

/// One id written in the file: its definition or a reference to one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    pub kind: Kind,
    pub id: String,
    /// The string literal, quotes included.
    pub span: Span,
    pub definition: bool,
}

/// The ids of one file, in file order.
#[derive(Debug, Default)]
pub struct IdIndex {
    occurrences: Vec<Occurrence>,
}

/// A reference before it is resolved: the kinds the field accepts, first the likeliest.
struct Pending {
    kinds: &'static [Kind],
    id: String,
    span: Span,
}

const ROOM: &[Kind] = &[Kind::Room];
const DOOR: &[Kind] = &[Kind::Door];
const MARK: &[Kind] = &[Kind::Mark];
const PERSON: &[Kind] = &[Kind::Person];
const PROP: &[Kind] = &[Kind::Prop];
/// `On(…)` takes furniture, or a mark.
const PLACE: &[Kind] = &[Kind::Furniture, Kind::Mark];
const MARK_OR_PERSON: &[Kind] = &[Kind::Mark, Kind::Person];
const PERSON_OR_MARK: &[Kind] = &[Kind::Person, Kind::Mark];
const THROW_TARGET: &[Kind] = &[Kind::Mark, Kind::Furniture, Kind::Person];

/// The kinds of id a field of an action accepts, by action and field name; also what
/// completion offers there.
pub fn action_field_kinds(action: &str, field: &str) -> &'static [Kind] {
    match (action, field) {
        (_, "who" | "by" | "from") => PERSON,
        (_, "prop") => PROP,
        (_, "via" | "door" | "on_slam") => DOOR,
        (_, "strikes") => &[Kind::WildWall],
        ("Move" | "Camera", "to") => MARK,
        ("Give" | "Line", "to") => PERSON,
        ("Throw", "to") => THROW_TARGET,
        ("Put", "on") => PLACE,
        ("Camera", "frame") => PERSON_OR_MARK,
        _ => &[],
    }
}

/// The kinds of id a field outside the timeline accepts (`room`, `starts_at`, …), or a
/// prop place variant's (`On`, `OnMark`, `HeldBy`).
pub fn field_kinds(field: &str) -> &'static [Kind] {
    match field {
        "room" | "rooms" | "swings_into" => ROOM,
        "starts_at" => MARK,
        "facing" => MARK_OR_PERSON,
        "covers" => DOOR,
        "strikes" => &[Kind::WildWall],
        "On" => PLACE,
        "OnMark" => MARK,
        "HeldBy" => PERSON,
        _ => &[],
    }
}

impl IdIndex {
    /// Every id in `text`, by kind.
    pub fn scan(text: &str) -> IdIndex {
        let mut definitions = Vec::new();
        let mut pending = Vec::new();
        for (span, id, place) in strings(text) {
            match place {
                Place::Defines(kind) => definitions.push(Occurrence {
                    kind,
                    id,
                    span,
                    definition: true,
                }),
                Place::Refers(kinds) => pending.push(Pending { kinds, id, span }),
            }
        }
        IdIndex::resolve(definitions, pending)
    }

    fn resolve(definitions: Vec<Occurrence>, pending: Vec<Pending>) -> IdIndex {
        let defined: HashSet<(Kind, &str)> = definitions
            .iter()
            .map(|d| (d.kind, d.id.as_str()))
            .collect();
        let references: Vec<Occurrence> = pending
            .into_iter()
            .filter_map(|p| {
                let kind = p
                    .kinds
                    .iter()
                    .copied()
                    .find(|&k| defined.contains(&(k, p.id.as_str())))
                    .or_else(|| p.kinds.first().copied())?;
                Some(Occurrence {
                    kind,
                    id: p.id,
                    span: p.span,
                    definition: false,
                })
            })
            .collect();
        let mut occurrences = definitions;
        occurrences.extend(references);
        occurrences.sort_by_key(|o| (o.span.start, o.span.end));
        IdIndex { occurrences }
    }

    /// The id written at a byte offset (the cursor on or just after its literal).
    pub fn at(&self, offset: usize) -> Option<&Occurrence> {
        let i = self.occurrences.partition_point(|o| o.span.end < offset);
        self.occurrences
            .get(i)
            .filter(|o| o.span.start <= offset && offset <= o.span.end)
    }

    pub fn definition(&self, kind: Kind, id: &str) -> Option<&Occurrence> {
        self.occurrences
            .iter()
            .find(|o| o.definition && o.kind == kind && o.id == id)
    }

    /// Every occurrence of the id, definition included, in file order.
    pub fn occurrences_of<'a>(
        &'a self,
        kind: Kind,
        id: &'a str,
    ) -> impl Iterator<Item = &'a Occurrence> + 'a {
        self.occurrences
            .iter()
            .filter(move |o| o.kind == kind && o.id == id)
    }

    /// The defined ids of a kind, in file order, each once.
    pub fn defined(&self, kind: Kind) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for o in self
            .occurrences
            .iter()
            .filter(|o| o.definition && o.kind == kind)
        {
            if !ids.contains(&o.id.as_str()) {
                ids.push(&o.id);
            }
        }
        ids
    }

    pub fn all(&self) -> &[Occurrence] {
        &self.occurrences
    }
}

/// What a string at some place in the file is.
enum Place {
    Defines(Kind),
    Refers(&'static [Kind]),
}

/// One open bracket while scanning.
struct Frame {
    open: u8,
    /// The variant written before the bracket (`Move`, `On`).
    name: Option<String>,
    /// The field this group is the value of (`via` for `via: [`).
    field: Option<String>,
    /// The field named since the last comma.
    current: Option<String>,
    /// In a `{ … }`: the next string is a key.
    expect_key: bool,
}

/// The kind of thing defined by the keys of a map held by `field`, or the `id` fields of a
/// list held by `field`.
fn defined_by(field: &str, map: bool) -> Option<Kind> {
    Some(match (field, map) {
        ("rooms", true) => Kind::Room,
        ("marks", true) => Kind::Mark,
        ("cast" | "crew", true) => Kind::Person,
        ("props", true) => Kind::Prop,
        ("doors", false) => Kind::Door,
        ("wild_walls", false) => Kind::WildWall,
        ("furniture", false) => Kind::Furniture,
        ("practicals", false) => Kind::Practical,
        ("backings", false) => Kind::Backing,
        _ => return None,
    })
}

/// What the string at the top of `frames` is, if an id.
fn classify(frames: &[Frame]) -> Option<Place> {
    let inner = frames.last()?;
    if inner.open == b'{' {
        if !inner.expect_key {
            return None;
        }
        return defined_by(inner.field.as_deref()?, true).map(Place::Defines);
    }
    let field = match (&inner.current, &inner.name) {
        (Some(current), _) => current.as_str(),
        (None, Some(name)) if inner.open == b'(' => name.as_str(),
        _ => inner.field.as_deref()?,
    };
    if field == "id" && inner.current.is_some() {
        let list = frames.len().checked_sub(2).and_then(|i| frames.get(i))?;
        return defined_by(list.field.as_deref()?, false).map(Place::Defines);
    }
    let action = frames
        .iter()
        .rev()
        .take(2)
        .find_map(|f| f.name.as_deref().filter(|n| ACTIONS.contains(n)))
        // `Camera(…)` is also a crew role, whose fields hold no ids.
        .filter(|_| !frames.iter().any(|f| f.field.as_deref() == Some("role")));
    let kinds = match action {
        Some(action) => action_field_kinds(action, field),
        None => field_kinds(field),
    };
    (!kinds.is_empty()).then_some(Place::Refers(kinds))
}

/// Every string of `text` that is an id: its span (quotes included), its text, its place.
fn strings(text: &str) -> Vec<(Span, String, Place)> {
    let mut out = Vec::new();
    let mut frames: Vec<Frame> = Vec::new();
    let mut last_atom: Option<String> = None;
    for (token, span) in tokenise(text) {
        match token {
            Tok::Str(inner, is_raw) => {
                if let Some(place) = classify(&frames) {
                    let id = unescape(inner, is_raw).unwrap_or_else(|| inner.to_string());
                    out.push((span, id, place));
                }
                last_atom = None;
            }
            Tok::Open(open) => {
                let field = frames.last().and_then(|f| f.current.clone());
                frames.push(Frame {
                    open,
                    name: last_atom.take(),
                    field,
                    current: None,
                    expect_key: open == b'{',
                });
            }
            Tok::Close(_) => {
                frames.pop();
                last_atom = None;
            }
            Tok::Comma => {
                if let Some(f) = frames.last_mut() {
                    f.current = None;
                    f.expect_key = f.open == b'{';
                }
                last_atom = None;
            }
            Tok::Colon => {
                if let Some(f) = frames.last_mut() {
                    f.current = last_atom.take();
                    f.expect_key = false;
                }
            }
            Tok::Atom(atom) => last_atom = Some(atom.to_string()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r##"(
    title: "T", frame_rate: 24, length: "1:00",
    set: (
        rooms: { "hall": (name: "Hall", shape: Rect(x: 0.0, y: 0.0, w: 4.0, h: 4.0)) },
        furniture: [(id: "table", name: "Table", room: "hall", shape: Rect(x: 1.0, y: 1.0, w: 1.0, h: 1.0))],
        marks: { "a": (room: "hall", at: (0.5, 0.5)), "b": (room: "hal", at: (3.5, 3.5)) },
    ),
    cast: { "ana": (name: "Ana", colour: "#ff0000", starts_at: "a") },
    props: { "keys": (name: "Keys", starts: On("table")) },
    timeline: [
        (at: "0:01", do: Move(who: "ana", to: "b")),
        (at: "0:05", do: Throw(who: "ana", prop: "keys", to: "table")),
    ],
)"##;

    fn index() -> IdIndex {
        IdIndex::scan(TEXT)
    }

    #[test]
    fn finds_definitions_and_references_of_each_kind() {
        let ids = index();
        let a: Vec<&str> = ids
            .occurrences_of(Kind::Mark, "a")
            .map(|o| &TEXT[o.span.range()])
            .collect();
        assert_eq!(a, ["\"a\"", "\"a\""]);
        let def = ids.definition(Kind::Mark, "a").map(|o| o.span.start);
        assert_eq!(def, TEXT.find("\"a\": (room"));
        // `to` of a Throw resolves to furniture, since that is what "table" is.
        assert_eq!(ids.occurrences_of(Kind::Furniture, "table").count(), 3);
        assert_eq!(ids.defined(Kind::Room), ["hall"]);
    }

    #[test]
    fn an_unknown_id_is_still_a_reference_of_the_expected_kind() {
        let ids = index();
        let hal = TEXT.find("\"hal\"").unwrap_or(0);
        let found = ids.at(hal + 2);
        assert_eq!(
            found.map(|o| (o.kind, o.id.as_str(), o.definition)),
            Some((Kind::Room, "hal", false))
        );
        assert!(ids.definition(Kind::Room, "hal").is_none());
    }

    #[test]
    fn ids_are_found_in_text_that_does_not_parse() {
        // Cut off mid-timeline, and a stray bracket: ron refuses it, the scan does not.
        let cut = &TEXT[..TEXT.find("(at: \"0:05\"").unwrap_or(TEXT.len())];
        let broken = cut.replacen("title: \"T\",", "title: \"T\", ((", 1);
        let ids = IdIndex::scan(&broken);
        assert_eq!(ids.defined(Kind::Mark), ["a", "b"]);
        assert_eq!(ids.occurrences_of(Kind::Mark, "b").count(), 2);
    }

    #[test]
    fn ids_in_a_crew_role_or_a_name_are_not_ids() {
        let ids = index();
        assert!(
            ids.all()
                .iter()
                .all(|o| o.id != "Hall" && o.id != "T" && o.id != "0:01")
        );
    }
}
