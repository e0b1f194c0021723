//! Narrowing the cue list: one department's sheet, a performer's own cues, a stretch of the
//! take, one beat. Numbers are assigned on the whole list first, so a filtered sheet shows
//! the same numbers as the full one.

use super::Cue;
use crate::model::{BeatId, Department, PersonId, Scene};
use crate::time::Time;

/// What to keep. The default keeps everything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Empty keeps every department.
    pub depts: Vec<Department>,
    pub who: Option<PersonId>,
    pub from: Option<Time>,
    pub to: Option<Time>,
    pub beat: Option<BeatId>,
}

impl Filter {
    pub fn keeps(&self, scene: &Scene, cue: &Cue) -> bool {
        (self.depts.is_empty() || self.depts.contains(&cue.dept))
            && self.who.is_none_or(|who| cue.who.contains(&who))
            && self.from.is_none_or(|from| cue.at >= from)
            && self.to.is_none_or(|to| cue.at <= to)
            && self.beat.is_none_or(|beat| {
                let (start, end) = beat_span(scene, beat);
                cue.at >= start && (cue.at < end || end >= scene.length)
            })
    }

    /// Says what the filter keeps, for a sheet's title block: `LX, SQ · Ana · 1:00.0–2:00.0`.
    pub fn describe(&self, scene: &Scene, time: impl Fn(Time) -> String) -> String {
        let mut parts = Vec::new();
        if !self.depts.is_empty() {
            let names: Vec<&str> = self.depts.iter().map(|d| d.abbreviation()).collect();
            parts.push(names.join(", "));
        }
        if let Some(who) = self.who {
            parts.push(scene.person(who).name.clone());
        }
        if let Some(beat) = self.beat {
            parts.push(format!("beat: {}", scene.beats[beat.index()].title));
        }
        match (self.from, self.to) {
            (None, None) => {}
            (from, to) => parts.push(format!(
                "{}–{}",
                time(from.unwrap_or(Time::ZERO)),
                time(to.unwrap_or(scene.length))
            )),
        }
        parts.join(" · ")
    }
}

/// When a beat starts and the next begins (the take's end for the last).
pub fn beat_span(scene: &Scene, beat: BeatId) -> (Time, Time) {
    let start = scene.beats[beat.index()].at;
    let end = scene
        .beats
        .get(beat.index() + 1)
        .map_or(scene.length, |b| b.at);
    (start, end)
}

/// Reads `LX,SQ`, `lighting`, `Sound`, `stage-management`: abbreviations or full names,
/// any case, comma-separated.
pub fn parse_departments(text: &str) -> Result<Vec<Department>, String> {
    let mut depts = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let key: String = part
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let dept = Department::ALL.into_iter().find(|d| {
            d.abbreviation().eq_ignore_ascii_case(&key) || full_name(*d).replace(' ', "") == key
        });
        match dept {
            Some(d) if !depts.contains(&d) => depts.push(d),
            Some(_) => {}
            None => {
                return Err(format!(
                    "unknown department `{part}`; use {}",
                    Department::ALL.map(|d| d.abbreviation()).join(", ")
                ));
            }
        }
    }
    if depts.is_empty() {
        return Err("no department given; use e.g. `--dept LX,SQ`".into());
    }
    Ok(depts)
}

/// The department's name in words: `lighting`, `stage management`.
pub fn full_name(dept: Department) -> &'static str {
    match dept {
        Department::Lighting => "lighting",
        Department::Sound => "sound",
        Department::Camera => "camera",
        Department::StageManagement => "stage management",
        Department::Props => "props",
        Department::Effects => "effects",
    }
}

/// A person by id, or by name in any case.
pub fn find_person(scene: &Scene, text: &str) -> Result<PersonId, String> {
    let text = text.trim();
    scene
        .person_by_id(text)
        .or_else(|| {
            scene
                .people
                .iter()
                .position(|p| p.name.to_lowercase() == text.to_lowercase())
                .map(PersonId::from_index)
        })
        .ok_or_else(|| {
            let known: Vec<String> = scene
                .people
                .iter()
                .map(|p| format!("{} ({})", p.id, p.name))
                .collect();
            format!(
                "no one called `{text}` in the scene; known: {}",
                known.join(", ")
            )
        })
}

/// A beat by title in any case, or by its 1-based number.
pub fn find_beat(scene: &Scene, text: &str) -> Result<BeatId, String> {
    let text = text.trim();
    if let Ok(n) = text.parse::<usize>() {
        if (1..=scene.beats.len()).contains(&n) {
            return Ok(BeatId::from_index(n - 1));
        }
        return Err(format!(
            "there is no beat {n}; the scene has {}",
            scene.beats.len()
        ));
    }
    scene
        .beats
        .iter()
        .position(|b| b.title.to_lowercase() == text.to_lowercase())
        .map(BeatId::from_index)
        .ok_or_else(|| {
            let known: Vec<String> = scene
                .beats
                .iter()
                .enumerate()
                .map(|(i, b)| format!("{} ({})", i + 1, b.title))
                .collect();
            if known.is_empty() {
                "the scene has no beats".to_string()
            } else {
                format!("no beat called `{text}`; beats: {}", known.join(", "))
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn departments_by_abbreviation_or_name() {
        assert_eq!(
            parse_departments("lx, SQ,Stage Management"),
            Ok(vec![
                Department::Lighting,
                Department::Sound,
                Department::StageManagement
            ])
        );
        assert_eq!(
            parse_departments("stage-management,props"),
            Ok(vec![Department::StageManagement, Department::Props])
        );
        assert!(parse_departments("LX,XYZ").is_err());
        assert!(parse_departments(",").is_err());
    }
}
