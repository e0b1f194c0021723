//! How long `oner plan` and `oner build` take on a take the size of Russian Ark, and how they
//! grow: at ¼, ½, 1 and 2 × its 100,000 events, and at 200 and 2,000 performers.
//!
//! `cargo bench --bench render`. The target from the scale issue: plan and build (every
//! output) of the full take in at most 3 s on two cores, growing no worse than n log n.
//! Each sample renders from a loaded scene and its simulation, as `oner build` does after
//! checking; loading and simulating are benched in `benches/check.rs`.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use oner::sim::Simulation;
use oner::source::SourceFile;
use std::hint::black_box;
use std::time::Duration;

#[path = "support/synthetic.rs"]
mod synthetic;

/// The Russian-Ark take with `events` events and `performers` performers; the length grows
/// with the events so the crowd keeps its pace.
fn size(events: usize, performers: usize) -> synthetic::Size {
    let ark = synthetic::RUSSIAN_ARK;
    synthetic::Size {
        events,
        performers,
        minutes: (ark.minutes * events / ark.events).max(4),
        ..ark
    }
}

fn loaded(size: &synthetic::Size) -> Option<oner::model::Scene> {
    let file = SourceFile::new("bench.ron", synthetic::scene(size));
    oner::load::load(&file).scene
}

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("render");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    let full = synthetic::RUSSIAN_ARK.events;
    let sizes = [
        (full / 4, 2000),
        (full / 2, 2000),
        (full, 2000),
        (full * 2, 2000),
        (full, 200),
    ];
    for (events, performers) in sizes {
        let Some(scene) = loaded(&size(events, performers)) else {
            eprintln!("the synthetic scene of {events} events does not load");
            continue;
        };
        let sim = Simulation::new(&scene);
        let id = format!("{events} events, {performers} performers");
        group.bench_function(BenchmarkId::new("plan", &id), |b| {
            b.iter(|| oner::plan::build_files(black_box(&scene), &sim).len())
        });
        group.bench_function(BenchmarkId::new("play", &id), |b| {
            b.iter(|| oner::play::build_files(black_box(&scene), &sim).len())
        });
        group.bench_function(BenchmarkId::new("build", &id), |b| {
            b.iter(|| oner::build::all_files(black_box(&scene), &sim, "bench.ron").len())
        });
    }
    group.finish();
}

criterion_group!(render_benches, benches);
criterion_main!(render_benches);
