//! Writes a synthetic scene to stdout, for profiling `oner check` by hand:
//! `cargo run --release --example synthetic_scene -- ark > /tmp/ark.ron`
//! (`ark`: Russian-Ark size; `day`: 24 hours at 59.94 fps; anything else: 6 minutes).

#[path = "../benches/support/synthetic.rs"]
mod synthetic;

fn main() {
    let text = match std::env::args().nth(1).as_deref() {
        Some("ark") => synthetic::scene(&synthetic::RUSSIAN_ARK),
        Some("day") => synthetic::scene_at(&synthetic::DAY, "59.94"),
        _ => synthetic::scene(&synthetic::SHORT),
    };
    print!("{text}");
}
