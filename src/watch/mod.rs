//! Following one scene file as an editor saves it: what `oner watch` and `oner serve` wait on.
//!
//! The folder is watched, not the file: many editors save by writing a new file and renaming
//! it over the old one (vim, JetBrains, anything "atomic"), which ends a watch on the old
//! file's inode; a folder watch sees the new name arrive. Events for other names in the
//! folder are dropped. A save is a burst of events (truncate, write, write, close, rename),
//! so [`FileWatch::next`] waits until the folder has been quiet for [`QUIET`] before it
//! answers; the caller then reads the file and decides for itself whether the text changed
//! (a missing or half-written file is the caller's to report, never an error here).

use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

/// How long the folder must be quiet after an event before a save counts as finished: longer
/// than the gaps inside one editor's save, short enough that a page reloads well within a
/// second.
pub const QUIET: Duration = Duration::from_millis(60);

/// Why a watch woke up.
enum Wake {
    /// Something happened to the watched name (or the watcher reported an error: re-reading
    /// is the safe answer).
    Touched,
    /// [`Stopper::stop`] was called (Ctrl-C).
    Stop,
}

/// What [`FileWatch::next`] returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// The file was written, replaced, created or removed, and the folder is quiet again.
    Changed,
    /// Stop watching.
    Stop,
}

/// A watch on one file through its folder.
pub struct FileWatch {
    wakes: Receiver<Wake>,
    sender: Sender<Wake>,
    /// Kept alive for as long as the watch: dropping it ends the events.
    _watcher: RecommendedWatcher,
}

/// Ends a [`FileWatch`] from another thread (a signal handler's).
#[derive(Clone)]
pub struct Stopper(Sender<Wake>);

impl Stopper {
    pub fn stop(&self) {
        // The watch may already be gone: nothing left to stop.
        let _ = self.0.send(Wake::Stop);
    }
}

impl FileWatch {
    /// Starts watching `file`'s folder for changes to `file`. The file itself need not
    /// exist yet; its folder must.
    pub fn new(file: &Path) -> Result<FileWatch, String> {
        let name: OsString = file
            .file_name()
            .ok_or_else(|| format!("`{}` is not a file name", file.display()))?
            .to_os_string();
        let folder = folder_of(file);
        let (sender, wakes) = channel();
        let events = sender.clone();
        let mut watcher = notify::recommended_watcher(move |event: notify::Result<Event>| {
            let wake = match event {
                Ok(event) => {
                    // Our own reads show up as accesses on some platforms: never a change.
                    !matches!(event.kind, EventKind::Access(_))
                        && event
                            .paths
                            .iter()
                            .any(|p| p.file_name() == Some(name.as_os_str()))
                }
                Err(_) => true,
            };
            if wake {
                // The receiver is gone only when the watch is being dropped.
                let _ = events.send(Wake::Touched);
            }
        })
        .map_err(|e| format!("cannot watch files here: {e}"))?;
        watcher
            .watch(&folder, RecursiveMode::NonRecursive)
            .map_err(|e| format!("cannot watch the folder `{}`: {e}", folder.display()))?;
        Ok(FileWatch {
            wakes,
            sender,
            _watcher: watcher,
        })
    }

    /// A handle that ends this watch from elsewhere.
    pub fn stopper(&self) -> Stopper {
        Stopper(self.sender.clone())
    }

    /// Blocks until the file changed and the folder has been quiet for [`QUIET`], or until
    /// the watch is stopped.
    pub fn next(&self) -> Next {
        match self.wakes.recv() {
            Ok(Wake::Touched) => {}
            Ok(Wake::Stop) | Err(_) => return Next::Stop,
        }
        loop {
            match self.wakes.recv_timeout(QUIET) {
                Ok(Wake::Touched) => continue,
                Ok(Wake::Stop) | Err(RecvTimeoutError::Disconnected) => return Next::Stop,
                Err(RecvTimeoutError::Timeout) => return Next::Changed,
            }
        }
    }
}

/// The folder holding `file` (`.` for a bare file name).
fn folder_of(file: &Path) -> PathBuf {
    match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Calls `stop` once on Ctrl-C (SIGINT) or SIGTERM, from a thread of its own, so a watch
/// ends its loop and the command exits 0 instead of dying by the signal.
#[cfg(unix)]
pub fn stop_on_interrupt(stopper: Stopper) -> Result<(), String> {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM])
        .map_err(|e| format!("cannot catch Ctrl-C: {e}"))?;
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            stopper.stop();
        }
    });
    Ok(())
}

/// Elsewhere Ctrl-C ends the process as the platform does.
#[cfg(not(unix))]
pub fn stop_on_interrupt(_stopper: Stopper) -> Result<(), String> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_name_is_watched_in_the_current_folder() {
        assert_eq!(folder_of(Path::new("scene.ron")), PathBuf::from("."));
        assert_eq!(folder_of(Path::new("a/scene.ron")), PathBuf::from("a"));
    }

    #[test]
    fn a_rename_over_the_file_wakes_the_watch_once_it_is_quiet() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let file = dir.path().join("scene.ron");
        std::fs::write(&file, "old").unwrap_or_else(|e| panic!("{e}"));
        let watch = FileWatch::new(&file).unwrap_or_else(|e| panic!("{e}"));
        // An unrelated file in the same folder does not count.
        std::fs::write(dir.path().join("other.txt"), "x").unwrap_or_else(|e| panic!("{e}"));
        // Save by rename, as vim does.
        let staged = dir.path().join(".scene.ron.swp");
        std::fs::write(&staged, "new").unwrap_or_else(|e| panic!("{e}"));
        std::fs::rename(&staged, &file).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(watch.next(), Next::Changed);
        watch.stopper().stop();
        assert_eq!(watch.next(), Next::Stop);
    }
}
