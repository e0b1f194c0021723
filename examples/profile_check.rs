//! Times each stage of checking a scene: `cargo run --release --example profile_check -- FILE`.

use oner::rules::{Context, Levels, RULES};
use oner::sim::Simulation;
use oner::source::SourceFile;
use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "scenes/we-cry-together.ron".into());
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let file = SourceFile::new(path, text);
    let start = Instant::now();
    let loaded = oner::load::load(&file);
    println!("load      {:>8.3} s", start.elapsed().as_secs_f64());
    let Some(scene) = &loaded.scene else {
        println!("the scene does not load");
        return;
    };
    let start = Instant::now();
    let sim = Simulation::new(scene);
    println!("simulate  {:>8.3} s", start.elapsed().as_secs_f64());
    let cx = Context::new(scene, &sim, &loaded.spans);
    let levels = Levels::from_scene(scene);
    for rule in RULES {
        let start = Instant::now();
        let mut found = Vec::new();
        if levels.of(rule.doc()) != oner::rules::Level::Allow {
            rule.check(&cx, &mut found);
        }
        println!(
            "{} {:<20} {:>8.3} s  {} found",
            rule.doc().code,
            rule.doc().name,
            start.elapsed().as_secs_f64(),
            found.len()
        );
    }
}
