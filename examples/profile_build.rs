//! What `oner build` costs, stage by stage, in CPU seconds (so a busy machine does not
//! inflate the figures as much as wall time), and the wall time it needs on two free cores:
//! `cargo run --release --example profile_build -- FILE`.
//!
//! The build loads the scene, then runs the check and the outputs side by side
//! (src/cli/build.rs, src/build.rs), then gathers the study pack and the index. Each part is
//! timed alone here, one after another; on two cores the wall time is at least the longest
//! part and at least half their sum, plus what must come after them.

use oner::sim::Simulation;
use oner::source::SourceFile;
use std::time::Instant;

/// CPU seconds the process has used (Linux: /proc/self/stat, user + system ticks): the parts
/// run one after another here, so this is each part's CPU, its own threads included (time on
/// camera runs on every core).
fn cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    (ticks(11) + ticks(12)) / 100.0
}

/// Runs `work` and returns its result with the CPU seconds it took.
fn timed<T>(work: impl FnOnce() -> T) -> (T, f64) {
    let start = cpu();
    let out = work();
    (out, cpu() - start)
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "scenes/we-cry-together.ron".into());
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let file = SourceFile::new(path, text);
    let wall = Instant::now();
    let (loaded, load) = timed(|| oner::load::load(&file));
    let Some(scene) = &loaded.scene else {
        println!("the scene does not load");
        return;
    };
    println!("load (CPU)              {load:>7.2} s");
    // Each part alone, one after another, as the build's threads share them out.
    let (sim, simulate) = timed(|| Simulation::new(scene));
    println!("simulate (CPU)          {simulate:>7.2} s");
    let (_, check) = timed(|| oner::check::check_source(&file, &[]).map(|d| d.len()));
    println!("check (CPU)             {check:>7.2} s");
    let mut files = Vec::new();
    let mut parts = vec![check];
    let mut part = |name: &str, made: (Vec<oner::output::OutputFile>, f64)| {
        println!("{name:<23} {:>7.2} s", made.1);
        parts.push(made.1);
        files.extend(made.0);
    };
    part(
        "plans (CPU)",
        timed(|| oner::plan::build_files(scene, &sim)),
    );
    part(
        "study (CPU)",
        timed(|| oner::study::build_files(scene, &sim)),
    );
    part(
        "shots (CPU)",
        timed(|| oner::shots::build_files(scene, &sim)),
    );
    part(
        "player (CPU)",
        timed(|| oner::play::build_files(scene, &sim)),
    );
    part(
        "previz (CPU)",
        timed(|| oner::previz::build_files(scene, &sim)),
    );
    part(
        "cue sheets (CPU)",
        timed(|| oner::cuesheet::build_files_from(scene, &sim, Some("scene.ron"))),
    );
    let (_, pack) = timed(|| oner::pack::study_pack(scene, &files, oner::pack::Paper::A4));
    println!("study pack (CPU)        {pack:>7.2} s");
    let (_, index) = timed(|| oner::play::index_html(scene, &files).len());
    println!("index (CPU)             {index:>7.2} s");
    let longest = parts.iter().copied().fold(0.0, f64::max);
    let sum: f64 = parts.iter().sum::<f64>() + pack;
    // The pack needs the cue sheets (the longest part) before it can start.
    let chain = parts.last().copied().unwrap_or(0.0) + pack;
    println!(
        "on two free cores      ≥ {:>7.2} s wall (load + simulate + the longest of: the longest part, the cue sheets and then the pack, half the sum; + the index)",
        load + simulate + longest.max(chain).max(sum / 2.0) + index
    );
    println!(
        "wall here, one thread   {:>7.2} s",
        wall.elapsed().as_secs_f64()
    );
}
