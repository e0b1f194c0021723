//! The take as data for the playback page: what `play.html` embeds as JSON and its script
//! animates.
//!
//! Its own types (not the simulation's internals) so the page's contract is explicit and the
//! tests can read it back with serde. Positions are metres on the floor (x right, y down),
//! times seconds from the start of the take. Walks are embedded as legs (departure, arrival,
//! route corners) and interpolated in the page exactly as `sim::Track::position` does, so the
//! file stays small; a camera's facing depends on framing and pans, so it is sampled.
//!
//! Every number goes through [`escape::number`] at fixed precision (millimetres, milliseconds,
//! milliradians) so the file is byte-identical from run to run.

use crate::cuesheet::format::{dept_colour, one_line};
use crate::cuesheet::sheet::{Options, Sheet};
use crate::escape;
use crate::geometry::Point;
use crate::model::{Action, CameraSpec, DoorId, DoorState, PersonId, PropId, SUPER35_MM, Scene};
use crate::plan::routes::Walker;
use crate::sim::{PropWhere, Simulation};
use crate::time::Time;
use serde::{Deserialize, Serialize};

/// Camera facing samples per second.
pub const FACING_RATE: f64 = 10.0;
/// How long a line without an `until` stays on screen, seconds.
pub const LINE_SHOWN_FOR: f64 = 4.0;

/// Everything the page needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Take {
    pub title: String,
    /// Seconds.
    pub length: f64,
    pub fps: f64,
    /// Metres per unit of the drawing: how big to draw symbols so they match the plan's ink.
    pub unit: f64,
    /// How far a camera's view is drawn, metres (the floor's diagonal).
    pub view_range: f64,
    /// Camera facing samples per second (see [`Camera::facing`]).
    pub facing_rate: f64,
    /// Times the drawn floor changes (a door or wild wall changes state): floor variant `k`
    /// is shown while `k` of these times are at or before the playhead.
    pub floor_changes: Vec<f64>,
    pub people: Vec<Person>,
    pub cameras: Vec<Camera>,
    pub props: Vec<Prop>,
    pub doors: Vec<Door>,
    pub sight: Sight,
    pub beats: Vec<Beat>,
    pub cues: Vec<Cue>,
    pub lines: Vec<Line>,
    /// The calling script's spoken calls in order, for the calling panel (the same blocks
    /// as `oner cues --calls` and `oner call`).
    #[serde(default)]
    pub calls: Vec<Called>,
}

/// One spoken call of the calling script.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Called {
    /// When it is said; -1 before the take (the pre-show block).
    pub at: f64,
    /// `Standby LX 4, SQ 4`, `LX 4 GO`.
    pub words: String,
    /// `warning`, `standby` or `go`.
    pub call: String,
    /// A GO's trigger in words.
    pub trigger: String,
    /// The cues' labels and GO times (for the standby list).
    pub cues: Vec<(String, f64)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub id: String,
    pub name: String,
    /// What goes in the disc (as on the plans).
    pub initials: String,
    /// `#rrggbb`.
    pub colour: String,
    /// `cast`, `camera` or `crew`.
    pub kind: String,
    /// Body radius, metres.
    pub radius: f64,
    pub start: [f64; 2],
    /// In order of departure.
    pub legs: Vec<Leg>,
    /// An extra on a crowd take (see `plan::crowd`): drawn as a dot with no name or route.
    /// Written only when true, so a take with no crowd embeds what it always did.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub extra: bool,
}

/// One walk: the walker moves along `points` at constant speed from `depart` to `arrive`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Leg {
    pub depart: f64,
    pub arrive: f64,
    pub points: Vec<[f64; 2]>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Camera {
    /// Index into `people`.
    pub person: usize,
    /// Facing at `i / facing_rate` seconds, radians from +x towards +y.
    pub facing: Vec<f64>,
    /// Half the horizontal angle of view (radians) from each time on: `[seconds, radians]`,
    /// the first at 0.
    pub half_angle: Vec<[f64; 2]>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prop {
    pub name: String,
    /// The first at 0 (where it starts), then each change.
    pub states: Vec<PropState>,
}

/// Where a prop is from `at` on: held by `held` (index into `people`), else at `point`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PropState {
    pub at: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub point: Option<[f64; 2]>,
    pub broken: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Door {
    pub name: String,
    /// `door`, `opening`, `arch` or `window`.
    pub kind: String,
    /// Jamb to jamb, metres.
    pub gap: [[f64; 2]; 2],
    /// `open`, `closed` or `locked` at the start.
    pub initial: String,
    pub changes: Vec<DoorChange>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DoorChange {
    pub at: f64,
    pub state: String,
}

/// What blocks a camera's view, for the visibility polygon the page draws.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sight {
    /// Solid walls and the edges of tall furniture: `[x1, y1, x2, y2]`.
    pub fixed: Vec<[f64; 4]>,
    /// Wild walls, which block until struck.
    pub wild: Vec<WildWall>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WildWall {
    pub segment: [f64; 4],
    /// When it is struck, seconds; never if absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub struck: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Beat {
    pub at: f64,
    pub title: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cue {
    pub at: f64,
    /// `LX 2.5`.
    pub label: String,
    /// `#rrggbb` of the department, as on the printed sheets.
    pub colour: String,
    pub what: String,
    pub room: String,
    pub who: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Line {
    pub at: f64,
    /// When it stops being shown.
    pub until: f64,
    /// Index into `people`.
    pub who: usize,
    pub says: String,
    pub on_camera: bool,
}

/// A value at fixed precision: exactly what [`escape::number`] prints, so serde writes the
/// same digits on every run (and never `-0`).
pub fn fixed(value: f64, decimals: usize) -> f64 {
    if !value.is_finite() {
        return 0.0;
    }
    escape::number(value, decimals).parse().unwrap_or(0.0)
}

/// Seconds to the millisecond.
fn secs(t: Time) -> f64 {
    fixed(t.seconds(), 3)
}

/// A point to the millimetre.
fn point(p: Point) -> [f64; 2] {
    [fixed(p.x, 3), fixed(p.y, 3)]
}

fn segment(a: Point, b: Point) -> [f64; 4] {
    [fixed(a.x, 3), fixed(a.y, 3), fixed(b.x, 3), fixed(b.y, 3)]
}

/// Scene text for the page: control characters dropped, on one line.
fn text(content: &str) -> String {
    one_line(content)
}

fn state_name(state: DoorState) -> String {
    crate::plan::doors::state_word(state).to_string()
}

impl Take {
    /// The take of `scene` as the page plays it. `unit` is metres per drawing unit and
    /// `floor_changes` the times the drawn floor changes (see [`super::floor`]).
    pub fn new(scene: &Scene, sim: &Simulation, unit: f64, floor_changes: &[Time]) -> Take {
        let (min, max) = crate::plan::page::extent(scene, sim);
        Take {
            title: text(&scene.title),
            length: secs(scene.length),
            fps: fixed(scene.frame_rate.value(), 3),
            unit: fixed(unit, 6),
            view_range: fixed(min.distance(max), 3),
            facing_rate: FACING_RATE,
            floor_changes: floor_changes.iter().map(|&t| secs(t)).collect(),
            people: people(scene, sim),
            cameras: cameras(scene, sim),
            props: props(scene, sim),
            doors: doors(scene, sim),
            sight: sight(scene, sim),
            beats: scene
                .beats
                .iter()
                .map(|b| Beat {
                    at: secs(b.at),
                    title: text(&b.title),
                    notes: b.notes.as_deref().map(text).unwrap_or_default(),
                })
                .collect(),
            cues: cues(scene, sim),
            lines: lines(scene),
            calls: calls(scene, sim),
        }
    }

    /// The JSON for a `<script type="application/json">` element: `<`, `>` and `&` written
    /// as `\u003c` and friends, and U+2028/U+2029 escaped, so no scene text can end the
    /// element or open a comment inside it.
    pub fn to_script_json(&self) -> String {
        let json = serde_json::to_string(self).unwrap_or_else(|_| "{}".to_string());
        let mut out = String::with_capacity(json.len());
        for c in json.chars() {
            match c {
                '<' => out.push_str("\\u003c"),
                '>' => out.push_str("\\u003e"),
                '&' => out.push_str("\\u0026"),
                '\u{2028}' => out.push_str("\\u2028"),
                '\u{2029}' => out.push_str("\\u2029"),
                // Bidi controls would reorder the page's text: dropped (docs/limits.md).
                c if escape::is_bidi_control(c) => {}
                c => out.push(c),
            }
        }
        out
    }
}

fn people(scene: &Scene, sim: &Simulation) -> Vec<Person> {
    let initials = crate::plan::figures::initials(scene);
    let crowd = crate::plan::crowd::Crowd::of(scene);
    scene
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let kind = Walker::of(p);
            let track = &sim.tracks[i];
            Person {
                id: text(&p.id),
                name: text(&p.name),
                initials: initials[i].clone(),
                colour: kind.colour(p),
                kind: match kind {
                    Walker::Cast => "cast",
                    Walker::Camera => "camera",
                    Walker::Crew => "crew",
                }
                .to_string(),
                radius: fixed(p.radius, 3),
                start: point(track.start),
                legs: track
                    .legs
                    .iter()
                    .map(|leg| Leg {
                        depart: secs(leg.depart),
                        arrive: secs(leg.arrive),
                        points: leg.route.points.iter().map(|&p| point(p)).collect(),
                    })
                    .collect(),
                extra: !crowd.is_principal(PersonId::from_index(i)),
            }
        })
        .collect()
}

fn cameras(scene: &Scene, sim: &Simulation) -> Vec<Camera> {
    let samples = (scene.length.seconds() * FACING_RATE).ceil() as usize;
    scene
        .cameras()
        .map(|camera: PersonId| {
            let sensor = scene
                .person(camera)
                .camera()
                .map_or(SUPER35_MM, |c| c.sensor_mm);
            let half = |lens: f64| fixed(CameraSpec::field_of_view(sensor, lens) / 2.0, 4);
            let mut half_angle = vec![[0.0, half(sim.lens(camera, Time::ZERO))]];
            for change in sim.lenses[camera.index()]
                .iter()
                .filter(|c| c.at > Time::ZERO)
            {
                half_angle.push([secs(change.at), half(change.state)]);
            }
            let facing = (0..=samples)
                .map(|k| {
                    let t = Time::from_seconds(k as f64 / FACING_RATE)
                        .unwrap_or(Time::ZERO)
                        .min(scene.length);
                    fixed(sim.facing(camera, t).angle(), 3)
                })
                .collect();
            Camera {
                person: camera.index(),
                facing,
                half_angle,
            }
        })
        .collect()
}

fn props(scene: &Scene, sim: &Simulation) -> Vec<Prop> {
    let state = |at: Time, s: crate::sim::PropState| PropState {
        at: secs(at),
        held: match s.place {
            PropWhere::Held(p) => Some(p.index()),
            _ => None,
        },
        point: match s.place {
            PropWhere::Held(_) => None,
            place => Some(point(sim.place_point(place, at))),
        },
        broken: s.broken,
    };
    scene
        .props
        .iter()
        .enumerate()
        .map(|(i, prop)| {
            let id = PropId::from_index(i);
            let mut states = vec![state(Time::ZERO, sim.prop_state(id, Time::ZERO))];
            // A change at 0 is already in the first state.
            for change in sim.props[i].iter().filter(|c| c.at > Time::ZERO) {
                states.push(state(change.at, change.state));
            }
            Prop {
                name: text(&prop.name),
                states,
            }
        })
        .collect()
}

fn doors(scene: &Scene, sim: &Simulation) -> Vec<Door> {
    scene
        .doors
        .iter()
        .enumerate()
        .map(|(i, door)| Door {
            name: text(&door.name),
            kind: format!("{:?}", door.kind).to_lowercase(),
            gap: [point(door.gap.a), point(door.gap.b)],
            initial: state_name(sim.door_state(DoorId::from_index(i), Time::ZERO)),
            changes: sim.doors[i]
                .iter()
                .filter(|c| c.at > Time::ZERO)
                .map(|c| DoorChange {
                    at: secs(c.at),
                    state: state_name(c.state),
                })
                .collect(),
        })
        .collect()
}

/// The blockers of `plan::visibility::blockers`, split into what never changes and the wild
/// walls (doors are in [`Take::doors`]).
fn sight(scene: &Scene, sim: &Simulation) -> Sight {
    let mut fixed_segments = Vec::new();
    let mut wild = Vec::new();
    for wall in &scene.walls {
        let s = segment(wall.segment.a, wall.segment.b);
        match wall.wild {
            None => fixed_segments.push(s),
            Some(id) => wild.push(WildWall {
                segment: s,
                struck: sim.struck.get(id.index()).copied().flatten().map(secs),
            }),
        }
    }
    for furniture in scene.furniture.iter().filter(|f| f.blocks_view) {
        fixed_segments.extend(furniture.outline.edges().map(|e| segment(e.a, e.b)));
    }
    Sight {
        fixed: fixed_segments,
        wild,
    }
}

fn cues(scene: &Scene, sim: &Simulation) -> Vec<Cue> {
    let list = crate::cuesheet::cue_list(scene, sim);
    let sheet = Sheet::new(
        scene,
        &list,
        &crate::cuesheet::filter::Filter::default(),
        &Options::default(),
    );
    sheet
        .rows
        .iter()
        .map(|row| {
            let (r, g, b) = dept_colour(row.dept);
            Cue {
                at: secs(row.at),
                label: text(&row.label()),
                colour: format!("#{r:02x}{g:02x}{b:02x}"),
                what: text(&row.what),
                room: text(&row.room),
                who: text(&row.who),
            }
        })
        .collect()
}

fn calls(scene: &Scene, sim: &Simulation) -> Vec<Called> {
    use crate::cuesheet::script::{Call, Script, Stamp};
    let list = crate::cuesheet::cue_list(scene, sim);
    let script = Script::new(
        scene,
        sim,
        &list,
        &crate::cuesheet::filter::Filter::default(),
        crate::cuesheet::sheet::Timecode::Clock,
        Stamp::default(),
    );
    script
        .blocks()
        .flat_map(|block| {
            block.lines.iter().map(move |line| Called {
                at: block.at.map_or(-1.0, secs),
                words: text(&line.spoken()),
                call: match line.call {
                    Call::Warning => "warning",
                    Call::Standby => "standby",
                    Call::Go => "go",
                }
                .to_string(),
                trigger: line.trigger.as_deref().map(text).unwrap_or_default(),
                cues: line
                    .cues
                    .iter()
                    .map(|c| (text(&c.label()), secs(c.go)))
                    .collect(),
            })
        })
        .collect()
}

fn lines(scene: &Scene) -> Vec<Line> {
    let mut out: Vec<Line> = scene
        .events
        .iter()
        .filter_map(|event| match &event.action {
            Action::Line {
                who,
                says,
                until,
                on_camera,
                ..
            } => Some(Line {
                at: secs(event.at),
                until: secs(
                    until
                        .filter(|&u| u > event.at)
                        .unwrap_or_else(|| {
                            Time::from_seconds(event.at.seconds() + LINE_SHOWN_FOR)
                                .unwrap_or(event.at)
                        })
                        .min(scene.length.max(event.at)),
                ),
                who: who.index(),
                says: text(says),
                on_camera: *on_camera,
            }),
            _ => None,
        })
        .collect();
    out.sort_by(|a, b| a.at.total_cmp(&b.at));
    out
}
