//! `oner plan`: write the floor plans of a scene as SVG into its output folder.

use super::{EXIT_OK, open_scene, parse_time_arg, write_output};
use crate::output;
use crate::sim::Simulation;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
#[command(
    after_help = "Writes plan.svg (the whole take), beats/NN-<title>.svg (one per beat) and \
contact-sheet.svg into output/<scene>/ unless -o is given. With --at, writes one plan of that \
moment instead. With --paper, also plans.pdf: the same plans on that sheet, each at its scale, \
tiled with overlap marks where it does not fit.\n\nExamples:\n  oner plan scenes/we-cry-together.ron\n  oner plan scenes/tutorial.ron \
--at 0:20 -o /tmp/plans\n  oner plan scenes/we-cry-together.ron --paper A3"
)]
pub struct PlanArgs {
    /// Scene file.
    pub file: PathBuf,
    /// Folder to write into (default: output/<scene-id>/).
    #[arg(short = 'o', long = "output", alias = "out", value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Draw one plan of the take at this time (m:ss, m:ss.s, h:mm:ss or hh:mm:ss:ff).
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// Drawing scale: 1:25, 1:50 or 1:100 (also 1:20, 1:200 …) [default: the largest
    /// standard scale at which the set fits the sheet]. The SVG is sized in millimetres, so
    /// printed at 100 % it measures true.
    #[arg(long, value_name = "1:N", value_parser = parse_scale)]
    pub scale: Option<u32>,
    /// Also write plans.pdf on this sheet (landscape): each plan at its scale, tiled with
    /// overlap marks over several pages where it does not fit.
    #[arg(long, value_enum, ignore_case = true)]
    pub paper: Option<crate::pack::Paper>,
}

/// `1:50` (or `50`) as the denominator 50; only standard drawing scales.
fn parse_scale(text: &str) -> Result<u32, String> {
    let number = text.trim().strip_prefix("1:").unwrap_or(text.trim());
    match number.parse::<u32>() {
        Ok(d) if crate::plan::page::STANDARD_SCALES.contains(&d) => Ok(d),
        _ => Err(format!(
            "expected a drawing scale such as 1:25, 1:50 or 1:100 (one of {})",
            crate::plan::page::STANDARD_SCALES
                .iter()
                .map(|d| format!("1:{d}"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

pub fn run(args: &PlanArgs) -> u8 {
    let opened = match open_scene(&args.file) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let scene = opened.scene();
    let sim = Simulation::new(scene);
    let dir = output::scene_dir(&args.file, args.out.as_deref());
    if let Some(problem) = args
        .scale
        .and_then(|d| crate::plan::sheets::scale_problem(scene, &sim, d))
    {
        return super::console::usage_error(&format!("the plan does not fit the sheet: {problem}"));
    }
    let files = match &args.at {
        Some(text) => {
            let t = match parse_time_arg(text, scene) {
                Ok(t) => t,
                Err(code) => return code,
            };
            crate::plan::at_files(scene, &sim, t, args.scale)
        }
        None => crate::plan::build_files_at(scene, &sim, args.scale),
    };
    let mut files = files;
    if let Some(paper) = args.paper {
        match crate::pack::plan_set(scene, &files, paper) {
            Ok(bytes) => files.push(output::OutputFile {
                name: crate::pack::PLANS_FILE_NAME.into(),
                bytes,
            }),
            Err(message) => return super::console::usage_error(&message),
        }
    }
    for file in files {
        if let Err(code) = write_output(&dir.join(&file.name), &file.bytes) {
            return code;
        }
    }
    EXIT_OK
}
