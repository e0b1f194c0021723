//! `oner new`: write a small, valid, commented scene to start from.

use super::console;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  oner new kitchen-argument              (writes scenes/kitchen-argument.ron)\n  oner new walk --rooms kitchen,hall,bedroom\n  oner new draft -o /tmp/draft.ron\n\nIt never overwrites a file; docs/format.md (\"Starting a new scene\") explains every line."
)]
pub struct NewArgs {
    /// The scene's name: letters, digits, `-` and `_`; the file is `scenes/NAME.ron`.
    #[arg(value_name = "NAME")]
    pub name: String,
    /// Rooms in a row, each joined to the next by an opening (at least two).
    #[arg(long, value_name = "ROOM,ROOM,...", value_delimiter = ',')]
    pub rooms: Option<Vec<String>>,
    /// Where to write the scene (default: scenes/NAME.ron). Never overwritten.
    #[arg(short, long, alias = "out", value_name = "PATH")]
    pub output: Option<PathBuf>,
}

pub fn run(args: &NewArgs) -> u8 {
    let text = match &args.rooms {
        Some(rooms) => crate::scaffold::chain_scene(&args.name, rooms),
        None => crate::scaffold::default_scene(&args.name),
    };
    let text = match text {
        Ok(text) => text,
        Err(message) => return console::usage_error(&message),
    };
    let path = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from("scenes").join(format!("{}.ron", args.name)));
    super::write_new_scene(&path, &text, "new", "pick another NAME or -o PATH")
}
