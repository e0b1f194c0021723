//! Props rules: a prop is where the timeline last left it, in one pair of hands at most, and
//! gone for good once broken.

pub mod bad_throw;
pub mod broken;
pub mod held_twice;
pub mod not_holding;
pub mod not_there;
pub mod out_of_reach;

use crate::geometry::Point;
use crate::model::{Action, EventId, MarkId, PropId, PropPlace};
use crate::rules::Context;
use crate::sim::{PropState, PropWhere};
use crate::source::Span;
use crate::time::Time;

/// One event that handles a prop, with the prop's state just before it.
pub struct PropUse {
    pub prop: PropId,
    pub event: EventId,
    pub at: Time,
    pub before: PropState,
    /// The event that left the prop as `before` says; `None` for its starting place.
    pub cause: Option<EventId>,
}

/// Every event that handles a prop (take, put, give, throw, break), prop by prop, each in
/// time order. One pass over the simulation's change lists: no per-event searching.
pub fn uses<'a>(cx: &'a Context) -> impl Iterator<Item = PropUse> + 'a {
    cx.sim
        .props
        .iter()
        .enumerate()
        .flat_map(move |(i, changes)| {
            let prop = PropId::from_index(i);
            let mut before = initial(cx, prop);
            let mut cause = None;
            changes.iter().map(move |change| {
                let used = PropUse {
                    prop,
                    event: change.event,
                    at: change.at,
                    before,
                    cause,
                };
                before = change.state;
                cause = Some(change.event);
                used
            })
        })
}

fn initial(cx: &Context, prop: PropId) -> PropState {
    let place = match cx.scene.prop(prop).starts {
        PropPlace::OnMark(m) => PropWhere::Mark(m),
        PropPlace::On(f) => PropWhere::Furniture(f),
        PropPlace::HeldBy(p) => PropWhere::Held(p),
    };
    PropState {
        place,
        broken: false,
    }
}

/// The prop's id in backticks, for messages.
pub fn prop_name(cx: &Context, prop: PropId) -> String {
    format!("`{}`", cx.scene.prop(prop).id)
}

/// Where a prop is, in words: "on mark `m`", "on `sofa`", "in `her`'s hand".
pub fn place_words(cx: &Context, place: PropWhere) -> String {
    match place {
        PropWhere::Mark(m) => format!("on mark `{}`", cx.scene.mark(m).id),
        PropWhere::Furniture(f) => format!("on `{}`", cx.scene.furniture[f.index()].id),
        PropWhere::Held(p) => format!("in {}'s hand", cx.who(p)),
    }
}

/// The place's id as written in the file (for help text that suggests an event).
pub fn place_id<'a>(cx: &Context<'a>, place: PropWhere) -> &'a str {
    match place {
        PropWhere::Mark(m) => &cx.scene.mark(m).id,
        PropWhere::Furniture(f) => &cx.scene.furniture[f.index()].id,
        PropWhere::Held(p) => &cx.scene.person(p).id,
    }
}

/// How far `from` is from a place at `t`, metres: to a mark's point, to the nearest edge of
/// a piece of furniture (0 when over it), or to a person's centre.
pub fn distance_to_place(cx: &Context, place: PropWhere, from: Point, t: Time) -> f64 {
    match place {
        PropWhere::Furniture(f) => {
            let outline = &cx.scene.furniture[f.index()].outline;
            if outline.contains(from) {
                0.0
            } else {
                outline.distance_to_boundary(from)
            }
        }
        other => cx.sim.place_point(other, t).distance(from),
    }
}

/// Where `used.before` came from: a label on the event that left the prop there ("`mug`
/// ends up on `counter` here"), or on the prop's `starts`.
pub fn origin(cx: &Context, used: &PropUse) -> (Span, String) {
    let (name, place) = (prop_name(cx, used.prop), place_words(cx, used.before.place));
    match used.cause {
        Some(event) if matches!(cx.scene.events[event.index()].action, Action::Throw { .. }) => (
            cx.event_span(event, ""),
            format!("this throw lands {name} {place}"),
        ),
        Some(event) => (
            cx.event_span(event, ""),
            format!("{name} ends up {place} here"),
        ),
        None => (
            cx.span(&cx.scene.prop(used.prop).path.field("starts")),
            format!("{name} starts {place}"),
        ),
    }
}

/// Metres with two decimals, for messages (`1.04 m` must not read as the 1 m limit).
pub fn metres(d: f64) -> String {
    format!("{} m", crate::escape::number(d, 2))
}

/// The verb of a prop event, for messages: "takes", "puts down", …
pub fn verb(action: &Action) -> &'static str {
    match action {
        Action::Take { .. } => "takes",
        Action::Put { .. } => "puts down",
        Action::Give { .. } => "hands over",
        Action::Throw { .. } => "throws",
        Action::Break { .. } => "breaks",
        _ => "uses",
    }
}

/// The nearest mark within `reach` of a place, with its distance: a spot to send someone to.
pub fn mark_within(cx: &Context, place: PropWhere, reach: f64, t: Time) -> Option<(MarkId, f64)> {
    cx.scene
        .marks
        .iter()
        .enumerate()
        .map(|(i, m)| (MarkId::from_index(i), distance_to_place(cx, place, m.at, t)))
        .filter(|&(_, d)| d <= reach)
        .min_by(|a, b| a.1.total_cmp(&b.1))
}

#[cfg(test)]
mod tests {
    use super::{
        distance_to_place, mark_within, metres, place_id, place_words, prop_name, uses, verb,
    };
    use crate::geometry::Point;
    use crate::model::{FurnitureId, MarkId, PersonId, PropId};
    use crate::rules::testing::{scene, with_context};
    use crate::sim::PropWhere;
    use crate::time::Time;

    fn table() -> PropWhere {
        PropWhere::Furniture(FurnitureId::from_index(0))
    }

    #[test]
    fn props_and_places_in_words_and_ids() {
        with_context(&scene(""), |cx| {
            let (k1, ben) = (MarkId::from_index(0), PersonId::from_index(1));
            assert_eq!(prop_name(cx, PropId::from_index(0)), "`mug`");
            assert_eq!(place_words(cx, table()), "on `table`");
            assert_eq!(place_words(cx, PropWhere::Mark(k1)), "on mark `K1`");
            assert_eq!(place_words(cx, PropWhere::Held(ben)), "in `ben`'s hand");
            assert_eq!(place_id(cx, table()), "table");
            assert_eq!(place_id(cx, PropWhere::Mark(k1)), "K1");
            assert_eq!(place_id(cx, PropWhere::Held(ben)), "ben");
            assert_eq!(metres(1.044), "1.04 m");
        });
    }

    #[test]
    fn distance_to_a_place_is_to_the_furnitures_edge_or_the_point() {
        with_context(&scene(""), |cx| {
            let t = Time::ZERO;
            let d = |place, x, y| {
                (distance_to_place(cx, place, Point::new(x, y), t) * 1e6).round() / 1e6
            };
            // The table is x 1..2, y 2.2..3.0; K1 is (1.5, 1.5); ben stands on (6, 2).
            assert_eq!(d(table(), 1.5, 1.5), 0.7);
            assert_eq!(d(table(), 1.5, 2.5), 0.0);
            assert_eq!(d(PropWhere::Mark(MarkId::from_index(0)), 1.5, 2.5), 1.0);
            assert_eq!(d(PropWhere::Held(PersonId::from_index(1)), 6.0, 3.0), 1.0);
        });
    }

    #[test]
    fn the_nearest_mark_within_reach_of_a_place() {
        with_context(&scene(""), |cx| {
            let t = Time::ZERO;
            let near = |reach| {
                mark_within(cx, table(), reach, t)
                    .map(|(m, d)| (cx.scene.mark(m).id.clone(), (d * 1e6).round() / 1e6))
            };
            // K1 is 0.7 m from the table's edge, K2 1.02 m from its corner.
            assert_eq!(near(2.0), Some(("K1".to_string(), 0.7)));
            assert_eq!(near(0.71), Some(("K1".to_string(), 0.7)));
            assert_eq!(near(0.69), None);
        });
    }

    #[test]
    fn uses_lists_each_handling_with_the_state_before_it_and_what_caused_that() {
        let text = scene(
            r#"timeline: [
                (at: "0:01", do: Move(who: "ana", to: "K2", arrive: "0:03")),
                (at: "0:04", do: Take(who: "ana", prop: "mug")),
                (at: "0:06", do: Put(who: "ana", prop: "mug", on: "table")),
                (at: "0:07", do: Give(from: "ben", to: "ana", prop: "keys")),
            ]"#,
        );
        with_context(&text, |cx| {
            let found: Vec<_> = uses(cx)
                .map(|u| {
                    (
                        prop_name(cx, u.prop),
                        verb(&cx.scene.events[u.event.index()].action),
                        u.at.to_string(),
                        place_words(cx, u.before.place),
                        u.cause.map(|e| e.index()),
                    )
                })
                .collect();
            let row = |p: &str, v: &'static str, at: &str, before: &str, cause| {
                (p.to_string(), v, at.to_string(), before.to_string(), cause)
            };
            assert_eq!(
                found,
                [
                    row("`mug`", "takes", "0:04.0", "on `table`", None),
                    row("`mug`", "puts down", "0:06.0", "in `ana`'s hand", Some(1)),
                    row("`keys`", "hands over", "0:07.0", "in `ben`'s hand", None),
                ]
            );
        });
    }
}
