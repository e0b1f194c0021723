//! `oner gallery [SCENE…]`: write the gallery page, `output/index.html`, listing every given
//! scene (default: `scenes/*.ron`) that has been built into the output folder.

use super::{EXIT_OK, console, display_path, open_scene};
use crate::gallery::{Entry, page};
use crate::sim::Simulation;
use clap::Args;
use std::path::{Path, PathBuf};

#[derive(Debug, Args)]
#[command(
    after_help = "Lists each scene whose study pack is built (OUT/<scene>/index.html exists), in the order given, \
with its overview plan as a thumbnail, its length, rig and one line of context (the scene's `summary`, else the \
first sentence of its notes). Scenes not built yet are named on stderr and left out: `oner build` them first.\n\n\
Examples:\n  oner gallery                       (scenes/*.ron into output/index.html)\n  \
oner gallery scenes/touch-of-evil.ron scenes/goodfellas-copacabana.ron -o site/"
)]
pub struct GalleryArgs {
    /// Scene files, in the order the page lists them; default: scenes/*.ron, sorted.
    pub files: Vec<PathBuf>,
    /// The folder holding the built study packs, where index.html is written.
    #[arg(
        short = 'o',
        long = "output",
        alias = "out",
        value_name = "DIR",
        default_value = "output"
    )]
    pub out: PathBuf,
}

pub fn run(args: &GalleryArgs) -> u8 {
    console::code(gallery(args))
}

fn gallery(args: &GalleryArgs) -> Result<u8, u8> {
    let files = if args.files.is_empty() {
        bundled_scenes()?
    } else {
        args.files.clone()
    };
    let mut entries = Vec::new();
    for file in &files {
        let id = crate::output::scene_id(file);
        if !args.out.join(&id).join("index.html").is_file() {
            console::err_line(&format!(
                "{}: not built into {} yet, left out (run `oner build {}`)",
                display_path(file),
                display_path(&args.out.join(&id)),
                display_path(file)
            ))?;
            continue;
        }
        let opened = open_scene(file)?;
        let scene = opened.scene();
        let sim = Simulation::new(scene);
        entries.push(Entry::of(&id, scene, &sim));
    }
    let path = args.out.join("index.html");
    crate::output::write_atomic(&path, page::render(&entries).as_bytes())
        .map_err(|message| console::usage_error(&message))?;
    console::err_line(&format!(
        "wrote {} ({} scene{})",
        display_path(&path),
        entries.len(),
        if entries.len() == 1 { "" } else { "s" }
    ))?;
    Ok(EXIT_OK)
}

/// `scenes/*.ron`, sorted by name.
fn bundled_scenes() -> Result<Vec<PathBuf>, u8> {
    let dir = Path::new("scenes");
    let read = std::fs::read_dir(dir).map_err(|e| {
        console::usage_error(&format!(
            "cannot list {}: {e}; give the scene files",
            display_path(dir)
        ))
    })?;
    let mut files: Vec<PathBuf> = read
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    Ok(files)
}
