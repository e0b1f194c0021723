//! Scene text that loads, through every output `oner build` writes and the ones only the
//! other commands print (cue sheets as JSON, tables, SMPTE and calls, plans and snapshots
//! at a moment, stats), each read back by its oracle. On odd-length inputs every free-text
//! field and id first gets the hostile marker, so escaping is tested on every string.

#![no_main]

use libfuzzer_sys::fuzz_target;
use oner::cuesheet::{filter::Filter, format, sheet};
use oner::output::OutputFile;
use oner::sim::Simulation;
use oner::source::SourceFile;
use oner::time::Time;
use oner_fuzz::oracle;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let file = SourceFile::new("fuzz.ron", text);
    let Some(mut scene) = oner::load::load(&file).scene else {
        return;
    };
    if data.len() % 2 == 1 {
        oner_fuzz::hostile::plant_everywhere(&mut scene);
    }
    let sim = Simulation::new(&scene);

    let files = oner::build::all_files(&scene, &sim, "fuzz\"<x>.ron");
    oracle::names::check(&files);
    for file in &files {
        oracle::file(file);
    }

    // What only the commands print.
    let cues = oner::cuesheet::cue_list(&scene, &sim);
    for (timecode, calls) in [
        (sheet::Timecode::Smpte, false),
        (sheet::Timecode::Clock, true),
    ] {
        let options = sheet::Options {
            timecode,
            calls,
            source_name: None,
        };
        let mut filter = Filter::default();
        if calls {
            filter.who = scene
                .people
                .first()
                .map(|_| oner::model::PersonId::from_index(0));
        }
        let sheet = sheet::Sheet::new(&scene, &cues, &filter, &options);
        oracle::json("cues.json", &format::json::render(&sheet));
        oracle::markup::html(
            "cues.html",
            &format::html::render_on(&sheet, format::Paper::Letter),
        );
        oracle::markdown::check("cues.md", &format::markdown::render(&sheet));
        oracle::vtt::check("cues.vtt", &format::vtt::render(&sheet));
        oracle::csv_cells::check("cues.csv", &format::csv::render(&sheet));
        for width in [20, 100] {
            let _ = format::table::render(&sheet, width);
        }
    }

    let stats = oner::study::stats::Stats::of(&scene, &sim);
    oracle::json("stats.json", &stats.to_json());

    let length = scene.length.seconds();
    for t in [0.0, length / 2.0, length] {
        let Some(t) = Time::from_seconds(t) else {
            continue;
        };
        let name = oner::plan::at_file_name(t);
        oracle::names::one(&name);
        oracle::file(&OutputFile {
            name,
            bytes: oner::plan::at(&scene, &sim, t),
        });
        let snapshot = sim.snapshot(t);
        let _ = snapshot.to_text(false);
        let _ = snapshot.to_text(true);
        let json = serde_json::to_string_pretty(&snapshot)
            .unwrap_or_else(|e| panic!("snapshot JSON: {e}"));
        oracle::json("at.json", &json);
    }
});
