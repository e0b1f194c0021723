//! `oner play FILE`: write the playback page, one self-contained HTML file.

use super::{EXIT_OK, open_scene};
use crate::sim::Simulation;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
#[command(
    after_help = "Writes play.html into output/<scene>/ unless -o is given (a file, a folder, or - \
for standard output). The page works offline: open it in any browser. Add #t=2:13 to its address \
to open it at that moment.\n\nExamples:\n  oner play scenes/we-cry-together.ron\n  \
oner play scenes/tutorial.ron -o /tmp/tutorial-play.html"
)]
pub struct PlayArgs {
    /// Scene file.
    pub file: PathBuf,
    /// Where to write: a file, an existing folder, or `-` for standard output
    /// (default: output/<scene-id>/play.html).
    #[arg(short = 'o', long = "output", alias = "out", value_name = "PATH")]
    pub out: Option<PathBuf>,
}

pub fn run(args: &PlayArgs) -> u8 {
    let opened = match open_scene(&args.file) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let scene = opened.scene();
    let sim = Simulation::new(scene);
    let page = crate::play::play_html(scene, &sim);
    match super::emit(&args.file, args.out.as_deref(), "play.html", &page) {
        Ok(()) => EXIT_OK,
        Err(code) => code,
    }
}
