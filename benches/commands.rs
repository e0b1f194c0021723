//! Every command at Russian-Ark size, against the typed parse of the same file in the same run.
//!
//! `cargo bench --bench commands`. Each command is measured from the scene's text to the
//! bytes it would print or write, through the library functions the CLI calls (no process,
//! no disk). The baseline is `parse`: the text deserialised into `raw` by ron and nothing
//! else, the least any command can do. The targets (issue 11): `check` ≤ 2 × `parse`;
//! `at`, `timeline`, `cues` in every format, `stats` and `graph` ≤ 3 × `parse`; the study
//! scene's `check` ≤ 20 ms. docs/performance.md holds the figures and how to read them.
//!
//! The `stats` bench measures all of `oner stats`, time on camera included; that sweep is
//! also measured on its own as `stats time on camera` on a 6-minute scene.

use criterion::{
    BenchmarkGroup, Criterion, criterion_group, criterion_main, measurement::WallTime,
};
use oner::cuesheet::filter::Filter;
use oner::cuesheet::format::{self, Paper};
use oner::cuesheet::sheet::{Options, Sheet, Timecode};
use oner::load::Loaded;
use oner::model::Scene;
use oner::sim::Simulation;
use oner::source::SourceFile;
use oner::study::stats::{Stats, table};
use std::hint::black_box;
use std::time::Duration;

#[path = "support/synthetic.rs"]
mod synthetic;

/// Table width for `cues --format table`, as when stdout is not a terminal.
const WIDTH: usize = 100;

/// One cue sheet format: the sheet to the file's bytes.
type Render = fn(&Sheet) -> Vec<u8>;

/// What every command but `check` starts with: the file read and loaded.
fn open(text: &str) -> Loaded {
    let file = SourceFile::new("bench.ron", text);
    oner::load::load(&file)
}

/// Loads `text`, simulates it and hands both to `render`; the text's length if it does
/// not load (so a broken generator shows up as an absurdly fast bench, not a panic).
fn with_scene(text: &str, render: impl Fn(&Scene, &Simulation) -> usize) -> usize {
    let loaded = open(text);
    match &loaded.scene {
        Some(scene) => render(scene, &Simulation::new(scene)),
        None => text.len(),
    }
}

fn parse(text: &str) -> usize {
    oner::load::ron_options()
        .from_str::<oner::raw::Scene>(text)
        .map(|raw| raw.timeline.len())
        .unwrap_or(0)
}

fn check(text: &str) -> usize {
    let file = SourceFile::new("bench.ron", text);
    oner::check::check_source(&file, &[]).map_or(0, |d| d.len())
}

/// `oner cues` in one format: the cue list, the sheet, the bytes.
fn cues(text: &str, calls: bool, render: impl Fn(&Sheet) -> Vec<u8>) -> usize {
    with_scene(text, |scene, sim| {
        let list = oner::cuesheet::cue_list(scene, sim);
        let options = Options {
            timecode: Timecode::Clock,
            calls,
            source_name: Some("bench.ron".into()),
        };
        let sheet = Sheet::new(scene, &list, &Filter::default(), &options);
        render(&sheet).len()
    })
}

/// `oner cues --calls`: the cue list, the calling script, the table or the PDF.
fn calls(text: &str, pdf: bool) -> usize {
    use oner::cuesheet::script::{Script, Stamp, format as script_format};
    with_scene(text, |scene, sim| {
        let list = oner::cuesheet::cue_list(scene, sim);
        let stamp = Stamp::of(Some("bench.ron"), scene);
        let script = Script::new(
            scene,
            sim,
            &list,
            &Filter::default(),
            Timecode::Clock,
            stamp,
        );
        if pdf {
            script_format::pdf::render(&script, Paper::A4).map_or(0, |b| b.len())
        } else {
            script_format::table::render(&script, WIDTH).len()
        }
    })
}

/// `oner cues` in a hand-off format (the lighting desk, QLab, editors, writers): these read
/// the scene and the simulation as well as the sheet.
fn handoff(text: &str, which: &str) -> usize {
    with_scene(text, |scene, sim| {
        let list = oner::cuesheet::cue_list(scene, sim);
        let filter = Filter::default();
        let options = Options {
            timecode: Timecode::Clock,
            calls: false,
            source_name: Some("bench.ron".into()),
        };
        let sheet = Sheet::new(scene, &list, &filter, &options);
        match which {
            "usitt" => format::usitt::render(scene, &list, &filter).len(),
            "qlab-osc" => {
                format::qlab::render(&format::qlab::messages(scene, &list, &filter, false)).len()
            }
            "otio" => {
                format::otio::render(&sheet, &format::marker::markers(scene, &sheet, &filter)).len()
            }
            "edl" => {
                format::edl::render(&sheet, &format::marker::markers(scene, &sheet, &filter)).len()
            }
            _ => format::fountain::render(sim, &sheet, &filter).len(),
        }
    })
}

/// Every command on one scene text, in one group so the ratios come from one run.
fn commands(group: &mut BenchmarkGroup<WallTime>, text: &str) {
    group.bench_function("parse", |b| b.iter(|| parse(black_box(text))));
    group.bench_function("check", |b| b.iter(|| check(black_box(text))));
    group.bench_function("at", |b| {
        b.iter(|| {
            with_scene(black_box(text), |scene, sim| {
                let t = oner::time::Time::from_seconds(scene.length.seconds() / 2.0)
                    .unwrap_or(oner::time::Time::ZERO);
                let snapshot = sim.snapshot(t);
                snapshot.to_text(false).len()
                    + serde_json::to_string_pretty(&snapshot).map_or(0, |s| s.len())
            })
        })
    });
    group.bench_function("timeline", |b| {
        b.iter(|| {
            with_scene(black_box(text), |scene, sim| {
                oner::study::timeline_chart::render(scene, sim).len()
            })
        })
    });
    let formats: [(&str, bool, Render); 7] = [
        ("table", false, |s| {
            format::table::render(s, WIDTH).into_bytes()
        }),
        ("md", false, |s| format::markdown::render(s).into_bytes()),
        ("csv", false, |s| format::csv::render(s).into_bytes()),
        ("html", false, |s| {
            format::html::render_on(s, Paper::A4).into_bytes()
        }),
        ("pdf", false, |s| {
            format::pdf::render(s, Paper::A4).unwrap_or_default()
        }),
        ("vtt", false, |s| format::vtt::render(s).into_bytes()),
        ("json", false, |s| format::json::render(s).into_bytes()),
    ];
    for (name, calls, render) in formats {
        group.bench_function(format!("cues {name}"), |b| {
            b.iter(|| cues(black_box(text), calls, render))
        });
    }
    for name in ["usitt", "qlab-osc", "otio", "edl", "fountain"] {
        group.bench_function(format!("cues {name}"), |b| {
            b.iter(|| handoff(black_box(text), name))
        });
    }
    // The calling script (`oner cues --calls`) as the table and as the PDF.
    for (name, pdf) in [("calls", false), ("calls pdf", true)] {
        group.bench_function(format!("cues {name}"), |b| {
            b.iter(|| calls(black_box(text), pdf))
        });
    }
    group.bench_function("stats", |b| {
        b.iter(|| {
            with_scene(black_box(text), |scene, sim| {
                let stats = Stats::of(scene, sim);
                table::render(&stats).len() + stats.to_json().len()
            })
        })
    });
    group.bench_function("graph svg", |b| {
        b.iter(|| {
            with_scene(black_box(text), |scene, sim| {
                oner::study::set_graph::svg(scene, sim).len()
            })
        })
    });
    group.bench_function("graph dot", |b| {
        b.iter(|| {
            with_scene(black_box(text), |scene, sim| {
                oner::study::set_graph::dot_text(scene, sim).len()
            })
        })
    });
}

fn benches(c: &mut Criterion) {
    let study = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scenes/we-cry-together.ron"
    ))
    .unwrap_or_default();
    let mut group = c.benchmark_group("study");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    group.bench_function("check", |b| b.iter(|| check(black_box(&study))));
    group.finish();

    let short = synthetic::scene(&synthetic::SHORT);
    let mut group = c.benchmark_group("short");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(5));
    group.bench_function("stats time on camera", |b| {
        b.iter(|| {
            with_scene(black_box(&short), |scene, sim| {
                oner::study::stats::time_on_camera(scene, sim).len()
            })
        })
    });
    group.finish();

    let ark = synthetic::scene(&synthetic::RUSSIAN_ARK);
    let mut group = c.benchmark_group("ark");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    commands(&mut group, &ark);
    group.finish();
}

criterion_group!(command_benches, benches);
criterion_main!(command_benches);
