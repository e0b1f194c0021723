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
/// The parts (plans, study charts, shots, player, previz, cue sheets, and the study pack,
/// which needs the plans, the timeline, the shots and the cue sheet) are shared out over the
/// cores: each free thread takes the next part whose inputs are made, the longest first, so
/// on two cores the build takes about half their sum. The files come out in the same order
/// however the parts were shared.
pub fn all_files_on(
    scene: &Scene,
    sim: &Simulation,
    source_name: &str,
    paper: crate::pack::Paper,
) -> Vec<OutputFile> {
    // The study pack gathers the plans, the timeline, the shots and the cue sheet. It cannot
    // fail on scene data (every part is oner's own output); if it ever does, the build goes
    // on without it rather than losing everything else.
    let pack = |made: &[&Vec<OutputFile>]| {
        let files: Vec<OutputFile> = made.iter().flat_map(|m| m.iter().cloned()).collect();
        crate::pack::study_pack(scene, &files, paper)
            .map(|bytes| OutputFile {
                name: crate::pack::FILE_NAME.into(),
                bytes,
            })
            .into_iter()
            .collect()
    };
    let plans = |_: &[&Vec<OutputFile>]| crate::plan::build_files(scene, sim);
    let study = |_: &[&Vec<OutputFile>]| crate::study::build_files(scene, sim);
    let shots = |_: &[&Vec<OutputFile>]| crate::shots::build_files(scene, sim);
    let player = |_: &[&Vec<OutputFile>]| crate::play::build_files(scene, sim);
    let previz = |_: &[&Vec<OutputFile>]| crate::previz::build_files(scene, sim);
    let cues =
        |_: &[&Vec<OutputFile>]| crate::cuesheet::build_files_from(scene, sim, Some(source_name));
    // In the order the files come out.
    let parts = [
        Part::new(&[], &plans),
        Part::new(&[], &study),
        Part::new(&[], &shots),
        Part::new(&[], &player),
        Part::new(&[], &previz),
        Part::new(&[], &cues),
        Part::new(&[0, 1, 2, 5], &pack),
    ];
    // The order they are started in: the longest first, as measured at Russian-Ark size
    // (`examples/profile_build.rs`), the pack's inputs before the parts it does not need.
    const LONGEST_FIRST: [usize; 7] = [5, 0, 1, 2, 6, 4, 3];
    let mut files: Vec<OutputFile> = shared_out(&parts, &LONGEST_FIRST)
        .into_iter()
        .flatten()
        .collect();
    // The index links everything above, so it comes last.
    let index = crate::play::index_html(scene, &files);
    files.push(OutputFile {
        name: "index.html".into(),
        bytes: index,
    });
    files
}

/// One part of the build: what it makes from the parts it needs (their results, in order).
struct Part<'a, T> {
    needs: &'a [usize],
    make: &'a (dyn Fn(&[&T]) -> T + Sync),
}

impl<'a, T> Part<'a, T> {
    fn new(needs: &'a [usize], make: &'a (dyn Fn(&[&T]) -> T + Sync)) -> Part<'a, T> {
        Part { needs, make }
    }
}

/// Runs every part once on the cores there are: each free thread takes the first part in
/// `order` whose inputs are made. The results come back in the parts' own order. A part that
/// panics stops the others from starting, and the panic goes on once the running ones end.
fn shared_out<T: Send + Sync>(parts: &[Part<T>], order: &[usize]) -> Vec<T> {
    use std::sync::{Condvar, Mutex, OnceLock, PoisonError};
    let made: Vec<OnceLock<T>> = parts.iter().map(|_| OnceLock::new()).collect();
    // Which parts have been taken, how many are running, and a panic if one happened.
    type Board = (Vec<bool>, usize, Option<Box<dyn std::any::Any + Send>>);
    let board: Mutex<Board> = Mutex::new((vec![false; parts.len()], 0, None));
    let changed = Condvar::new();
    let work = || {
        loop {
            let i = {
                let mut board = board.lock().unwrap_or_else(PoisonError::into_inner);
                loop {
                    if board.2.is_some() {
                        return;
                    }
                    let ready = order.iter().copied().find(|&i| {
                        !board.0[i] && parts[i].needs.iter().all(|&n| made[n].get().is_some())
                    });
                    if let Some(i) = ready {
                        board.0[i] = true;
                        board.1 += 1;
                        break i;
                    }
                    // Nothing left, or nothing that can ever start.
                    if board.1 == 0 || board.0.iter().all(|&taken| taken) {
                        return;
                    }
                    board = changed.wait(board).unwrap_or_else(PoisonError::into_inner);
                }
            };
            let inputs: Vec<&T> = parts[i]
                .needs
                .iter()
                .filter_map(|&n| made[n].get())
                .collect();
            let result =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| (parts[i].make)(&inputs)));
            let mut board = board.lock().unwrap_or_else(PoisonError::into_inner);
            board.1 -= 1;
            match result {
                Ok(result) => {
                    let _ = made[i].set(result);
                }
                Err(panic) => {
                    board.2.get_or_insert(panic);
                }
            }
            changed.notify_all();
        }
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(parts.len());
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(work);
        }
        work();
    });
    let (_, _, panic) = board.into_inner().unwrap_or_else(PoisonError::into_inner);
    if let Some(panic) = panic {
        std::panic::resume_unwind(panic);
    }
    made.into_iter().filter_map(OnceLock::into_inner).collect()
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
    fn parts_shared_out_come_back_in_their_own_order_after_what_they_need() {
        let sum = |made: &[&usize]| made.iter().copied().sum::<usize>();
        let (one, two) = (|_: &[&usize]| 1, |_: &[&usize]| 2);
        let parts = [
            Part::new(&[], &one),
            Part::new(&[0, 2], &sum),
            Part::new(&[], &two),
            Part::new(&[1], &sum),
        ];
        assert_eq!(shared_out(&parts, &[3, 1, 0, 2]), vec![1, 3, 2, 3]);
    }

    #[test]
    fn a_part_that_panics_panics_the_build_without_hanging_it() {
        let fails = |_: &[&usize]| -> usize { panic!("part failed") };
        let (one, two) = (|_: &[&usize]| 1, |_: &[&usize]| 2);
        let parts = [
            Part::new(&[], &fails),
            Part::new(&[0], &one),
            Part::new(&[], &two),
        ];
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            shared_out(&parts, &[0, 1, 2])
        }));
        assert!(run.is_err());
    }

    #[test]
    fn the_manifest_lists_every_file_sorted() {
        let new = [file("plan.svg"), file("beats/01-a.svg")];
        assert_eq!(manifest(&new), "beats/01-a.svg\nplan.svg\n");
    }
}
