//! The continuity rules: a registry of documented checks over a scene and its simulation.
//!
//! Each rule lives in its own file with its [`RuleDoc`] (code, name, default level, summary,
//! long explanation) and a `check` that pushes diagnostics. Rules never print, read files or
//! depend on the order they run in. `oner rules`, `oner explain` and docs/rules.md all come
//! from the docs here.

mod camera;
pub mod docs;
mod doors;
mod hygiene;
mod movement;
mod presence;
mod props;
mod runner;
#[cfg(test)]
mod testing;
mod timeline;

use crate::diagnostic::{Diagnostic, Severity};
use crate::locate::{SourcePath, SpanIndex};
use crate::model::{EventId, Scene};
use crate::sim::Simulation;
use crate::source::Span;
use std::collections::HashMap;
use std::fmt;

/// How far a hand reaches to take or put a prop, metres (from the body centre).
pub const HAND_REACH: f64 = 1.0;
/// How far apart two people can hand something over, or someone can work a door from, metres.
pub const ARM_REACH: f64 = 1.5;

/// How a rule's findings are reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Not reported.
    Allow,
    /// Reported as a warning (exit code 0).
    Warn,
    /// Reported as an error (exit code 1).
    Deny,
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Level::Allow => "allow",
            Level::Warn => "warn",
            Level::Deny => "deny",
        })
    }
}

/// The documentation every rule carries.
#[derive(Debug, Clone, Copy)]
pub struct RuleDoc {
    pub code: &'static str,
    pub name: &'static str,
    pub family: &'static str,
    pub level: Level,
    pub summary: &'static str,
    /// Markdown with the sections: What it checks, Why it matters, Example, Fix.
    pub explanation: &'static str,
}

impl RuleDoc {
    /// A diagnostic of this rule; its severity is set from the rule's effective level.
    pub fn diagnostic(&'static self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.code, Severity::Error, message)
    }
}

/// What a rule reads.
pub struct Context<'a> {
    pub scene: &'a Scene,
    pub sim: &'a Simulation<'a>,
    pub spans: &'a SpanIndex,
    /// The per-frame camera sweep, run once on first use and shared by the camera rules
    /// (a rule on the other core waits for it rather than sweeping again).
    camera_sweep: std::sync::OnceLock<camera::sweep::Findings>,
    pinches: std::sync::OnceLock<Vec<movement::clearance::Pinch>>,
}

impl<'a> Context<'a> {
    pub fn new(scene: &'a Scene, sim: &'a Simulation<'a>, spans: &'a SpanIndex) -> Context<'a> {
        Context {
            scene,
            sim,
            spans,
            camera_sweep: std::sync::OnceLock::new(),
            pinches: std::sync::OnceLock::new(),
        }
    }

    /// What one sweep over the take's frames found for K001, K002, K003 and K005.
    pub fn camera_sweep(&self) -> &camera::sweep::Findings {
        self.camera_sweep.get_or_init(|| camera::sweep::sweep(self))
    }

    /// Every walk's tightest passes by furniture, walls and jambs, found once per check and
    /// read by M008 (no room) and M009 (a squeeze).
    pub fn pinches(&self) -> &[movement::clearance::Pinch] {
        self.pinches
            .get_or_init(|| movement::clearance::pinches(self))
    }
}

impl Context<'_> {
    pub fn span(&self, path: &SourcePath) -> Span {
        self.spans.span(path)
    }

    /// The span of field `field` of event `event`'s action (`timeline[i].do.<field>`), or of
    /// the event when `field` is empty.
    pub fn event_span(&self, event: EventId, field: &'static str) -> Span {
        let path = &self.scene.events[event.index()].path();
        match field {
            "" => self.spans.span(path),
            "at" => self.spans.span(&path.field("at")),
            field => self.spans.span(&path.field("do").field(field)),
        }
    }

    /// Name of a person for messages: their id in backticks.
    pub fn who(&self, person: crate::model::PersonId) -> String {
        format!("`{}`", self.scene.person(person).id)
    }
}

/// A continuity rule.
pub trait Rule: Sync {
    fn doc(&self) -> &'static RuleDoc;
    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>);
}

/// Every rule, in code order.
pub static RULES: &[&dyn Rule] = &[
    &movement::teleport::Teleport,
    &movement::closed_door::ClosedDoor,
    &movement::through_wall::ThroughWall,
    &movement::through_furniture::ThroughFurniture,
    &movement::too_fast::TooFast,
    &movement::overlapping_moves::OverlappingMoves,
    &movement::collision::Collision,
    &movement::no_room::NoRoomToPass,
    &movement::tight_squeeze::TightSqueeze,
    &doors::door_state::DoorStateRule,
    &doors::door_reach::DoorReach,
    &doors::rig_width::RigWidth,
    &props::not_there::NotThere,
    &props::not_holding::NotHolding,
    &props::out_of_reach::OutOfReach,
    &props::broken::Broken,
    &props::held_twice::HeldTwice,
    &props::bad_throw::BadThrow,
    &presence::out_of_earshot::OutOfEarshot,
    &presence::one_voice::OneVoice,
    &camera::jump::Jump,
    &camera::line_off_camera::LineOffCamera,
    &camera::crew_in_shot::CrewInShot,
    &camera::wild_wall::WildWall,
    &camera::past_the_set::PastTheSetRule,
    &camera::crane_reach::CraneReach,
    &timeline::out_of_order::OutOfOrder,
    &timeline::move_ends_late::MoveEndsLate,
    &timeline::duplicate_cue::DuplicateCue,
    &timeline::standby::Standby,
    &timeline::slam_sync::SlamSync,
    &hygiene::unused_room::UnusedRoom,
    &hygiene::unused_mark::UnusedMark,
    &hygiene::unused_prop::UnusedProp,
    &hygiene::unreachable_room::UnreachableRoom,
];

/// A rule by code (`M001`) or name (`teleport`), case-insensitive.
pub fn find(name: &str) -> Option<&'static RuleDoc> {
    RULES
        .iter()
        .map(|r| r.doc())
        .find(|d| d.code.eq_ignore_ascii_case(name) || d.name.eq_ignore_ascii_case(name))
}

/// Every code and name, for "did you mean".
pub fn all_names() -> Vec<String> {
    RULES
        .iter()
        .flat_map(|r| [r.doc().code.to_string(), r.doc().name.to_string()])
        .collect()
}

/// Effective rule levels: defaults, then the scene's lists, then the command line.
#[derive(Debug, Clone, Default)]
pub struct Levels {
    overrides: HashMap<&'static str, Level>,
}

impl Levels {
    /// Sets `rule` (code or name) to `level`; false if no rule has that code or name.
    pub fn set(&mut self, rule: &str, level: Level) -> bool {
        match find(rule) {
            Some(doc) => {
                self.overrides.insert(doc.code, level);
                true
            }
            None => false,
        }
    }

    pub fn of(&self, doc: &RuleDoc) -> Level {
        self.overrides.get(doc.code).copied().unwrap_or(doc.level)
    }

    /// The scene's own `allow`/`warn`/`deny` lists.
    pub fn from_scene(scene: &Scene) -> Levels {
        let mut levels = Levels::default();
        for rule_level in &scene.rule_levels {
            levels.set(&rule_level.rule, rule_level.level);
        }
        levels
    }
}

/// Runs every rule not allowed, setting each diagnostic's severity from its rule's level.
/// The rules share out the cores (see [`runner`]); their findings are gathered in registry
/// order whichever finished first, so the result is the same as one rule after another.
pub fn run(cx: &Context, levels: &Levels) -> Vec<Diagnostic> {
    let chosen: Vec<(&'static dyn Rule, Severity)> = RULES
        .iter()
        .filter_map(|&rule| match levels.of(rule.doc()) {
            Level::Allow => None,
            Level::Warn => Some((rule, Severity::Warning)),
            Level::Deny => Some((rule, Severity::Error)),
        })
        .collect();
    let rules: Vec<&dyn Rule> = chosen.iter().map(|&(rule, _)| rule).collect();
    let found = runner::run_all(cx, &rules);
    let mut all = Vec::new();
    for ((rule, severity), found) in chosen.into_iter().zip(found) {
        let code = rule.doc().code;
        all.extend(found.into_iter().map(|mut d| {
            d.code = code;
            d.severity = severity;
            d
        }));
    }
    crate::diagnostic::sort_and_dedup(&mut all);
    all
}

#[cfg(test)]
mod tests {
    use super::{Level, Levels, all_names, find, run};
    use crate::diagnostic::Severity;

    #[test]
    fn levels_print_as_the_words_the_command_line_takes() {
        let words: Vec<String> = [Level::Allow, Level::Warn, Level::Deny]
            .iter()
            .map(Level::to_string)
            .collect();
        assert_eq!(words, ["allow", "warn", "deny"]);
    }

    #[test]
    fn rules_are_found_by_code_or_name_in_any_case() {
        assert_eq!(find("m002").map(|d| d.name), Some("closed-door"));
        assert_eq!(find("Closed-Door").map(|d| d.code), Some("M002"));
        assert!(find("closd-door").is_none());
        let names = all_names();
        assert_eq!(names.len(), 2 * super::RULES.len());
        assert!(names.iter().any(|n| n == "M002") && names.iter().any(|n| n == "closed-door"));
    }

    #[test]
    fn levels_override_the_default_only_for_the_rule_they_name() {
        let mut levels = Levels::default();
        let m002 = find("M002").unwrap();
        let m009 = find("M009").unwrap();
        assert_eq!(levels.of(m002), Level::Deny);
        assert!(levels.set("closed-door", Level::Warn));
        assert!(!levels.set("closd-door", Level::Allow));
        assert_eq!(levels.of(m002), Level::Warn);
        assert_eq!(levels.of(m009), Level::Warn);
    }

    /// `run` over the standard scene with a walk through the closed hall door (M002).
    fn run_closed_door(levels: &Levels) -> Vec<(&'static str, Severity)> {
        let text = super::testing::scene(
            r#"timeline: [(at: "0:01", do: Move(who: "ben", to: "H1", arrive: "0:05"))]"#,
        );
        let file = crate::source::SourceFile::new("test.ron", &text);
        let loaded = crate::load::load(&file);
        let scene = loaded.scene.as_ref().expect("loads");
        let sim = crate::sim::Simulation::new(scene);
        let cx = super::Context::new(scene, &sim, &loaded.spans);
        run(&cx, levels)
            .into_iter()
            .filter(|d| d.code == "M002")
            .map(|d| (d.code, d.severity))
            .collect()
    }

    #[test]
    fn run_gives_each_finding_its_rules_code_and_level() {
        let mut levels = Levels::default();
        assert_eq!(run_closed_door(&levels), [("M002", Severity::Error)]);
        levels.set("M002", Level::Warn);
        assert_eq!(run_closed_door(&levels), [("M002", Severity::Warning)]);
        levels.set("M002", Level::Allow);
        assert_eq!(run_closed_door(&levels), []);
    }
}
