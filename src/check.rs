//! Checking a scene end to end: load, simulate, run the rules.

use crate::diagnostic::{self, Diagnostic};
use crate::rules::{Context, Level, Levels};
use crate::sim::Simulation;
use crate::source::SourceFile;

/// Every diagnostic for one scene file, sorted. `extra` rule levels (from the command line)
/// go on top of the scene's own; an unknown rule name there is an `Err` naming it.
pub fn check_source(
    file: &SourceFile,
    extra: &[(String, Level)],
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
    Ok(diagnostics)
}
