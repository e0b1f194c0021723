//! `oner previz FILE`: write the 3D previz, an animated glTF 2.0 binary (`previz.glb`).

use super::{EXIT_OK, open_scene};
use crate::sim::Simulation;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
#[command(
    after_help = "Writes previz.glb into output/<scene>/ unless -o is given (a file, a folder, or - \
for standard output): the set, the cast and crew, the props and the scene camera, animated over \
the take, in glTF 2.0 binary (metres, +Y up). Open it in Blender (File > Import > glTF 2.0), a \
browser glTF viewer or Unreal; docs/outputs.md says how.\n\nExamples:\n  \
oner previz scenes/we-cry-together.ron\n  oner previz scenes/tutorial.ron -o /tmp/tutorial.glb"
)]
pub struct PrevizArgs {
    /// Scene file.
    pub file: PathBuf,
    /// Where to write: a file, an existing folder, or `-` for standard output
    /// (default: output/<scene-id>/previz.glb).
    #[arg(short = 'o', long = "output", alias = "out", value_name = "PATH")]
    pub out: Option<PathBuf>,
}

pub fn run(args: &PrevizArgs) -> u8 {
    let opened = match open_scene(&args.file) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let scene = opened.scene();
    let sim = Simulation::new(scene);
    let bytes = crate::previz::glb(scene, &sim);
    match super::emit(
        &args.file,
        args.out.as_deref(),
        crate::previz::FILE_NAME,
        &bytes,
    ) {
        Ok(()) => EXIT_OK,
        Err(code) => code,
    }
}
