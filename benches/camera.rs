//! The per-frame camera work against the typed parse of the same file, in one run:
//! `oner check` (K001, K002, K003 and K005 share one sweep over the frames) and the statistics'
//! time on camera, on the Russian-Ark synthetic take (96 min, 2,000 performers) and on a
//! 24-hour 59.94 fps take with 30 day-long on-camera lines.
//!
//! `cargo bench --bench camera`.

use criterion::{Criterion, criterion_group, criterion_main};
use oner::sim::Simulation;
use oner::source::SourceFile;
use std::hint::black_box;
use std::time::Duration;

#[path = "support/day_long.rs"]
mod day_long;
// Only the Russian-Ark preset is used here.
#[path = "support/synthetic.rs"]
mod synthetic;

fn parse(text: &str) -> usize {
    oner::load::ron_options()
        .from_str::<oner::raw::Scene>(text)
        .map(|s| s.timeline.len())
        .unwrap_or(0)
}

fn check(text: &str) -> usize {
    let file = SourceFile::new("bench.ron", text);
    oner::check::check_source(&file, &[])
        .map(|d| d.len())
        .unwrap_or(0)
}

/// `oner stats`'s time on camera alone (after loading and simulating).
fn time_on_camera(scene: &oner::model::Scene) -> f64 {
    let sim = Simulation::new(scene);
    oner::study::stats::time_on_camera(scene, &sim).iter().sum()
}

fn load(text: &str) -> oner::model::Scene {
    let loaded = oner::load::load(&SourceFile::new("bench.ron", text));
    match loaded.scene {
        Some(scene) => scene,
        None => panic!("bench scene does not load: {:?}", loaded.diagnostics),
    }
}

fn benches(c: &mut Criterion) {
    for (name, text) in [
        ("russian-ark", synthetic::scene(&synthetic::RUSSIAN_ARK)),
        ("24-hour", day_long::scene()),
    ] {
        let scene = load(&text);
        let mut group = c.benchmark_group(format!("camera {name}"));
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(20));
        group.bench_function("typed parse", |b| b.iter(|| parse(black_box(&text))));
        group.bench_function("check", |b| b.iter(|| check(black_box(&text))));
        group.bench_function("stats time on camera", |b| {
            b.iter(|| time_on_camera(black_box(&scene)))
        });
        group.finish();
    }
}

criterion_group!(camera_benches, benches);
criterion_main!(camera_benches);
