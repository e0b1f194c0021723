//! Everything oner makes for a scene, as files: what `oner build` writes into the scene's
//! output folder.

use crate::model::Scene;
use crate::output::OutputFile;
use crate::sim::Simulation;

/// The name of the list of files a build wrote, kept in the output folder: it tells the next
/// build which files there a build made (they go with the old build) and which are the
/// user's (kept), and lets anyone verify a folder holds one whole build.
pub const MANIFEST: &str = ".oner-files";

/// Every output for the scene, in a stable order, with the study pack on A4. `source_name` is
/// the scene's file name as the cue sheets' title blocks show it.
pub fn all_files(scene: &Scene, sim: &Simulation, source_name: &str) -> Vec<OutputFile> {
    all_files_on(scene, sim, source_name, crate::pack::Paper::A4)
}

/// [`all_files`] with the study pack printed on `paper`.
///
/// The cue sheets (every format, and the filtered sheets) take about as long as everything
/// else together at Russian-Ark size, so they are made on a second thread: on two cores the
/// build takes the longer of the two, not their sum. The files' order does not depend on it.
pub fn all_files_on(
    scene: &Scene,
    sim: &Simulation,
    source_name: &str,
    paper: crate::pack::Paper,
) -> Vec<OutputFile> {
    let (mut files, cues) = std::thread::scope(|threads| {
        let cues =
            threads.spawn(|| crate::cuesheet::build_files_from(scene, sim, Some(source_name)));
        let mut files = crate::plan::build_files(scene, sim);
        files.extend(crate::study::build_files(scene, sim));
        files.extend(crate::shots::build_files(scene, sim));
        files.extend(crate::play::build_files(scene, sim));
        files.extend(crate::previz::build_files(scene, sim));
        (files, cues.join())
    });
    files.extend(cues.unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
    // The study pack gathers the plans, the timeline and the cue sheet made above. It cannot
    // fail on scene data (every part is oner's own output); if it ever does, the build goes
    // on without it rather than losing everything else.
    if let Ok(bytes) = crate::pack::study_pack(scene, &files, paper) {
        files.push(OutputFile {
            name: crate::pack::FILE_NAME.into(),
            bytes,
        });
    }
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
    fn the_manifest_lists_every_file_sorted() {
        let new = [file("plan.svg"), file("beats/01-a.svg")];
        assert_eq!(manifest(&new), "beats/01-a.svg\nplan.svg\n");
    }
}
