//! Presence rules.

pub mod out_of_earshot;
