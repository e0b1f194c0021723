//! The shot list as a GitHub-flavoured Markdown table, scene text escaped as the cue
//! sheet's Markdown escapes it.

use super::{HEADERS, Setup};
use crate::cuesheet::format::markdown::escape;
use crate::model::Scene;

pub fn render(scene: &Scene, setups: &[Setup]) -> String {
    let mut out = format!("# {} — shot list\n\n", escape(&scene.title));
    out.push_str(&format!(
        "{} camera setup{} over {} ({} fps).\n\n",
        setups.len(),
        if setups.len() == 1 { "" } else { "s" },
        super::short(scene.length),
        crate::escape::number(scene.frame_rate.fps(), 3)
    ));
    if setups.is_empty() {
        out.push_str("No camera in the scene.\n");
        return out;
    }
    out.push_str(&format!("| {} |\n", HEADERS.join(" | ")));
    out.push_str(&format!("|{}\n", "---|".repeat(HEADERS.len())));
    for setup in setups {
        let cells: Vec<String> = setup.cells(scene).iter().map(|c| escape(c)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}
