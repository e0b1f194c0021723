//! Times each stage of `oner stats` and the other study commands against the typed parse:
//! `cargo run --release --example profile_stats -- FILE`.

use oner::sim::{Simulation, Whereabouts};
use oner::source::SourceFile;
use oner::study::stats::{Stats, table, time_on_camera};
use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "scenes/we-cry-together.ron".into());
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let start = Instant::now();
    let parsed = oner::load::ron_options()
        .from_str::<oner::raw::Scene>(&text)
        .map(|raw| raw.timeline.len());
    let parse = start.elapsed().as_secs_f64();
    println!(
        "parse        {parse:>8.3} s  ({} events)",
        parsed.unwrap_or(0)
    );
    let file = SourceFile::new(path, text);
    let stage = |name: &str, start: Instant| {
        let s = start.elapsed().as_secs_f64();
        println!("{name:<12} {s:>8.3} s  {:>5.2} × parse", s / parse);
    };
    let start = Instant::now();
    let loaded = oner::load::load(&file);
    stage("load", start);
    let Some(scene) = &loaded.scene else {
        println!("the scene does not load");
        return;
    };
    let start = Instant::now();
    let sim = Simulation::new(scene);
    stage("simulate", start);
    let start = Instant::now();
    let _ = Whereabouts::of(&sim);
    stage("whereabouts", start);
    let start = Instant::now();
    let on_camera = time_on_camera(scene, &sim);
    stage("on camera", start);
    let start = Instant::now();
    let stats = Stats::with_time_on_camera(scene, &sim, &on_camera);
    stage("other stats", start); // whereabouts again included
    let start = Instant::now();
    let bytes = table::render(&stats).len() + stats.to_json().len();
    stage("render", start);
    println!("{bytes} bytes");
    let start = Instant::now();
    let _ = oner::study::timeline_chart::render(scene, &sim).len();
    stage("timeline", start);
    let start = Instant::now();
    let _ = oner::study::set_graph::svg(scene, &sim).len();
    stage("graph svg", start);
    let start = Instant::now();
    let _ = oner::plan::build_files(scene, &sim);
    stage("build plan", start);
    let start = Instant::now();
    let _ = oner::study::build_files(scene, &sim);
    stage("build study", start);
    let start = Instant::now();
    let _ = oner::play::build_files(scene, &sim);
    stage("build play", start);
    let start = Instant::now();
    let _ = oner::cuesheet::build_files_from(scene, &sim, Some("scene.ron"));
    stage("build cues", start);
    let start = Instant::now();
    let _ = oner::check::check_source(&file, &[]);
    stage("check", start);
}
