//! Hygiene rules.

pub mod unreachable_room;
pub mod unused_mark;
pub mod unused_prop;
pub mod unused_room;
