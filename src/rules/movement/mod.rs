//! Movement rules: how people get from mark to mark.

pub mod clearance;
pub mod closed_door;
pub mod collision;
pub mod no_room;
pub mod overlapping_moves;
pub mod teleport;
pub mod through_furniture;
pub mod through_wall;
pub mod tight_squeeze;
pub mod too_fast;

use crate::model::{EventId, PersonId};
use crate::rules::Context;
use crate::sim::Leg;

/// Every leg of every person, with who walks it.
pub fn legs<'a>(cx: &'a Context) -> impl Iterator<Item = (PersonId, &'a Leg)> + 'a {
    cx.sim
        .tracks
        .iter()
        .enumerate()
        .flat_map(|(i, t)| t.legs.iter().map(move |l| (PersonId::from_index(i), l)))
}

/// The legs of everyone who walks, drives or rolls on the floor: all but a crane's head,
/// which passes over people and furniture (its reach is K006's).
pub fn legs_on_the_floor<'a>(cx: &'a Context) -> impl Iterator<Item = (PersonId, &'a Leg)> + 'a {
    legs(cx).filter(|(who, _)| !cx.scene.person(*who).flies())
}

/// The `to` of a move event (or its `at` for a move with no `to` field).
pub fn move_span(cx: &Context, event: EventId) -> crate::source::Span {
    cx.event_span(event, "to")
}
