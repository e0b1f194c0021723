//! Writes a synthetic scene to stdout, for profiling by hand and for the end-to-end scale
//! checks: `cargo run --release --example synthetic_scene -- ark > /tmp/ark.ron`, or
//! `-- ark EVENTS PERFORMERS` for the Russian-Ark set with another number of events (the
//! length grows with them) and performers.

#[path = "../benches/support/synthetic.rs"]
mod synthetic;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number = |i: usize| args.get(i).and_then(|a| a.parse::<usize>().ok());
    let ark = synthetic::RUSSIAN_ARK;
    let size = match args.first().map(String::as_str) {
        Some("ark") => {
            let events = number(1).unwrap_or(ark.events);
            synthetic::Size {
                events,
                performers: number(2).unwrap_or(ark.performers).max(1),
                minutes: (ark.minutes * events / ark.events).max(4),
                ..ark
            }
        }
        _ => synthetic::SHORT,
    };
    print!("{}", synthetic::scene(&size));
}
