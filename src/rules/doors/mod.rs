//! Doors rules.

pub mod door_reach;
pub mod door_state;
pub mod rig_width;
