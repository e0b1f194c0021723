//! The study pack: pictures and numbers that make a whole take readable at a glance.
//!
//! - [`timeline_chart`]: `timeline.svg`, rooms over time for everyone (a narrative chart).
//! - [`set_graph`]: `graph.svg` and `graph.dot`, the set as rooms and doors, each door labelled
//!   with how often it is crossed.
//! - [`stats`]: `stats.json` and `stats.txt`, distances, time per room, time on camera, door
//!   uses, cue gaps and the busiest ten seconds.
//!
//! All of them read the scene and the simulation and return file contents; nothing here
//! prints or writes. [`stays`] works out who is in which room when, once, for all three.

pub mod chart;
pub mod set_graph;
pub mod stats;
pub mod timeline_chart;

use crate::model::{Department, Scene};
use crate::output::OutputFile;
use crate::sim::Simulation;

/// Quiet ink for secondary text.
pub const MUTED: &str = "#6e6e6e";

/// Every study file this module makes: timeline.svg, graph.svg, graph.dot, stats.json,
/// stats.txt.
pub fn build_files(scene: &Scene, sim: &Simulation) -> Vec<OutputFile> {
    let mut files = timeline_chart::build_files(scene, sim);
    files.extend(set_graph::build_files(scene, sim));
    files.extend(stats::build_files(scene, sim));
    files
}

/// A `#rrggbb` colour from the scene, or grey when it is anything else (the loader checks
/// colours; this keeps scene text out of attributes even if that ever changes).
pub fn colour(text: &str) -> String {
    let ok = text.len() == 7
        && text.starts_with('#')
        && text[1..].chars().all(|c| c.is_ascii_hexdigit());
    if ok {
        text.to_ascii_lowercase()
    } else {
        "#8b8f98".to_string()
    }
}

/// One colour per department, the same on every study chart.
pub fn department_colour(dept: Department) -> &'static str {
    match dept {
        Department::Lighting => "#d08c00",
        Department::Sound => "#1f77b4",
        Department::Camera => "#222222",
        Department::StageManagement => "#2e7d32",
        Department::Props => "#7b3fa0",
        Department::Effects => "#d84315",
    }
}

/// Seconds as `m:ss` for axis labels (whole seconds, rounded down).
pub fn clock_label(seconds: f64) -> String {
    let whole = seconds.max(0.0).floor() as u64;
    format!("{}:{:02}", whole / 60, whole % 60)
}
