//! The command line: clap definitions and one module per subcommand.

mod at;
mod build;
mod call;
mod check;
mod completions;
mod console;
mod cues;
mod fmt;
mod gallery;
mod graph;
mod import;
mod lsp;
mod man;
mod new;
mod plan;
mod play;
mod previz;
mod rules;
mod serve;
mod shots;
mod stats;
mod timeline;
mod watch;

use clap::{Parser, Subcommand, ValueEnum};

/// The exit codes, as every `--help`, the README and docs/limits.md state them (a macro so
/// each subcommand's help can `concat!` it).
macro_rules! exit_codes_help {
    () => {
        "Exit codes (every command):\n  \
0  done; the scene has no errors (warnings allowed)\n  \
1  the scene has errors: any error-level diagnostic, syntax errors (S001) and invalid UTF-8 included\n  \
2  oner could not run: bad usage, an unreadable file, an output it could not write\n\
A closed pipe (`oner … | head`) ends the output quietly with 0."
    };
}
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit code for a clean run (warnings allowed).
pub const EXIT_OK: u8 = 0;
/// Exit code when errors were found in a scene.
pub const EXIT_ERRORS: u8 = 1;
/// Exit code for unreadable input or bad usage.
pub const EXIT_USAGE: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "oner",
    version,
    about = "Plan, check and draw one-take scenes",
    long_about = "oner reads a staging plan for a scene shot in one continuous take (a RON file: the set as rooms \
and doors, the cast, the crew and the camera, props, and a timeline of moves, lines and cues) and checks it for \
continuity errors before the camera rolls.",
    after_help = concat!("Examples:\n  oner check scenes/we-cry-together.ron\n  oner at scenes/we-cry-together.ron 2:13\n  oner build scenes/we-cry-together.ron      (everything, into output/we-cry-together/)\n  oner cues scenes/we-cry-together.ron --dept LX --format pdf -o lx.pdf\n  oner explain M002\n\n", exit_codes_help!(), "\n\nSee docs/format.md for the scene format, docs/rules.md for the rules and docs/limits.md for the limits.")
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiagnosticFormat {
    /// rustc-style text, coloured on a terminal.
    Human,
    /// One JSON object per line per diagnostic.
    Json,
    /// One SARIF 2.1.0 log for the whole run, for code scanning (columns in code points).
    Sarif,
    /// GitHub Actions workflow commands: one `::error ...::` annotation line per diagnostic.
    Github,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check scene files for structural and continuity errors.
    #[command(
        after_help = concat!(exit_codes_help!(), "\n\n\
Examples:\n  oner check scenes/we-cry-together.ron\n  oner check --deny-warnings scenes/*.ron\n  oner check --format json scenes/tutorial.ron\n  oner check --format sarif scenes/*.ron > oner.sarif\n  oner check --format github scenes/*.ron     (in a GitHub Actions step)")
    )]
    Check(check::CheckArgs),
    /// Show the state of the take at one moment: who is where, doors, props, what the camera sees.
    At(at::AtArgs),
    /// List every rule with its code, default level and summary.
    Rules(rules::RulesArgs),
    /// Print the long explanation of a diagnostic code.
    Explain(rules::ExplainArgs),
    /// Draw floor plans (SVG): the overview, one per beat, a contact sheet.
    Plan(plan::PlanArgs),
    /// Print the cue sheet.
    Cues(cues::CuesArgs),
    /// Draw the timeline chart (SVG): rooms over time for everyone.
    Timeline(timeline::TimelineArgs),
    /// Draw the set graph (SVG or Graphviz DOT).
    Graph(graph::GraphArgs),
    /// Write a self-contained HTML page that plays the take on the floor plan.
    Play(play::PlayArgs),
    /// Print the take's statistics.
    Stats(stats::StatsArgs),
    /// Check the scene and write everything oner makes for it into its output folder.
    Build(build::BuildArgs),
    /// Run the take's calls against the clock: a live calling screen, or a timed log.
    Call(call::CallArgs),
    /// Print the shot list: one row per camera setup (Markdown, CSV or PDF).
    Shots(shots::ShotsArgs),
    /// Write a small, valid, commented scene to start a new one from.
    New(new::NewArgs),
    /// Print the shell completion script for bash, zsh, fish, PowerShell or elvish.
    Completions(completions::CompletionsArgs),
    /// Print the manual page (roff), oner's or a command's.
    Man(man::ManArgs),
    /// Lay scene files out the one canonical way, every comment kept (--check: diff, exit 1).
    Fmt(fmt::FmtArgs),
    /// Check (or build) the scene again on every save, until Ctrl-C.
    Watch(watch::WatchArgs),
    /// Serve the playback page, plans and diagnostics on localhost, reloading on every save.
    Serve(serve::ServeArgs),
    /// Write the gallery page (output/index.html) linking every built scene's study pack.
    Gallery(gallery::GalleryArgs),
    /// Run the language server over stdio: diagnostics as you type, hover, go to definition, completion, fixes.
    Lsp(lsp::LspArgs),
    /// Write the 3D previz: the set, bodies, props and cameras as animated glTF (previz.glb).
    Previz(previz::PrevizArgs),
    /// Start a scene from a Fountain screenplay: cast, placeholder rooms, beats, timed lines.
    Import(import::ImportArgs),
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return ExitCode::from(clap_message(&error)),
    };
    ExitCode::from(run(cli.command))
}

/// Prints clap's help, version or usage error through [`console`] (a failing stream is
/// exit 2, a closed pipe a quiet 0) and gives the exit code.
fn clap_message(error: &clap::Error) -> u8 {
    use clap::error::ErrorKind;
    use std::io::IsTerminal;
    let for_stdout = matches!(
        error.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    );
    let terminal = if for_stdout {
        std::io::stdout().is_terminal()
    } else {
        std::io::stderr().is_terminal()
    };
    let rendered = error.render();
    let text = if terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) {
        rendered.ansi().to_string()
    } else {
        rendered.to_string()
    };
    let written = if for_stdout {
        console::out(&text)
    } else {
        console::err_bytes(text.as_bytes())
    };
    match (written, error.kind()) {
        (Err(code), _) => code.max(if for_stdout { EXIT_OK } else { EXIT_USAGE }),
        (Ok(()), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => EXIT_OK,
        (Ok(()), _) => EXIT_USAGE,
    }
}

fn run(command: Command) -> u8 {
    match command {
        Command::Check(args) => check::run(&args),
        Command::At(args) => at::run(&args),
        Command::Rules(args) => rules::run_rules(&args),
        Command::Explain(args) => rules::run_explain(&args),
        Command::Plan(args) => plan::run(&args),
        Command::Cues(args) => cues::run(&args),
        Command::Timeline(args) => timeline::run(&args),
        Command::Graph(args) => graph::run(&args),
        Command::Play(args) => play::run(&args),
        Command::Stats(args) => stats::run(&args),
        Command::Build(args) => build::run(&args),
        Command::Call(args) => call::run(&args),
        Command::Shots(args) => shots::run(&args),
        Command::New(args) => new::run(&args),
        Command::Completions(args) => completions::run(&args),
        Command::Man(args) => man::run(&args),
        Command::Import(args) => import::run(&args),
        Command::Fmt(args) => fmt::run(&args),
        Command::Watch(args) => watch::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Gallery(args) => gallery::run(&args),
        Command::Lsp(args) => lsp::run(&args),
        Command::Previz(args) => previz::run(&args),
    }
}

/// Reads a scene file. Unreadable files are `Err` (exit 2); text that is not UTF-8 becomes a
/// file whose only content is what could be decoded, plus an S001 diagnostic.
pub fn read_scene(
    path: &PathBuf,
) -> Result<
    (
        crate::source::SourceFile,
        Option<crate::diagnostic::Diagnostic>,
    ),
    String,
> {
    let shown = || crate::escape::terminal(&path.display().to_string()).into_owned();
    let max = crate::load::limits::MAX_FILE_BYTES;
    if let Ok(meta) = std::fs::metadata(path)
        && meta.is_file()
        && meta.len() > max
    {
        return Err(format!(
            "cannot read `{}`: it is {} MB, and oner reads scene files of at most {} MB (docs/limits.md)",
            shown(),
            meta.len().div_ceil(1024 * 1024),
            max / (1024 * 1024)
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read `{}`: {e}", shown()))?;
    let name = path.display().to_string();
    match String::from_utf8(bytes) {
        Ok(text) => Ok((crate::source::SourceFile::new(name, text), None)),
        Err(error) => {
            let valid = error.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
            let file = crate::source::SourceFile::new(name, text);
            let lossy_offset = String::from_utf8_lossy(&error.as_bytes()[..valid]).len();
            let d = crate::diagnostic::Diagnostic::error(
                crate::load::codes::SYNTAX,
                "the file is not valid UTF-8 text",
            )
            .at(
                crate::source::Span::new(lossy_offset, lossy_offset + '\u{fffd}'.len_utf8()),
                format!("invalid byte at offset {valid}"),
            )
            .note("scene files are UTF-8 RON text")
            .help("save the file as UTF-8; binary files are not scenes");
            Ok((file, Some(d)))
        }
    }
}

/// Writes diagnostics to stderr in human form, coloured on a terminal, through one large
/// buffer (stderr itself is unbuffered: a byte-at-a-time report of a 4 MB line took a minute).
pub fn print_diagnostics(
    diagnostics: &[crate::diagnostic::Diagnostic],
    file: &crate::source::SourceFile,
) -> Result<(), u8> {
    use std::io::IsTerminal;
    let colour = crate::diagnostic::human::colour_wanted(std::io::stderr().is_terminal());
    write_diagnostics(diagnostics, file, colour, std::io::stderr().lock())
        .map_err(|e| console::failed("standard error", &e))
}

/// Writes diagnostics in human form to `sink` through a 64 KiB buffer, so a report costs a
/// few system calls however many small pieces codespan writes.
fn write_diagnostics(
    diagnostics: &[crate::diagnostic::Diagnostic],
    file: &crate::source::SourceFile,
    colour: bool,
    sink: impl std::io::Write,
) -> std::io::Result<()> {
    use std::io::Write;
    let mut buffered = std::io::BufWriter::with_capacity(1 << 16, sink);
    crate::diagnostic::human::write(diagnostics, file, colour, &mut buffered)?;
    buffered.flush()
}

/// A scene loaded without structural errors, ready for a command to use.
pub struct Opened {
    pub file: crate::source::SourceFile,
    pub loaded: crate::load::Loaded,
}

impl Opened {
    pub fn scene(&self) -> &crate::model::Scene {
        match &self.loaded.scene {
            Some(scene) => scene,
            None => unreachable!("open_scene only returns loaded scenes"),
        }
    }
}

/// Loads a scene for a command that needs a valid one. On failure the diagnostics are
/// printed and the exit code returned: 2 if unreadable, 1 if it has structural errors.
pub fn open_scene(path: &std::path::Path) -> Result<Opened, u8> {
    let (file, encoding_error) =
        read_scene(&path.to_path_buf()).map_err(|message| console::usage_error(&message))?;
    if let Some(d) = encoding_error {
        print_diagnostics(&[d], &file)?;
        return Err(EXIT_ERRORS);
    }
    let loaded = crate::load::load(&file);
    if loaded.scene.is_none() {
        print_diagnostics(&loaded.diagnostics, &file)?;
        let tally = crate::diagnostic::Tally::of(&loaded.diagnostics);
        console::err_line(&check::summary(file.name(), tally))?;
        return Err(EXIT_ERRORS);
    }
    Ok(Opened { file, loaded })
}

/// Parses a time given on the command line at the scene's frame rate.
pub fn parse_time_arg(text: &str, scene: &crate::model::Scene) -> Result<crate::time::Time, u8> {
    match crate::time::parse(text, scene.frame_rate) {
        Ok(t) if t <= scene.length => Ok(t),
        Ok(t) => Err(console::usage_error(&format!(
            "{t} is after the take ends at {}",
            scene.length
        ))),
        Err(e) => Err(console::usage_error(&format!(
            "cannot read time `{}`: {e}; write {}",
            crate::escape::terminal_short(text, 80),
            crate::time::TIME_FORMS
        ))),
    }
}

/// Writes one output file atomically and says so; errors become exit code 2.
pub fn write_output(path: &std::path::Path, bytes: &[u8]) -> Result<(), u8> {
    crate::output::write_atomic(path, bytes).map_err(|message| console::usage_error(&message))?;
    console::out_line(&format!("wrote {}", display_path(path)))
}

/// A path as the terminal may show it (a folder name can hold control characters too).
pub fn display_path(path: &std::path::Path) -> String {
    crate::escape::terminal(&path.display().to_string()).into_owned()
}

/// Writes a new scene file (`oner new`, `oner import`): its folder made if missing, never over
/// an existing file (`create_new` refuses one, or a symlink, in the same step as it creates),
/// and nothing half-written left behind. `taken` says what to do when the path exists.
pub fn write_new_scene(path: &std::path::Path, text: &str, command: &str, taken: &str) -> u8 {
    use std::io::Write;
    let shown = display_path(path);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        return console::usage_error(&format!("cannot create `{}`: {e}", display_path(dir)));
    }
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut file| {
            file.write_all(text.as_bytes()).inspect_err(|_| {
                let _ = std::fs::remove_file(path);
            })
        });
    match written {
        Ok(()) => console::code(
            console::err_line(&format!("wrote {shown}; check it with: oner check {shown}"))
                .map(|()| EXIT_OK),
        ),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => console::usage_error(&format!(
            "`{shown}` already exists; oner {command} never overwrites a file ({taken})"
        )),
        Err(e) => console::usage_error(&format!("cannot write `{shown}`: {e}")),
    }
}

/// Writes one study file: to standard output for `-`, into a folder when `out` is one (or
/// ends in a separator), to `out` itself otherwise, and into the scene's output folder when
/// there is no `out`. Says what it wrote.
pub fn emit(
    scene_file: &std::path::Path,
    out: Option<&std::path::Path>,
    name: &str,
    bytes: &[u8],
) -> Result<(), u8> {
    let path = match out {
        Some(p) if p == std::path::Path::new("-") => return console::out_bytes(bytes),
        Some(p) if p.is_dir() || p.as_os_str().to_string_lossy().ends_with(['/', '\\']) => {
            p.join(name)
        }
        Some(p) => p.to_path_buf(),
        None => crate::output::scene_dir(scene_file, None).join(name),
    };
    write_output(&path, bytes)
}

#[cfg(test)]
mod tests {
    use super::write_diagnostics;

    /// Counts the writes that reach it: each would be a system call on stderr.
    struct CountingSink {
        writes: usize,
        bytes: usize,
    }

    impl std::io::Write for CountingSink {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.writes += 1;
            self.bytes += buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn many_diagnostics_reach_stderr_in_few_writes() {
        let text = format!(
            "Scene(\n{}\n)",
            (0..2_000)
                .map(|i| format!("    bogus_{i}: 1,"))
                .collect::<Vec<_>>()
                .join("\n")
        );
        let file = crate::source::SourceFile::new("many.ron", &text);
        let line = |i: usize| {
            let start = text.find(&format!("bogus_{i}:")).unwrap_or(0);
            crate::diagnostic::Diagnostic::error("S001", format!("unknown field {i}"))
                .at(crate::source::Span::new(start, start + 5), "here")
                .help("remove it")
        };
        let diagnostics: Vec<_> = (0..2_000).map(line).collect();
        let mut sink = CountingSink {
            writes: 0,
            bytes: 0,
        };
        assert!(write_diagnostics(&diagnostics, &file, false, &mut sink).is_ok());
        assert!(sink.bytes > 100_000, "{} bytes written", sink.bytes);
        // Unbuffered, codespan's pieces arrive one by one: tens of thousands of writes.
        assert!(
            sink.writes <= sink.bytes / 8_000 + 2,
            "{} writes",
            sink.writes
        );
    }
}
