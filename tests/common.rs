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

/// Loads scene text that must load without errors.
pub fn load_scene_text(name: &str, text: &str) -> oner::model::Scene {
    let file = oner::source::SourceFile::new(name, text);
    let loaded = oner::load::load(&file);
    match loaded.scene {
        Some(scene) => scene,
        None => panic!("{name} does not load: {:#?}", loaded.diagnostics),
    }
}

/// Loads a scene of the repository (`scenes/tutorial.ron`) that must load without errors.
pub fn load_scene(path: &str) -> oner::model::Scene {
    load_scene_text(path, &read(&repo(path)))
}

/// Fonts for rendering SVG text: the system's, if any, and the bundled ones. Tests never
/// assert on text pixels, so a machine without fonts still passes.
pub fn fonts() -> std::sync::Arc<usvg::fontdb::Database> {
    static FONTS: std::sync::OnceLock<std::sync::Arc<usvg::fontdb::Database>> =
        std::sync::OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_system_fonts();
            let bundled = repo("assets/fonts");
            if bundled.is_dir() {
                db.load_fonts_dir(bundled);
            }
            std::sync::Arc::new(db)
        })
        .clone()
}

/// Parses an SVG with usvg (panicking with `name` if it does not parse) and renders it
/// `width` pixels wide with resvg; returns the RGBA pixels, the width and the height.
pub fn render_svg(name: &str, svg: &[u8], width: u32) -> (Vec<u8>, u32, u32) {
    let options = usvg::Options {
        fontdb: fonts(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_data(svg, &options)
        .unwrap_or_else(|e| panic!("{name} does not parse as SVG: {e}"));
    let size = tree.size();
    let scale = width as f32 / size.width();
    let height = (size.height() * scale).ceil() as u32;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width, height).expect("pixmap");
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    (pixmap.data().to_vec(), width, height)
}

/// Pixels within `tolerance` of `rgb` on every channel.
pub fn count_near(pixels: &[u8], rgb: [u8; 3], tolerance: u8) -> usize {
    pixels
        .chunks_exact(4)
        .filter(|p| (0..3).all(|i| p[i].abs_diff(rgb[i]) <= tolerance))
        .count()
}

/// Compares `actual` with the golden file at `path`; with `ONER_BLESS=1` writes it instead.
/// A mismatch names the first differing line.
pub fn assert_golden(path: &Path, actual: &str) {
    if std::env::var_os("ONER_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("folder")).expect("golden folder");
        std::fs::write(path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_else(|_| {
        panic!(
            "missing {}; run with ONER_BLESS=1 to create it",
            path.display()
        )
    });
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "{} differs from the golden file at line {}:\n  golden: {}\n  actual: {}\n\
             Look at the new output; if it is right, re-accept with ONER_BLESS=1 cargo test",
            path.display(),
            line + 1,
            expected.lines().nth(line).unwrap_or("<end>"),
            actual.lines().nth(line).unwrap_or("<end>")
        );
    }
}
