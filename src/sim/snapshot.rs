//! The state of the world at one moment, in plain data: what `oner at` prints, and what
//! `--format json` serialises (own output types, not the simulation's internals).

use super::{PropWhere, Simulation};
use crate::escape::number;
use crate::model::{DoorState, PersonId};
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

#[derive(Debug, Serialize)]
pub struct DoorSnapshot {
    pub id: String,
    pub kind: String,
    pub state: String,
}

#[derive(Debug, Serialize)]
pub struct PropSnapshot {
    pub id: String,
    pub name: String,
    pub place: String,
    pub broken: bool,
}

#[derive(Debug, Serialize)]
pub struct CameraSnapshot {
    pub id: String,
    pub lens_mm: f64,
    /// Compass-free bearing on the plan: degrees from +x (right) towards +y (down).
    pub facing_degrees: f64,
    pub field_of_view_degrees: f64,
    pub sees: Vec<String>,
    pub crew_in_view: Vec<String>,
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
                PersonState {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    role: p.role.describe(),
                    room: self.room_of(who, t).map(|r| scene.room(r).name.clone()),
                    mark: track
                        .mark_at(t)
                        .filter(|&m| scene.mark(m).at.distance(at) < 0.05)
                        .map(|m| scene.mark(m).id.clone()),
                    x: cm(at.x),
                    y: cm(at.y),
                    moving: moving.is_some(),
                    heading_to: moving.map(|l| scene.mark(l.to).id.clone()),
                    arrives: moving.map(|l| l.arrive.clock()),
                    holding: (0..scene.props.len())
                        .filter(|&k| {
                            self.prop_state(crate::model::PropId::from_index(k), t)
                                .place
                                == PropWhere::Held(who)
                        })
                        .map(|k| scene.props[k].id.clone())
                        .collect(),
                }
            })
            .collect();
        let doors = scene
            .doors
            .iter()
            .enumerate()
            .map(|(i, d)| DoorSnapshot {
                id: d.id.clone(),
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
                        .map(|(_, p)| p.id.clone())
                        .collect::<Vec<_>>()
                };
                CameraSnapshot {
                    id: scene.person(c).id.clone(),
                    lens_mm: self.lens(c, t),
                    facing_degrees: number(
                        view.direction.angle().to_degrees().rem_euclid(360.0),
                        0,
                    )
                    .parse()
                    .unwrap_or(0.0),
                    field_of_view_degrees: number((view.half_angle * 2.0).to_degrees(), 1)
                        .parse()
                        .unwrap_or(0.0),
                    sees: seen(false),
                    crew_in_view: seen(true),
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

impl Snapshot {
    /// The plain-words form `oner at` prints.
    pub fn to_text(&self) -> String {
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
        out.push_str("\n\nWho is where\n");
        let width = self
            .people
            .iter()
            .map(|p| p.id.chars().count())
            .max()
            .unwrap_or(0);
        for p in &self.people {
            let room = one_line(p.room.as_deref().unwrap_or("off the plan"));
            let place = match (&p.mark, p.moving) {
                (_, true) => format!(
                    "walking to {} (arrives {}), now at ({}, {})",
                    one_line(p.heading_to.as_deref().unwrap_or("?")),
                    p.arrives.as_deref().unwrap_or("?"),
                    number(p.x, 2),
                    number(p.y, 2)
                ),
                (Some(mark), false) => format!(
                    "still on mark {} ({}, {})",
                    one_line(mark),
                    number(p.x, 2),
                    number(p.y, 2)
                ),
                (None, false) => format!("still at ({}, {})", number(p.x, 2), number(p.y, 2)),
            };
            let holding = if p.holding.is_empty() {
                String::new()
            } else {
                format!("; holding {}", one_line(&p.holding.join(", ")))
            };
            out.push_str(&format!(
                "  {:<width$}  {}, {room}: {place}{holding}\n",
                one_line(&p.id),
                p.role
            ));
        }
        if !self.doors.is_empty() {
            out.push_str("\nDoors\n");
            let width = self
                .doors
                .iter()
                .map(|d| d.id.chars().count())
                .max()
                .unwrap_or(0);
            for d in &self.doors {
                out.push_str(&format!(
                    "  {:<width$}  {} ({})\n",
                    one_line(&d.id),
                    d.state,
                    d.kind
                ));
            }
        }
        if !self.props.is_empty() {
            out.push_str("\nProps\n");
            let width = self
                .props
                .iter()
                .map(|p| p.id.chars().count())
                .max()
                .unwrap_or(0);
            for p in &self.props {
                let broken = if p.broken { ", broken" } else { "" };
                out.push_str(&format!(
                    "  {:<width$}  {}{broken}\n",
                    one_line(&p.id),
                    one_line(&p.place)
                ));
            }
        }
        for c in &self.cameras {
            out.push_str(&format!(
                "\nCamera {}: {} mm lens ({}° wide), facing {}° (0° = +x, clockwise on the plan)\n  sees: {}\n  crew in view: {}\n",
                one_line(&c.id),
                number(c.lens_mm, 1),
                number(c.field_of_view_degrees, 1),
                number(c.facing_degrees, 0),
                if c.sees.is_empty() {
                    "nobody".to_string()
                } else {
                    one_line(&c.sees.join(", ")).into_owned()
                },
                if c.crew_in_view.is_empty() {
                    "none".to_string()
                } else {
                    one_line(&c.crew_in_view.join(", ")).into_owned()
                },
            ));
        }
        crate::escape::strip_control(&out)
    }
}
