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
/// The parts (plans, study charts, shots, player, previz, cue sheets) do not depend on one
/// another, so they are shared out over the cores: each free thread takes the next part, the
/// longest first, so on two cores the build takes about half their sum (or the longest part,
/// if that is more). The files come out in the same order however the parts were shared.
pub fn all_files_on(
    scene: &Scene,
    sim: &Simulation,
    source_name: &str,
    paper: crate::pack::Paper,
) -> Vec<OutputFile> {
    // In the order the files come out.
    let parts: [&(dyn Fn() -> Vec<OutputFile> + Sync); 6] = [
        &|| crate::plan::build_files(scene, sim),
        &|| crate::study::build_files(scene, sim),
        &|| crate::shots::build_files(scene, sim),
        &|| crate::play::build_files(scene, sim),
        &|| crate::previz::build_files(scene, sim),
        &|| crate::cuesheet::build_files_from(scene, sim, Some(source_name)),
    ];
    // The order they are started in: longest first, as measured at Russian-Ark size
    // (`examples/profile_build.rs`).
    const LONGEST_FIRST: [usize; 6] = [5, 1, 0, 3, 4, 2];
    let mut files: Vec<OutputFile> = shared_out(&parts, &LONGEST_FIRST)
        .into_iter()
        .flatten()
        .collect();
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

/// Runs every part on the cores there are, each once, taking them in `order`; their results
/// in the parts' own order.
fn shared_out<T: Send>(parts: &[&(dyn Fn() -> T + Sync)], order: &[usize]) -> Vec<T> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let k = next.fetch_add(1, Ordering::Relaxed);
            let Some(&i) = order.get(k) else {
                return done;
            };
            done.push((i, parts[i]()));
        }
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(parts.len());
    let mut done = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut done = work();
        for helper in helpers {
            done.extend(
                helper
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
        }
        done
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, made)| made).collect()
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
    fn parts_shared_out_come_back_in_their_own_order() {
        let parts: [&(dyn Fn() -> usize + Sync); 4] = [&|| 0, &|| 1, &|| 2, &|| 3];
        assert_eq!(shared_out(&parts, &[3, 1, 0, 2]), vec![0, 1, 2, 3]);
    }

    #[test]
    fn the_manifest_lists_every_file_sorted() {
        let new = [file("plan.svg"), file("beats/01-a.svg")];
        assert_eq!(manifest(&new), "beats/01-a.svg\nplan.svg\n");
    }
}
