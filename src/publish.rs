//! Publishing a build: the whole output folder is replaced in one step, so a reader (a
//! browser on `index.html`, a sync tool, the next build) sees the old build or the new one,
//! never a mix, whatever happens to the build on the way.
//!
//! The files are written into a fresh staging folder beside the output folder
//! (`.NAME.oner-PID-N`), and the staging folder is then swapped with the output folder in
//! one `renameat2(RENAME_EXCHANGE)` on Linux (elsewhere two renames, with the old build
//! restored by the next build if one is killed between them). Nothing is ever written
//! into, or deleted through, the old folder: a symlink inside it (`beats/ -> /elsewhere`)
//! is never followed, only dropped with the old build. Files in the old folder that
//! `oner build` did not make (a plan of one moment from `oner plan --at`, a note) are
//! carried over as hard links. Staging folders left by killed builds are removed by the
//! next build. Two builds into one folder at once: the last to swap wins, and the folder
//! is always one whole build. ARCHITECTURE.md says why this design.

use crate::output::OutputFile;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A folder holding more files than this that no build made is not an output folder.
const MAX_CARRIED: usize = 10_000;
/// The marker in the names of staging folders and of an old build between two renames.
const STAGING_MARK: &str = ".oner-";

/// What publishing did, for the report.
#[derive(Debug, Default)]
pub struct Published {
    /// The folder the build is now in (a symlinked output folder resolved).
    pub dir: PathBuf,
    /// Whether an earlier build was replaced.
    pub replaced: bool,
    /// Files no build made, kept from the old folder.
    pub carried: usize,
    /// Staging folders of earlier, killed builds that were removed.
    pub cleaned: usize,
}

/// Writes `files` and the `manifest` (named `manifest_name`) as the new content of `dir`,
/// in one step. On error nothing visible has changed and the message says what failed.
pub fn publish(
    dir: &Path,
    files: &[OutputFile],
    manifest_name: &str,
    manifest: &str,
) -> Result<Published, String> {
    let dir = resolve_target(dir)?;
    let (parent, name) = parent_and_name(&dir)?;
    std::fs::create_dir_all(&parent)
        .map_err(|e| format!("cannot create `{}`: {e}", parent.display()))?;
    let mut published = Published {
        cleaned: clean_leftovers(&parent, &name, &dir),
        ..Published::default()
    };
    let staging = parent.join(format!(
        ".{name}{STAGING_MARK}{}-{}",
        std::process::id(),
        nonce()
    ));
    std::fs::create_dir(&staging)
        .map_err(|e| format!("cannot build in `{}`: {e}", parent.display()))?;
    let outcome = fill(&staging, &dir, files, manifest_name, manifest).and_then(|carried| {
        published.carried = carried;
        swap(&staging, &dir)
    });
    match outcome {
        Ok(replaced) => {
            published.replaced = replaced;
            // After a swap the staging path holds the old build; a failure to remove it
            // leaves a folder the next build removes.
            if replaced {
                let _ = std::fs::remove_dir_all(&staging);
            }
            published.dir = dir;
            Ok(published)
        }
        Err(message) => {
            let _ = std::fs::remove_dir_all(&staging);
            Err(message)
        }
    }
}

/// The folder to build in: an output folder that is itself a symlink is the user's choice
/// of place and is resolved; a file, or the folder the user is working in, is refused.
fn resolve_target(dir: &Path) -> Result<PathBuf, String> {
    let dir = match std::fs::symlink_metadata(dir) {
        Ok(meta) if meta.file_type().is_symlink() => std::fs::canonicalize(dir)
            .map_err(|e| format!("cannot follow `{}`: {e}", dir.display()))?,
        Ok(meta) if !meta.is_dir() => {
            return Err(format!(
                "`{}` is a file, not a folder: give -o a folder",
                dir.display()
            ));
        }
        _ => dir.to_path_buf(),
    };
    if let (Ok(here), Ok(target)) = (std::env::current_dir(), std::fs::canonicalize(&dir))
        && here.starts_with(&target)
    {
        return Err(format!(
            "`{}` is the folder you are working in: a build replaces its whole output folder, so give -o a folder of its own",
            dir.display()
        ));
    }
    Ok(dir)
}

fn parent_and_name(dir: &Path) -> Result<(PathBuf, String), String> {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| n != "." && n != "..")
        .ok_or_else(|| format!("`{}` has no folder name to build into", dir.display()))?;
    let parent = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    Ok((parent, name))
}

/// A number that differs between two builds started by one process.
fn nonce() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

/// Removes staging folders of builds that are no longer running; if a build was killed
/// between its two renames (not on Linux), puts the old build back first.
fn clean_leftovers(parent: &Path, name: &str, dir: &Path) -> usize {
    let prefix = format!(".{name}{STAGING_MARK}");
    let Ok(entries) = std::fs::read_dir(parent) else {
        return 0;
    };
    let mut cleaned = 0;
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file_name.strip_prefix(&prefix) else {
            continue;
        };
        let (old, rest) = match rest.strip_prefix("old-") {
            Some(rest) => (true, rest),
            None => (false, rest),
        };
        let pid = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
        if pid.is_some_and(still_running) {
            continue;
        }
        let path = entry.path();
        if old && std::fs::symlink_metadata(dir).is_err() && std::fs::rename(&path, dir).is_ok() {
            continue;
        }
        if std::fs::remove_dir_all(&path).is_ok() {
            cleaned += 1;
        }
    }
    cleaned
}

/// Whether process `pid` may still be building (then its staging folder is left alone).
fn still_running(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        // No cheap, portable way to ask: leave it to a build on Linux or to the user.
        false
    }
}

/// Writes the new build into `staging` and carries over the old folder's foreign files;
/// returns how many were carried.
fn fill(
    staging: &Path,
    dir: &Path,
    files: &[OutputFile],
    manifest_name: &str,
    manifest: &str,
) -> Result<usize, String> {
    for file in files.iter().chain(std::iter::once(&OutputFile {
        name: manifest_name.to_string(),
        bytes: manifest.as_bytes().to_vec(),
    })) {
        let path = staging.join(&file.name);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)
                .map_err(|e| format!("cannot create `{}`: {e}", folder.display()))?;
        }
        std::fs::write(&path, &file.bytes)
            .map_err(|e| format!("cannot write `{}`: {e}", path.display()))?;
    }
    if std::fs::symlink_metadata(dir).is_err() {
        return Ok(0);
    }
    let mut ours: BTreeSet<String> = files.iter().map(|f| f.name.clone()).collect();
    ours.insert(manifest_name.to_string());
    if let Ok(old) = std::fs::read_to_string(dir.join(manifest_name))
        && std::fs::symlink_metadata(dir.join(manifest_name)).is_ok_and(|m| m.is_file())
    {
        ours.extend(old.lines().map(|l| l.trim().to_string()));
    }
    let folders: BTreeSet<String> = ours
        .iter()
        .flat_map(|name| {
            let parts: Vec<&str> = name.split('/').collect();
            (1..parts.len())
                .map(|n| parts[..n].join("/"))
                .collect::<Vec<_>>()
        })
        .collect();
    let mut carried = 0;
    carry(dir, staging, "", &ours, &folders, &mut carried)?;
    Ok(carried)
}

/// Carries entries of `from/rel` that no build made into `to/rel`, never following a
/// symlink: a file as a hard link (a copy where links are not possible), a symlink as a
/// new symlink with the same target, a folder entry by entry.
fn carry(
    from: &Path,
    to: &Path,
    rel: &str,
    ours: &BTreeSet<String>,
    folders: &BTreeSet<String>,
    carried: &mut usize,
) -> Result<(), String> {
    let here = from.join(rel);
    let entries =
        std::fs::read_dir(&here).map_err(|e| format!("cannot read `{}`: {e}", here.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel_name = if rel.is_empty() {
            name.clone()
        } else {
            format!("{rel}/{name}")
        };
        let Ok(meta) = std::fs::symlink_metadata(entry.path()) else {
            continue;
        };
        let kind = meta.file_type();
        if name.starts_with(STAGING_MARK) || ours.contains(&rel_name) {
            continue;
        }
        if folders.contains(&rel_name) {
            // A folder builds make (`beats/`): look inside for foreign files, but never
            // through a symlink standing in its place.
            if kind.is_dir() {
                carry(from, to, &rel_name, ours, folders, carried)?;
            }
            continue;
        }
        *carried += 1;
        if *carried > MAX_CARRIED {
            return Err(format!(
                "`{}` holds more than {MAX_CARRIED} files `oner build` did not make: build into a folder of its own",
                from.display()
            ));
        }
        let target = to.join(&rel_name);
        if let Some(folder) = target.parent() {
            std::fs::create_dir_all(folder)
                .map_err(|e| format!("cannot create `{}`: {e}", folder.display()))?;
        }
        let source = entry.path();
        let result = if kind.is_symlink() {
            copy_symlink(&source, &target)
        } else if kind.is_dir() {
            std::fs::create_dir(&target)
                .map_err(|e| e.to_string())
                .and_then(|()| carry(from, to, &rel_name, ours, folders, carried))
        } else if kind.is_file() {
            std::fs::hard_link(&source, &target)
                .or_else(|_| std::fs::copy(&source, &target).map(|_| ()))
                .map_err(|e| e.to_string())
        } else {
            // Sockets, fifos, devices: not carried.
            Ok(())
        };
        result.map_err(|e| format!("cannot keep `{}` in the new build: {e}", source.display()))?;
    }
    Ok(())
}

#[cfg(unix)]
fn copy_symlink(source: &Path, target: &Path) -> Result<(), String> {
    let link = std::fs::read_link(source).map_err(|e| e.to_string())?;
    std::os::unix::fs::symlink(link, target).map_err(|e| e.to_string())
}

#[cfg(not(unix))]
fn copy_symlink(_source: &Path, _target: &Path) -> Result<(), String> {
    Ok(())
}

/// Puts `staging` in the place of `dir`. Returns whether an old build was replaced (it is
/// then at the staging path).
fn swap(staging: &Path, dir: &Path) -> Result<bool, String> {
    let cannot = |e: std::io::Error| format!("cannot put the build in `{}`: {e}", dir.display());
    if std::fs::symlink_metadata(dir).is_err() {
        match std::fs::rename(staging, dir) {
            Ok(()) => return Ok(false),
            // Another build made the folder meanwhile: replace it as below.
            Err(_) if std::fs::symlink_metadata(dir).is_ok() => {}
            Err(e) => return Err(cannot(e)),
        }
    }
    exchange(staging, dir).map_err(cannot)?;
    Ok(true)
}

/// Swaps two folders in one step.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(()),
        // A filesystem without RENAME_EXCHANGE: the two-rename way.
        Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {
            exchange_by_renames(a, b)
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    exchange_by_renames(a, b)
}

/// `b` aside as `.NAME.oner-old-PID-N` (which the next build puts back if this one dies
/// right here), `a` into `b`'s place, then the old build to `a`.
fn exchange_by_renames(a: &Path, b: &Path) -> std::io::Result<()> {
    let (parent, name) = parent_and_name(b).map_err(std::io::Error::other)?;
    let aside = parent.join(format!(
        ".{name}{STAGING_MARK}old-{}-{}",
        std::process::id(),
        nonce()
    ));
    std::fs::rename(b, &aside)?;
    if let Err(e) = std::fs::rename(a, b) {
        let _ = std::fs::rename(&aside, b);
        return Err(e);
    }
    std::fs::rename(&aside, a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, text: &str) -> OutputFile {
        OutputFile {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut out = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap().flatten() {
                let rel = e.path().strip_prefix(dir).unwrap().display().to_string();
                if e.file_type().unwrap().is_dir() {
                    stack.push(e.path());
                }
                out.push(rel);
            }
        }
        out.sort();
        out
    }

    #[test]
    fn a_new_build_replaces_the_old_and_keeps_foreign_files() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("scene");
        publish(
            &dir,
            &[file("plan.svg", "1"), file("beats/01-a.svg", "a")],
            ".oner-files",
            "beats/01-a.svg\nplan.svg\n",
        )
        .unwrap();
        std::fs::write(dir.join("notes.txt"), "mine").unwrap();
        std::fs::write(dir.join(".oner-tmp123"), "left by a killed write").unwrap();
        let published = publish(
            &dir,
            &[file("plan.svg", "2"), file("beats/01-b.svg", "b")],
            ".oner-files",
            "beats/01-b.svg\nplan.svg\n",
        )
        .unwrap();
        assert!(published.replaced);
        assert_eq!(published.carried, 1);
        assert_eq!(
            names(&dir),
            [
                ".oner-files",
                "beats",
                "beats/01-b.svg",
                "notes.txt",
                "plan.svg"
            ]
        );
        assert_eq!(std::fs::read_to_string(dir.join("plan.svg")).unwrap(), "2");
        let left: Vec<String> = names(root.path())
            .into_iter()
            .filter(|n| n.starts_with(".scene"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_inside_the_folder_is_never_followed() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("scene");
        let outside = root.path().join("outside");
        std::fs::create_dir(&outside).unwrap();
        std::fs::write(outside.join("01-a.svg"), "precious").unwrap();
        std::fs::create_dir(&dir).unwrap();
        std::os::unix::fs::symlink(&outside, dir.join("beats")).unwrap();
        std::fs::write(dir.join(".oner-files"), "beats/01-a.svg\nbeats/02-x.svg\n").unwrap();
        publish(
            &dir,
            &[file("beats/02-x.svg", "new")],
            ".oner-files",
            "beats/02-x.svg\n",
        )
        .unwrap();
        assert_eq!(names(&outside), ["01-a.svg"]);
        assert_eq!(
            std::fs::read_to_string(outside.join("01-a.svg")).unwrap(),
            "precious"
        );
        assert!(
            std::fs::symlink_metadata(dir.join("beats"))
                .unwrap()
                .is_dir()
        );
    }

    #[test]
    fn staging_left_by_a_dead_build_is_removed() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("scene");
        // No process has pid 4_000_000_000.
        let left = root.path().join(".scene.oner-4000000000-1");
        std::fs::create_dir(&left).unwrap();
        std::fs::write(left.join("plan.svg"), "half").unwrap();
        let published =
            publish(&dir, &[file("plan.svg", "x")], ".oner-files", "plan.svg\n").unwrap();
        assert_eq!(published.cleaned, 1);
        assert_eq!(
            names(root.path()),
            ["scene", "scene/.oner-files", "scene/plan.svg"]
        );
    }

    #[test]
    fn a_file_or_the_working_folder_is_refused() {
        let root = tempfile::tempdir().unwrap();
        let path = root.path().join("file");
        std::fs::write(&path, "x").unwrap();
        let error = publish(&path, &[], ".oner-files", "").unwrap_err();
        assert!(error.contains("is a file"), "{error}");
        let here = std::env::current_dir().unwrap();
        let error = publish(&here, &[], ".oner-files", "").unwrap_err();
        assert!(error.contains("working in"), "{error}");
    }
}
