//! A synthetic scene of any size, for benchmarks: a grid of rooms joined by openings, people
//! walking between marks, a camera following them, lines and cues. The largest preset is the
//! size of Russian Ark (96 minutes, 35 rooms, 2,000 performers, 100,000 events).

// Each bench and example uses a different part of this file.
#![allow(dead_code)]

use std::fmt::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub rooms_x: usize,
    pub rooms_y: usize,
    pub performers: usize,
    pub events: usize,
    pub minutes: usize,
}

pub const RUSSIAN_ARK: Size = Size {
    rooms_x: 7,
    rooms_y: 5,
    performers: 2000,
    events: 100_000,
    minutes: 96,
};
pub const SHORT: Size = Size {
    rooms_x: 3,
    rooms_y: 2,
    performers: 20,
    events: 600,
    minutes: 6,
};

/// A whole day in one take (run at 59.94 fps with [`scene_at`]): the longest take the format
/// allows, to show that checking needs memory bounded by the events, not by the frames.
pub const DAY: Size = Size {
    rooms_x: 3,
    rooms_y: 2,
    performers: 20,
    events: 20_000,
    minutes: 24 * 60,
};

/// The Russian-Ark scene with its events scaled (¼, ½, 1, 2 ×) and its cast resized, for
/// measuring how cost grows: `scaled(0.25, 2000)`. The take stays 96 minutes in 35 rooms.
pub fn scaled(events: f64, performers: usize) -> Size {
    Size {
        events: (RUSSIAN_ARK.events as f64 * events).round() as usize,
        performers,
        ..RUSSIAN_ARK
    }
}

impl Size {
    /// The same set and length with `events` events.
    pub fn with_events(self, events: usize) -> Size {
        Size { events, ..self }
    }

    /// The same set and length with `performers` people in the cast.
    pub fn with_performers(self, performers: usize) -> Size {
        Size { performers, ..self }
    }

    /// The same set and cast over `minutes` minutes.
    pub fn with_minutes(self, minutes: usize) -> Size {
        Size { minutes, ..self }
    }
}

/// Room side, metres. Large halls, as in a palace.
const SIDE: f64 = 30.0;
/// Marks per room side: a grid 2 m apart; the bottom row is the camera's corridor.
const MARKS: usize = 14;

fn clock(seconds: f64) -> String {
    let tenths = (seconds * 10.0).round() as u64;
    format!("{}:{:02}.{}", tenths / 600, tenths % 600 / 10, tenths % 10)
}

/// Deterministic pseudo-random numbers (xorshift), so every run benches the same scene.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Performer `p`'s two marks in its home room: a short lane of its own, so a well-made
/// plan has no collisions and the benchmark measures checking, not reporting.
fn lane(p: usize, rooms: usize) -> (usize, usize, usize) {
    let k = p / rooms;
    let (column, band) = (k % MARKS, k / MARKS);
    (
        p % rooms,
        (2 * band) * MARKS + column,
        (2 * band + 1) * MARKS + column,
    )
}

/// The scene at 24 frames per second.
pub fn scene(size: &Size) -> String {
    scene_at(size, "24")
}

/// The scene at a given frame rate, written as in the file (`"59.94"`), e.g. for a 24-hour
/// take at 59.94 fps that must check in bounded memory.
pub fn scene_at(size: &Size, frame_rate: &str) -> String {
    let mut rng = Rng(0x2545f4914f6cdd1d);
    let mut s = String::new();
    let length = size.minutes as f64 * 60.0;
    let rooms = size.rooms_x * size.rooms_y;
    let _ = write!(
        s,
        "Scene(title: \"Synthetic\", frame_rate: {frame_rate}, length: \"{}\", allow: [\"unused-mark\"],\n set: (\n  rooms: {{\n",
        clock(length)
    );
    for r in 0..rooms {
        let (rx, ry) = (r % size.rooms_x, r / size.rooms_x);
        let _ = writeln!(
            s,
            "   \"r{r}\": (name: \"Hall {r}\", shape: Rect(x: {}, y: {}, w: {SIDE}, h: {SIDE})),",
            rx as f64 * SIDE,
            ry as f64 * SIDE
        );
    }
    s.push_str("  },\n  doors: [\n");
    for r in 0..rooms {
        let (rx, ry) = (r % size.rooms_x, r / size.rooms_x);
        if rx + 1 < size.rooms_x {
            let _ = writeln!(
                s,
                "   (id: \"h{r}\", kind: Opening, rooms: (\"r{r}\", \"r{}\"), at: ({}, {}), width: 3.0),",
                r + 1,
                (rx + 1) as f64 * SIDE,
                ry as f64 * SIDE + SIDE - 1.5
            );
        }
        if ry + 1 < size.rooms_y {
            let _ = writeln!(
                s,
                "   (id: \"v{r}\", kind: Opening, rooms: (\"r{r}\", \"r{}\"), at: ({}, {}), width: 3.0),",
                r + size.rooms_x,
                rx as f64 * SIDE + SIDE - 1.5,
                (ry + 1) as f64 * SIDE
            );
        }
    }
    s.push_str("  ],\n  marks: {\n");
    for r in 0..rooms {
        let (rx, ry) = (r % size.rooms_x, r / size.rooms_x);
        for m in 0..MARKS * MARKS {
            let (mx, my) = (m % MARKS, m / MARKS);
            let x = rx as f64 * SIDE + 2.0 + mx as f64 * 2.0;
            let y = ry as f64 * SIDE + 2.0 + my as f64 * 1.5;
            let _ = writeln!(s, "   \"m{r}-{m}\": (room: \"r{r}\", at: ({x}, {y})),");
        }
        // The camera's corridor along the bottom of each hall, and the boom's beside it.
        let _ = writeln!(
            s,
            "   \"c{r}\": (room: \"r{r}\", at: ({}, {})),",
            rx as f64 * SIDE + SIDE / 2.0,
            ry as f64 * SIDE + SIDE - 1.5
        );
        let _ = writeln!(
            s,
            "   \"b{r}\": (room: \"r{r}\", at: ({}, {})),",
            rx as f64 * SIDE + SIDE / 2.0 + 2.0,
            ry as f64 * SIDE + SIDE - 0.7
        );
    }
    s.push_str("  },\n ),\n cast: {\n");
    let mut at_b = vec![false; size.performers];
    for p in 0..size.performers {
        let (room, a, _) = lane(p, rooms);
        let _ = writeln!(
            s,
            "  \"p{p}\": (name: \"Performer {p}\", colour: \"#{:06x}\", starts_at: \"m{room}-{a}\"),",
            (p * 2654435761) % 0xffffff
        );
    }
    s.push_str(" },\n crew: {\n  \"cam\": (role: Camera(rig: Steadicam, lens_mm: 24.0), starts_at: \"c0\", facing: \"m0-0\"),\n  \"boom\": (role: Boom, starts_at: \"b0\"),\n },\n timeline: [\n");
    let step = length / size.events as f64;
    let mut free_at = vec![0.0f64; size.performers];
    let (mut t, mut written, mut camera_room, mut camera_free) = (1.0, 0, 0, 0.0);
    // Events written later than they are made, kept in time order.
    let mut later: Vec<(f64, String)> = Vec::new();
    while written < size.events && t < length - 30.0 {
        while later.first().is_some_and(|(at, _)| *at <= t) {
            let (_, line) = later.remove(0);
            s.push_str(&line);
            s.push('\n');
        }
        // The camera tours the top row of halls along their bottom corridor, back and
        // forth, with the boom two seconds behind it.
        if t >= camera_free {
            let row = size.rooms_x;
            let step_dir = if (written / row).is_multiple_of(2) {
                1
            } else {
                row - 1
            };
            let next = if row > 1 {
                (camera_room + step_dir) % row
            } else {
                0
            };
            let next = if next.abs_diff(camera_room) > 1 {
                camera_room.saturating_sub(1)
            } else {
                next
            };
            let _ = writeln!(
                s,
                "  (at: \"{}\", do: Camera(to: \"c{next}\", arrive: \"{}\")),",
                clock(t),
                clock(t + 40.0)
            );
            later.push((
                t + 2.0,
                format!(
                    "  (at: \"{}\", do: Move(who: \"boom\", to: \"b{next}\", arrive: \"{}\")),",
                    clock(t + 2.0),
                    clock(t + 42.0)
                ),
            ));
            camera_room = next;
            camera_free = t + 60.0;
            written += 2;
        }
        let p = rng.below(size.performers);
        if free_at[p] <= t {
            let (room, a, b) = lane(p, rooms);
            let to = if at_b[p] { a } else { b };
            at_b[p] = !at_b[p];
            let _ = writeln!(
                s,
                "  (at: \"{}\", do: Move(who: \"p{p}\", to: \"m{room}-{to}\", arrive: \"{}\")),",
                clock(t),
                clock(t + 3.0)
            );
            free_at[p] = t + 3.0;
            written += 1;
            if written % 50 == 0 {
                let _ = writeln!(
                    s,
                    "  (at: \"{}\", do: Cue(dept: Lighting, what: \"State {written}\")),",
                    clock(t)
                );
                written += 1;
            }
        }
        t += step;
    }
    for (_, line) in later {
        s.push_str(&line);
        s.push('\n');
    }
    s.push_str(" ],\n)\n");
    s
}
