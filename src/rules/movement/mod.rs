//! Movement rules.

pub mod closed_door;
pub mod collision;
pub mod overlapping_moves;
pub mod teleport;
pub mod through_furniture;
pub mod through_wall;
pub mod too_fast;
