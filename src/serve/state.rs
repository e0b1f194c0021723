//! What `oner serve` serves, built in memory: the playback page with the live hooks, the
//! plans, and the diagnostics, remade whole on each save and swapped in as one [`Snapshot`].
//!
//! A scene that loads (rule errors or not) is rendered; one that does not (a syntax error, an
//! unknown id) keeps the last one that did, and only the diagnostics are new: the browser
//! shows the last good take with the errors over it, never a blank page.

use super::moment::Places;
use crate::diagnostic::{Diagnostic, Tally, json::JsonDiagnostic};
use crate::escape::{json_safe, xml};
use crate::play::html::Hooks;
use crate::sim::Simulation;
use crate::source::SourceFile;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

const LIVE_JS: &str = include_str!("live.js");
const LIVE_CSS: &str = include_str!("live.css");

/// Where the live block goes in a rendered page; the page is split there once, so each new
/// set of diagnostics costs a concatenation, not a render. Scene text cannot forge it: it
/// reaches the page only escaped (no `<`) and never inside a comment.
const SLOT: &str = "<!--oner-live-->";

/// What the served page's Content-Security-Policy adds to the file's: its own event stream.
const CONNECT_SELF: &str = "; connect-src 'self'";

/// One build as served: immutable, shared by every request that started while it was new.
#[derive(Debug)]
pub struct Snapshot {
    /// Counts the saves seen, from 1.
    pub generation: u64,
    /// `<server>.<generation>`: what the event stream sends; the page reloads when it differs
    /// from the one it was served with (also after the server was restarted).
    pub version: String,
    /// `/`: the playback page (or, before the scene ever loaded, a page of its errors).
    pub page: Arc<Vec<u8>>,
    /// `/plans/<name>`: the plans of the last scene that loaded, by file name.
    pub plans: Arc<BTreeMap<String, Vec<u8>>>,
    /// `/diagnostics.json`.
    pub diagnostics: Vec<u8>,
    /// `2 errors, 1 warning`, `ok` or `cannot be read`, for the terminal.
    pub summary: String,
}

/// The report the page embeds and `/diagnostics.json` serves.
#[derive(Debug, Serialize)]
pub struct Report {
    pub generation: u64,
    /// Tells this server's generations from an earlier run's.
    pub server: String,
    pub file: String,
    /// `2 errors, 1 warning`, `ok`.
    pub summary: String,
    /// The page shows an older version of the scene than the diagnostics are about (the
    /// current one does not load).
    pub stale: bool,
    /// Why the file could not be read, if it could not (it is checked again on the next save).
    pub problem: Option<String>,
    /// The plans, as `/plans/<name>`.
    pub plans: Vec<String>,
    pub diagnostics: Vec<LiveDiagnostic>,
}

/// A diagnostic as `check --format json` writes it, with its moment on the take when it
/// has one (seconds; metres, x right, y down, as the page's data).
#[derive(Debug, Serialize)]
pub struct LiveDiagnostic {
    #[serde(flatten)]
    pub json: JsonDiagnostic,
    pub at: Option<f64>,
    pub point: Option<[f64; 2]>,
}

/// The last scene that loaded, rendered, split at [`SLOT`].
struct Good {
    head: String,
    tail: String,
    plans: Arc<BTreeMap<String, Vec<u8>>>,
}

/// The served state across saves.
pub struct Site {
    server: String,
    generation: u64,
    good: Option<Good>,
}

impl Default for Site {
    fn default() -> Self {
        Site::new()
    }
}

impl Site {
    pub fn new() -> Site {
        // Unique enough across restarts on one machine: the process and the moment it began.
        let started = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        Site {
            server: format!("{:x}{:x}", std::process::id(), started % (1 << 40)),
            generation: 0,
            good: None,
        }
    }

    /// Checks `file` (with the encoding problem [`read_scene`](crate::cli::read_scene) found,
    /// if any), renders it if it loads, and returns what to serve now.
    pub fn update(&mut self, file: &SourceFile, encoding_error: Option<Diagnostic>) -> Snapshot {
        self.generation += 1;
        let (diagnostics, problem) = match encoding_error {
            Some(d) => (vec![d], None),
            None => match crate::check::check_source(file, &[]) {
                Ok(diagnostics) => (diagnostics, None),
                Err(message) => (Vec::new(), Some(message)),
            },
        };
        let loaded = crate::load::load(file);
        let mut live: Vec<LiveDiagnostic> = diagnostics
            .iter()
            .map(|d| LiveDiagnostic {
                json: crate::diagnostic::json::to_json(d, file),
                at: None,
                point: None,
            })
            .collect();
        let stale = match &loaded.scene {
            Some(scene) => {
                let sim = Simulation::new(scene);
                let places = Places::new(scene, &sim, &loaded.spans);
                for (d, out) in diagnostics.iter().zip(&mut live) {
                    if let Some(moment) = places.of(d) {
                        out.at = moment.at.map(|t| milli(t.seconds()));
                        out.point = moment.point.map(|p| [milli(p.x), milli(p.y)]);
                    }
                }
                self.good = Some(render(scene, &sim));
                false
            }
            None => self.good.is_some(),
        };
        let tally = Tally::of(&diagnostics);
        let report = Report {
            generation: self.generation,
            server: self.server.clone(),
            file: file.name().to_string(),
            summary: summary(tally),
            stale,
            problem,
            plans: self.plan_names(),
            diagnostics: live,
        };
        self.snapshot(&report)
    }

    /// The file cannot be read now (removed while an editor saves, permissions): the last
    /// good build stays, with the reason and no diagnostics.
    pub fn unreadable(&mut self, name: &str, reason: &str) -> Snapshot {
        self.generation += 1;
        let report = Report {
            generation: self.generation,
            server: self.server.clone(),
            file: name.to_string(),
            summary: "cannot be read".to_string(),
            stale: self.good.is_some(),
            problem: Some(reason.to_string()),
            plans: self.plan_names(),
            diagnostics: Vec::new(),
        };
        self.snapshot(&report)
    }

    fn plan_names(&self) -> Vec<String> {
        self.good
            .as_ref()
            .map(|g| g.plans.keys().cloned().collect())
            .unwrap_or_default()
    }

    fn snapshot(&self, report: &Report) -> Snapshot {
        let json = json_safe(serde_json::to_string(report).unwrap_or_else(|_| "{}".into()));
        let live = live_block(&json);
        let (page, plans) = match &self.good {
            Some(good) => (
                format!("{}{live}{}", good.head, good.tail),
                Arc::clone(&good.plans),
            ),
            None => (bare_page(&report.file, &live), Arc::default()),
        };
        Snapshot {
            generation: self.generation,
            version: format!("{}.{}", self.server, self.generation),
            page: Arc::new(page.into_bytes()),
            plans,
            diagnostics: json.into_bytes(),
            summary: report.summary.clone(),
        }
    }
}

/// `2 errors, 1 warning`, `1 warning`, `ok`.
fn summary(tally: Tally) -> String {
    let count = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match (tally.errors, tally.warnings) {
        (0, 0) => "ok".to_string(),
        (0, w) => count(w, "warning"),
        (e, 0) => count(e, "error"),
        (e, w) => format!("{}, {}", count(e, "error"), count(w, "warning")),
    }
}

/// Rounds to the millimetre or millisecond, so the JSON does not carry float noise.
fn milli(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}

/// The playback page with an empty live slot, and the plans.
fn render(scene: &crate::model::Scene, sim: &Simulation) -> Good {
    let hooks = Hooks {
        csp: CONNECT_SELF.to_string(),
        body_end: SLOT.to_string(),
    };
    let page =
        String::from_utf8_lossy(&crate::play::play_html_with(scene, sim, &hooks)).into_owned();
    let (head, tail) = match page.rfind(SLOT) {
        Some(i) => (page[..i].to_string(), page[i + SLOT.len()..].to_string()),
        None => (page, String::new()),
    };
    let plans = crate::plan::build_files(scene, sim)
        .into_iter()
        .map(|f| (f.name, f.bytes))
        .collect();
    Good {
        head,
        tail,
        plans: Arc::new(plans),
    }
}

/// The report for a script element: `<`, `>` and `&` (only ever inside JSON strings) as
/// `\u` escapes, so no text in it can close the element.
fn for_script(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// What goes into the page's slot: the overlay's style, the report, the overlay's script.
fn live_block(json: &str) -> String {
    format!(
        "<style>\n{LIVE_CSS}</style>\n<script type=\"application/json\" id=\"oner-live\">{}</script>\n<script>\n{LIVE_JS}</script>\n",
        for_script(json)
    )
}

/// The page before the scene has ever loaded: its name, and the live block showing why.
fn bare_page(name: &str, live: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         script-src 'unsafe-inline'; style-src 'unsafe-inline'{CONNECT_SELF}\" />\n\
         <title>{} · oner serve</title>\n</head>\n<body class=\"oner-bare\">\n<h1>{}</h1>\n\
         <p>This scene has not loaded yet, so there is no plan to play. The errors are listed \
         below; the page reloads each time the file is saved.</p>\n{live}</body>\n</html>\n",
        xml(name),
        xml(name)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_close_its_element() {
        let out = for_script(r#"{"m":"</script><b>&"}"#);
        assert!(!out.contains('<') && !out.contains('&'), "{out}");
        let back: serde_json::Value =
            serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
        assert_eq!(back["m"], "</script><b>&");
    }
}
