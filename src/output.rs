//! Writing outputs: where a scene's files go, and writing each one atomically.

use std::io::Write;

/// One file an output module makes for a scene, named relative to the scene's output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Relative path made only of fixed strings and [`sanitise_name`] parts.
    pub name: String,
    pub bytes: Vec<u8>,
}

use std::path::{Path, PathBuf};

/// A file or folder name made from scene text: lower-case ASCII letters, digits and single
/// dashes, at most 64 characters, never empty, never `.` or `..`. Ids and titles come from
/// untrusted files, so nothing else ever reaches a path.
pub fn sanitise_name(text: &str) -> String {
    let mut name = String::new();
    for c in text.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_alphanumeric() {
            name.push(c);
        } else if !name.ends_with('-') && !name.is_empty() {
            name.push('-');
        }
        if name.len() >= 64 {
            break;
        }
    }
    let name = name.trim_matches('-').to_string();
    if name.is_empty() {
        "scene".to_string()
    } else {
        name
    }
}

/// The scene's id for output folders: its file name without `.ron`, sanitised.
pub fn scene_id(scene_file: &Path) -> String {
    let stem = scene_file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    sanitise_name(&stem)
}

/// `output/<scene-id>/` unless the user gave `-o`.
pub fn scene_dir(scene_file: &Path, out: Option<&Path>) -> PathBuf {
    match out {
        Some(dir) => dir.to_path_buf(),
        None => Path::new("output").join(scene_id(scene_file)),
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder, renamed into place,
/// so a reader never sees half a file, even after a crash or Ctrl-C.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create `{}`: {e}", dir.display()))?;
    let mut temp = tempfile::Builder::new()
        .prefix(".oner-")
        .tempfile_in(dir)
        .map_err(|e| format!("cannot write in `{}`: {e}", dir.display()))?;
    temp.write_all(bytes)
        .and_then(|_| set_readable(temp.as_file()))
        .and_then(|_| temp.as_file().sync_all())
        .map_err(|e| format!("cannot write `{}`: {e}", path.display()))?;
    temp.persist(path)
        .map_err(|e| format!("cannot write `{}`: {}", path.display(), e.error))?;
    Ok(())
}

/// Temporary files are private (0600); outputs are for everyone to read, as `cp` would make them.
#[cfg(unix)]
fn set_readable(file: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_readable(_file: &std::fs::File) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_scene_text_are_safe() {
        assert_eq!(sanitise_name("We Cry Together"), "we-cry-together");
        assert_eq!(sanitise_name("../../etc/passwd"), "etc-passwd");
        assert_eq!(sanitise_name(".."), "scene");
        assert_eq!(sanitise_name("Ünïcode/\u{0}x"), "n-code-x");
        assert_eq!(sanitise_name(&"a".repeat(300)).len(), 64);
    }

    #[test]
    fn atomic_write_replaces_the_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/plan.svg");
        write_atomic(&path, b"first").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        let leftovers = std::fs::read_dir(path.parent().unwrap()).unwrap().count();
        assert_eq!(leftovers, 1);
    }
}
