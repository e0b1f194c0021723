//! Everything oner makes for a scene, as files: what `oner build` writes into the scene's
//! output folder.

use crate::model::Scene;
use crate::output::OutputFile;
use crate::sim::Simulation;

/// The name of the list of files a build wrote, kept in the output folder so the next build
/// removes files it no longer makes (a renamed beat's plan) and nothing else.
pub const MANIFEST: &str = ".oner-files";

/// Every output for the scene, in a stable order. `source_name` is the scene's file name as
/// the cue sheets' title blocks show it.
pub fn all_files(scene: &Scene, sim: &Simulation, source_name: &str) -> Vec<OutputFile> {
    let mut files = crate::plan::build_files(scene, sim);
    files.extend(crate::study::build_files(scene, sim));
    files.extend(crate::play::build_files(scene, sim));
    files.extend(crate::cuesheet::build_files_from(
        scene,
        sim,
        Some(source_name),
    ));
    // The index links everything above, so it comes last.
    let index = crate::play::index_html(scene, &files);
    files.push(OutputFile {
        name: "index.html".into(),
        bytes: index,
    });
    files
}

/// The manifest's text: one file name per line, sorted.
pub fn manifest(files: &[OutputFile]) -> String {
    let mut names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    names.sort_unstable();
    names.iter().map(|n| format!("{n}\n")).collect()
}

/// Names listed in an old manifest that the new build does not make. Only plain relative
/// names made of safe characters are returned, so a tampered manifest cannot point outside.
pub fn stale(old_manifest: &str, files: &[OutputFile]) -> Vec<String> {
    old_manifest
        .lines()
        .map(str::trim)
        .filter(|name| {
            !name.is_empty()
                && !name.starts_with('/')
                && name.split('/').all(|part| {
                    !part.is_empty()
                        && part != ".."
                        && part != "."
                        && part
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
                })
                && !files.iter().any(|f| f.name == *name)
        })
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str) -> OutputFile {
        OutputFile {
            name: name.into(),
            bytes: Vec::new(),
        }
    }

    #[test]
    fn stale_files_are_only_safe_names_no_longer_made() {
        let new = [file("plan.svg"), file("beats/01-a.svg")];
        let old = "plan.svg\nbeats/01-old.svg\n../../etc/passwd\n/abs\nbeats/../x\n\n";
        assert_eq!(stale(old, &new), vec!["beats/01-old.svg".to_string()]);
        assert_eq!(manifest(&new), "beats/01-a.svg\nplan.svg\n");
    }
}
