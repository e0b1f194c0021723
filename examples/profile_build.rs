//! What `oner build` costs, stage by stage, in CPU seconds of the thread that does it (so a
//! busy machine does not inflate the figures), and the wall time it needs on two free cores:
//! `cargo run --release --example profile_build -- FILE`.
//!
//! The build loads the scene, then runs three things side by side (src/cli/build.rs,
//! src/build.rs): the check, the cue sheets, and every other output. On two cores the wall
//! time is at least the longest of the three and at least half their sum.

use oner::sim::Simulation;
use oner::source::SourceFile;
use std::time::Instant;

/// CPU seconds this thread has used (Linux: /proc/thread-self/stat, user + system ticks).
fn thread_cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
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

/// Runs `work` and returns its result with the CPU seconds it took on this thread.
fn timed<T>(work: impl FnOnce() -> T) -> (T, f64) {
    let start = thread_cpu();
    let out = work();
    (out, thread_cpu() - start)
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
    let (check, cues, (rest, sim)) = std::thread::scope(|s| {
        let check = s.spawn(|| timed(|| oner::check::check_source(&file, &[]).map(|d| d.len())));
        let cues = s.spawn(|| {
            timed(|| {
                let sim = Simulation::new(scene);
                oner::cuesheet::build_files_from(scene, &sim, Some("scene.ron")).len()
            })
        });
        let (sim, sim_cpu) = timed(|| Simulation::new(scene));
        let rest = timed(|| {
            let mut n = oner::plan::build_files(scene, &sim).len();
            n += oner::study::build_files(scene, &sim).len();
            n + oner::play::build_files(scene, &sim).len()
        });
        (
            check.join().map_or(0.0, |c| c.1),
            cues.join().map_or(0.0, |c| c.1),
            (rest.1, sim_cpu),
        )
    });
    let wall = wall.elapsed().as_secs_f64();
    let threads = [check, cues, sim + rest];
    let longest = threads.iter().copied().fold(0.0, f64::max);
    let sum: f64 = threads.iter().sum();
    println!("load (CPU)              {load:>7.2} s");
    println!("check thread (CPU)      {check:>7.2} s");
    println!("cue sheets thread (CPU) {cues:>7.2} s");
    println!("other outputs (CPU)     {:>7.2} s", sim + rest);
    println!(
        "on two free cores      ≥ {:>7.2} s wall (load + the longer of the longest thread and half the sum)",
        load + longest.max(sum / 2.0)
    );
    println!("wall here               {wall:>7.2} s");
}
