//! Times each stage of `oner stats` and the other study commands against the typed parse:
//! `cargo run --release --example profile_stats -- FILE`.

use oner::sim::{Simulation, Whereabouts};
use oner::source::SourceFile;
use oner::study::stats::{Stats, table, time_on_camera};
use std::time::Instant;

/// CPU seconds the process has used (Linux: /proc/self/stat, user + system ticks), so a busy
/// machine does not inflate the figures as much as wall time. The stages run one after
/// another, so each stage's figure is its own, all its threads included (time on camera runs
/// on every core: its wall time is the less).
fn process_cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

/// When a stage started: wall clock and this thread's CPU time.
struct Start(Instant, f64);

fn now() -> Start {
    Start(Instant::now(), process_cpu())
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "scenes/we-cry-together.ron".into());
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let start = now();
    let parsed = oner::load::ron_options()
        .from_str::<oner::raw::Scene>(&text)
        .map(|raw| raw.timeline.len());
    let parse = (process_cpu() - start.1).max(0.01);
    println!(
        "parse        {parse:>8.2} s CPU  {:>8.3} s wall  ({} events)",
        start.0.elapsed().as_secs_f64(),
        parsed.unwrap_or(0)
    );
    let file = SourceFile::new(path, text);
    let stage = |name: &str, start: Start| {
        let cpu = process_cpu() - start.1;
        println!(
            "{name:<12} {cpu:>8.2} s CPU  {:>8.3} s wall  {:>5.2} × parse (CPU)",
            start.0.elapsed().as_secs_f64(),
            cpu / parse
        );
    };
    let start = now();
    let loaded = oner::load::load(&file);
    stage("load", start);
    let Some(scene) = &loaded.scene else {
        println!("the scene does not load");
        return;
    };
    let start = now();
    let sim = Simulation::new(scene);
    stage("simulate", start);
    let start = now();
    let _ = Whereabouts::of(&sim);
    stage("whereabouts", start);
    let start = now();
    let on_camera = time_on_camera(scene, &sim);
    stage("on camera", start);
    let start = now();
    let stats = Stats::with_time_on_camera(scene, &sim, &on_camera);
    stage("other stats", start); // whereabouts again included
    let start = now();
    let bytes = table::render(&stats).len() + stats.to_json().len();
    stage("render", start);
    println!("{bytes} bytes");
    let start = now();
    let _ = oner::study::timeline_chart::render(scene, &sim).len();
    stage("timeline", start);
    let start = now();
    let _ = oner::study::set_graph::svg(scene, &sim).len();
    stage("graph svg", start);
    let start = now();
    let _ = oner::plan::build_files(scene, &sim);
    stage("build plan", start);
    let start = now();
    let _ = oner::study::build_files(scene, &sim);
    stage("build study", start);
    let start = now();
    let _ = oner::play::build_files(scene, &sim);
    stage("build play", start);
    let start = now();
    let _ = oner::cuesheet::build_files_from(scene, &sim, Some("scene.ron"));
    stage("build cues", start);
    let start = now();
    let _ = oner::check::check_source(&file, &[]);
    stage("check", start);
}
