//! How long `oner check` takes, on the study scene and on a take the size of Russian Ark.
//!
//! `cargo bench --bench check`. The target from the continuity issue: the 96-minute,
//! 2,000-performer, 35-room, 100,000-event take checks in about a second on two cores.

use criterion::{Criterion, criterion_group, criterion_main};
use oner::source::SourceFile;
use std::hint::black_box;
use std::time::Duration;

#[path = "support/synthetic.rs"]
mod synthetic;

fn check(text: &str) -> usize {
    let file = SourceFile::new("bench.ron", text);
    oner::check::check_source(&file, &[])
        .map(|d| d.len())
        .unwrap_or(0)
}

fn benches(c: &mut Criterion) {
    let study = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scenes/we-cry-together.ron"
    ))
    .unwrap_or_default();
    c.bench_function("check we-cry-together", |b| {
        b.iter(|| check(black_box(&study)))
    });

    let short = synthetic::scene(&synthetic::SHORT);
    c.bench_function("check synthetic 6 min, 20 performers", |b| {
        b.iter(|| check(black_box(&short)))
    });

    let ark = synthetic::scene(&synthetic::RUSSIAN_ARK);
    let mut group = c.benchmark_group("russian-ark");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(30));
    group.bench_function("check 96 min, 2000 performers, 100k events", |b| {
        b.iter(|| check(black_box(&ark)))
    });
    group.finish();
}

criterion_group!(check_benches, benches);
criterion_main!(check_benches);
