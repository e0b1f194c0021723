//! Cue numbers per department: given numbers kept, the rest filled in around them.
//!
//! Crews number cues in time order and insert later cues with points (LX 2.5 between LX 2
//! and LX 3) or letters (LX 4A) rather than renumber the sheet. The assignment follows that
//! habit:
//!
//! - A given number (`2.5`, `4A`, `house`) is kept exactly as written.
//! - In each department, the given cues whose number starts with a decimal (`2`, `2.5`,
//!   `4A` counts as 4) are *anchors*. The cues without a number between two anchors in time
//!   (a *gap*) take the first free numbers strictly between the two: whole numbers if there
//!   are enough (between 2 and 5: 3, 4); else, for a few real inserts, one decimal place
//!   (between 2 and 3: 2.1 … 2.9); else, for a crowd of them, letters after the lower
//!   anchor (2A … 2Z, then 2AA …), the way a prompt book takes a run of inserts. Two
//!   decimal places (2.01) appear only past 702 cues in one gap, where no book goes.
//! - Before the first anchor the lower bound is 0; after the last, numbering goes on in
//!   whole numbers (3, 4, 5). An anchor numbered below the one before it (out of order in
//!   the file) bounds nothing: the gap ends at the next whole number instead.
//! - A number already given in the department (also `2.50` against `2.5`) is never reused.
//!
//! So a number depends only on the given cues around its gap and the unnumbered cues before
//! it in that gap. Adding or removing a cue renumbers at most the later cues of its own gap
//! in its own department: never a given cue, never another gap, never another department.
//! Adding a cue at the end of a gap renumbers nothing, unless the gap runs out of numbers
//! in its form (a tenth cue between 2 and 3 moves the gap from 2.1 … 2.9 to 2A … 2J).

use super::Cue;
use crate::model::Department;
use std::collections::BTreeSet;

/// Most decimal places a derived number uses (a million cues in one gap).
const MAX_PLACES: u32 = 6;

/// The numeric start of a cue number: `units / 10^places`.
#[derive(Debug, Clone, Copy)]
struct Decimal {
    units: u128,
    places: u32,
}

impl Decimal {
    const ZERO: Decimal = Decimal {
        units: 0,
        places: 0,
    };

    /// The decimal a number starts with (`2.5` of `2.5`, `4` of `4A`), if it starts with
    /// one of at most 9 whole digits and 6 places.
    fn leading(text: &str) -> Option<Decimal> {
        let whole: String = text.chars().take_while(char::is_ascii_digit).collect();
        if whole.is_empty() || whole.len() > 9 {
            return None;
        }
        let rest = &text[whole.len()..];
        let fraction: String = match rest.strip_prefix('.') {
            Some(after) => after.chars().take_while(char::is_ascii_digit).collect(),
            None => String::new(),
        };
        if fraction.len() > MAX_PLACES as usize {
            return None;
        }
        let units = format!("{whole}{fraction}").parse().ok()?;
        Some(Decimal {
            units,
            places: fraction.len() as u32,
        })
    }

    /// The number if all of `text` is a decimal (`2.5`, `3`), for spotting `2.50` = `2.5`.
    fn exact(text: &str) -> Option<Decimal> {
        let d = Decimal::leading(text)?;
        let written = d.places as usize + text.contains('.') as usize;
        (text.len() == text.chars().take_while(char::is_ascii_digit).count() + written).then_some(d)
    }

    /// `units` at `places` decimal places, rounded down.
    fn floor_at(self, places: u32) -> u128 {
        if places >= self.places {
            self.units * 10u128.pow(places - self.places)
        } else {
            self.units / 10u128.pow(self.places - places)
        }
    }

    /// `units` at `places` decimal places, rounded up.
    fn ceil_at(self, places: u32) -> u128 {
        if places >= self.places {
            self.floor_at(places)
        } else {
            self.units.div_ceil(10u128.pow(self.places - places))
        }
    }

    /// Trailing zeros removed, so equal values compare equal.
    fn normal(self) -> (u128, u32) {
        let (mut units, mut places) = (self.units, self.places);
        while places > 0 && units % 10 == 0 {
            units /= 10;
            places -= 1;
        }
        (units, places)
    }

    fn less_than(self, other: Decimal) -> bool {
        let places = self.places.max(other.places);
        self.floor_at(places) < other.floor_at(places)
    }

    fn text(units: u128, places: u32) -> String {
        if places == 0 {
            return units.to_string();
        }
        let scale = 10u128.pow(places);
        format!(
            "{}.{:0width$}",
            units / scale,
            units % scale,
            width = places as usize
        )
    }
}

/// The numbers in use in one department: given strings and their values.
#[derive(Default)]
struct Used {
    texts: BTreeSet<String>,
    values: BTreeSet<(u128, u32)>,
}

impl Used {
    fn add(&mut self, text: &str) {
        self.texts.insert(text.to_string());
        if let Some(d) = Decimal::exact(text) {
            self.values.insert(d.normal());
        }
    }

    fn free(&self, units: u128, places: u32) -> bool {
        let d = Decimal { units, places };
        !self.values.contains(&d.normal()) && !self.texts.contains(&Decimal::text(units, places))
    }
}

/// Numbers every cue without one, department by department. `cues` is in time order.
pub fn assign(cues: &mut [Cue]) {
    for dept in Department::ALL {
        let indices: Vec<usize> = (0..cues.len()).filter(|&i| cues[i].dept == dept).collect();
        let mut used = Used::default();
        for &i in &indices {
            if !cues[i].number.is_empty() {
                used.add(&cues[i].number);
            }
        }
        let mut lower = Decimal::ZERO;
        // The lower anchor as written, so letters follow its own (`1B` → 1C, 1D).
        let mut lower_text = String::new();
        let mut gap = Vec::new();
        for &i in &indices {
            if cues[i].number.is_empty() {
                gap.push(i);
                continue;
            }
            let Some(anchor) = Decimal::leading(&cues[i].number) else {
                continue;
            };
            fill(cues, &gap, (lower, &lower_text), Some(anchor), &mut used);
            gap.clear();
            if !anchor.less_than(lower) {
                lower = anchor;
                lower_text = cues[i].number.clone();
            }
        }
        fill(cues, &gap, (lower, &lower_text), None, &mut used);
    }
}

/// Numbers the cues of one gap between `lower` (its value and its text) and `upper`
/// (exclusive).
fn fill(
    cues: &mut [Cue],
    gap: &[usize],
    (lower, lower_text): (Decimal, &str),
    upper: Option<Decimal>,
    used: &mut Used,
) {
    if gap.is_empty() {
        return;
    }
    let next_whole = Decimal {
        units: lower.floor_at(0) + 1,
        places: 0,
    };
    let numbers = match upper {
        None => None,
        Some(upper) if lower.less_than(upper) => {
            inserts((lower, lower_text), upper, gap.len(), used)
        }
        Some(_) => inserts((lower, lower_text), next_whole, gap.len(), used),
    }
    .unwrap_or_else(|| wholes_after(lower, gap.len(), used));
    for (&i, number) in gap.iter().zip(numbers) {
        used.add(&number);
        cues[i].number = number;
    }
}

/// Letters after a number: A … Z, then AA … ZZ (a prompt book's run of inserts).
const MAX_LETTERED: usize = 26 + 26 * 26;

/// `count` free numbers strictly between `lower` and `upper`: whole, one place, lettered,
/// then more places, the first form that holds them all.
fn inserts(
    (lower, lower_text): (Decimal, &str),
    upper: Decimal,
    count: usize,
    used: &Used,
) -> Option<Vec<String>> {
    between(lower, upper, count, used, 0..=1)
        .or_else(|| lettered(lower, lower_text, count, used))
        .or_else(|| between(lower, upper, count, used, 2..=MAX_PLACES))
}

/// `count` free numbers `2A`, `2B`, … after `lower` (its value written without trailing
/// zeros; after its own letters if it has some, `2B` → 2C), if they fit in two letters.
fn lettered(lower: Decimal, lower_text: &str, count: usize, used: &Used) -> Option<Vec<String>> {
    let (units, places) = lower.normal();
    let base = Decimal::text(units, places);
    let start = lower_text
        .strip_prefix(base.as_str())
        .and_then(|rest| (0..MAX_LETTERED).find(|&k| letters(k) == rest))
        .map_or(0, |k| k + 1);
    let numbers: Vec<String> = (start..MAX_LETTERED)
        .map(|k| format!("{base}{}", letters(k)))
        .filter(|text| !used.texts.contains(text))
        .take(count)
        .collect();
    (numbers.len() == count).then_some(numbers)
}

/// The `k`-th letter suffix from 0: `A` … `Z`, `AA`, `AB` … `ZZ`.
fn letters(k: usize) -> String {
    let letter = |i: usize| char::from(b'A' + (i % 26) as u8);
    if k < 26 {
        letter(k).to_string()
    } else {
        let k = k - 26;
        format!("{}{}", letter(k / 26), letter(k))
    }
}

/// `count` free numbers strictly between `lower` and `upper` with the fewest places in
/// `places`.
fn between(
    lower: Decimal,
    upper: Decimal,
    count: usize,
    used: &Used,
    mut places: std::ops::RangeInclusive<u32>,
) -> Option<Vec<String>> {
    places.find_map(|places| {
        let (from, to) = (lower.floor_at(places) + 1, upper.ceil_at(places));
        let numbers: Vec<String> = (from..to)
            .filter(|&u| used.free(u, places))
            .take(count)
            .map(|u| Decimal::text(u, places))
            .collect();
        (numbers.len() == count).then_some(numbers)
    })
}

/// `count` free whole numbers above `lower`.
fn wholes_after(lower: Decimal, count: usize, used: &Used) -> Vec<String> {
    (lower.floor_at(0) + 1..)
        .filter(|&u| used.free(u, 0))
        .take(count)
        .map(|u| Decimal::text(u, 0))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cuesheet::Source;
    use crate::model::EventId;
    use crate::time::Time;

    fn cue(dept: Department, number: &str) -> Cue {
        Cue {
            dept,
            number: number.to_string(),
            at: Time::ZERO,
            standby: None,
            what: String::new(),
            room: None,
            who: Vec::new(),
            beat: None,
            notes: Vec::new(),
            until: None,
            called: false,
            source: if number.is_empty() {
                Source::Derived
            } else {
                Source::Given
            },
            event: EventId(0),
        }
    }

    /// Numbers one department's cues written as given numbers and `-` for unnumbered.
    fn numbers(written: &[&str]) -> Vec<String> {
        let mut cues: Vec<Cue> = written
            .iter()
            .map(|w| cue(Department::Lighting, if *w == "-" { "" } else { w }))
            .collect();
        assign(&mut cues);
        cues.into_iter().map(|c| c.number).collect()
    }

    #[test]
    fn a_department_without_given_numbers_counts_up() {
        assert_eq!(numbers(&["-", "-", "-"]), ["1", "2", "3"]);
    }

    #[test]
    fn given_numbers_are_kept_and_gaps_take_points() {
        assert_eq!(
            numbers(&["1", "-", "-", "2", "-", "2.5", "-", "4A", "-"]),
            ["1", "1.1", "1.2", "2", "2.1", "2.5", "3", "4A", "5"]
        );
    }

    #[test]
    fn whole_numbers_are_used_when_the_gap_has_room() {
        assert_eq!(numbers(&["2", "-", "-", "5"]), ["2", "3", "4", "5"]);
        assert_eq!(numbers(&["-", "-", "10"]), ["1", "2", "10"]);
    }

    #[test]
    fn a_crowded_gap_takes_letters() {
        let mut written = vec!["1"];
        written.extend(["-"; 12]);
        written.push("2");
        let got = numbers(&written);
        assert_eq!(got[1], "1A");
        assert_eq!(got[10], "1J");
        assert_eq!(got[12], "1L");
        assert_eq!(got[13], "2");
        // Nine inserts still take points; the tenth turns the gap to letters.
        let mut nine = vec!["1"];
        nine.extend(["-"; 9]);
        nine.push("2");
        assert_eq!(numbers(&nine)[9], "1.9");
        // Past Z come two letters; past ZZ, two places.
        let mut crowd = vec!["2.50"];
        crowd.extend(["-"; 30]);
        crowd.push("3");
        let got = numbers(&crowd);
        assert_eq!((got[1].as_str(), got[26].as_str()), ("2.5A", "2.5Z"));
        assert_eq!((got[27].as_str(), got[30].as_str()), ("2.5AA", "2.5AD"));
        let mut huge = vec!["1"];
        huge.extend(["-"; MAX_LETTERED + 1]);
        huge.push("2");
        assert_eq!(numbers(&huge)[1], "1.001");
    }

    #[test]
    fn a_letter_already_given_is_skipped() {
        let mut written = vec!["1", "1B"];
        written.extend(["-"; 10]);
        written.push("2");
        let got = numbers(&written);
        // 1B anchors at 1: the gap after it runs on from its own letter.
        assert_eq!(&got[2..5], ["1C", "1D", "1E"]);
        assert_eq!(got[11], "1L");
    }

    #[test]
    fn given_numbers_are_never_reused() {
        assert_eq!(
            numbers(&["1", "-", "1.1", "-", "2"]),
            ["1", "1A", "1.1", "1.2", "2"]
        );
        assert_eq!(numbers(&["-", "2.50", "-"]), ["1", "2.50", "3"]);
        assert_eq!(numbers(&["-", "-", "5", "2"]), ["1", "3", "5", "2"]);
        assert_eq!(numbers(&["2.5", "-", "3"]), ["2.5", "2.6", "3"]);
    }

    #[test]
    fn out_of_order_and_odd_numbers_still_get_unique_numbers() {
        assert_eq!(numbers(&["5", "-", "3", "-"]), ["5", "5.1", "3", "6"]);
        assert_eq!(numbers(&["house", "-", "-"]), ["house", "1", "2"]);
        let got = numbers(&["99999999999", "-"]);
        assert_eq!(got, ["99999999999", "1"]);
    }

    #[test]
    fn adding_a_cue_renumbers_only_its_own_gap() {
        let before = numbers(&["1", "-", "-", "2", "-", "-", "3", "-"]);
        let after = numbers(&["1", "-", "-", "2", "-", "-", "-", "3", "-"]);
        // Gap 1–2 and the cues after 3 keep their numbers; the new cue goes on the end.
        assert_eq!(&before[..4], &after[..4]);
        assert_eq!(before[7], after[8]);
        assert_eq!(after[4..7], ["2.1", "2.2", "2.3"]);
        // Inserting at the start of a gap shifts only the later cues of that gap.
        let inserted = numbers(&["1", "-", "-", "-", "2", "-", "-", "3", "-"]);
        assert_eq!(&inserted[4..], &before[3..]);
    }

    #[test]
    fn departments_are_numbered_apart() {
        let mut cues = vec![
            cue(Department::Lighting, ""),
            cue(Department::Sound, ""),
            cue(Department::Lighting, ""),
            cue(Department::Sound, "7"),
        ];
        assign(&mut cues);
        let got: Vec<String> = cues.iter().map(|c| c.label()).collect();
        assert_eq!(got, ["LX 1", "SQ 1", "LX 2", "SQ 7"]);
    }
}
