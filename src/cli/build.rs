//! `oner build FILE`: check the scene, then write everything oner makes for it.

use super::{EXIT_ERRORS, EXIT_OK, EXIT_USAGE, open_scene};
use crate::build::{MANIFEST, all_files, manifest, stale};
use crate::diagnostic::{Tally, human};
use crate::sim::Simulation;
use clap::Args;
use std::path::{Path, PathBuf};

#[derive(Debug, Args)]
#[command(
    after_help = "Writes plans, study charts, the playback page, cue sheets and an index page into \
output/<scene>/ (or -o DIR), each file atomically. Refuses when the scene has errors, unless --force.\n\n\
Examples:\n  oner build scenes/we-cry-together.ron\n  oner build scenes/tutorial.ron -o /tmp/tutorial"
)]
pub struct BuildArgs {
    /// Scene file.
    pub file: PathBuf,
    /// Output folder (default: output/<scene-id>/).
    #[arg(short, long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Write the outputs even if check finds errors.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: &BuildArgs) -> u8 {
    let opened = match open_scene(&args.file) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let diagnostics = match crate::check::check_source(&opened.file, &[]) {
        Ok(diagnostics) => diagnostics,
        Err(message) => {
            eprintln!("error: {message}");
            return EXIT_USAGE;
        }
    };
    human::print(&diagnostics, &opened.file);
    let tally = Tally::of(&diagnostics);
    if tally.errors > 0 && !args.force {
        eprintln!("{}", super::check::summary(opened.file.name(), tally));
        eprintln!("error: not building: fix the errors above, or pass --force to build anyway");
        return EXIT_ERRORS;
    }
    let scene = opened.scene();
    let sim = Simulation::new(scene);
    let source_name = args.file.file_name().map_or_else(
        || "scene.ron".to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let files = all_files(scene, &sim, &source_name);
    let dir = crate::output::scene_dir(&args.file, args.out.as_deref());
    for file in &files {
        if let Err(code) = super::write_output(&dir.join(&file.name), &file.bytes) {
            return code;
        }
    }
    remove_stale(&dir, &files);
    if let Err(message) =
        crate::output::write_atomic(&dir.join(MANIFEST), manifest(&files).as_bytes())
    {
        eprintln!("error: {message}");
        return EXIT_USAGE;
    }
    println!(
        "built {} files for {:?} in {}",
        files.len(),
        crate::escape::strip_control(&scene.title),
        dir.display()
    );
    EXIT_OK
}

/// Deletes files an earlier build made that this one does not (listed in its manifest).
fn remove_stale(dir: &Path, files: &[crate::output::OutputFile]) {
    let Ok(old) = std::fs::read_to_string(dir.join(MANIFEST)) else {
        return;
    };
    for name in stale(&old, files) {
        let path = dir.join(&name);
        if std::fs::remove_file(&path).is_ok() {
            println!("removed {}", path.display());
        }
    }
}
