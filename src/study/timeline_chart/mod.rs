//! `timeline.svg`: the take as a movie narrative chart. Time runs left to right, each room is a
//! horizontal band, and every performer and the camera is a coloured line that moves between
//! bands as they pass through doors, so "who is where, when, with whom" reads at a glance.
//!
//! Around the bands: beats as shaded spans with their titles, slams, breaks and struck walls as
//! glyphs where they happen, who holds each prop, cue ticks per department, and a legend.
//! Crowded takes stay legible: more than [`DETAILED_MAX`] people draws thin lines with the crew
//! in grey; more than [`CROWDED_MAX`] shades each band by how many people are in it and keeps
//! only the camera's line.

mod layout;
mod legend;
mod lines;
mod marks;
mod rows;

use super::chart;
use crate::model::Scene;
use crate::output::OutputFile;
use crate::sim::Simulation;
use crate::sim::Whereabouts;
use layout::Chart;

/// Up to this many people, every line is drawn full weight and labelled.
pub const DETAILED_MAX: usize = 12;
/// Up to this many people, lines are drawn thin; beyond, bands show occupancy counts.
pub const CROWDED_MAX: usize = 40;

/// How much detail the chart can afford for the number of people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Density {
    Detailed,
    Crowded,
    Aggregate,
}

impl Density {
    pub fn for_people(count: usize) -> Density {
        if count <= DETAILED_MAX {
            Density::Detailed
        } else if count <= CROWDED_MAX {
            Density::Crowded
        } else {
            Density::Aggregate
        }
    }
}

/// The chart as SVG text.
pub fn render(scene: &Scene, sim: &Simulation) -> String {
    let whereabouts = Whereabouts::of(sim);
    let chart = Chart::new(scene, sim, &whereabouts);
    let mut svg = chart::page(layout::WIDTH, chart.height);
    marks::heading(&chart, &mut svg);
    marks::bands(&chart, &mut svg);
    marks::beats(&chart, &mut svg);
    marks::axis(&chart, &mut svg);
    lines::occupancy(&chart, &mut svg);
    lines::people(&chart, &mut svg);
    lines::speaking(&chart, &mut svg);
    marks::glyphs(&chart, &mut svg);
    lines::names(&chart, &mut svg);
    rows::props(&chart, &mut svg);
    rows::cues(&chart, &mut svg);
    legend::legend(&chart, &mut svg);
    svg.finish()
}

/// `timeline.svg` for `oner build`.
pub fn build_files(scene: &Scene, sim: &Simulation) -> Vec<OutputFile> {
    vec![OutputFile {
        name: "timeline.svg".into(),
        bytes: render(scene, sim).into_bytes(),
    }]
}
