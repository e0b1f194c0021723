//! Timeline rules.

pub mod duplicate_cue;
pub mod out_of_order;
pub mod past_end;
pub mod slam_sync;
pub mod standby;
