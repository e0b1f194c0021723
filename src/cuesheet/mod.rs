//! Cue sheets: every cue of the take in time order, the way crews call them.
//!
//! The cue list is the scene's own `Cue` events (*given*) plus the cues its staging implies
//! (*derived*): a door slam is a sound and a stage-management cue, a camera move a camera
//! cue, a performer crossing into another room an entrance for stage management, a prop
//! changing hands a props cue. [`cue_list`] builds it from the scene and its simulation,
//! [`number`] numbers it per department, [`filter`] narrows it, [`sheet`] turns it into the
//! rows every [`format`] prints. Nothing here prints or writes.

mod derive;
pub mod filter;
pub mod format;
pub mod number;
pub mod script;
pub mod sheet;

use crate::model::{BeatId, Department, EventId, PersonId, RoomId, Scene};
use crate::output::OutputFile;
use crate::sim::Simulation;
use crate::time::Time;

/// Whether a cue was written in the scene or implied by its staging.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    /// A `Cue` event of the timeline.
    Given,
    /// Implied by another event (a slam, a camera move, an entrance, a prop handoff).
    Derived,
}

impl Source {
    pub fn name(self) -> &'static str {
        match self {
            Source::Given => "given",
            Source::Derived => "derived",
        }
    }
}

/// One cue of the take.
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    pub dept: Department,
    /// The number within the department: as written for given cues (`2.5`, `4A`), else
    /// assigned by [`number::assign`].
    pub number: String,
    pub at: Time,
    /// When the department is put on standby, if the scene says.
    pub standby: Option<Time>,
    /// What happens, in words.
    pub what: String,
    /// Where it happens.
    pub room: Option<RoomId>,
    /// Whose cue it is: the performer or operator who does it, first.
    pub who: Vec<PersonId>,
    pub beat: Option<BeatId>,
    /// Free notes (the event's `note`, what a given cue strikes, merged details).
    pub notes: Vec<String>,
    /// When the action the cue starts is complete (a camera's arrival on its mark).
    pub until: Option<Time>,
    pub source: Source,
    /// Whether the stage manager calls it (warning, standby, GO) on the calling script:
    /// given cues of the operator departments and any marked `called: true`; derived cues
    /// are listed for information, never called.
    pub called: bool,
    /// The event the cue comes from.
    pub event: EventId,
}

impl Cue {
    /// `LX 2.5`: what a caller says.
    pub fn label(&self) -> String {
        format!("{} {}", self.dept.abbreviation(), self.number)
    }
}

/// Whether a given cue of `dept` is called when the scene does not say: the departments
/// with an operator at a board or a camera (LX, SQ, FX, CAM) wait for the stage manager's
/// GO; stage management, props and the performers run their own.
pub fn called_by_default(dept: Department) -> bool {
    matches!(
        dept,
        Department::Lighting | Department::Sound | Department::Effects | Department::Camera
    )
}

/// Every cue of the take in time order (file order breaking ties), numbered.
///
/// This is the one list every output reads: the cue sheets, the calling script, `oner call`,
/// the statistics, the timeline chart's cue rows and the player.
pub fn cue_list(scene: &Scene, sim: &Simulation) -> Vec<Cue> {
    cue_list_with(scene, sim, &crate::sim::Whereabouts::of(sim))
}

/// [`cue_list`] for a caller that has the take's whereabouts already (the entrances come
/// from its door passages).
pub fn cue_list_with(
    scene: &Scene,
    sim: &Simulation,
    whereabouts: &crate::sim::Whereabouts,
) -> Vec<Cue> {
    let mut cues = derive::cues(scene, sim, whereabouts);
    number::assign(&mut cues);
    cues
}

/// How many cues each department has, in [`Department::ALL`] order, departments without
/// cues left out: the count every output agrees on.
pub fn count_by_department(cues: &[Cue]) -> Vec<(Department, usize)> {
    Department::ALL
        .into_iter()
        .map(|d| (d, cues.iter().filter(|c| c.dept == d).count()))
        .filter(|&(_, n)| n > 0)
        .collect()
}

/// The files `oner build` writes: see [`build_files_from`].
pub fn build_files(scene: &Scene, sim: &Simulation) -> Vec<OutputFile> {
    build_files_from(scene, sim, None)
}

/// The full cue sheet as `cues.md`, `cues.csv`, `cues.html`, `cues.pdf` and `cues.vtt`; the
/// lighting cues for a desk as `cues-lx.asc` (USITT ASCII) and the called cues for QLab as
/// `cues-qlab.txt` and `cues-qlab-timed.txt` (OSC as text); the
/// stage manager's calling script (the prompt book: [`script`]) as `cues-calls.pdf`; and for each department that has cues, its own sheet as
/// `cues-<dept>.pdf` (paper for the operator) and `cues-<dept>.csv` (for a console or a
/// spreadsheet). `source_name` is the scene file's name for the sheets' title blocks.
pub fn build_files_from(
    scene: &Scene,
    sim: &Simulation,
    source_name: Option<&str>,
) -> Vec<OutputFile> {
    let cues = cue_list(scene, sim);
    let options = |calls: bool| sheet::Options {
        timecode: sheet::Timecode::Clock,
        calls,
        source_name: source_name.map(str::to_string),
    };
    let full = sheet::Sheet::new(scene, &cues, &filter::Filter::default(), &options(false));
    let paper = format::Paper::A4;
    let mut files = vec![
        text("cues.md", format::markdown::render(&full)),
        text("cues.csv", format::csv::render(&full)),
        text("cues.html", format::html::render(&full)),
    ];
    files.extend(pdf("cues.pdf", &full, paper));
    files.push(text("cues.vtt", format::vtt::render(&full)));
    // Hand-offs to the desks: the lighting console and QLab (docs/handoff/).
    let all = filter::Filter::default();
    files.push(text(
        "cues-lx.asc",
        format::usitt::render(scene, &cues, &all),
    ));
    for (name, timed) in [("cues-qlab.txt", false), ("cues-qlab-timed.txt", true)] {
        let messages = format::qlab::messages(scene, &cues, &all, timed);
        files.push(text(name, format::qlab::render(&messages)));
    }
    let script = script::Script::new(
        scene,
        sim,
        &cues,
        &filter::Filter::default(),
        sheet::Timecode::Clock,
        script::Stamp::of(source_name, scene),
    );
    files.extend(
        script::format::pdf::render(&script, paper)
            .ok()
            .map(|bytes| OutputFile {
                name: "cues-calls.pdf".into(),
                bytes,
            }),
    );
    for dept in Department::ALL {
        let only = filter::Filter {
            depts: vec![dept],
            ..filter::Filter::default()
        };
        let sheet = sheet::Sheet::new(scene, &cues, &only, &options(false));
        if sheet.rows.is_empty() {
            continue;
        }
        let stem = format!("cues-{}", dept.abbreviation().to_ascii_lowercase());
        files.extend(pdf(&format!("{stem}.pdf"), &sheet, paper));
        files.push(text(&format!("{stem}.csv"), format::csv::render(&sheet)));
    }
    // For the editor and the writer (docs/handoff/): timeline markers and the screenplay.
    let markers = format::marker::markers(scene, &full, &filter::Filter::default());
    files.push(text("cues.otio", format::otio::render(&full, &markers)));
    files.push(text("cues.edl", format::edl::render(&full, &markers)));
    files.push(text(
        "script.fountain",
        format::fountain::render(sim, &full, &filter::Filter::default()),
    ));
    files
}

fn text(name: &str, text: String) -> OutputFile {
    OutputFile {
        name: name.to_string(),
        bytes: text.into_bytes(),
    }
}

/// A PDF file, or none if it could not be made (it cannot with the bundled font).
fn pdf(name: &str, sheet: &sheet::Sheet, paper: format::Paper) -> Option<OutputFile> {
    format::pdf::render(sheet, paper)
        .ok()
        .map(|bytes| OutputFile {
            name: name.to_string(),
            bytes,
        })
}

/// Seconds within which a derived cue counts as the same moment as a given one (so a given
/// sound cue `on_slam` covers the slam's own sound cue): a little over one frame at 24 fps.
pub const SAME_MOMENT: f64 = 0.05;
