//! `oner at FILE TIME`: the state of the take at one moment, in plain words or JSON.

use super::{EXIT_OK, console, open_scene, parse_time_arg};
use crate::sim::Simulation;
use clap::{Args, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AtFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  oner at scenes/we-cry-together.ron 2:13\n  oner at scenes/tutorial.ron 0:17 --ids\n  oner at scenes/tutorial.ron 00:00:16:12 --format json"
)]
pub struct AtArgs {
    /// Scene file.
    pub file: PathBuf,
    /// The moment: `2:13`, `2:13.5` or SMPTE `00:02:13:12`.
    pub time: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = AtFormat::Text)]
    pub format: AtFormat,
    /// Show each name's id in [brackets], to find it in the scene file (JSON always has ids).
    #[arg(long)]
    pub ids: bool,
}

pub fn run(args: &AtArgs) -> u8 {
    console::code(at(args))
}

fn at(args: &AtArgs) -> Result<u8, u8> {
    let opened = open_scene(&args.file)?;
    let scene = opened.scene();
    let t = parse_time_arg(&args.time, scene)?;
    let snapshot = Simulation::new(scene).snapshot(t);
    match args.format {
        AtFormat::Text => {
            console::out(&crate::escape::terminal_lines(&snapshot.to_text(args.ids)))?
        }
        AtFormat::Json => console::out_line(&crate::escape::json_safe(
            serde_json::to_string_pretty(&snapshot).unwrap_or_default(),
        ))?,
    }
    Ok(EXIT_OK)
}
