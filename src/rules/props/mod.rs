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
