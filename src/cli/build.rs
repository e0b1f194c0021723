//! `oner build FILE`: check the scene, then write everything oner makes for it.

use super::{EXIT_ERRORS, EXIT_OK, console, open_scene};
use crate::build::{MANIFEST, all_files_on, manifest};
use crate::diagnostic::Tally;
use crate::sim::Simulation;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
#[command(
    after_help = "Writes plans, study charts, the playback page, cue sheets and an index page into \
output/<scene>/ (or -o DIR) as one unit: the build is written into a staging folder beside it and \
swapped in, so the folder always holds one whole build, the old or the new. Files in the folder that \
no build made are kept. Refuses when the scene has errors, unless --force (which builds and exits 1).\n\n\
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
    /// Sheet for study-pack.pdf (landscape); plans that do not fit at their scale are tiled.
    #[arg(long, value_enum, default_value_t = crate::pack::Paper::A4, ignore_case = true)]
    pub paper: crate::pack::Paper,
}

pub fn run(args: &BuildArgs) -> u8 {
    console::code(build(args))
}

fn build(args: &BuildArgs) -> Result<u8, u8> {
    let opened = open_scene(&args.file)?;
    let diagnostics = crate::check::check_source(&opened.file, &[])
        .map_err(|message| console::usage_error(&message))?;
    super::print_diagnostics(&diagnostics, &opened.file)?;
    let tally = Tally::of(&diagnostics);
    if tally.errors > 0 && !args.force {
        console::err_line(&super::check::summary(opened.file.name(), tally))?;
        console::err_line(
            "error: not building: fix the errors above, or pass --force to build anyway",
        )?;
        return Ok(EXIT_ERRORS);
    }
    let scene = opened.scene();
    let sim = Simulation::new(scene);
    let source_name = args.file.file_name().map_or_else(
        || "scene.ron".to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let files = all_files_on(scene, &sim, &source_name, args.paper);
    let dir = crate::output::scene_dir(&args.file, args.out.as_deref());
    // Nothing is printed until the build is in place: the report cannot interrupt it.
    let published =
        crate::publish::publish(&dir, &files, MANIFEST, &manifest(&files)).map_err(|message| {
            console::usage_error(&format!(
                "{message}; `{}` is unchanged",
                super::display_path(&dir)
            ))
        })?;
    let mut report = String::new();
    for file in &files {
        report.push_str(&format!(
            "wrote {}\n",
            super::display_path(&published.dir.join(&file.name))
        ));
    }
    report.push_str(&format!(
        "built {} files for \"{}\" in {}{}{}\n",
        files.len(),
        crate::escape::terminal_short(&scene.title, 80),
        super::display_path(&published.dir),
        if published.carried > 0 {
            format!(
                " (kept {} file{} no build made)",
                published.carried,
                if published.carried == 1 { "" } else { "s" }
            )
        } else {
            String::new()
        },
        if published.cleaned > 0 {
            format!(
                " (removed {} staging folder{} of killed builds)",
                published.cleaned,
                if published.cleaned == 1 { "" } else { "s" }
            )
        } else {
            String::new()
        },
    ));
    console::out(&report)?;
    // With --force the build is written, but the scene still has errors: exit 1.
    Ok(if tally.errors > 0 {
        EXIT_ERRORS
    } else {
        EXIT_OK
    })
}
