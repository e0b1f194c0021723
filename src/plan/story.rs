//! Plain words for the title block: what each event does ("She opens the front door"), and
//! where everyone and everything is at one moment. The wording is [`crate::prose`]'s.

use super::crowd::Crowd;
use super::doors::state_word;
use super::floor::short;
use super::style::clean;
use crate::model::{Action, DoorId, EventId, PersonId, PropId, Scene};
use crate::prose::{Narrator, nouns};
use crate::sim::{PropWhere, Simulation};
use crate::time::Time;

/// One line for an event in a beat's "what happens" list, read on its own (people named);
/// `None` for spoken lines (the cue sheet and study pages carry those) and reframes without a
/// move.
pub fn describe(scene: &Scene, sim: &Simulation, id: EventId) -> Option<String> {
    Narrator::new(scene).sentence(sim, id)
}

/// The events from `from` (inclusive) to `to` (exclusive) that the title block lists, in
/// time order, as (time, words).
/// On a crowd take, extras' moves are left out (the plan shows them as a crowd).
pub fn happenings(
    scene: &Scene,
    sim: &Simulation,
    from: Time,
    to: Time,
    crowd: &Crowd,
) -> Vec<(String, String)> {
    // One list is one run of sentences: named first, then "she", "he", "they".
    let mut narrator = Narrator::new(scene);
    let start = sim
        .order
        .partition_point(|&e| scene.events[e.index()].at < from);
    sim.order[start..]
        .iter()
        .take_while(|&&e| {
            let at = scene.events[e.index()].at;
            at < to || (to == scene.length && at <= to)
        })
        .filter(|&&e| {
            let action = &scene.events[e.index()].action;
            !matches!(action, Action::Move(m) if !crowd.is_principal(m.who))
        })
        .filter_map(|&e| {
            narrator
                .sentence(sim, e)
                .map(|d| (short(scene.events[e.index()].at), d))
        })
        .collect()
}

/// Where each person is and what they are doing at `t`, one line each: "Her: in the
/// kitchen, at the counter".
pub fn positions(scene: &Scene, sim: &Simulation, t: Time) -> Vec<String> {
    (0..scene.people.len())
        .map(PersonId::from_index)
        .map(|p| {
            let track = &sim.tracks[p.index()];
            let room = sim
                .room_of(p, t)
                .map(|r| format!("in {}", nouns::room(scene, r)))
                .unwrap_or_else(|| "off the set".into());
            let doing = match (track.moving_leg(t), track.mark_at(t)) {
                (Some(leg), _) => format!(
                    "walking to {}, arrives {}",
                    nouns::mark(scene, leg.to),
                    short(leg.arrive)
                ),
                (None, Some(m)) => format!("at {}", nouns::mark(scene, m)),
                (None, None) => "standing".into(),
            };
            format!("{}: {room}, {doing}", clean(&scene.person(p).name))
        })
        .collect()
}

/// Each prop's place at `t`: "Lighter: held by Dante", "Drinking glass: on the counter".
pub fn prop_places(scene: &Scene, sim: &Simulation, t: Time) -> Vec<String> {
    (0..scene.props.len())
        .map(PropId::from_index)
        .map(|p| {
            let state = sim.prop_state(p, t);
            let place = match state.place {
                PropWhere::Mark(m) => format!("on the floor at {}", nouns::mark(scene, m)),
                PropWhere::Furniture(f) => format!("on {}", nouns::furniture(scene, f)),
                PropWhere::Held(h) => format!("held by {}", clean(&scene.person(h).name)),
            };
            let broken = if state.broken { ", broken" } else { "" };
            format!("{}: {place}{broken}", clean(&scene.prop(p).name))
        })
        .collect()
}

/// Each hinged door's state at `t`.
pub fn door_states(scene: &Scene, sim: &Simulation, t: Time) -> Vec<String> {
    scene
        .doors
        .iter()
        .enumerate()
        .filter(|(_, d)| d.has_leaf())
        .map(|(i, d)| {
            format!(
                "{}: {}",
                clean(&d.name),
                state_word(sim.door_state(DoorId::from_index(i), t))
            )
        })
        .collect()
}
