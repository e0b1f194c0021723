//! Writes a synthetic scene to stdout, for profiling by hand and for the end-to-end scale
//! checks: `cargo run --release --example synthetic_scene -- ark > /tmp/ark.ron`
//! (`ark`: Russian-Ark size; `ark EVENTS PERFORMERS`: its set with another number of events,
//! the length growing with them, and performers; `day`: 24 hours at 59.94 fps; anything
//! else: 6 minutes).

#[path = "../benches/support/synthetic.rs"]
mod synthetic;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number = |i: usize| args.get(i).and_then(|a| a.parse::<usize>().ok());
    let text = match args.first().map(String::as_str) {
        Some("ark") => {
            let ark = synthetic::RUSSIAN_ARK;
            let events = number(1).unwrap_or(ark.events);
            synthetic::scene(&synthetic::Size {
                events,
                performers: number(2).unwrap_or(ark.performers).max(1),
                minutes: (ark.minutes * events / ark.events).max(4),
                ..ark
            })
        }
        Some("day") => synthetic::scene_at(&synthetic::DAY, "59.94"),
        _ => synthetic::scene(&synthetic::SHORT),
    };
    print!("{text}");
}
