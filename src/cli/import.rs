//! `oner import`: start a scene from a Fountain screenplay (src/fountain/import.rs).

use super::{EXIT_OK, console};
use clap::Args;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The largest screenplay read, bytes: a feature script is about 200 KB.
const MAX_SCRIPT_BYTES: u64 = 16 * 1024 * 1024;

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  oner import draft.fountain                      (writes scenes/draft.ron)\n  \
oner import draft.fountain -o scenes/kitchen.ron\n  oner import draft.fountain --words-per-minute 180 -o -\n\n\
Cast from the character cues, one placeholder room per location, a beat per scene heading and \
section, a Line per dialogue block timed from its word count, (O.S.)/(V.O.) lines off camera, \
action kept as the beats' notes. Nobody moves yet: `oner check` lists what to stage. It never \
overwrites a file; docs/handoff/writers.md."
)]
pub struct ImportArgs {
    /// The screenplay (Fountain, UTF-8).
    #[arg(value_name = "SCRIPT.fountain")]
    pub script: PathBuf,
    /// Where to write the scene (default: scenes/NAME.ron after the script's name; `-` for
    /// standard output). Never overwritten.
    #[arg(short, long, alias = "out", value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Speaking rate for the line times, words a minute.
    #[arg(long, value_name = "WPM", default_value_t = crate::fountain::import::WORDS_PER_MINUTE)]
    pub words_per_minute: f64,
}

pub fn run(args: &ImportArgs) -> u8 {
    let shown = super::display_path(&args.script);
    let source = match read_script(&args.script) {
        Ok(text) => text,
        Err(message) => return console::usage_error(&format!("cannot read `{shown}`: {message}")),
    };
    let stem = args
        .script
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "imported".into());
    let options = crate::fountain::import::Options {
        words_per_minute: args.words_per_minute,
        fallback_title: stem.clone(),
        source_name: args
            .script
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
    };
    let script = crate::fountain::parse(&source);
    let text = match crate::fountain::import::scene_text(&script, &options) {
        Ok(text) => text,
        Err(message) => return console::usage_error(&format!("`{shown}`: {message}")),
    };
    let path = match &args.output {
        Some(p) if p == Path::new("-") => {
            return console::code(console::out(&text).map(|()| EXIT_OK));
        }
        Some(p) => p.clone(),
        None => PathBuf::from("scenes").join(format!("{}.ron", file_stem_id(&stem))),
    };
    write_new(&path, &text)
}

/// The script's text: a regular file within the size limit, UTF-8.
fn read_script(path: &Path) -> Result<String, String> {
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    file.take(MAX_SCRIPT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_SCRIPT_BYTES {
        return Err(format!("larger than {} MB", MAX_SCRIPT_BYTES / 1024 / 1024));
    }
    let text = String::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_string())?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(&text).to_string())
}

/// A file name from the script's: letters, digits, `-` and `_` only.
fn file_stem_id(stem: &str) -> String {
    let id: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if id.trim_matches('-').is_empty() {
        "imported".into()
    } else {
        id
    }
}

/// Writes `text` to a new file at `path` (never over an existing one), as `oner new` does.
fn write_new(path: &Path, text: &str) -> u8 {
    super::write_new_scene(path, text, "import", "use -o PATH")
}
