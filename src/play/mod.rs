//! The playback page (`play.html`) and the study pack's index page (`index.html`).
//!
//! `play.html` is one self-contained file that plays the take on the floor plan: the plans'
//! own floor drawing ([`floor`]) as inline SVG, the take as embedded JSON ([`data`]), and a
//! small script that moves performers, the camera and its view, props and doors, and shows
//! the beat, the lines and each cue as it fires. It works offline and makes no network
//! requests: everything is inline, and its Content-Security-Policy forbids fetching anything.
//!
//! The page's markup, style and script live beside this file (`page.html`, `page.css`,
//! `page.js`) and are compiled in with `include_str!`; [`html`] fills the template. Scene
//! text reaches the page only escaped ([`escape::xml`](crate::escape::xml)) or inside the
//! JSON (escaped for a script element), and the script only ever sets it as `textContent`.

pub mod data;
pub mod floor;
pub mod html;
pub mod index;

use crate::model::Scene;
use crate::output::OutputFile;
use crate::plan::page::{Frame, Rect, extent};
use crate::plan::style::Ink;
use crate::sim::Simulation;

pub use index::index_html;

/// The box the floor is fitted into, in drawing units (the plans' page millimetres): about
/// the stage's shape on a laptop screen, so the plans' label sizes read well there.
pub const DRAWING: Rect = Rect {
    x: 0.0,
    y: 0.0,
    w: 170.0,
    h: 136.0,
};

/// The frame mapping the set's metres to the page's drawing units.
pub fn frame(scene: &Scene, sim: &Simulation) -> Frame {
    Frame::fit(extent(scene, sim), DRAWING, Ink::FULL)
}

/// The playback page.
pub fn play_html(scene: &Scene, sim: &Simulation) -> Vec<u8> {
    let frame = frame(scene, sim);
    let times = floor::change_times(scene, sim);
    let take = data::Take::new(scene, sim, 1.0 / frame.scale, &times);
    let floor = floor::layered(scene, sim, &frame, &times);
    html::page(scene, &take, &frame, floor.as_ref()).into_bytes()
}

/// The playback page with `oner serve`'s [`html::Hooks`] added.
pub fn play_html_with(scene: &Scene, sim: &Simulation, hooks: &html::Hooks) -> Vec<u8> {
    let frame = frame(scene, sim);
    let times = floor::change_times(scene, sim);
    let take = data::Take::new(scene, sim, 1.0 / frame.scale, &times);
    let floor = floor::layered(scene, sim, &frame, &times);
    html::page_with(scene, &take, &frame, floor.as_ref(), hooks).into_bytes()
}

/// What `oner play` writes: `play.html`. (`oner build` adds the index with [`index_html`]
/// once every other file is known.)
pub fn build_files(scene: &Scene, sim: &Simulation) -> Vec<OutputFile> {
    vec![OutputFile {
        name: "play.html".into(),
        bytes: play_html(scene, sim),
    }]
}
