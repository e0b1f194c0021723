//! Times in the take: parsing `m:ss`, `m:ss.s`, `h:mm:ss` and SMPTE `hh:mm:ss:ff` (drop-frame
//! with `;`), and printing them back.

use std::cmp::Ordering;
use std::fmt;

/// Seconds from the start of the take. Always finite and non-negative (checked on creation).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Time(f64);

impl Time {
    pub const ZERO: Time = Time(0.0);

    /// `None` unless `seconds` is finite and non-negative.
    pub fn from_seconds(seconds: f64) -> Option<Time> {
        (seconds.is_finite() && seconds >= 0.0).then_some(Time(seconds))
    }

    pub fn seconds(self) -> f64 {
        self.0
    }

    /// Minutes and seconds with one decimal: `1:05.5`, `0:07.0`.
    pub fn clock(self) -> String {
        let tenths = (self.0 * 10.0).round() as u64;
        let (minutes, rest) = (tenths / 600, tenths % 600);
        format!("{}:{:02}.{}", minutes, rest / 10, rest % 10)
    }

    /// SMPTE timecode at `rate`, drop-frame (with `;`) where the rate uses it.
    pub fn smpte(self, rate: FrameRate) -> String {
        timecode_of_frame(self.frame(rate), rate)
    }

    /// The frame this time falls on at `rate`, counted from 0 (the nearest frame).
    pub fn frame(self, rate: FrameRate) -> u64 {
        (self.0 * rate.fps()).round() as u64
    }
}

/// The SMPTE timecode of frame `frame` (counted from 0 at `00:00:00:00`) at `rate`,
/// drop-frame with `;` where the rate uses it: what editors' tools print for that frame.
pub fn timecode_of_frame(frame: u64, rate: FrameRate) -> String {
    let nominal = rate.nominal() as u64;
    let mut frames = frame;
    let separator = if rate.drop_frame() { ';' } else { ':' };
    if rate.drop_frame() {
        let dropped = rate.dropped_per_minute() as u64;
        let per_ten = nominal * 600 - dropped * 9;
        let per_minute = nominal * 60 - dropped;
        let (tens, rem) = (frames / per_ten, frames % per_ten);
        let extra = if rem > dropped {
            dropped * ((rem - dropped) / per_minute)
        } else {
            0
        };
        frames += dropped * 9 * tens + extra;
    }
    let ff = frames % nominal;
    let total_seconds = frames / nominal;
    format!(
        "{:02}:{:02}:{:02}{}{:02}",
        total_seconds / 3600,
        total_seconds / 60 % 60,
        total_seconds % 60,
        separator,
        ff
    )
}

impl Eq for Time {}

impl PartialOrd for Time {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Time {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.clock())
    }
}

/// A supported frame rate. Only the rates cameras shoot are accepted, so timecode is exact.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FrameRate(f64);

impl FrameRate {
    pub const SUPPORTED: [f64; 8] = [23.976, 24.0, 25.0, 29.97, 30.0, 48.0, 50.0, 59.94];

    pub fn new(fps: f64) -> Option<FrameRate> {
        Self::SUPPORTED
            .iter()
            .find(|&&r| (r - fps).abs() < 1e-6)
            .map(|&r| FrameRate(r))
    }

    /// Frames per second of real time (29.97 means 30000/1001).
    pub fn fps(self) -> f64 {
        if self.is_ntsc() {
            self.nominal() as f64 * 1000.0 / 1001.0
        } else {
            self.0
        }
    }

    pub fn frame_seconds(self) -> f64 {
        1.0 / self.fps()
    }

    /// The frame count of one timecode second: 30 for 29.97.
    pub fn nominal(self) -> u32 {
        self.0.round() as u32
    }

    fn is_ntsc(self) -> bool {
        (self.0 - self.0.round()).abs() > 1e-6
    }

    /// 29.97 and 59.94 are written in drop-frame timecode.
    pub fn drop_frame(self) -> bool {
        self.is_ntsc() && self.nominal().is_multiple_of(30)
    }

    fn dropped_per_minute(self) -> u32 {
        if self.drop_frame() {
            self.nominal() / 15
        } else {
            0
        }
    }

    pub fn value(self) -> f64 {
        self.0
    }
}

/// Why a time string could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeError {
    Syntax,
    FieldRange(&'static str),
    DropFrameAtWrongRate,
    DroppedFrameNumber,
    /// Past [`LONGEST`]: every field in range, but the whole is more than a day.
    TooLong,
}

/// The longest time a scene may give: 24 hours of real time (to the frame). Each field has
/// its own range, but the whole must stay within a day too, so that every time the parser
/// accepts prints (as `m:ss.s` or as timecode) in a form it reads back: `24:59:59.99`
/// would round to the timecode `25:00:00:00`.
pub const LONGEST: f64 = 24.0 * 3600.0;

impl fmt::Display for TimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimeError::Syntax => f.write_str("not a time"),
            TimeError::FieldRange(field) => write!(f, "{field} out of range"),
            TimeError::DropFrameAtWrongRate => {
                f.write_str("drop-frame timecode (`;`) is only used at 29.97 and 59.94 fps")
            }
            TimeError::DroppedFrameNumber => {
                f.write_str("that frame number is skipped in drop-frame timecode")
            }
            TimeError::TooLong => f.write_str("more than 24 hours"),
        }
    }
}

/// The forms a user may write, for help messages.
pub const TIME_FORMS: &str =
    "`1:05`, `1:05.5`, `1:02:03` or SMPTE `00:01:05:12` (`;` before the frames for drop-frame)";

fn integer(text: &str, max: u64, field: &'static str) -> Result<u64, TimeError> {
    if text.is_empty() || text.len() > 9 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(TimeError::Syntax);
    }
    let value: u64 = text.parse().map_err(|_| TimeError::Syntax)?;
    if value > max {
        return Err(TimeError::FieldRange(field));
    }
    Ok(value)
}

fn decimal_seconds(text: &str) -> Result<f64, TimeError> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let whole = integer(whole, 59, "seconds")?;
    if text.contains('.') && (fraction.is_empty() || fraction.len() > 6) {
        return Err(TimeError::Syntax);
    }
    let fraction = if fraction.is_empty() {
        0.0
    } else {
        integer(fraction, 999_999, "fraction")? as f64 / 10f64.powi(fraction.len() as i32)
    };
    Ok(whole as f64 + fraction)
}

/// Parses a time written in a scene file.
pub fn parse(text: &str, rate: FrameRate) -> Result<Time, TimeError> {
    let text = text.trim();
    let drop = text.contains(';');
    let fields: Vec<&str> = text.split([':', ';']).collect();
    // Drop-frame puts its one `;` before the frames only: `hh:mm:ss;ff`.
    let semicolon_before_frames = text.rfind(';').is_some_and(|i| !text[i..].contains(':'));
    if drop && (fields.len() != 4 || text.matches(';').count() != 1 || !semicolon_before_frames) {
        return Err(TimeError::Syntax);
    }
    let seconds = match fields.as_slice() {
        [m, s] => integer(m, 24 * 60, "minutes")? as f64 * 60.0 + decimal_seconds(s)?,
        [h, m, s] => {
            integer(h, 24, "hours")? as f64 * 3600.0
                + integer(m, 59, "minutes")? as f64 * 60.0
                + decimal_seconds(s)?
        }
        [h, m, s, f] => {
            let nominal = rate.nominal() as u64;
            let (h, m, s) = (
                integer(h, 24, "hours")?,
                integer(m, 59, "minutes")?,
                integer(s, 59, "seconds")?,
            );
            let f = integer(f, nominal - 1, "frames")?;
            if drop != rate.drop_frame() && drop {
                return Err(TimeError::DropFrameAtWrongRate);
            }
            let mut frames = ((h * 3600 + m * 60 + s) * nominal + f) as i64;
            if drop {
                let dropped = rate.dropped_per_minute() as u64;
                if s == 0 && f < dropped && m % 10 != 0 {
                    return Err(TimeError::DroppedFrameNumber);
                }
                let minutes = h * 60 + m;
                frames -= (dropped * (minutes - minutes / 10)) as i64;
            }
            frames as f64 / rate.fps()
        }
        _ => return Err(TimeError::Syntax),
    };
    // Compared in frames, so 24:00:00 at any rate (and its printed forms) is accepted.
    if (seconds * rate.fps()).round() > (LONGEST * rate.fps()).round() {
        return Err(TimeError::TooLong);
    }
    Time::from_seconds(seconds).ok_or(TimeError::Syntax)
}

/// A time as `m:ss`, or `m:ss.s` when it is not on a whole second: how plans, shot lists
/// and sentences write a moment.
pub fn short(t: Time) -> String {
    let clock = t.clock();
    clock
        .strip_suffix(".0")
        .map(str::to_string)
        .unwrap_or(clock)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fps(r: f64) -> FrameRate {
        FrameRate::new(r).unwrap()
    }

    fn at(text: &str, r: f64) -> f64 {
        parse(text, fps(r)).unwrap().seconds()
    }

    #[test]
    fn minutes_and_seconds() {
        assert_eq!(at("1:05", 24.0), 65.0);
        assert_eq!(at("0:00", 24.0), 0.0);
        assert_eq!(at(" 12:00 ", 24.0), 720.0);
    }

    #[test]
    fn fractions_of_a_second() {
        assert_eq!(at("1:05.5", 24.0), 65.5);
        assert!((at("0:00.125", 24.0) - 0.125).abs() < 1e-12);
    }

    #[test]
    fn hours_minutes_seconds() {
        assert_eq!(at("1:02:03", 24.0), 3723.0);
    }

    #[test]
    fn smpte_at_integer_rates() {
        assert_eq!(at("00:01:05:12", 24.0), 65.5);
        assert_eq!(at("00:00:01:00", 25.0), 1.0);
    }

    #[test]
    fn drop_frame_timecode_tracks_real_time() {
        // One hour of drop-frame timecode is one hour of real time, within a frame.
        let hour = at("01:00:00;00", 29.97);
        assert!((hour - 3600.0).abs() < 1.0 / 29.97, "{hour}");
        // 00:01:00;02 is the first frame of minute one: frame 1800.
        assert!((at("00:01:00;02", 29.97) - 1800.0 * 1001.0 / 30000.0).abs() < 1e-9);
        // 00:10:00;00 is kept (every tenth minute): frame 17982.
        assert!((at("00:10:00;00", 29.97) - 17982.0 * 1001.0 / 30000.0).abs() < 1e-9);
    }

    #[test]
    fn dropped_frame_numbers_are_rejected() {
        assert_eq!(
            parse("00:01:00;00", fps(29.97)),
            Err(TimeError::DroppedFrameNumber)
        );
        assert_eq!(
            parse("00:01:00;00", fps(24.0)),
            Err(TimeError::DropFrameAtWrongRate)
        );
    }

    #[test]
    fn malformed_times_are_errors() {
        for bad in [
            "",
            "1",
            "1:5:",
            "a:bc",
            "1:60",
            "1:05.",
            "-1:00",
            "1:05.5.5",
            "00:00:00:24",
            "99999999999:00",
            "1;00",
            "NaN",
            "１:00",
        ] {
            assert!(parse(bad, fps(24.0)).is_err(), "{bad:?} parsed");
        }
    }

    #[test]
    fn printing_round_trips() {
        let rate = fps(29.97);
        for text in [
            "00:00:00;00",
            "00:01:00;02",
            "00:09:59;29",
            "00:10:00;00",
            "01:23:45;12",
        ] {
            assert_eq!(parse(text, rate).unwrap().smpte(rate), text);
        }
        assert_eq!(
            parse("00:01:05:12", fps(24.0)).unwrap().smpte(fps(24.0)),
            "00:01:05:12"
        );
        assert_eq!(Time::from_seconds(65.5).unwrap().clock(), "1:05.5");
        assert_eq!(Time::from_seconds(7.0).unwrap().clock(), "0:07.0");
    }

    /// Found by the `time` fuzz target: `24:59:59.99` parsed (every field in range) but
    /// printed as `25:00:00:00`, which does not parse. A day is the limit, to the frame,
    /// and everything within it prints in forms that read back.
    #[test]
    fn a_day_is_the_longest_time_and_its_printed_forms_read_back() {
        for rate in FrameRate::SUPPORTED.map(fps) {
            assert_eq!(parse("24:59:59.99", rate), Err(TimeError::TooLong));
            assert_eq!(parse("24:00:01", rate), Err(TimeError::TooLong));
            assert_eq!(parse("1440:00.1", rate), Err(TimeError::TooLong));
            let day = parse("24:00:00", rate).unwrap();
            assert_eq!(day.seconds(), LONGEST);
            assert_eq!(parse("1440:00", rate), Ok(day));
            for printed in [day.smpte(rate), day.clock()] {
                let back = parse(&printed, rate).unwrap_or_else(|e| panic!("{printed}: {e}"));
                assert!((back.seconds() - LONGEST).abs() <= rate.frame_seconds() / 2.0);
            }
        }
        // Non-drop timecode at 29.97 runs slow: its 24:00:00:00 is 86.4 s past a day.
        assert_eq!(parse("24:00:00:00", fps(29.97)), Err(TimeError::TooLong));
        assert!(parse("23:58:00:00", fps(29.97)).is_ok());
    }
}
