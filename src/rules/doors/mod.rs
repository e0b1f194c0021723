//! Door rules: doors used as they can be, by someone at the door, wide enough for the rig.

pub mod door_reach;
pub mod door_state;
pub mod rig_width;

use crate::model::{Action, DoorAction, DoorId, EventId, PersonId};
use crate::rules::Context;

/// Every door event in time order: (event, door, action, by).
pub fn door_events<'a>(
    cx: &'a Context,
) -> impl Iterator<Item = (EventId, DoorId, DoorAction, PersonId)> + 'a {
    cx.sim
        .order
        .iter()
        .filter_map(|&id| match cx.scene.events[id.index()].action {
            Action::Door { door, action, by } => Some((id, door, action, by)),
            _ => None,
        })
}
