//! Writes a synthetic scene to stdout, for profiling `oner check` by hand:
//! `cargo run --release --example synthetic_scene -- ark > /tmp/ark.ron`.

#[path = "../benches/support/synthetic.rs"]
mod synthetic;

fn main() {
    let size = match std::env::args().nth(1).as_deref() {
        Some("ark") => &synthetic::RUSSIAN_ARK,
        _ => &synthetic::SHORT,
    };
    print!("{}", synthetic::scene(size));
}
