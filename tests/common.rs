//! Helpers shared by the integration tests.

#![allow(dead_code)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A path under the repository root.
pub fn repo(path: &str) -> PathBuf {
    root().join(path)
}

/// `oner` with the given arguments, run from the repository root, colour off.
pub fn oner(args: &[&str]) -> Command {
    let mut cmd = Command::cargo_bin("oner").expect("the oner binary is built for tests");
    cmd.current_dir(root()).env("NO_COLOR", "1").args(args);
    cmd
}

/// Writes `text` into a fresh temporary folder as `name` and returns both.
pub fn scene_file(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write scene");
    (dir, path)
}

/// Reads a file of the repository as text.
pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}
