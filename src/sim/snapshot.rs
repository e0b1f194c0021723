//! The state of the world at one moment, in plain data: what `oner at` prints, and what
//! `--format json` serialises (own output types, not the simulation's internals).

use super::{PropWhere, Simulation};
use crate::escape::number;
use crate::model::{DoorState, PersonId};
use crate::prose::nouns;
use crate::time::Time;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct Snapshot {
    pub title: String,
    pub time: String,
    pub timecode: String,
    pub beat: Option<String>,
    pub people: Vec<PersonState>,
    pub doors: Vec<DoorSnapshot>,
    pub props: Vec<PropSnapshot>,
    pub cameras: Vec<CameraSnapshot>,
}

#[derive(Debug, Serialize)]
pub struct PersonState {
    pub id: String,
    /// What the text says for the mark stood on, the mark headed to and the props held
    /// (names, not ids); JSON keeps the ids.
    #[serde(skip)]
    pub words: PersonWords,
    pub name: String,
    pub role: String,
    pub room: Option<String>,
    /// The mark they stand on, if they are on one.
    pub mark: Option<String>,
    pub x: f64,
    pub y: f64,
    pub moving: bool,
    /// Where a walker is heading, and when they get there.
    pub heading_to: Option<String>,
    pub arrives: Option<String>,
    pub holding: Vec<String>,
}

/// Names for the text form of [`PersonState`].
#[derive(Debug, Default)]
pub struct PersonWords {
    pub mark: Option<String>,
    pub heading_to: Option<String>,
    pub holding: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct DoorSnapshot {
    pub id: String,
    #[serde(skip)]
    pub name: String,
    pub kind: String,
    pub state: String,
}

#[derive(Debug, Serialize)]
pub struct PropSnapshot {
    pub id: String,
    pub name: String,
    pub place: String,
    /// The place in words, with names ("held by Ana", "on the counter").
    #[serde(skip)]
    pub place_words: String,
    /// The id of the mark, furniture or person the prop is at.
    #[serde(skip)]
    pub place_id: String,
    pub broken: bool,
}

#[derive(Debug, Serialize)]
pub struct CameraSnapshot {
    pub id: String,
    #[serde(skip)]
    pub name: String,
    /// The names of `sees` and `crew_in_view`, for the text.
    #[serde(skip)]
    pub sees_names: Vec<String>,
    #[serde(skip)]
    pub crew_in_view_names: Vec<String>,
    pub lens_mm: f64,
    /// Bearing on the plan: degrees from +x (east, right) towards +y (south, down the page),
    /// i.e. clockwise with 0° = east; see [`compass`].
    pub facing_degrees: f64,
    /// The nearest of eight compass words for `facing_degrees` (north is up the page).
    pub facing_compass: &'static str,
    pub field_of_view_degrees: f64,
    pub sees: Vec<String>,
    pub crew_in_view: Vec<String>,
    /// A crane camera's arm at this moment; left out of JSON for other rigs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub crane: Option<CraneSnapshot>,
}

/// Where a crane's arm stands at one moment (K006's numbers), metres.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CraneSnapshot {
    pub base: String,
    #[serde(skip)]
    pub base_name: String,
    pub arm_m: f64,
    pub lens_height_m: f64,
    /// How far across the floor the arm reaches at this lens height.
    pub reach_m: f64,
    /// How far across the floor the head is from the base.
    pub from_base_m: f64,
}

/// Rounds to centimetres for output.
fn cm(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

impl Simulation<'_> {
    pub fn snapshot(&self, t: Time) -> Snapshot {
        let scene = self.scene;
        let people = scene
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let who = PersonId::from_index(i);
                let at = self.position(who, t);
                let track = &self.tracks[i];
                let moving = track.moving_leg(t);
                let mark = track
                    .mark_at(t)
                    .filter(|&m| scene.mark(m).at.distance(at) < 0.05);
                let held: Vec<usize> = (0..scene.props.len())
                    .filter(|&k| {
                        self.prop_state(crate::model::PropId::from_index(k), t)
                            .place
                            == PropWhere::Held(who)
                    })
                    .collect();
                PersonState {
                    words: PersonWords {
                        mark: mark.map(|m| nouns::mark(scene, m)),
                        heading_to: moving.map(|l| nouns::mark(scene, l.to)),
                        holding: held
                            .iter()
                            .map(|&k| nouns::prop(scene, crate::model::PropId::from_index(k)))
                            .collect(),
                    },
                    id: p.id.clone(),
                    name: p.name.clone(),
                    role: p.role.describe(),
                    room: self.room_of(who, t).map(|r| scene.room(r).name.clone()),
                    mark: mark.map(|m| scene.mark(m).id.clone()),
                    x: cm(at.x),
                    y: cm(at.y),
                    moving: moving.is_some(),
                    heading_to: moving.map(|l| scene.mark(l.to).id.clone()),
                    arrives: moving.map(|l| l.arrive.clock()),
                    holding: held.iter().map(|&k| scene.props[k].id.clone()).collect(),
                }
            })
            .collect();
        let doors = scene
            .doors
            .iter()
            .enumerate()
            .map(|(i, d)| DoorSnapshot {
                id: d.id.clone(),
                name: nouns::one_line(&d.name),
                kind: format!("{:?}", d.kind).to_lowercase(),
                state: match self.door_state(crate::model::DoorId::from_index(i), t) {
                    DoorState::Open => "open",
                    DoorState::Closed => "closed",
                    DoorState::Locked => "locked",
                }
                .into(),
            })
            .collect();
        let props = scene
            .props
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let state = self.prop_state(crate::model::PropId::from_index(i), t);
                PropSnapshot {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    place: match state.place {
                        PropWhere::Mark(m) => format!("on mark {}", scene.mark(m).id),
                        PropWhere::Furniture(f) => {
                            format!("on {}", scene.furniture[f.index()].name)
                        }
                        PropWhere::Held(h) => format!("held by {}", scene.person(h).id),
                    },
                    place_words: match state.place {
                        PropWhere::Mark(m) => {
                            format!("on the floor at {}", nouns::mark(scene, m))
                        }
                        PropWhere::Furniture(f) => format!("on {}", nouns::furniture(scene, f)),
                        PropWhere::Held(h) => {
                            format!("held by {}", nouns::one_line(&scene.person(h).name))
                        }
                    },
                    place_id: match state.place {
                        PropWhere::Mark(m) => scene.mark(m).id.clone(),
                        PropWhere::Furniture(f) => scene.furniture[f.index()].id.clone(),
                        PropWhere::Held(h) => scene.person(h).id.clone(),
                    },
                    broken: state.broken,
                }
            })
            .collect();
        let cameras = scene
            .cameras()
            .map(|c| {
                let view = self.view(c, t);
                let seen = |crew: bool| {
                    scene
                        .people
                        .iter()
                        .enumerate()
                        .filter(|(i, p)| *i != c.index() && p.is_crew() == crew)
                        .filter(|(i, _)| self.sees(c, PersonId::from_index(*i), t, crew).is_ok())
                        .map(|(_, p)| p)
                        .collect::<Vec<_>>()
                };
                let ids = |people: &[&crate::model::Person]| -> Vec<String> {
                    people.iter().map(|p| p.id.clone()).collect()
                };
                let names = |people: &[&crate::model::Person]| -> Vec<String> {
                    people.iter().map(|p| nouns::one_line(&p.name)).collect()
                };
                let (cast, crew) = (seen(false), seen(true));
                let facing = number(view.direction.angle().to_degrees().rem_euclid(360.0), 0)
                    .parse()
                    .unwrap_or(0.0);
                CameraSnapshot {
                    facing_compass: compass(facing),
                    id: scene.person(c).id.clone(),
                    name: nouns::one_line(&scene.person(c).name),
                    sees_names: names(&cast),
                    crew_in_view_names: names(&crew),
                    lens_mm: self.lens(c, t),
                    facing_degrees: facing,
                    field_of_view_degrees: number((view.half_angle * 2.0).to_degrees(), 1)
                        .parse()
                        .unwrap_or(0.0),
                    sees: ids(&cast),
                    crew_in_view: ids(&crew),
                    crane: scene
                        .person(c)
                        .camera()
                        .and_then(|spec| spec.crane)
                        .map(|arm| {
                            let height = self.lens_height(c, t).unwrap_or(arm.lens_height);
                            CraneSnapshot {
                                base: scene.person(arm.base).id.clone(),
                                base_name: nouns::one_line(&scene.person(arm.base).name),
                                arm_m: cm(arm.arm),
                                lens_height_m: cm(height),
                                reach_m: cm(arm.reach_at(height)),
                                from_base_m: cm(self
                                    .position(c, t)
                                    .distance(self.position(arm.base, t))),
                            }
                        }),
                }
            })
            .collect();
        Snapshot {
            title: scene.title.clone(),
            time: t.clock(),
            timecode: t.smpte(scene.frame_rate),
            beat: scene
                .beat_at(t)
                .map(|b| scene.beats[b.index()].title.clone()),
            people,
            doors,
            props,
            cameras,
        }
    }
}

/// The compass word for a bearing in oner's plan convention (0° = east, clockwise, north up
/// the page): 0 east, 90 south, 180 west, 270 north, and the four between.
pub fn compass(degrees: f64) -> &'static str {
    const WORDS: [&str; 8] = [
        "east",
        "south-east",
        "south",
        "south-west",
        "west",
        "north-west",
        "north",
        "north-east",
    ];
    let sector = (degrees.rem_euclid(360.0) / 45.0).round() as usize % 8;
    WORDS[sector]
}

/// What `oner at` says about units and angles, printed with every report.
pub const CONVENTIONS: &str = "Positions (x, y) in metres: x to the right (east), y down the page (south).\n\
Facing in degrees: 0° = east (+x), clockwise, so 90° = south, 270° = north. Times in m:ss.";

/// `name` alone, or `name` with the id a user needs to edit the file.
fn named(name: &str, id: &str, ids: bool) -> String {
    if ids {
        format!("{name} [{id}]")
    } else {
        name.to_string()
    }
}

impl Snapshot {
    /// The plain-words form `oner at` prints: names; with `ids`, each name followed by its id.
    pub fn to_text(&self, ids: bool) -> String {
        // Scene text may hold a newline: spelled out, so one line of the report stays one line.
        let one_line = crate::escape::terminal;
        let mut out = format!(
            "{} at {} ({})",
            one_line(&self.title),
            self.time,
            self.timecode
        );
        if let Some(beat) = &self.beat {
            out.push_str(&format!(", beat: {}", one_line(beat)));
        }
        out.push_str(&format!("\n{CONVENTIONS}\n"));
        out.push_str("\nWho is where\n");
        let people: Vec<String> = self
            .people
            .iter()
            .map(|p| one_line(&named(&p.name, &p.id, ids)).into_owned())
            .collect();
        let width = people.iter().map(|p| p.chars().count()).max().unwrap_or(0);
        for (p, who) in self.people.iter().zip(&people) {
            let room = p.room.as_deref().map_or("off the plan".to_string(), |r| {
                format!("in {}", nouns::common(r))
            });
            let at = format!("({} m, {} m)", number(p.x, 2), number(p.y, 2));
            let mark = |words: &Option<String>, id: &Option<String>| {
                let words = words.as_deref().unwrap_or("?");
                match (ids, id) {
                    (true, Some(id)) => format!("{words} [{id}]"),
                    _ => words.to_string(),
                }
            };
            let place = match (&p.mark, p.moving) {
                (_, true) => format!(
                    "walking to {} (arrives {}), now at {at}",
                    mark(&p.words.heading_to, &p.heading_to),
                    p.arrives.as_deref().unwrap_or("?"),
                ),
                (Some(_), false) => format!("still at {} {at}", mark(&p.words.mark, &p.mark)),
                (None, false) => format!("still at {at}"),
            };
            let holding = if p.holding.is_empty() {
                String::new()
            } else {
                let held: Vec<String> = p
                    .words
                    .holding
                    .iter()
                    .zip(&p.holding)
                    .map(|(w, id)| named(w, id, ids))
                    .collect();
                format!("; holding {}", crate::prose::list(&held))
            };
            out.push_str(&format!(
                "  {who:<width$}  {}, {}: {}{}\n",
                p.role,
                one_line(&room),
                one_line(&place),
                one_line(&holding)
            ));
        }
        if !self.doors.is_empty() {
            out.push_str("\nDoors\n");
            let doors: Vec<String> = self
                .doors
                .iter()
                .map(|d| one_line(&named(&d.name, &d.id, ids)).into_owned())
                .collect();
            let width = doors.iter().map(|d| d.chars().count()).max().unwrap_or(0);
            for (d, name) in self.doors.iter().zip(&doors) {
                out.push_str(&format!("  {name:<width$}  {} ({})\n", d.state, d.kind));
            }
        }
        if !self.props.is_empty() {
            out.push_str("\nProps\n");
            let props: Vec<String> = self
                .props
                .iter()
                .map(|p| one_line(&named(&p.name, &p.id, ids)).into_owned())
                .collect();
            let width = props.iter().map(|p| p.chars().count()).max().unwrap_or(0);
            for (p, name) in self.props.iter().zip(&props) {
                let broken = if p.broken { ", broken" } else { "" };
                let place = named(&p.place_words, &p.place_id, ids);
                out.push_str(&format!("  {name:<width$}  {}{broken}\n", one_line(&place)));
            }
        }
        for c in &self.cameras {
            let people = |names: &[String], idents: &[String], none: &str| {
                if names.is_empty() {
                    return none.to_string();
                }
                let named: Vec<String> = names
                    .iter()
                    .zip(idents)
                    .map(|(n, id)| named(n, id, ids))
                    .collect();
                one_line(&crate::prose::list(&named)).into_owned()
            };
            out.push_str(&format!(
                "\nCamera {}: {} mm lens ({}° wide), facing {}° ({})\n  sees: {}\n  crew in view: {}\n",
                one_line(&named(&c.name, &c.id, ids)),
                number(c.lens_mm, 1),
                number(c.field_of_view_degrees, 1),
                number(c.facing_degrees, 0),
                c.facing_compass,
                people(&c.sees_names, &c.sees, "nobody"),
                people(&c.crew_in_view_names, &c.crew_in_view, "none"),
            ));
            if let Some(arm) = &c.crane {
                out.push_str(&format!(
                    "  crane: lens at {} m; the {} m arm reaches {} m across, the head is {} m from {}\n",
                    number(arm.lens_height_m, 2),
                    number(arm.arm_m, 2),
                    number(arm.reach_m, 2),
                    number(arm.from_base_m, 2),
                    one_line(&named(&arm.base_name, &arm.base, ids)),
                ));
            }
        }
        crate::escape::strip_control(&out)
    }
}

#[cfg(test)]
mod tests {
    use super::compass;

    #[test]
    fn compass_words_follow_the_plan_convention() {
        assert_eq!(compass(0.0), "east");
        assert_eq!(compass(90.0), "south");
        assert_eq!(compass(180.0), "west");
        assert_eq!(compass(270.0), "north");
        assert_eq!(compass(331.0), "north-east");
        assert_eq!(compass(337.4), "north-east");
        assert_eq!(compass(337.6), "east");
        assert_eq!(compass(-45.0), "north-east");
        assert_eq!(compass(359.9), "east");
        assert_eq!(compass(112.0), "south");
        assert_eq!(compass(113.0), "south-west");
    }
}
