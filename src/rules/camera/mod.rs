//! Camera rules: the heart of a oner. The camera never cuts, sees every on-camera line,
//! never sees the crew, and goes through walls only where they are wild and struck.

pub mod crane_reach;
pub mod crew_in_shot;
pub mod jump;
pub mod line_off_camera;
pub mod past_the_set;
pub mod sweep;
pub mod wild_wall;

use crate::escape::number;
use crate::model::{Action, PersonId};
use crate::rules::Context;
use crate::sim::{Obstacle, sight::Unseen};
use crate::source::Span;
use crate::time::Time;

/// Why `who` is not seen, in words.
pub fn unseen_reason(cx: &Context, who: PersonId, why: Unseen, lens_mm: f64) -> String {
    match why {
        Unseen::OutOfFrame {
            off_axis,
            half_angle,
        } => format!(
            "{} is {}° off the lens axis; the {} mm lens sees {}° either side",
            cx.who(who),
            number(off_axis.to_degrees(), 0),
            number(lens_mm, 0),
            number(half_angle.to_degrees(), 0)
        ),
        Unseen::Blocked(obstacle) => format!(
            "{} is between the camera and {}",
            obstacle_name(cx, obstacle),
            cx.who(who)
        ),
    }
}

pub fn obstacle_name(cx: &Context, obstacle: Obstacle) -> String {
    match obstacle {
        Obstacle::Wall(_) => "a wall".into(),
        Obstacle::WildWall(w) => format!(
            "wild wall `{}` (not struck yet)",
            cx.scene.wild_walls[w.index()].id
        ),
        Obstacle::Door(d) => format!("closed door `{}`", cx.scene.door(d).id),
        Obstacle::Furniture(f) => format!("`{}`", cx.scene.furniture[f.index()].id),
        Obstacle::Backing(b) => format!("backing `{}`", cx.scene.backings[b.index()].id),
    }
}

/// The span of the latest event at or before `t` that moved or reframed one of `people`,
/// else the first one's declaration.
pub fn latest_cause(cx: &Context, people: &[PersonId], t: Time) -> Span {
    let latest = cx.sim.order.iter().rev().find(|&&id| {
        let e = &cx.scene.events[id.index()];
        e.at <= t
            && match &e.action {
                Action::Move(m) => people.contains(&m.who),
                Action::Camera(c) => people.contains(&c.camera),
                _ => false,
            }
    });
    match latest {
        Some(&id) => cx.event_span(id, ""),
        None => cx.span(&cx.scene.person(people[0]).path),
    }
}
