//! P006 bad-throw: a prop thrown through a wall, a closed door or over tall furniture, or
//! further than anyone throws to a mark or a catcher.

use super::{metres, prop_name};
use crate::diagnostic::Diagnostic;
use crate::geometry::{Point, Segment};
use crate::model::{Action, DoorKind, DoorState, EventId, PersonId, PlaceRef, PropId};
use crate::rules::{Context, Level, Rule, RuleDoc};
use crate::source::Span;
use crate::time::Time;

pub struct BadThrow;

/// The furthest a prop is thrown on set to land on its spot or reach a catcher's hands,
/// metres: an underarm toss across a room lands where it is aimed; beyond this it is a guess,
/// and a missed catch or a prop off its mark stops the take.
pub const THROW_RANGE: f64 = 6.0;

static DOC: RuleDoc = RuleDoc {
    code: "P006",
    name: "bad-throw",
    family: "props",
    level: Level::Deny,
    summary: "a prop is thrown through a wall, a closed door or tall furniture, or further than a throw lands",
    explanation: "### What it checks\nFor every `Throw`, the straight flight from the thrower to where the prop lands \
(a mark, the nearest edge of a piece of furniture, or the catcher at that moment): it must not cross a wall, a wild \
wall that is still standing, a door that is closed or locked at that moment, a window (glass), or tall furniture \
(`blocks_view: true`: a wardrobe, a fridge, a bookshelf) other than the one it lands on. So the prop lands in the room \
its landing place is in, through open doorways only. The flight may be at most 6 m long: further than that a throw \
does not land on its mark, and a catcher further away than that is out of reach.\n\n\
### Why it matters\nA phone thrown through a shut door does not arrive; a set of keys thrown nine metres lands \
somewhere else. Either way the prop is not where the rest of the take expects it (P001 follows), and the props \
department has no way to reset it mid-take.\n\n\
### Example\n```ron\n// the bedroom door is closed at 1:20\n(at: \"1:20\", do: Throw(who: \"him\", prop: \"phone\", to: \"bed\")),\n```\n\n\
### Fix\nOpen the door first, move the thrower (or the catcher) so the line is clear and within 6 m, or walk the \
prop there and `Put` it.",
};

impl Rule for BadThrow {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for (i, event) in cx.scene.events.iter().enumerate() {
            if let Action::Throw { who, prop, to } = event.action {
                out.extend(judge(cx, EventId::from_index(i), event.at, who, prop, to));
            }
        }
    }
}

/// What stands in a flight line.
enum Blocker {
    Wall(Segment, Option<Span>),
    Door(crate::model::DoorId, DoorState),
    Furniture(crate::model::FurnitureId),
}

fn judge(
    cx: &Context,
    event: EventId,
    at: Time,
    who: PersonId,
    prop: PropId,
    to: PlaceRef,
) -> Option<Diagnostic> {
    let from = cx.sim.position(who, at);
    let (lands, target) = landing(cx, from, to, at);
    let flight = Segment::new(from, lands);
    let (thrower, name) = (cx.who(who), prop_name(cx, prop));
    let span = cx.event_span(event, "to");
    if let Some(blocker) = blocker(cx, flight, to, at) {
        let (what, why, fix, also) = match blocker {
            Blocker::Wall(s, also) => {
                let fmt = |v: f64| crate::escape::number(v, 2);
                (
                    format!(
                        "through the wall from ({}, {}) to ({}, {})",
                        fmt(s.a.x),
                        fmt(s.a.y),
                        fmt(s.b.x),
                        fmt(s.b.y)
                    ),
                    "a thrown prop flies in a straight line: it would hit the wall".to_string(),
                    format!(
                        "throw from where {target} can be seen through an open doorway, or carry {name} there and `Put` it"
                    ),
                    also,
                )
            }
            Blocker::Door(d, state) => {
                let door = cx.scene.door(d);
                let shut = if door.kind == DoorKind::Window {
                    "a window".to_string()
                } else {
                    format!("{state:?} at {at}").to_lowercase()
                };
                (
                    format!("through `{}` ({shut})", door.id),
                    format!(
                        "a thrown prop does not go through {}: it would bounce off and land on this side",
                        if door.kind == DoorKind::Window {
                            "glass"
                        } else {
                            "a shut door"
                        }
                    ),
                    if door.kind == DoorKind::Window {
                        format!(
                            "throw through an open doorway instead, or carry {name} there and `Put` it"
                        )
                    } else {
                        format!(
                            "open `{}` before {at} (`Door(door: \"{}\", action: Open, by: …)`), or carry {name} through and `Put` it",
                            door.id, door.id
                        )
                    },
                    Some(cx.span(&door.path.field("at"))),
                )
            }
            Blocker::Furniture(f) => {
                let f = &cx.scene.furniture[f.index()];
                (
                    format!("over `{}`", f.id),
                    format!(
                        "`{}` is tall (`blocks_view: true`): nobody throws over a wardrobe or a fridge to land a prop",
                        f.id
                    ),
                    format!("throw from beside `{}`, or carry {name} round it", f.id),
                    Some(cx.span(&f.path.field("shape"))),
                )
            }
        };
        let mut d = DOC
            .diagnostic(format!(
                "{thrower} throws {name} to {target} at {at} {what}"
            ))
            .at(
                span,
                format!(
                    "the flight from {} to {} goes {what}",
                    point(from),
                    point(lands)
                ),
            );
        if let Some(also) = also {
            d = d.also(also, "in the way of the throw");
        }
        return Some(d.note(why).help(fix));
    }
    let length = flight.length();
    if length <= THROW_RANGE + 1e-9 {
        return None;
    }
    let catch = matches!(to, PlaceRef::Person(_));
    let (range, far) = (metres(THROW_RANGE), metres(length));
    Some(
        DOC.diagnostic(if catch {
            format!("{target} cannot catch {name} at {at}: {thrower} throws it from {far} away")
        } else {
            format!("{thrower} throws {name} {far} to {target} at {at}")
        })
        .at(span, format!("{far} from {thrower} at {}; a throw lands where it is aimed up to {range}", point(from)))
        .note(if catch {
            "beyond a few metres a catch is a guess: a dropped prop in a oner cannot be reset"
        } else {
            "beyond a few metres a throw does not land on its spot: the prop ends up somewhere the rest of the take does not expect"
        })
        .help(if catch {
            format!("before {at}, bring {thrower} and {target} within {range} of each other, or hand {name} over")
        } else {
            format!("before {at}, move {thrower} within {range} of {target}, or carry {name} there and `Put` it")
        }),
    )
}

/// Where the prop lands (the mark, the nearest point of the furniture, the catcher) and its
/// name for messages.
fn landing(cx: &Context, from: Point, to: PlaceRef, at: Time) -> (Point, String) {
    match to {
        PlaceRef::Mark(m) => (cx.scene.mark(m).at, format!("`{}`", cx.scene.mark(m).id)),
        PlaceRef::Furniture(f) => {
            let f = &cx.scene.furniture[f.index()];
            let nearest = if f.outline.contains(from) {
                from
            } else {
                f.outline
                    .edges()
                    .map(|e| e.a.lerp(e.b, e.project(from)))
                    .min_by(|a, b| a.distance(from).total_cmp(&b.distance(from)))
                    .unwrap_or(from)
            };
            (nearest, format!("`{}`", f.id))
        }
        PlaceRef::Person(p) => (cx.sim.position(p, at), cx.who(p)),
    }
}

/// The first thing in the way of `flight`: a standing wall, a door that is not open, a window,
/// or tall furniture other than the landing place.
fn blocker(cx: &Context, flight: Segment, to: PlaceRef, at: Time) -> Option<Blocker> {
    for wall in &cx.scene.walls {
        let standing = wall.wild.is_none_or(|w| !cx.sim.is_struck(w, at));
        if standing && flight.crosses(wall.segment) {
            let span = wall
                .wild
                .map(|w| cx.span(&cx.scene.wild_walls[w.index()].path));
            return Some(Blocker::Wall(wall.segment, span));
        }
    }
    for (i, door) in cx.scene.doors.iter().enumerate() {
        let id = crate::model::DoorId::from_index(i);
        let state = cx.sim.door_state(id, at);
        let shut = door.kind == DoorKind::Window || (door.has_leaf() && state != DoorState::Open);
        if shut
            && flight.intersection(door.gap).is_some()
            && flight.length() > crate::geometry::EPSILON
        {
            return Some(Blocker::Door(id, state));
        }
    }
    for (i, f) in cx.scene.furniture.iter().enumerate() {
        let id = crate::model::FurnitureId::from_index(i);
        if !f.blocks_view || to == PlaceRef::Furniture(id) {
            continue;
        }
        if f.outline.edges().any(|e| flight.crosses(e))
            || f.outline.strictly_contains(flight.midpoint())
        {
            return Some(Blocker::Furniture(id));
        }
    }
    None
}

fn point(p: Point) -> String {
    format!(
        "({}, {})",
        crate::escape::number(p.x, 2),
        crate::escape::number(p.y, 2)
    )
}

#[cfg(test)]
mod tests {
    use super::BadThrow;
    use crate::rules::testing::messages;

    #[test]
    fn a_throw_through_the_shut_hall_door_is_reported_and_one_through_the_arch_is_not() {
        // ben (holding the keys) on L1 (6, 2); the hall door at (9, 2) is closed; ana on K1.
        let shut = messages(
            &BadThrow,
            r#"timeline: [(at: "0:01", do: Throw(who: "ben", prop: "keys", to: "H1"))]"#,
        );
        assert_eq!(
            shut,
            ["`ben` throws `keys` to `H1` at 0:01.0 through `hall-door` (closed at 0:01.0)"]
        );
        let caught = messages(
            &BadThrow,
            r#"timeline: [(at: "0:01", do: Throw(who: "ben", prop: "keys", to: "ana"))]"#,
        );
        assert!(caught.is_empty(), "{caught:?}");
        let opened = messages(
            &BadThrow,
            r#"timeline: [
                (at: "0:01", do: Move(who: "ana", to: "L2", arrive: "0:08")),
                (at: "0:09", do: Door(door: "hall-door", action: Open, by: "ana")),
                (at: "0:10", do: Throw(who: "ben", prop: "keys", to: "H1")),
            ]"#,
        );
        assert!(opened.is_empty(), "{opened:?}");
    }

    #[test]
    fn a_throw_onto_furniture_aims_at_its_near_edge() {
        // ben on L1 (6, 2); the table (x 1..2, y 2.2..3) in the kitchen: its centre is 4.5 m
        // away, its near corner (2, 2.2) 4.0 m, through the arch.
        let table = messages(
            &BadThrow,
            r#"timeline: [(at: "0:01", do: Throw(who: "ben", prop: "keys", to: "table"))]"#,
        );
        assert!(table.is_empty(), "{table:?}");
    }

    /// The standard scene with a tall `fridge` (x 6.3..6.7, y 0.5..1.2) in the living room,
    /// L3 (6.5, 2) and L5 (7, 0.8) there, and K3 (0.5, 2), K4 (0.45, 2) in the kitchen: 6 m and
    /// 6.05 m from L3 through the arch.
    fn throws(timeline: &str) -> Vec<String> {
        let text = crate::rules::testing::scene(timeline)
            .replace(
                "furniture: [",
                r#"furniture: [(id: "fridge", name: "Fridge", room: "living", shape: Rect(x: 6.3, y: 0.5, w: 0.4, h: 0.7), blocks_view: true),"#,
            )
            .replace(
                r#""C1": (room: "living", at: (8.4, 3.6)),"#,
                r#""C1": (room: "living", at: (8.4, 3.6)), "L3": (room: "living", at: (6.5, 2.0)), "L5": (room: "living", at: (7.0, 0.8)),
                   "K3": (room: "kitchen", at: (0.5, 2.0)), "K4": (room: "kitchen", at: (0.45, 2.0)),"#,
            );
        crate::rules::testing::check(&BadThrow, &text)
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn a_throw_over_tall_furniture_beside_the_thrower_is_blocked() {
        // From L1 (6, 2) to L5 (7, 0.8): the flight crosses the fridge; its midpoint is not in it.
        let found =
            throws(r#"timeline: [(at: "0:01", do: Throw(who: "ben", prop: "keys", to: "L5"))]"#);
        assert_eq!(
            found,
            ["`ben` throws `keys` to `L5` at 0:01.0 over `fridge`"]
        );
    }

    #[test]
    fn a_throw_of_exactly_six_metres_lands_and_five_centimetres_more_does_not() {
        let throw_to = |mark: &str| {
            throws(&format!(
                r#"timeline: [
                    (at: "0:02", do: Move(who: "ben", to: "L3", arrive: "0:04")),
                    (at: "0:05", do: Throw(who: "ben", prop: "keys", to: "{mark}")),
                ]"#
            ))
        };
        assert_eq!(throw_to("K3"), Vec::<String>::new());
        assert_eq!(
            throw_to("K4"),
            ["`ben` throws `keys` 6.05 m to `K4` at 0:05.0"]
        );
    }
}
