//! The gallery: the study reconstructions of famous takes in `scenes/`, as one page.
//!
//! Each scene of a real film carries a [`StudyLabel`] in its notes (what is fact, what is
//! invented, where the facts come from).

pub mod label;

pub use label::StudyLabel;
