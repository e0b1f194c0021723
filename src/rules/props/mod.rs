//! Props rules.

pub mod broken;
pub mod held_twice;
pub mod not_holding;
pub mod not_there;
pub mod out_of_reach;
