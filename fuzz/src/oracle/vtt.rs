//! WebVTT: the header, timing lines only where timings belong (in order, start before
//! end) and caption text with no markup.

use super::no_raw_element;

/// Checks a WebVTT caption file.
pub fn check(name: &str, text: &str) {
    assert!(text.starts_with("WEBVTT\n"), "{name}: no WEBVTT header");
    no_raw_element(name, text);
    for block in text.split("\n\n").skip(1) {
        let mut lines = block.lines();
        let Some(first) = lines.next() else { continue };
        if first == "NOTE" || first.starts_with("NOTE ") {
            assert!(!block.contains("-->"), "{name}: `-->` in a note");
            continue;
        }
        // A cue: an identifier line, the timing line, then text.
        let timing = lines
            .next()
            .unwrap_or_else(|| panic!("{name}: a cue without timing: {block:?}"));
        let (start, end) = timing
            .split_once(" --> ")
            .unwrap_or_else(|| panic!("{name}: not a timing line: {timing:?}"));
        let (start, end) = (stamp(name, start), stamp(name, end));
        assert!(
            start <= end,
            "{name}: a cue ends before it starts: {timing:?}"
        );
        for line in lines {
            assert!(
                !line.contains("-->") && !line.contains('<'),
                "{name}: markup or a timing arrow in caption text: {line:?}"
            );
        }
    }
}

/// `hh:mm:ss.ttt` as milliseconds.
fn stamp(name: &str, text: &str) -> u64 {
    let bad = || -> ! { panic!("{name}: not a WebVTT timestamp: {text:?}") };
    let Some((clock, millis)) = text.split_once('.') else {
        bad()
    };
    let parts: Vec<&str> = clock.split(':').collect();
    let digits = |s: &str, n: usize| {
        (s.len() >= n && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u64>().ok())
            .flatten()
    };
    match (parts.as_slice(), digits(millis, 3)) {
        ([h, m, s], Some(ms)) if millis.len() == 3 => {
            let (Some(h), Some(m), Some(s)) = (digits(h, 2), digits(m, 2), digits(s, 2)) else {
                bad()
            };
            assert!(m < 60 && s < 60, "{name}: out of range: {text:?}");
            ((h * 60 + m) * 60 + s) * 1000 + ms
        }
        _ => bad(),
    }
}
