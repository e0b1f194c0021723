//! Camera rules.

pub mod crew_in_shot;
pub mod jump;
pub mod line_off_camera;
pub mod wild_wall;
