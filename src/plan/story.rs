//! Plain words for the title block: what each event does ("Her opens the Front door"), and
//! where everyone and everything is at one moment.

use super::crowd::Crowd;
use super::doors::state_word;
use super::floor::short;
use super::style::clean;
use crate::model::{
    Action, DoorAction, DoorId, EventId, PersonId, PlaceRef, PropId, RoomId, Scene,
};
use crate::sim::{PropWhere, Simulation};
use crate::time::Time;

fn who(scene: &Scene, p: PersonId) -> String {
    clean(&scene.person(p).name)
}

fn prop(scene: &Scene, p: PropId) -> String {
    clean(&scene.prop(p).name)
}

fn place(scene: &Scene, place: PlaceRef) -> String {
    match place {
        PlaceRef::Mark(m) => format!("mark {}", clean(&scene.mark(m).id)),
        PlaceRef::Furniture(f) => clean(&scene.furniture[f.index()].name),
        PlaceRef::Person(p) => who(scene, p),
    }
}

fn room(scene: &Scene, r: RoomId) -> String {
    clean(&scene.room(r).name)
}

/// One line for an event in a beat's "what happens" list; `None` for spoken lines (the cue
/// sheet and study pages carry those) and reframes without a move.
pub fn describe(scene: &Scene, sim: &Simulation, id: EventId) -> Option<String> {
    let event = &scene.events[id.index()];
    let text = match &event.action {
        Action::Move(m) => {
            let arrive = arrival(sim, id);
            let verb = match m.pace {
                crate::model::Pace::Run => "runs",
                _ => "walks",
            };
            format!(
                "{} {verb} to {}{}",
                who(scene, m.who),
                clean(&scene.mark(m.to).id),
                arrive
            )
        }
        Action::Door { door, action, by } => {
            let verb = match action {
                DoorAction::Open => "opens",
                DoorAction::Close => "closes",
                DoorAction::Slam => "slams",
                DoorAction::Lock => "locks",
                DoorAction::Unlock => "unlocks",
            };
            format!(
                "{} {verb} the {}",
                who(scene, *by),
                clean(&scene.door(*door).name)
            )
        }
        Action::Take { who: w, prop: p } => {
            format!("{} takes {}", who(scene, *w), prop(scene, *p))
        }
        Action::Put {
            who: w,
            prop: p,
            on,
        } => format!(
            "{} puts {} on {}",
            who(scene, *w),
            prop(scene, *p),
            place(scene, *on)
        ),
        Action::Give { from, to, prop: p } => format!(
            "{} gives {} to {}",
            who(scene, *from),
            prop(scene, *p),
            who(scene, *to)
        ),
        Action::Throw {
            who: w,
            prop: p,
            to,
        } => format!(
            "{} throws {} to {}",
            who(scene, *w),
            prop(scene, *p),
            place(scene, *to)
        ),
        Action::Break { who: w, prop: p } => {
            format!("{} breaks {}", who(scene, *w), prop(scene, *p))
        }
        Action::Line { .. } => return None,
        Action::Camera(c) => {
            let mut parts = Vec::new();
            if let Some(m) = &c.travel {
                parts.push(format!(
                    "moves to {}{}",
                    clean(&scene.mark(m.to).id),
                    arrival(sim, id)
                ));
            }
            if !c.frame.is_empty() {
                let names: Vec<String> = c.frame.iter().map(|&p| who(scene, p)).collect();
                parts.push(format!("frames {}", names.join(" and ")));
            }
            if let Some(lens) = c.lens_mm {
                parts.push(format!("lens {} mm", crate::escape::number(lens, 1)));
            }
            if parts.is_empty() || (c.travel.is_none() && c.lens_mm.is_none()) {
                return None;
            }
            format!("{} {}", who(scene, c.camera), parts.join(", "))
        }
        Action::Cue {
            dept,
            number,
            what,
            strikes,
            ..
        } => {
            let number = number
                .as_deref()
                .map(|n| format!(" {}", clean(n)))
                .unwrap_or_default();
            let strike = strikes
                .map(|w| format!(" (strikes {})", clean(&scene.wild_walls[w.index()].name)))
                .unwrap_or_default();
            format!(
                "{}{number} GO: {}{strike}",
                dept.abbreviation(),
                clean(what)
            )
        }
    };
    Some(text)
}

/// ", arrives m:ss" for the move this event starts.
fn arrival(sim: &Simulation, id: EventId) -> String {
    let Some(m) = sim.scene.events[id.index()].action.travel() else {
        return String::new();
    };
    sim.tracks[m.who.index()]
        .legs
        .iter()
        .find(|l| l.event == id)
        .filter(|l| l.arrive > l.depart)
        .map(|l| format!(", arrives {}", short(l.arrive)))
        .unwrap_or_default()
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
        .filter_map(|&e| describe(scene, sim, e).map(|d| (short(scene.events[e.index()].at), d)))
        .collect()
}

/// Where each person is and what they are doing at `t`, one line each.
pub fn positions(scene: &Scene, sim: &Simulation, t: Time) -> Vec<String> {
    (0..scene.people.len())
        .map(PersonId::from_index)
        .map(|p| {
            let track = &sim.tracks[p.index()];
            let room = sim
                .room_of(p, t)
                .map(|r| room(scene, r))
                .unwrap_or_else(|| "off the set".into());
            let doing = match (track.moving_leg(t), track.mark_at(t)) {
                (Some(leg), _) => format!(
                    "walking to {}, arrives {}",
                    clean(&scene.mark(leg.to).id),
                    short(leg.arrive)
                ),
                (None, Some(m)) => format!("on {}", clean(&scene.mark(m).id)),
                (None, None) => "standing".into(),
            };
            format!("{}: {room}, {doing}", who(scene, p))
        })
        .collect()
}

/// Each prop's place at `t`.
pub fn prop_places(scene: &Scene, sim: &Simulation, t: Time) -> Vec<String> {
    (0..scene.props.len())
        .map(PropId::from_index)
        .map(|p| {
            let state = sim.prop_state(p, t);
            let place = match state.place {
                PropWhere::Mark(m) => format!("on mark {}", clean(&scene.mark(m).id)),
                PropWhere::Furniture(f) => {
                    format!("on {}", clean(&scene.furniture[f.index()].name))
                }
                PropWhere::Held(h) => format!("held by {}", who(scene, h)),
            };
            let broken = if state.broken { ", broken" } else { "" };
            format!("{}: {place}{broken}", prop(scene, p))
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
