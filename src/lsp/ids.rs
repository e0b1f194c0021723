//! Every id in a scene file, where it is defined and everywhere it is used.
//!
//! Built from the raw serde mirror (what the file says) and the [`SpanIndex`] (where it says
//! it), walking the same fields the loader resolves; so it works on a scene with unknown ids
//! or rule errors, as long as the file parses.

use crate::locate::{SourcePath, SpanIndex};
use crate::raw::{self, Action, PropPlace};
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

struct Builder<'a> {
    text: &'a str,
    spans: &'a SpanIndex,
    definitions: Vec<Occurrence>,
    pending: Vec<Pending>,
}

impl Builder<'_> {
    /// The span at `path` if it really is a string literal (never a parent's fallback).
    fn literal(&self, span: Span) -> Option<Span> {
        let text = self.text.get(span.range())?;
        (text.starts_with('"') || text.starts_with("r\"") || text.starts_with("r#")).then_some(span)
    }

    fn define_key(&mut self, kind: Kind, id: &str, path: &SourcePath) {
        if let Some(span) = self.literal(self.spans.key_span(path)) {
            self.definitions.push(Occurrence {
                kind,
                id: id.to_string(),
                span,
                definition: true,
            });
        }
    }

    fn define_field(&mut self, kind: Kind, id: &str, path: &SourcePath) {
        if let Some(span) = self.literal(self.spans.span(&path.field("id"))) {
            self.definitions.push(Occurrence {
                kind,
                id: id.to_string(),
                span,
                definition: true,
            });
        }
    }

    fn refer(&mut self, kinds: &'static [Kind], id: &str, path: &SourcePath) {
        if let Some(span) = self.literal(self.spans.span(path)) {
            self.pending.push(Pending {
                kinds,
                id: id.to_string(),
                span,
            });
        }
    }

    fn refer_all(&mut self, kinds: &'static [Kind], ids: &[String], path: &SourcePath) {
        for (i, id) in ids.iter().enumerate() {
            self.refer(kinds, id, &path.index(i));
        }
    }
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
    pub fn build(text: &str, raw: &raw::Scene, spans: &SpanIndex) -> IdIndex {
        let mut b = Builder {
            text,
            spans,
            definitions: Vec::new(),
            pending: Vec::new(),
        };
        let root = SourcePath::root();
        let set = root.field("set");
        for (id, _) in &raw.set.rooms.0 {
            b.define_key(Kind::Room, id, &set.field("rooms").key(id));
        }
        for (i, door) in raw.set.doors.iter().enumerate() {
            let p = set.field("doors").index(i);
            b.define_field(Kind::Door, &door.id, &p);
            b.refer(ROOM, &door.rooms.0, &p.field("rooms").index(0));
            b.refer(ROOM, &door.rooms.1, &p.field("rooms").index(1));
            if let Some(room) = &door.swings_into {
                b.refer(ROOM, room, &p.field("swings_into"));
            }
        }
        for (i, wall) in raw.set.wild_walls.iter().enumerate() {
            b.define_field(Kind::WildWall, &wall.id, &set.field("wild_walls").index(i));
        }
        for (i, piece) in raw.set.furniture.iter().enumerate() {
            let p = set.field("furniture").index(i);
            b.define_field(Kind::Furniture, &piece.id, &p);
            b.refer(ROOM, &piece.room, &p.field("room"));
        }
        for (i, practical) in raw.set.practicals.iter().enumerate() {
            let p = set.field("practicals").index(i);
            b.define_field(Kind::Practical, &practical.id, &p);
            b.refer(ROOM, &practical.room, &p.field("room"));
        }
        for (id, mark) in &raw.set.marks.0 {
            let p = set.field("marks").key(id);
            b.define_key(Kind::Mark, id, &p);
            b.refer(ROOM, &mark.room, &p.field("room"));
        }
        for (i, backing) in raw.set.backings.iter().enumerate() {
            let p = set.field("backings").index(i);
            b.define_field(Kind::Backing, &backing.id, &p);
            b.refer(DOOR, &backing.covers, &p.field("covers"));
        }
        for (id, member) in &raw.cast.0 {
            let p = root.field("cast").key(id);
            b.define_key(Kind::Person, id, &p);
            b.refer(MARK, &member.starts_at, &p.field("starts_at"));
        }
        for (id, member) in &raw.crew.0 {
            let p = root.field("crew").key(id);
            b.define_key(Kind::Person, id, &p);
            b.refer(MARK, &member.starts_at, &p.field("starts_at"));
            if let Some(facing) = &member.facing {
                b.refer(MARK_OR_PERSON, facing, &p.field("facing"));
            }
        }
        for (id, prop) in &raw.props.0 {
            let p = root.field("props").key(id);
            b.define_key(Kind::Prop, id, &p);
            let (kinds, place) = match &prop.starts {
                PropPlace::OnMark(m) => (MARK, m),
                PropPlace::On(f) => (PLACE, f),
                PropPlace::HeldBy(w) => (PERSON, w),
            };
            b.refer(kinds, place, &p.field("starts").index(0));
        }
        for (i, event) in raw.timeline.iter().enumerate() {
            action_references(
                &mut b,
                &event.action,
                &root.field("timeline").index(i).field("do"),
            );
        }
        IdIndex::resolve(b.definitions, b.pending)
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

fn action_references(b: &mut Builder, action: &Action, p: &SourcePath) {
    let kinds = |field| action_field_kinds(variant_name(action), field);
    match action {
        Action::Move { who, to, via, .. } => {
            b.refer(kinds("who"), who, &p.field("who"));
            b.refer(kinds("to"), to, &p.field("to"));
            b.refer_all(DOOR, via, &p.field("via"));
        }
        Action::Door { door, by, .. } => {
            b.refer(DOOR, door, &p.field("door"));
            b.refer(PERSON, by, &p.field("by"));
        }
        Action::Take { who, prop } | Action::Break { who, prop } => {
            b.refer(PERSON, who, &p.field("who"));
            b.refer(PROP, prop, &p.field("prop"));
        }
        Action::Put { who, prop, on } => {
            b.refer(PERSON, who, &p.field("who"));
            b.refer(PROP, prop, &p.field("prop"));
            b.refer(PLACE, on, &p.field("on"));
        }
        Action::Give { from, to, prop } => {
            b.refer(PERSON, from, &p.field("from"));
            b.refer(PERSON, to, &p.field("to"));
            b.refer(PROP, prop, &p.field("prop"));
        }
        Action::Throw { who, prop, to } => {
            b.refer(PERSON, who, &p.field("who"));
            b.refer(PROP, prop, &p.field("prop"));
            b.refer(THROW_TARGET, to, &p.field("to"));
        }
        Action::Line { who, to, .. } => {
            b.refer(PERSON, who, &p.field("who"));
            b.refer_all(PERSON, to, &p.field("to"));
        }
        Action::Camera {
            who,
            to,
            via,
            frame,
            ..
        } => {
            if let Some(who) = who {
                b.refer(PERSON, who, &p.field("who"));
            }
            if let Some(to) = to {
                b.refer(MARK, to, &p.field("to"));
            }
            b.refer_all(DOOR, via, &p.field("via"));
            b.refer_all(PERSON_OR_MARK, frame, &p.field("frame"));
        }
        Action::Cue {
            strikes, on_slam, ..
        } => {
            if let Some(wall) = strikes {
                b.refer(&[Kind::WildWall], wall, &p.field("strikes"));
            }
            if let Some(door) = on_slam {
                b.refer(DOOR, door, &p.field("on_slam"));
            }
        }
    }
}

/// The variant's name as the file writes it.
pub fn variant_name(action: &Action) -> &'static str {
    match action {
        Action::Move { .. } => "Move",
        Action::Door { .. } => "Door",
        Action::Take { .. } => "Take",
        Action::Put { .. } => "Put",
        Action::Give { .. } => "Give",
        Action::Throw { .. } => "Throw",
        Action::Break { .. } => "Break",
        Action::Line { .. } => "Line",
        Action::Camera { .. } => "Camera",
        Action::Cue { .. } => "Cue",
    }
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
        let raw: raw::Scene = match crate::load::ron_options().from_str(TEXT) {
            Ok(raw) => raw,
            Err(e) => panic!("test scene does not parse: {e}"),
        };
        IdIndex::build(TEXT, &raw, &SpanIndex::new(TEXT))
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
}
