//! `oner graph FILE`: write the set graph (rooms, doors, crossings) as SVG or Graphviz DOT.

use super::{EXIT_OK, open_scene};
use crate::sim::Simulation;
use clap::{Args, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// A drawing over the plan (graph.svg).
    Svg,
    /// Graphviz DOT with plan positions (graph.dot); lay out with `neato -n2` or `dot`.
    Dot,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Writes graph.svg (or graph.dot) into output/<scene>/ unless -o is given (a \
file, a folder, or - for standard output).\n\nExamples:\n  oner graph scenes/we-cry-together.ron\n  \
oner graph --format dot -o - scenes/tutorial.ron | neato -n2 -Tpng > graph.png"
)]
pub struct GraphArgs {
    /// Scene file.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = GraphFormat::Svg)]
    pub format: GraphFormat,
    /// Where to write: a file, an existing folder, or `-` for standard output
    /// (default: output/<scene-id>/graph.svg or graph.dot).
    #[arg(short = 'o', long = "output", alias = "out", value_name = "PATH")]
    pub out: Option<PathBuf>,
}

pub fn run(args: &GraphArgs) -> u8 {
    let opened = match open_scene(&args.file) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let scene = opened.scene();
    let sim = Simulation::new(scene);
    let (name, text) = match args.format {
        GraphFormat::Svg => ("graph.svg", crate::study::set_graph::svg(scene, &sim)),
        GraphFormat::Dot => ("graph.dot", crate::study::set_graph::dot_text(scene, &sim)),
    };
    match super::emit(&args.file, args.out.as_deref(), name, text.as_bytes()) {
        Ok(()) => EXIT_OK,
        Err(code) => code,
    }
}
