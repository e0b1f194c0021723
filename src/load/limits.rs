//! Limits on the size of a scene, checked on the raw scene before anything is resolved, so
//! a hostile size fails fast with S013/S014 instead of taking gigabytes (a million events)
//! or echoing megabytes (a 10 MB title in every output and on the terminal).
//!
//! Each limit sits far above real use: the synthetic Russian Ark take (96 minutes, 35
//! rooms, 2,000 performers, about 100,000 events) is well inside all of them.
//! docs/limits.md lists them; a test keeps the two in step.

use super::codes;
use super::resolver::Resolver;
use crate::diagnostic::Diagnostic;
use crate::locate::SourcePath;
use crate::raw;

/// The longest scene file read, bytes (checked before reading).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// The longest id or reference to one, characters.
pub const MAX_ID_CHARS: usize = 100;
/// The longest title or name, characters.
pub const MAX_NAME_CHARS: usize = 200;
/// The longest free text (a line's description, a cue's `what`, notes), characters.
pub const MAX_TEXT_CHARS: usize = 4_000;

/// The most of each kind of thing a scene may hold: `(what, field path, limit)`.
pub const MAX_COUNTS: &[(&str, &str, usize)] = &[
    ("rooms", "set.rooms", 1_000),
    ("doors", "set.doors", 10_000),
    ("wild walls", "set.wild_walls", 10_000),
    ("pieces of furniture", "set.furniture", 20_000),
    ("practicals", "set.practicals", 20_000),
    ("marks", "set.marks", 200_000),
    ("cast members", "cast", 20_000),
    ("crew members", "crew", 1_000),
    ("props", "props", 20_000),
    ("beats", "beats", 10_000),
    ("timeline events", "timeline", 500_000),
];

/// The limit of `kind` in [`MAX_COUNTS`].
fn max_count(path: &str) -> usize {
    MAX_COUNTS
        .iter()
        .find(|(_, p, _)| *p == path)
        .map_or(usize::MAX, |&(_, _, max)| max)
}

/// Reports every count and text over its limit; true if any was. The timeline is
/// `scene.timeline` followed by `rest` (see `halves::Parsed`).
pub fn check(scene: &raw::Scene, rest: &[raw::Event], r: &mut Resolver) -> bool {
    let counts = [
        ("set.rooms", scene.set.rooms.0.len()),
        ("set.doors", scene.set.doors.len()),
        ("set.wild_walls", scene.set.wild_walls.len()),
        ("set.furniture", scene.set.furniture.len()),
        ("set.practicals", scene.set.practicals.len()),
        ("set.marks", scene.set.marks.0.len()),
        ("cast", scene.cast.0.len()),
        ("crew", scene.crew.0.len()),
        ("props", scene.props.0.len()),
        ("beats", scene.beats.len()),
        ("timeline", scene.timeline.len() + rest.len()),
    ];

    let mut over = false;
    for (key, count) in counts {
        let max = max_count(key);
        if count > max {
            over = true;
            let what = MAX_COUNTS
                .iter()
                .find(|(_, p, _)| *p == key)
                .map_or(key, |(w, _, _)| w);
            // No span: finding one builds the span index of the whole file, the very work
            // (gigabytes for a million events) this limit is there to avoid. The field is named.
            let d = Diagnostic::error(
                codes::TOO_MANY,
                format!("the scene has {count} {what} (`{key}`); oner takes at most {max}"),
            )
            .note("limits keep a check fast and its outputs usable; docs/limits.md lists them")
            .help("split the take into scenes, or check that the file was generated as meant");
            r.push(d);
        }
    }
    if over {
        return true;
    }
    let mut texts = Texts { r, over: false };
    texts.scene(scene, rest, &SourcePath::root());
    texts.over
}

/// The walk over every text of the raw scene.
struct Texts<'r, 'a> {
    r: &'r mut Resolver<'a>,
    over: bool,
}

#[derive(Clone, Copy)]
enum Kind {
    Id,
    Name,
    Text,
}

impl Texts<'_, '_> {
    fn check(&mut self, text: &str, path: &SourcePath, kind: Kind) {
        let (max, what) = match kind {
            Kind::Id => (MAX_ID_CHARS, "an id"),
            Kind::Name => (MAX_NAME_CHARS, "a title or name"),
            Kind::Text => (MAX_TEXT_CHARS, "a text"),
        };
        // Bytes bound characters from above: most texts are decided without counting.
        if text.len() <= max {
            return;
        }
        let chars = text.chars().count();
        if chars <= max {
            return;
        }
        self.over = true;
        let d = Diagnostic::error(
            codes::TOO_LONG,
            format!("{what} of {chars} characters; oner takes at most {max}"),
        )
        .at(self.r.spans.span(path), "too long")
        .note("every output and the terminal would repeat it; docs/limits.md lists the limits")
        .help("shorten it; put long notes in a document of their own");
        self.r.push(d);
    }

    fn id(&mut self, text: &str, path: &SourcePath) {
        self.check(text, path, Kind::Id);
    }

    fn name(&mut self, text: &str, path: &SourcePath) {
        self.check(text, path, Kind::Name);
    }

    fn text(&mut self, text: &str, path: &SourcePath) {
        self.check(text, path, Kind::Text);
    }

    fn ids(&mut self, ids: &[String], path: &SourcePath) {
        for (i, id) in ids.iter().enumerate() {
            self.id(id, &path.index(i));
        }
    }

    /// A custom pronoun is a word: the id limit bounds it.
    fn pronouns(&mut self, pronouns: Option<&raw::Pronouns>, path: &SourcePath) {
        if let Some(raw::Pronouns::Custom {
            subject,
            object,
            possessive,
            ..
        }) = pronouns
        {
            for (word, field) in [
                (subject, "subject"),
                (object, "object"),
                (possessive, "possessive"),
            ] {
                self.id(word, &path.field(field));
            }
        }
    }

    fn scene(&mut self, s: &raw::Scene, rest: &[raw::Event], root: &SourcePath) {
        self.name(&s.title, &root.field("title"));
        self.text(&s.notes, &root.field("notes"));
        if let Some(summary) = &s.summary {
            self.text(summary, &root.field("summary"));
        }
        if let Some(date) = &s.date {
            self.name(date, &root.field("date"));
        }
        self.text(&s.length, &root.field("length"));
        self.ids(&s.allow, &root.field("allow"));
        self.ids(&s.warn, &root.field("warn"));
        self.ids(&s.deny, &root.field("deny"));
        let set = root.field("set");
        for (id, room) in &s.set.rooms.0 {
            let p = set.field("rooms").key(id);
            self.id(id, &p);
            self.name(&room.name, &p.field("name"));
        }
        for (i, d) in s.set.doors.iter().enumerate() {
            let p = set.field("doors").index(i);
            self.id(&d.id, &p.field("id"));
            if let Some(name) = &d.name {
                self.name(name, &p.field("name"));
            }
            self.id(&d.rooms.0, &p.field("rooms").index(0));
            self.id(&d.rooms.1, &p.field("rooms").index(1));
            if let Some(room) = &d.swings_into {
                self.id(room, &p.field("swings_into"));
            }
        }
        for (i, w) in s.set.wild_walls.iter().enumerate() {
            let p = set.field("wild_walls").index(i);
            self.id(&w.id, &p.field("id"));
            if let Some(name) = &w.name {
                self.name(name, &p.field("name"));
            }
        }
        for (i, f) in s.set.furniture.iter().enumerate() {
            let p = set.field("furniture").index(i);
            self.id(&f.id, &p.field("id"));
            self.name(&f.name, &p.field("name"));
            self.id(&f.room, &p.field("room"));
        }
        for (i, pr) in s.set.practicals.iter().enumerate() {
            let p = set.field("practicals").index(i);
            self.id(&pr.id, &p.field("id"));
            self.name(&pr.name, &p.field("name"));
            self.id(&pr.room, &p.field("room"));
        }
        for (id, m) in &s.set.marks.0 {
            let p = set.field("marks").key(id);
            self.id(id, &p);
            self.id(&m.room, &p.field("room"));
            if let Some(note) = &m.note {
                self.text(note, &p.field("note"));
            }
            if let Some(name) = &m.name {
                self.name(name, &p.field("name"));
            }
        }
        for (id, c) in &s.cast.0 {
            let p = root.field("cast").key(id);
            self.id(id, &p);
            self.name(&c.name, &p.field("name"));
            if let Some(by) = &c.played_by {
                self.name(by, &p.field("played_by"));
            }
            self.name(&c.colour, &p.field("colour"));
            self.id(&c.starts_at, &p.field("starts_at"));
            self.pronouns(c.pronouns.as_ref(), &p.field("pronouns"));
        }
        for (id, c) in &s.crew.0 {
            let p = root.field("crew").key(id);
            self.id(id, &p);
            if let Some(name) = &c.name {
                self.name(name, &p.field("name"));
            }
            if let Some(colour) = &c.colour {
                self.name(colour, &p.field("colour"));
            }
            if let raw::CrewRole::Other(role) = &c.role {
                self.name(role, &p.field("role").index(0));
            }
            self.id(&c.starts_at, &p.field("starts_at"));
            if let Some(facing) = &c.facing {
                self.id(facing, &p.field("facing"));
            }
            self.pronouns(c.pronouns.as_ref(), &p.field("pronouns"));
        }
        for (id, prop) in &s.props.0 {
            let p = root.field("props").key(id);
            self.id(id, &p);
            self.name(&prop.name, &p.field("name"));
            let (raw::PropPlace::OnMark(place)
            | raw::PropPlace::On(place)
            | raw::PropPlace::HeldBy(place)) = &prop.starts;
            self.id(place, &p.field("starts").index(0));
        }
        for (i, b) in s.beats.iter().enumerate() {
            let p = root.field("beats").index(i);
            self.text(&b.at, &p.field("at"));
            self.name(&b.title, &p.field("title"));
            if let Some(notes) = &b.notes {
                self.text(notes, &p.field("notes"));
            }
        }
        for (i, e) in s.timeline.iter().chain(rest).enumerate() {
            let p = root.field("timeline").index(i);
            self.text(&e.at, &p.field("at"));
            if let Some(note) = &e.note {
                self.text(note, &p.field("note"));
            }
            self.action(&e.action, &p.field("do"));
        }
    }

    fn action(&mut self, action: &raw::Action, p: &SourcePath) {
        use raw::Action as A;
        match action {
            A::Move(raw::action::Move {
                who,
                to,
                via,
                arrive,
                ..
            }) => {
                self.id(who, &p.field("who"));
                self.id(to, &p.field("to"));
                self.ids(via, &p.field("via"));
                if let Some(arrive) = arrive {
                    self.text(arrive, &p.field("arrive"));
                }
            }
            A::Door(raw::action::Door { door, by, .. }) => {
                self.id(door, &p.field("door"));
                self.id(by, &p.field("by"));
            }
            A::Take(raw::action::Take { who, prop })
            | A::Break(raw::action::Break { who, prop }) => {
                self.id(who, &p.field("who"));
                self.id(prop, &p.field("prop"));
            }
            A::Put(raw::action::Put { who, prop, on }) => {
                self.id(who, &p.field("who"));
                self.id(prop, &p.field("prop"));
                self.id(on, &p.field("on"));
            }
            A::Give(raw::action::Give { from, to, prop }) => {
                self.id(from, &p.field("from"));
                self.id(to, &p.field("to"));
                self.id(prop, &p.field("prop"));
            }
            A::Throw(raw::action::Throw { who, prop, to }) => {
                self.id(who, &p.field("who"));
                self.id(prop, &p.field("prop"));
                self.id(to, &p.field("to"));
            }
            A::Line(raw::action::Line {
                who,
                says,
                to,
                until,
                ..
            }) => {
                self.id(who, &p.field("who"));
                self.text(says, &p.field("says"));
                self.ids(to, &p.field("to"));
                if let Some(until) = until {
                    self.text(until, &p.field("until"));
                }
            }
            A::Camera(camera) => {
                let raw::action::Camera {
                    who,
                    to,
                    via,
                    arrive,
                    frame,
                    ..
                } = &**camera;
                for (value, field) in [(who, "who"), (to, "to")] {
                    if let Some(value) = value {
                        self.id(value, &p.field(field));
                    }
                }
                self.ids(via, &p.field("via"));
                self.ids(frame, &p.field("frame"));
                if let Some(arrive) = arrive {
                    self.text(arrive, &p.field("arrive"));
                }
            }
            A::Cue(cue) => {
                let raw::action::Cue {
                    number,
                    what,
                    standby,
                    strikes,
                    on_slam,
                    link,
                    qlab,
                    ..
                } = &**cue;
                if let Some(number) = number {
                    self.name(number, &p.field("number"));
                }
                for (value, field) in [(link, "link"), (qlab, "qlab")] {
                    if let Some(value) = value {
                        self.name(value, &p.field(field));
                    }
                }
                self.text(what, &p.field("what"));
                if let Some(standby) = standby {
                    self.text(standby, &p.field("standby"));
                }
                for (value, field) in [(strikes, "strikes"), (on_slam, "on_slam")] {
                    if let Some(value) = value {
                        self.id(value, &p.field(field));
                    }
                }
            }
        }
    }
}
