//! `oner at FILE TIME`: the state of the take at one moment, in plain words or JSON.

use super::{EXIT_OK, open_scene, parse_time_arg, print_line};
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
    after_help = "Examples:\n  oner at scenes/we-cry-together.ron 2:13\n  oner at scenes/tutorial.ron 00:00:16:12 --format json"
)]
pub struct AtArgs {
    /// Scene file.
    pub file: PathBuf,
    /// The moment: `2:13`, `2:13.5` or SMPTE `00:02:13:12`.
    pub time: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = AtFormat::Text)]
    pub format: AtFormat,
}

pub fn run(args: &AtArgs) -> u8 {
    let opened = match open_scene(&args.file) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let scene = opened.scene();
    let t = match parse_time_arg(&args.time, scene) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let snapshot = Simulation::new(scene).snapshot(t);
    match args.format {
        AtFormat::Text => print!("{}", snapshot.to_text()),
        AtFormat::Json => print_line(&serde_json::to_string_pretty(&snapshot).unwrap_or_default()),
    }
    EXIT_OK
}
