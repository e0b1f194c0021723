//! oner: plan, check and draw one-take scenes.
//!
//! The pipeline: [`source`] text → [`raw`] serde mirror → [`load`] (resolve ids, build the
//! set graph, collect diagnostics) → [`model::Scene`] → rules and renderers.
//! See ARCHITECTURE.md for the map.

pub mod build;
pub mod call;
pub mod check;
pub mod cli;
pub mod cuesheet;
pub mod diagnostic;
pub mod drawing;
pub mod escape;
pub mod fmt;
pub mod fountain;
pub mod gallery;
pub mod geometry;
pub mod load;
pub mod locate;
pub mod lsp;
pub mod model;
pub mod osc;
pub mod output;
pub mod pack;
pub mod plan;
pub mod play;
pub mod previz;
pub mod prose;
pub mod publish;
pub mod raw;
pub mod rules;
pub mod scaffold;
pub mod segment_grid;
pub mod serve;
pub mod shots;
pub mod sim;
pub mod source;
pub mod study;
pub mod time;
pub mod watch;
