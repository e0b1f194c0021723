//! Test helper for rule families: run one rule on a small scene written inline.
//!
//! Shared by the unit tests of every rule family.

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Rule};
use crate::sim::Simulation;
use crate::source::SourceFile;

/// A three-room set (kitchen | arch | living | closed `hall-door` | hall) with `ana` on `K1`,
/// `ben` on `L1`, a camera on `C1`, a `mug` on the `table` and `keys` in ben's hand. `extra`
/// goes at the top level of the scene (e.g. `timeline: [...]`).
pub fn scene(extra: &str) -> String {
    format!(
        r##"Scene(
    title: "test", frame_rate: 24, length: "1:00",
    set: (
        rooms: {{
            "kitchen": (name: "Kitchen", shape: Rect(x: 0.0, y: 0.0, w: 4.0, h: 4.0)),
            "living": (name: "Living", shape: Rect(x: 4.0, y: 0.0, w: 5.0, h: 4.0)),
            "hall": (name: "Hall", shape: Rect(x: 9.0, y: 0.0, w: 2.0, h: 4.0)),
        }},
        doors: [
            (id: "arch", kind: Opening, rooms: ("kitchen", "living"), at: (4.0, 2.0), width: 1.2),
            (id: "hall-door", kind: Door, rooms: ("living", "hall"), at: (9.0, 2.0), width: 0.9, hinge: Left, swings_into: "hall", state: Closed),
        ],
        furniture: [(id: "table", name: "Table", room: "kitchen", shape: Rect(x: 1.0, y: 2.2, w: 1.0, h: 0.8))],
        marks: {{
            "K1": (room: "kitchen", at: (1.5, 1.5)),
            "K2": (room: "kitchen", at: (3.0, 3.2)),
            "L1": (room: "living", at: (6.0, 2.0)),
            "L2": (room: "living", at: (8.3, 2.0)),
            "H1": (room: "hall", at: (10.0, 2.0)),
            "C1": (room: "living", at: (8.4, 3.6)),
        }},
    ),
    cast: {{
        "ana": (name: "Ana", colour: "#d1495b", starts_at: "K1"),
        "ben": (name: "Ben", colour: "#00798c", starts_at: "L1"),
    }},
    crew: {{ "cam": (role: Camera(rig: Steadicam, lens_mm: 18.0), starts_at: "C1", facing: "ana") }},
    props: {{
        "mug": (name: "Mug", starts: On("table")),
        "keys": (name: "Keys", starts: HeldBy("ben")),
    }},
    {extra}
)"##
    )
}

/// The diagnostics of `rule` alone on `text`; panics if the scene does not load.
pub fn check(rule: &dyn Rule, text: &str) -> Vec<Diagnostic> {
    let file = SourceFile::new("test.ron", text);
    let loaded = crate::load::load(&file);
    let Some(scene) = &loaded.scene else {
        panic!("test scene does not load: {:#?}", loaded.diagnostics);
    };
    let sim = Simulation::new(scene);
    let cx = Context::new(scene, &sim, &loaded.spans);
    let mut out = Vec::new();
    rule.check(&cx, &mut out);
    out
}

/// The messages of `rule` on the standard scene with `extra`.
pub fn messages(rule: &dyn Rule, extra: &str) -> Vec<String> {
    check(rule, &scene(extra))
        .into_iter()
        .map(|d| d.message)
        .collect()
}

/// Every part of each diagnostic of `rule` on the standard scene with `extra`, one string per
/// diagnostic: the message, each label's text (primary first), the note and the help, joined
/// by ` | `; for tests that pin the numbers a rule reports, not only that it fires.
pub fn reports(rule: &dyn Rule, extra: &str) -> Vec<String> {
    check(rule, &scene(extra))
        .into_iter()
        .map(|d| {
            let mut parts = vec![d.message];
            parts.extend(d.primary.into_iter().map(|l| l.message));
            parts.extend(d.secondary.into_iter().map(|l| l.message));
            parts.extend(d.note);
            parts.extend(d.help);
            parts.join(" | ")
        })
        .collect()
}

/// Runs `f` on the context of `text`; panics if the scene does not load.
pub fn with_context<T>(text: &str, f: impl FnOnce(&Context) -> T) -> T {
    let file = SourceFile::new("test.ron", text);
    let loaded = crate::load::load(&file);
    let Some(scene) = &loaded.scene else {
        panic!("test scene does not load: {:#?}", loaded.diagnostics);
    };
    let sim = Simulation::new(scene);
    let cx = Context::new(scene, &sim, &loaded.spans);
    f(&cx)
}
