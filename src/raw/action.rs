//! The fields of each kind of timeline event, and how `Action` is read from the file.
//!
//! The file format writes an event's action as a struct variant, `Move(who: "a", to: "m")`.
//! serde's derived `Deserialize` for an enum builds every variant in place, so each event
//! would be as large as the largest kind; here each kind is a struct of its own, read through
//! ron's struct-variant access ([`StructVariant`]), so ron sees exactly what the derived enum
//! showed it (the same names, the same field lists, the same errors and spans) and a cue's
//! and a camera event's fields can live in a box.

use super::{Department, DoorAction, Pace};
use serde::Deserialize;
use serde::de::{self, Deserializer, EnumAccess, VariantAccess, Visitor};
use std::fmt;

/// Walk to a mark, through the named doors if given, arriving at `arrive` or at `pace`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, expecting = "struct variant Action::Move")]
pub struct Move {
    pub who: String,
    pub to: String,
    #[serde(default)]
    pub via: Vec<String>,
    #[serde(default)]
    pub arrive: Option<String>,
    #[serde(default)]
    pub pace: Option<Pace>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, expecting = "struct variant Action::Door")]
pub struct Door {
    pub door: String,
    pub action: DoorAction,
    pub by: String,
}

/// Pick a prop up from where it is.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, expecting = "struct variant Action::Take")]
pub struct Take {
    pub who: String,
    pub prop: String,
}

/// Put a held prop down on a mark or furniture.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, expecting = "struct variant Action::Put")]
pub struct Put {
    pub who: String,
    pub prop: String,
    pub on: String,
}

/// Hand a held prop to someone within reach.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, expecting = "struct variant Action::Give")]
pub struct Give {
    pub from: String,
    pub to: String,
    pub prop: String,
}

/// Throw a held prop to a mark, furniture or person.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, expecting = "struct variant Action::Throw")]
pub struct Throw {
    pub who: String,
    pub prop: String,
    pub to: String,
}

/// The prop is broken and cannot be used again.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, expecting = "struct variant Action::Break")]
pub struct Break {
    pub who: String,
    pub prop: String,
}

/// A line or exchange, described in our own words (never a quotation).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, expecting = "struct variant Action::Line")]
pub struct Line {
    pub who: String,
    pub says: String,
    /// Whom the line is addressed to; they must be within earshot.
    #[serde(default)]
    pub to: Vec<String>,
    #[serde(default)]
    pub until: Option<String>,
    #[serde(default = "default_true")]
    pub on_camera: bool,
}

/// The camera moves to a mark and/or reframes and/or changes lens.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, expecting = "struct variant Action::Camera")]
pub struct Camera {
    #[serde(default)]
    pub who: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
    #[serde(default)]
    pub via: Vec<String>,
    #[serde(default)]
    pub arrive: Option<String>,
    #[serde(default)]
    pub frame: Vec<String>,
    #[serde(default)]
    pub lens_mm: Option<f64>,
    /// A crane's new lens height, metres: reached at `arrive` on a move, else at once.
    #[serde(default)]
    pub height: Option<f64>,
}

/// A department cue.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, expecting = "struct variant Action::Cue")]
pub struct Cue {
    pub dept: Department,
    #[serde(default)]
    pub number: Option<String>,
    pub what: String,
    /// Absolute time the department is put on standby.
    #[serde(default)]
    pub standby: Option<String>,
    /// Wild wall this cue strikes.
    #[serde(default)]
    pub strikes: Option<String>,
    /// Door whose slam this (sound) cue must land on.
    #[serde(default)]
    pub on_slam: Option<String>,
    /// Whether the stage manager calls it (default: the operator departments do).
    #[serde(default)]
    pub called: Option<bool>,
    // What a lighting desk or QLab needs (docs/handoff/): all optional.
    /// Lighting: fade-up time, seconds (USITT `UP`).
    #[serde(default)]
    pub up: Option<f64>,
    /// Lighting: wait before the fade up starts, seconds.
    #[serde(default)]
    pub up_delay: Option<f64>,
    /// Lighting: fade-down time, seconds (USITT `DOWN`).
    #[serde(default)]
    pub down: Option<f64>,
    /// Lighting: wait before the fade down starts, seconds.
    #[serde(default)]
    pub down_delay: Option<f64>,
    /// Lighting: the desk runs this cue itself after the LX cue before it (no GO).
    #[serde(default)]
    pub follows: Option<bool>,
    /// Lighting: the desk's next cue after this one (USITT `LINK`).
    #[serde(default)]
    pub link: Option<String>,
    /// Lighting: this event is part N of its cue (USITT `PART`).
    #[serde(default)]
    pub part: Option<u32>,
    /// Lighting: the desk's cue list (USITT `CUE n list`).
    #[serde(default)]
    pub list: Option<u32>,
    /// The QLab cue type to create (default `memo`).
    #[serde(default)]
    pub qlab: Option<String>,
}

fn default_true() -> bool {
    true
}

/// The variant names, in the order (and so with the indices) the derived enum had.
#[derive(Deserialize)]
#[serde(variant_identifier)]
enum Kind {
    Move,
    Door,
    Take,
    Put,
    Give,
    Throw,
    Break,
    Line,
    Camera,
    Cue,
}

const VARIANTS: &[&str] = &[
    "Move", "Door", "Take", "Put", "Give", "Throw", "Break", "Line", "Camera", "Cue",
];

impl<'de> Deserialize<'de> for super::Action {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_enum("Action", VARIANTS, ActionVisitor)
    }
}

struct ActionVisitor;

impl<'de> Visitor<'de> for ActionVisitor {
    type Value = super::Action;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("enum Action")
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        use super::Action as A;
        let (kind, variant) = data.variant::<Kind>()?;
        let fields = StructVariant(variant);
        Ok(match kind {
            Kind::Move => A::Move(Move::deserialize(fields)?),
            Kind::Door => A::Door(Door::deserialize(fields)?),
            Kind::Take => A::Take(Take::deserialize(fields)?),
            Kind::Put => A::Put(Put::deserialize(fields)?),
            Kind::Give => A::Give(Give::deserialize(fields)?),
            Kind::Throw => A::Throw(Throw::deserialize(fields)?),
            Kind::Break => A::Break(Break::deserialize(fields)?),
            Kind::Line => A::Line(Line::deserialize(fields)?),
            Kind::Camera => A::Camera(Box::new(Camera::deserialize(fields)?)),
            Kind::Cue => A::Cue(Box::new(Cue::deserialize(fields)?)),
        })
    }
}

/// A struct variant's fields, for a struct that derives `Deserialize`: the derived code asks
/// for a struct with its field list and visitor, and they go to `struct_variant` as the
/// derived enum's would.
struct StructVariant<A>(A);

impl<'de, A: VariantAccess<'de>> Deserializer<'de> for StructVariant<A> {
    type Error = A::Error;

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.struct_variant(fields, visitor)
    }

    /// Only structs are read through here.
    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("expected a struct variant's fields"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Department, DoorAction, Event, Pace};
    use serde::Deserialize;

    #[test]
    fn an_event_is_not_as_large_as_a_cue() {
        // A move's fields are the largest left unboxed; 304 bytes when a cue's were inline.
        assert!(size_of::<Event>() <= 176, "{}", size_of::<Event>());
    }

    /// The derived enum `Action` was before its kinds were structs of their own.
    #[allow(dead_code)]
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields, rename = "Action")]
    enum Derived {
        /// Walk to a mark, through the named doors if given, arriving at `arrive` or at `pace`.
        Move {
            who: String,
            to: String,
            #[serde(default)]
            via: Vec<String>,
            #[serde(default)]
            arrive: Option<String>,
            #[serde(default)]
            pace: Option<Pace>,
        },
        Door {
            door: String,
            action: DoorAction,
            by: String,
        },
        /// Pick a prop up from where it is.
        Take { who: String, prop: String },
        /// Put a held prop down on a mark or furniture.
        Put {
            who: String,
            prop: String,
            on: String,
        },
        /// Hand a held prop to someone within reach.
        Give {
            from: String,
            to: String,
            prop: String,
        },
        /// Throw a held prop to a mark, furniture or person.
        Throw {
            who: String,
            prop: String,
            to: String,
        },
        /// The prop is broken and cannot be used again.
        Break { who: String, prop: String },
        /// A line or exchange, described in our own words (never a quotation).
        Line {
            who: String,
            says: String,
            /// Whom the line is addressed to; they must be within earshot.
            #[serde(default)]
            to: Vec<String>,
            #[serde(default)]
            until: Option<String>,
            #[serde(default = "default_true")]
            on_camera: bool,
        },
        /// The camera moves to a mark and/or reframes and/or changes lens.
        Camera {
            #[serde(default)]
            who: Option<String>,
            #[serde(default)]
            to: Option<String>,
            #[serde(default)]
            via: Vec<String>,
            #[serde(default)]
            arrive: Option<String>,
            #[serde(default)]
            frame: Vec<String>,
            #[serde(default)]
            lens_mm: Option<f64>,
            /// A crane's new lens height, metres: reached at `arrive` on a move, else at once.
            #[serde(default)]
            height: Option<f64>,
        },
        /// A department cue.
        Cue {
            dept: Department,
            #[serde(default)]
            number: Option<String>,
            what: String,
            /// Absolute time the department is put on standby.
            #[serde(default)]
            standby: Option<String>,
            /// Wild wall this cue strikes.
            #[serde(default)]
            strikes: Option<String>,
            /// Door whose slam this (sound) cue must land on.
            #[serde(default)]
            on_slam: Option<String>,
            /// Whether the stage manager calls it (default: the operator departments do).
            #[serde(default)]
            called: Option<bool>,
            // What a lighting desk or QLab needs (docs/handoff/): all optional.
            /// Lighting: fade-up time, seconds (USITT `UP`).
            #[serde(default)]
            up: Option<f64>,
            /// Lighting: wait before the fade up starts, seconds.
            #[serde(default)]
            up_delay: Option<f64>,
            /// Lighting: fade-down time, seconds (USITT `DOWN`).
            #[serde(default)]
            down: Option<f64>,
            /// Lighting: wait before the fade down starts, seconds.
            #[serde(default)]
            down_delay: Option<f64>,
            /// Lighting: the desk runs this cue itself after the LX cue before it (no GO).
            #[serde(default)]
            follows: Option<bool>,
            /// Lighting: the desk's next cue after this one (USITT `LINK`).
            #[serde(default)]
            link: Option<String>,
            /// Lighting: this event is part N of its cue (USITT `PART`).
            #[serde(default)]
            part: Option<u32>,
            /// Lighting: the desk's cue list (USITT `CUE n list`).
            #[serde(default)]
            list: Option<u32>,
            /// The QLab cue type to create (default `memo`).
            #[serde(default)]
            qlab: Option<String>,
        },
    }

    fn default_true() -> bool {
        true
    }

    #[allow(dead_code)]
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields, rename = "Event")]
    struct DerivedEvent {
        at: String,
        #[serde(rename = "do")]
        action: Derived,
        #[serde(default)]
        note: Option<String>,
    }

    /// Good and broken events read as the derived enum read them: the same outcome, and for
    /// a broken one the same error at the same place.
    #[test]
    fn events_read_as_the_derived_enum_read_them() {
        let events = [
            r#"(at: "0:01", do: Move(who: "a", to: "m", via: ["d"], arrive: "0:02", pace: Speed(2)))"#,
            r#"(at: "0:01", do: Cue(dept: Lighting, number: "1", what: "up", up: 2, part: 3, qlab: "audio"))"#,
            r#"(at: "0:01", do: Camera(who: "c", to: "m", frame: ["a"], lens_mm: 35, height: 2))"#,
            r#"(at: "0:01", do: Line(who: "a", says: "hi", to: ["b"], on_camera: false))"#,
            r#"(at: "0:01", do: Door(door: "d", action: Slam, by: "a"), note: "n")"#,
            r#"(at: "0:01", do: Give(from: "a", to: "b", prop: "p"))"#,
            r#"(at: "0:01", do: Put(who: "a", prop: "p", on: "t"))"#,
            r#"(at: "0:01", do: Throw(who: "a", prop: "p", to: "b"))"#,
            r#"(at: "0:01", do: Take(who: "a", prop: "p"))"#,
            r#"(at: "0:01", do: Break(who: "a", prop: "p"))"#,
            r#"(at: "0:01", do: Cue(dept: Lighting, nmber: "1", what: "up"))"#,
            r#"(at: "0:01", do: Cue(number: "1", what: "up"))"#,
            r#"(at: "0:01", do: Cue(dept: Sound, dept: Sound, what: "up"))"#,
            r#"(at: "0:01", do: Cue(dept: Lightning, what: "up"))"#,
            r#"(at: "0:01", do: Cue(dept: Sound, what: "up", part: -1))"#,
            r#"(at: "0:01", do: Cue2(dept: Sound, what: "up"))"#,
            r#"(at: "0:01", do: Camera)"#,
            r#"(at: "0:01", do: Camera())"#,
            r#"(at: "0:01", do: Camera(frame: [], frame: []))"#,
            r#"(at: "0:01", do: Move(to: "m"))"#,
            r#"(at: "0:01", do: Move(who: "a", to: "m", pace: Jog))"#,
            r#"(at: "0:01", do: Move((who: "a", to: "m")))"#,
            r#"(at: "0:01", do: Move{who: "a", to: "m"})"#,
            r#"(at: "0:01", do: Move("a", "m"))"#,
            r#"(at: "0:01", do: Move(who: 3, to: "m"))"#,
            r#"(at: "0:01", do: Move(who: "a", to: "m", via: "d"))"#,
            r#"(at: "0:01", do: Line(who: "a", says: "hi", on_camera: 1))"#,
            r#"(at: "0:01", do: 3)"#,
            r#"(at: "0:01", do: "Move")"#,
            r#"(at: "0:01", do: Move(who: "a", to: "m""#,
        ];
        for event in events {
            let ours = crate::load::ron_options().from_str::<Event>(event);
            let derived = crate::load::ron_options().from_str::<DerivedEvent>(event);
            assert_eq!(ours.is_ok(), derived.is_ok(), "{event}");
            assert_eq!(ours.err(), derived.err(), "{event}");
        }
    }
}
