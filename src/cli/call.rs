//! `oner call`: run the take's calls against the clock. On a terminal, a live screen
//! (ratatui over crossterm) with keys; otherwise a plain timed log. All the logic is in
//! `crate::call`; this file only connects it to the terminal and the wall clock.

use crate::call::clock::{Clock, Key};
use crate::call::{Calling, log, screen};
use crate::cuesheet::filter::{self, Filter};
use crate::cuesheet::script::{Script, Stamp};
use crate::cuesheet::sheet::Timecode;
use clap::Args;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::{Duration, Instant};

#[derive(Debug, Args)]
#[command(
    after_help = "Keys: space start/pause · j/k or arrows one second back/on · b then a \
number and Enter: jump to that beat · t then a time and Enter: jump to it · q quit.\n\n\
When standard output is not a terminal, prints a plain log of the calls, each at its time \
(at once with --no-wait).\n\nExamples:\n  oner call scenes/we-cry-together.ron\n  \
oner call --from 2:00 --speed 2 --dept LX,SQ scenes/we-cry-together.ron\n  \
oner call --no-wait scenes/tutorial.ron | less"
)]
pub struct CallArgs {
    /// Scene file.
    pub file: PathBuf,
    /// Start the clock here (1:00, 1:00.5, 00:01:00:00).
    #[arg(long, value_name = "TIME")]
    pub from: Option<String>,
    /// Take seconds per real second (0.25 to 16).
    #[arg(long, value_name = "FACTOR", default_value_t = 1.0)]
    pub speed: f64,
    /// Only call these departments: LX, SQ, CAM, SM, PROPS, FX, comma-separated.
    #[arg(long, value_name = "DEPTS")]
    pub dept: Option<String>,
    /// Without a terminal: print the log at once instead of in real time.
    #[arg(long)]
    pub no_wait: bool,
}

/// The fastest and slowest the clock may run.
const SPEEDS: std::ops::RangeInclusive<f64> = 0.25..=16.0;
/// How often the screen is redrawn, milliseconds.
const FRAME_MS: u64 = 50;

pub fn run(args: &CallArgs) -> u8 {
    let opened = match super::open_scene(&args.file) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let scene = opened.scene();
    if !SPEEDS.contains(&args.speed) {
        return super::console::usage_error(&format!(
            "--speed {} is out of range; give 0.25 to 16",
            crate::escape::number(args.speed, 2)
        ));
    }
    let mut filter = Filter::default();
    if let Some(depts) = &args.dept {
        match filter::parse_departments(depts) {
            Ok(depts) => filter.depts = depts,
            Err(message) => return super::console::usage_error(&message),
        }
    }
    let from = match &args.from {
        Some(text) => match super::parse_time_arg(text, scene) {
            Ok(t) => t,
            Err(code) => return code,
        },
        None => crate::time::Time::ZERO,
    };
    let sim = crate::sim::Simulation::new(scene);
    let cues = crate::cuesheet::cue_list(scene, &sim);
    let name = args
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned());
    let script = Script::new(
        scene,
        &sim,
        &cues,
        &filter,
        Timecode::Clock,
        Stamp::of(name.as_deref(), scene),
    );
    let calling = Calling::new(&script);
    if std::io::stdout().is_terminal() && std::io::stdin().is_terminal() {
        let clock = Clock::new(from, scene.length, args.speed);
        match live(&calling, clock, scene) {
            Ok(()) => super::EXIT_OK,
            Err(e) => super::console::usage_error(&format!("the terminal failed: {e}")),
        }
    } else {
        print_log(&calling, from, args)
    }
}

/// The plain log, each line at its time unless `--no-wait`.
fn print_log(calling: &Calling, from: crate::time::Time, args: &CallArgs) -> u8 {
    let start = Instant::now();
    for line in log::lines(calling, from) {
        if !args.no_wait
            && let Some(at) = line.at
        {
            let due = (at.seconds() - from.seconds()).max(0.0) / args.speed;
            let elapsed = start.elapsed().as_secs_f64();
            if due > elapsed {
                std::thread::sleep(Duration::from_secs_f64(due - elapsed));
            }
        }
        if let Err(code) = super::console::out_line(&line.text) {
            return code;
        }
    }
    super::EXIT_OK
}

/// Puts the terminal back however the live screen ends.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        let _ = crossterm::terminal::disable_raw_mode();
        let _ = crossterm::execute!(
            std::io::stdout(),
            crossterm::terminal::LeaveAlternateScreen,
            crossterm::cursor::Show
        );
    }
}

fn live(calling: &Calling, mut clock: Clock, scene: &crate::model::Scene) -> std::io::Result<()> {
    use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
    crossterm::terminal::enable_raw_mode()?;
    let _restore = Restore;
    crossterm::execute!(
        std::io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        crossterm::cursor::Hide
    )?;
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(std::io::stdout()))?;
    let mut last = Instant::now();
    while !clock.quit {
        let now = Instant::now();
        clock.tick(now.duration_since(last).as_secs_f64());
        last = now;
        let view = calling.view(clock.now(), screen::NEXT_SHOWN);
        terminal.draw(|frame| screen::draw(frame, &calling.title, &view, &clock))?;
        if !event::poll(Duration::from_millis(FRAME_MS))? {
            continue;
        }
        let Event::Key(press) = event::read()? else {
            continue;
        };
        if press.kind == KeyEventKind::Release {
            continue;
        }
        let prompting = clock.prompt.is_some();
        let key = match press.code {
            KeyCode::Char('c') if press.modifiers.contains(KeyModifiers::CONTROL) => Key::Quit,
            KeyCode::Char(c) if prompting => Key::Char(c),
            KeyCode::Char(' ') => Key::StartPause,
            KeyCode::Char('j') | KeyCode::Left | KeyCode::Down => Key::Back,
            KeyCode::Char('k') | KeyCode::Right | KeyCode::Up => Key::On,
            KeyCode::Char('b') => Key::AskBeat,
            KeyCode::Char('t') => Key::AskTime,
            KeyCode::Char('q') => Key::Quit,
            KeyCode::Backspace => Key::Backspace,
            KeyCode::Enter => Key::Enter,
            KeyCode::Esc => Key::Cancel,
            _ => continue,
        };
        clock.key(
            key,
            |n| calling.beat_at(n),
            |text| {
                crate::time::parse(text, scene.frame_rate)
                    .ok()
                    .filter(|t| *t <= scene.length)
            },
        );
    }
    Ok(())
}
