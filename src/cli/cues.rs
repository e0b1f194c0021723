//! `oner cues`: print the cue sheet in a chosen format, filtered, with calls on request.

use crate::cuesheet::filter::{self, Filter};
use crate::cuesheet::format::{self, Paper};
use crate::cuesheet::script::{Script, Stamp};
use crate::cuesheet::sheet::{Options, Sheet, Timecode};
use clap::{Args, ValueEnum};
use std::io::IsTerminal;
use std::path::PathBuf;

/// Table width when stdout is not a terminal, characters.
const DEFAULT_WIDTH: usize = 100;

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  oner cues scenes/we-cry-together.ron\n  \
oner cues --dept LX,SQ --calls scenes/we-cry-together.ron\n  \
oner cues --who her --from 1:00 --to 2:00 scenes/we-cry-together.ron\n  \
oner cues --format pdf --paper letter -o cues.pdf scenes/we-cry-together.ron\n  \
oner cues --format vtt -o cues.vtt scenes/we-cry-together.ron\n\n\
Given cues are the scene's own Cue events; derived cues follow from the staging (a slam is \
a sound and a stage-management cue, a camera event a camera cue, an entrance a \
stage-management cue, a prop changing hands a props cue). Unnumbered cues are numbered \
around the given numbers (between LX 2 and LX 3: 2.1, 2.2) so adding a cue renumbers only \
its own stretch.")]
pub struct CuesArgs {
    /// Scene file.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CueFormat::Table)]
    pub format: CueFormat,
    /// How times are written: minutes and seconds (1:05.5) or SMPTE timecode at the take's
    /// frame rate (00:01:05:12; drop-frame with `;` at 29.97).
    #[arg(long, value_enum, default_value_t = TimecodeArg::Clock)]
    pub timecode: TimecodeArg,
    /// Only these departments: LX, SQ, CAM, SM, PROPS, FX or their names, comma-separated.
    #[arg(long, value_name = "DEPTS")]
    pub dept: Option<String>,
    /// Only this performer's own cues (id or name).
    #[arg(long, value_name = "NAME")]
    pub who: Option<String>,
    /// Only cues at or after this time (1:00, 1:00.5, 00:01:00:00).
    #[arg(long, value_name = "TIME")]
    pub from: Option<String>,
    /// Only cues at or before this time.
    #[arg(long, value_name = "TIME")]
    pub to: Option<String>,
    /// Only the cues of this beat (its title, or its number from 1).
    #[arg(long, value_name = "NAME")]
    pub beat: Option<String>,
    /// Print the calling script instead of the sheet: the stage manager's prompt book, one
    /// block per moment with the warnings (30 s ahead), standbys (at the cue's standby time,
    /// else 5 s ahead) and GOs of the called cues grouped, each GO on its trigger, and the
    /// lines and moves between them. Called: LX, SQ, FX and CAM cues the scene gives, and
    /// any marked `called: true`; the rest are listed for information.
    #[arg(long)]
    pub calls: bool,
    /// Paper for PDF and for printing the HTML page (landscape).
    #[arg(long, value_enum, default_value_t = PaperArg::A4)]
    pub paper: PaperArg,
    /// Table width in characters [default: the terminal's, else 100].
    #[arg(long, value_name = "COLUMNS")]
    pub width: Option<usize>,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short = 'o', long = "output", alias = "out", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Build the called cues in QLab: send its OSC messages over UDP to HOST:PORT (QLab
    /// listens on 53000). One memo cue per called cue, in time order, with number, name,
    /// notes and the department's colour.
    #[arg(long, value_name = "HOST:PORT", conflicts_with_all = ["output", "calls"])]
    pub send_osc: Option<String>,
    /// With --send-osc or --format qlab-osc: pre-waits and auto-continue, so one GO at the
    /// take's start runs every cue at its time.
    #[arg(long)]
    pub timed: bool,
    /// With --send-osc: print the messages (as --format qlab-osc writes them) and send nothing.
    #[arg(long, requires = "send_osc")]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CueFormat {
    /// An aligned table wrapped to the terminal.
    Table,
    /// A Markdown table.
    Md,
    /// CSV (RFC 4180) for a spreadsheet.
    Csv,
    /// A printable HTML page.
    Html,
    /// A paginated PDF (needs -o or a pipe).
    Pdf,
    /// WebVTT captions to watch beside the film.
    Vtt,
    /// JSON.
    Json,
    /// USITT ASCII 3.0 for a lighting desk (LX cues only).
    Usitt,
    /// QLab's OSC messages as text, one per line (what --send-osc sends).
    QlabOsc,
    /// OpenTimelineIO: a timeline whose markers are the cues and lines (docs/handoff/editors.md).
    Otio,
    /// A marker EDL (CMX 3600, DaVinci Resolve's timeline markers).
    Edl,
    /// The take as a Fountain screenplay (docs/handoff/writers.md).
    Fountain,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TimecodeArg {
    /// m:ss.s
    Clock,
    /// HH:MM:SS:FF at the take's frame rate.
    Smpte,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PaperArg {
    A4,
    Letter,
}

pub fn run(args: &CuesArgs) -> u8 {
    match sheet_bytes(args) {
        Ok(bytes) => emit(args, &bytes),
        Err(code) => code,
    }
}

/// Reads the scene, builds the sheet and renders it.
fn sheet_bytes(args: &CuesArgs) -> Result<Vec<u8>, u8> {
    let opened = super::open_scene(&args.file)?;
    let scene = opened.scene();
    let usage = |message: String| super::console::usage_error(&message);
    let mut filter = Filter::default();
    if let Some(depts) = &args.dept {
        filter.depts = filter::parse_departments(depts).map_err(usage)?;
    }
    if let Some(who) = &args.who {
        filter.who = Some(filter::find_person(scene, who).map_err(usage)?);
    }
    if let Some(beat) = &args.beat {
        filter.beat = Some(filter::find_beat(scene, beat).map_err(usage)?);
    }
    if let Some(from) = &args.from {
        filter.from = Some(super::parse_time_arg(from, scene)?);
    }
    if let Some(to) = &args.to {
        filter.to = Some(super::parse_time_arg(to, scene)?);
    }
    if let (Some(from), Some(to)) = (filter.from, filter.to)
        && from > to
    {
        return Err(usage(format!("--from {from} is after --to {to}")));
    }
    let sim = crate::sim::Simulation::new(scene);
    let cues = crate::cuesheet::cue_list(scene, &sim);
    let timecode = match args.timecode {
        TimecodeArg::Clock => Timecode::Clock,
        TimecodeArg::Smpte => Timecode::Smpte,
    };
    let source_name = args
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned());
    let paper = match args.paper {
        PaperArg::A4 => Paper::A4,
        PaperArg::Letter => Paper::Letter,
    };
    if args.calls {
        let stamp = Stamp::of(source_name.as_deref(), scene);
        let script = Script::new(scene, &sim, &cues, &filter, timecode, stamp);
        return script_bytes(args, &script, paper).map_err(usage);
    }
    let options = Options {
        timecode,
        calls: false,
        source_name,
    };
    if let Some(target) = &args.send_osc {
        let messages = format::qlab::messages(scene, &cues, &filter, args.timed);
        return send_osc(target, &messages, args.dry_run);
    }
    let sheet = Sheet::new(scene, &cues, &filter, &options);
    Ok(match args.format {
        CueFormat::Table => {
            let width = args.width.unwrap_or_else(terminal_width);
            format::table::render(&sheet, width).into_bytes()
        }
        CueFormat::Md => format::markdown::render(&sheet).into_bytes(),
        CueFormat::Csv => format::csv::render(&sheet).into_bytes(),
        CueFormat::Html => format::html::render_on(&sheet, paper).into_bytes(),
        CueFormat::Pdf => format::pdf::render(&sheet, paper).map_err(usage)?,
        CueFormat::Vtt => format::vtt::render(&sheet).into_bytes(),
        CueFormat::Json => format::json::render(&sheet).into_bytes(),
        CueFormat::Usitt => format::usitt::render(scene, &cues, &filter).into_bytes(),
        CueFormat::QlabOsc => {
            let messages = format::qlab::messages(scene, &cues, &filter, args.timed);
            format::qlab::render(&messages).into_bytes()
        }
        CueFormat::Otio => {
            let markers = format::marker::markers(scene, &sheet, &filter);
            format::otio::render(&sheet, &markers).into_bytes()
        }
        CueFormat::Edl => {
            let markers = format::marker::markers(scene, &sheet, &filter);
            format::edl::render(&sheet, &markers).into_bytes()
        }
        CueFormat::Fountain => format::fountain::render(&sim, &sheet, &filter).into_bytes(),
    })
}

/// Sends the QLab messages (or prints them with `--dry-run`); what is left to print after
/// is a one-line summary on stderr, so the result is empty bytes for stdout.
fn send_osc(target: &str, messages: &[crate::osc::Message], dry_run: bool) -> Result<Vec<u8>, u8> {
    if dry_run {
        return Ok(format::qlab::render(messages).into_bytes());
    }
    let fail =
        |e: crate::osc::SendError| super::console::usage_error(&crate::escape::terminal(&e.0));
    let to = crate::osc::resolve(target).map_err(fail)?;
    let sent = crate::osc::send(to, messages).map_err(fail)?;
    super::console::err_line(&format!("sent {sent} OSC messages to {to}"))?;
    Ok(Vec::new())
}

/// The calling script in the chosen format.
fn script_bytes(args: &CuesArgs, script: &Script, paper: Paper) -> Result<Vec<u8>, String> {
    use crate::cuesheet::script::format as script_format;
    Ok(match args.format {
        CueFormat::Table => {
            let width = args.width.unwrap_or_else(terminal_width);
            script_format::table::render(script, width).into_bytes()
        }
        CueFormat::Md => script_format::markdown::render(script).into_bytes(),
        CueFormat::Csv => script_format::csv::render(script).into_bytes(),
        CueFormat::Html => script_format::html::render(script, paper).into_bytes(),
        CueFormat::Pdf => script_format::pdf::render(script, paper)?,
        CueFormat::Vtt => script_format::vtt::render(script).into_bytes(),
        CueFormat::Json => script_format::json::render(script).into_bytes(),
        CueFormat::Usitt
        | CueFormat::QlabOsc
        | CueFormat::Otio
        | CueFormat::Edl
        | CueFormat::Fountain => {
            return Err(format!(
                "--format {} has no calling script: leave out --calls",
                args.format
                    .to_possible_value()
                    .map_or_else(String::new, |v| v.get_name().to_string())
            ));
        }
    })
}

/// The terminal's width when stdout is one, else [`DEFAULT_WIDTH`].
fn terminal_width() -> usize {
    if !std::io::stdout().is_terminal() {
        return DEFAULT_WIDTH;
    }
    terminal_size::terminal_size()
        .map(|(terminal_size::Width(w), _)| usize::from(w))
        .filter(|&w| w >= 40)
        .unwrap_or(DEFAULT_WIDTH)
}

/// Writes to the `-o` file, else to stdout (a PDF only when stdout is not a terminal).
fn emit(args: &CuesArgs, bytes: &[u8]) -> u8 {
    if let Some(path) = &args.output {
        return match super::write_output(path, bytes) {
            Ok(()) => super::EXIT_OK,
            Err(code) => code,
        };
    }
    if args.format == CueFormat::Pdf && std::io::stdout().is_terminal() {
        return super::console::usage_error(
            "a PDF is not for the terminal; write it with -o FILE or pipe it",
        );
    }
    super::console::code(super::console::out_bytes(bytes).map(|()| super::EXIT_OK))
}
