//! The gallery: the study reconstructions of famous takes in `scenes/`, as one page.
//!
//! Each scene of a real film carries a [`StudyLabel`] in its notes (what is fact, what is
//! invented, where the facts come from); [`Entry`] is what the page says of one built scene,
//! and [`page::render`] writes `output/index.html` (`oner gallery`).

pub mod entry;
pub mod label;
pub mod page;

pub use entry::Entry;
pub use label::StudyLabel;
