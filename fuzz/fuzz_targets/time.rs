//! The time and timecode parser and printers (src/time.rs). The first byte picks the frame
//! rate; the rest is the text to parse, and (as a little-endian number) a frame count to
//! print and read back.
//!
//! Oracles: whatever parses is finite and non-negative; SMPTE printing and parsing agree
//! to the frame (parse(smpte(t)) is t's frame); the clock form reads back within its
//! printed tenth; every frame number up to the longest take prints as timecode that reads
//! back as the same frame.

#![no_main]

use libfuzzer_sys::fuzz_target;
use oner::time::{FrameRate, LONGEST, Time, parse};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let rates = FrameRate::SUPPORTED;
    let Some(rate) = FrameRate::new(rates[pick as usize % rates.len()]) else {
        panic!("a supported rate is refused");
    };

    if let Ok(text) = std::str::from_utf8(rest)
        && let Ok(t) = parse(text, rate)
    {
        let s = t.seconds();
        assert!(
            s.is_finite() && s >= 0.0 && (s * rate.fps()).round() <= (LONGEST * rate.fps()).round(),
            "{text:?} gave {s}"
        );
        same_frame(t, rate, text);
        let clock = t.clock();
        match parse(&clock, rate) {
            Ok(back) => assert!(
                (back.seconds() - s).abs() <= 0.05 + 1e-9,
                "{text:?} = {s} s prints as {clock}, read back as {}",
                back.seconds()
            ),
            Err(e) => panic!("{text:?} = {s} s prints as {clock}, which does not read back: {e}"),
        }
        // Printers used by outputs must not panic on any parsed time.
        let _ = oner::cuesheet::format::vtt::stamp(s);
        oner_fuzz::oracle::names::one(&oner::plan::at_file_name(t));
    }

    // Every frame of the longest take prints as timecode that reads back as that frame.
    let mut number = [0u8; 4];
    for (slot, byte) in number.iter_mut().zip(rest) {
        *slot = *byte;
    }
    let max_frame = (LONGEST * rate.fps()).round() as u32 + 1;
    let frame = u32::from_le_bytes(number) % max_frame;
    if let Some(t) = Time::from_seconds(frame as f64 / rate.fps()) {
        same_frame(t, rate, "a frame number");
    }
});

/// `t` printed as SMPTE at `rate` reads back as the same frame.
fn same_frame(t: Time, rate: FrameRate, from: &str) {
    let code = t.smpte(rate);
    let frame = |t: Time| (t.seconds() * rate.fps()).round() as u64;
    match parse(&code, rate) {
        Ok(back) => assert_eq!(
            frame(back),
            frame(t),
            "{from:?} ({} s) prints as {code} at {} fps, which reads back as {} s",
            t.seconds(),
            rate.value(),
            back.seconds()
        ),
        Err(e) => panic!(
            "{from:?} ({} s) prints as {code} at {} fps, which does not read back: {e}",
            t.seconds(),
            rate.value()
        ),
    }
}
