//! Checking a scene end to end: load, simulate, run the rules.

use crate::diagnostic::{self, Diagnostic};
use crate::rules::{Context, Level, Levels};
use crate::sim::Simulation;
use crate::source::SourceFile;

/// Every diagnostic for one scene file, sorted, at most
/// [`SHOWN_PER_CODE`](diagnostic::SHOWN_PER_CODE) of each code. `extra` rule levels (from the
/// command line) go on top of the scene's own; an unknown rule name there is an `Err` naming it.
pub fn check_source(
    file: &SourceFile,
    extra: &[(String, Level)],
) -> Result<Vec<Diagnostic>, String> {
    check_source_showing(file, extra, diagnostic::SHOWN_PER_CODE)
}

/// [`check_source`], showing at most `per_code` diagnostics of each code (0: all of them).
pub fn check_source_showing(
    file: &SourceFile,
    extra: &[(String, Level)],
    per_code: usize,
) -> Result<Vec<Diagnostic>, String> {
    let loaded = crate::load::load(file);
    let mut diagnostics = loaded.diagnostics;
    if let Some(scene) = &loaded.scene {
        let mut levels = Levels::from_scene(scene);
        for (name, level) in extra {
            if !levels.set(name, *level) {
                let names = crate::rules::all_names();
                let hint = crate::load::closest_name(name, names.iter().map(String::as_str))
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                return Err(format!(
                    "unknown rule `{name}`{hint} (`oner rules` lists them)"
                ));
            }
        }
        let sim = Simulation::new(scene);
        let cx = Context::new(scene, &sim, &loaded.spans);
        diagnostics.extend(crate::rules::run(&cx, &levels));
    }
    diagnostic::sort_and_dedup(&mut diagnostics);
    diagnostic::limit_per_code(&mut diagnostics, per_code);
    Ok(diagnostics)
}
