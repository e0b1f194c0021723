//! Resolving the cast, the crew and the props.

use super::codes;
use super::resolver::{Namespace, Resolver};
use super::set::ResolvedSet;
use crate::diagnostic::Diagnostic;
use crate::locate::SourcePath;
use crate::model::{
    CRANE_PIVOT_HEIGHT, CameraSpec, CraneArm, FacingTarget, MarkId, Person, PersonId, Prop, PropId,
    PropPlace, Role,
};
use crate::raw;

/// Default body radius of a performer, metres.
pub const CAST_RADIUS: f64 = 0.25;
/// Default body radius of a crew member without a rig, metres.
pub const CREW_RADIUS: f64 = 0.3;
/// Default radius of a camera with its operator, metres.
pub const CAMERA_RADIUS: f64 = 0.45;
/// Default top speed of a performer (a run), metres per second.
pub const CAST_TOP_SPEED: f64 = 4.0;
/// Default top speed of crew without a rig, metres per second.
pub const CREW_TOP_SPEED: f64 = 2.0;

pub struct ResolvedPeople {
    pub people: Vec<Person>,
    pub ids: Namespace<PersonId>,
}

pub struct ResolvedProps {
    pub props: Vec<Prop>,
    pub ids: Namespace<PropId>,
}

/// Custom pronouns must each be one word, so a sentence built from them stays a sentence.
fn pronouns(
    pronouns: Option<&raw::Pronouns>,
    r: &mut Resolver,
    path: &SourcePath,
) -> Option<raw::Pronouns> {
    if let Some(raw::Pronouns::Custom {
        subject,
        object,
        possessive,
        ..
    }) = pronouns
    {
        for (word, field) in [
            (subject, "subject"),
            (object, "object"),
            (possessive, "possessive"),
        ] {
            if word.is_empty()
                || !word
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '\'' || c == '’')
            {
                let d = Diagnostic::error(
                    codes::BAD_VALUE,
                    format!("custom pronoun `{word}` is not one word"),
                )
                .at(r.spans.span(&path.field(field)), "one word of letters")
                .help("write the word a sentence uses, e.g. `subject: \"xe\", object: \"xem\", possessive: \"xyr\"`");
                r.push(d);
                return None;
            }
        }
    }
    pronouns.cloned()
}

fn colour(text: &str, r: &mut Resolver, path: &SourcePath) -> String {
    let hex = text.strip_prefix('#').unwrap_or("");
    if hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return format!("#{}", hex.to_ascii_lowercase());
    }
    let d = Diagnostic::error(codes::BAD_VALUE, format!("`{text}` is not a colour"))
        .at(r.spans.span(path), "expected `#rrggbb`")
        .help("write the colour as six hex digits, e.g. `\"#c0392b\"`");
    r.push(d);
    "#000000".into()
}

/// Where a person starts, and their body radius and top speed if the scene sets them
/// (checked), for cast and crew alike.
fn body(
    r: &mut Resolver,
    set: &ResolvedSet,
    p: &SourcePath,
    starts_at: &str,
    radius: Option<f64>,
    top_speed: Option<f64>,
) -> (MarkId, Option<f64>, Option<f64>) {
    let starts_at = r
        .lookup(&set.mark_ids, starts_at, &p.field("starts_at"))
        .unwrap_or(MarkId(0));
    let radius =
        radius.and_then(|v| r.number(v, &p.field("radius"), 0.05..=3.0, "body radius", "m"));
    let top_speed =
        top_speed.and_then(|v| r.number(v, &p.field("top_speed"), 0.05..=15.0, "top speed", "m/s"));
    (starts_at, radius, top_speed)
}

pub fn resolve_people(raw: &raw::Scene, set: &ResolvedSet, r: &mut Resolver) -> ResolvedPeople {
    let mut ids = Namespace::new("person");
    let cast_path = SourcePath::root().field("cast");
    let crew_path = SourcePath::root().field("crew");
    let cast_ok = r.declare_map(&mut ids, &raw.cast, &cast_path, PersonId::from_index);
    let offset = raw.cast.0.len();
    let crew_ok = r.declare_map(&mut ids, &raw.crew, &crew_path, |i| {
        PersonId::from_index(offset + i)
    });
    let _ = (cast_ok, crew_ok);

    let mut people = Vec::new();
    for (id, c) in &raw.cast.0 {
        let p = cast_path.key(id);
        let (starts_at, radius, top_speed) = body(r, set, &p, &c.starts_at, c.radius, c.top_speed);
        let vehicle = c
            .vehicle
            .and_then(|v| vehicle_body(v, r, &p.field("vehicle")));
        people.push(Person {
            id: id.clone(),
            name: c.name.clone(),
            pronouns: pronouns(c.pronouns.as_ref(), r, &p.field("pronouns")),
            role: Role::Cast {
                played_by: c.played_by.clone(),
            },
            colour: colour(&c.colour, r, &p.field("colour")),
            starts_at,
            facing: None,
            in_costume: true,
            radius: radius.unwrap_or(vehicle.map_or(CAST_RADIUS, |v| v.width / 2.0)),
            top_speed: top_speed.unwrap_or(if vehicle.is_some() {
                VEHICLE_TOP_SPEED
            } else {
                CAST_TOP_SPEED
            }),
            vehicle,
            path: p,
        });
    }
    for (id, c) in &raw.crew.0 {
        let p = crew_path.key(id);
        let role = match &c.role {
            raw::CrewRole::Camera {
                rig,
                lens_mm,
                sensor_mm,
                ..
            } => {
                let rp = p.field("role");
                let lens = r.number(
                    *lens_mm,
                    &rp.field("lens_mm"),
                    4.0..=1200.0,
                    "focal length",
                    "mm",
                );
                let sensor = sensor_mm.and_then(|s| {
                    r.number(s, &rp.field("sensor_mm"), 1.0..=100.0, "sensor width", "mm")
                });
                Role::Camera(CameraSpec {
                    rig: *rig,
                    lens_mm: lens.unwrap_or(24.0),
                    sensor_mm: sensor.unwrap_or(crate::model::SUPER35_MM),
                    // The base is a person: resolved below, once everyone is declared.
                    crane: None,
                })
            }
            raw::CrewRole::Boom => Role::Boom,
            raw::CrewRole::FocusPuller => Role::FocusPuller,
            raw::CrewRole::Other(what) => Role::Other(what.clone()),
        };
        let (default_radius, default_speed, default_colour) = match &role {
            Role::Camera(spec) => (CAMERA_RADIUS, spec.rig.top_speed(), "#1f2937"),
            Role::Boom => (CREW_RADIUS, CREW_TOP_SPEED, "#6b7280"),
            _ => (CREW_RADIUS, CREW_TOP_SPEED, "#8b8f98"),
        };
        let (starts_at, radius, top_speed) = body(r, set, &p, &c.starts_at, c.radius, c.top_speed);
        let colour = match &c.colour {
            Some(text) => colour(text, r, &p.field("colour")),
            None => default_colour.to_string(),
        };
        people.push(Person {
            id: id.clone(),
            name: c.name.clone().unwrap_or_else(|| id.clone()),
            pronouns: pronouns(c.pronouns.as_ref(), r, &p.field("pronouns")),
            role,
            colour,
            starts_at,
            facing: None,
            in_costume: c.in_costume,
            radius: radius.unwrap_or(default_radius),
            top_speed: top_speed.unwrap_or(default_speed),
            vehicle: None,
            path: p,
        });
    }
    // Facing can name anyone, so it is resolved once everyone is known.
    for (i, (_, c)) in raw.crew.0.iter().enumerate() {
        if let Some(target) = &c.facing {
            let path = crew_path.key(&raw.crew.0[i].0).field("facing");
            people[offset + i].facing = facing_target(target, set, &ids, r, &path);
        }
    }
    for (i, (id, c)) in raw.crew.0.iter().enumerate() {
        if let raw::CrewRole::Camera { rig, crane, .. } = &c.role {
            let path = crew_path.key(id).field("role");
            let arm = crane_arm(*rig, crane.as_ref(), offset + i, &people, &ids, r, &path);
            if let Role::Camera(spec) = &mut people[offset + i].role {
                spec.crane = arm;
            }
        }
    }
    ResolvedPeople { people, ids }
}

/// A mark or a person, as `facing` and camera framing accept.
pub fn facing_target(
    id: &str,
    set: &ResolvedSet,
    people: &Namespace<PersonId>,
    r: &mut Resolver,
    path: &SourcePath,
) -> Option<FacingTarget> {
    if let Some(mark) = set.mark_ids.get(id) {
        return Some(FacingTarget::Mark(mark));
    }
    if let Some(person) = people.get(id) {
        return Some(FacingTarget::Person(person));
    }
    let known: Vec<&str> = set.mark_ids.names().chain(people.names()).collect();
    r.unknown("mark or person", id, known.iter().copied(), path);
    None
}

pub fn resolve_props(
    raw: &raw::Scene,
    set: &ResolvedSet,
    people: &ResolvedPeople,
    r: &mut Resolver,
) -> ResolvedProps {
    let mut ids = Namespace::new("prop");
    let path = SourcePath::root().field("props");
    r.declare_map(&mut ids, &raw.props, &path, PropId::from_index);
    let props = raw
        .props
        .0
        .iter()
        .map(|(id, prop)| {
            let p = path.key(id);
            let at = p.field("starts").index(0);
            let starts = match &prop.starts {
                raw::PropPlace::OnMark(mark) => {
                    r.lookup(&set.mark_ids, mark, &at).map(PropPlace::OnMark)
                }
                raw::PropPlace::On(furniture) => match set.place_ids.get(furniture) {
                    Some(crate::model::PlaceRef::Furniture(f)) => Some(PropPlace::On(f)),
                    Some(crate::model::PlaceRef::Mark(m)) => Some(PropPlace::OnMark(m)),
                    _ => {
                        r.unknown("furniture", furniture, set.place_ids.names(), &at);
                        None
                    }
                },
                raw::PropPlace::HeldBy(who) => {
                    r.lookup(&people.ids, who, &at).map(PropPlace::HeldBy)
                }
            };
            Prop {
                id: id.clone(),
                name: prop.name.clone(),
                starts: starts.unwrap_or(PropPlace::OnMark(MarkId(0))),
                path: p,
            }
        })
        .collect();
    ResolvedProps { props, ids }
}

// ---- Vehicles and cranes -----------------------------------------------------------------

/// Default top speed of a vehicle in the cast, metres per second (54 km/h: a town street).
pub const VEHICLE_TOP_SPEED: f64 = 15.0;

/// A vehicle's body, its sizes checked.
fn vehicle_body(v: raw::Vehicle, r: &mut Resolver, p: &SourcePath) -> Option<raw::Vehicle> {
    let length = r.number(
        v.length,
        &p.field("length"),
        1.0..=30.0,
        "vehicle length",
        "m",
    );
    let width = r.number(v.width, &p.field("width"), 0.5..=5.0, "vehicle width", "m");
    Some(raw::Vehicle {
        length: length?,
        width: width?,
    })
}

/// A camera's crane arm: required for a `Crane` rig, refused for any other, its base a
/// crew member who is not a camera, its lens height within the arm's swing.
fn crane_arm(
    rig: raw::Rig,
    crane: Option<&raw::Crane>,
    me: usize,
    people: &[Person],
    ids: &Namespace<PersonId>,
    r: &mut Resolver,
    path: &SourcePath,
) -> Option<CraneArm> {
    let bad = |r: &mut Resolver, message: String, at: &SourcePath, label: &str, help: &str| {
        let d = Diagnostic::error(codes::BAD_VALUE, message)
            .at(r.spans.span(at), label.to_string())
            .help(help.to_string());
        r.push(d);
    };
    let crane = match (rig, crane) {
        (raw::Rig::Crane, Some(crane)) => crane,
        (raw::Rig::Crane, None) => {
            bad(
                r,
                "a `Crane` rig needs its arm".into(),
                path,
                "no `crane: (arm: …, base: …)`",
                "add `crane: (arm: 7.0, base: \"crane-dolly\")`, the base a crew member",
            );
            return None;
        }
        (_, Some(_)) => {
            bad(
                r,
                "only a `Crane` rig has a crane arm".into(),
                &path.field("crane"),
                "not a crane",
                "set `rig: Crane`, or leave `crane` out",
            );
            return None;
        }
        (_, None) => return None,
    };
    let p = path.field("crane");
    let arm = r.number(crane.arm, &p.field("arm"), 1.0..=30.0, "crane arm", "m");
    let pivot = match crane.pivot_height {
        Some(v) => r.number(v, &p.field("pivot_height"), 0.0..=10.0, "pivot height", "m"),
        None => Some(CRANE_PIVOT_HEIGHT),
    };
    let base = r.lookup(ids, &crane.base, &p.field("base"));
    let (arm, pivot_height, base) = (arm?, pivot?, base?);
    let who = &people[base.index()];
    if base.index() == me || !who.is_crew() || who.camera().is_some() {
        bad(
            r,
            format!("`{}` cannot be a crane's base", crane.base),
            &p.field("base"),
            "the base must be crew, not a camera",
            "name the crew member who stands for the crane's base and dolly",
        );
        return None;
    }
    let mut spec = CraneArm {
        arm,
        base,
        pivot_height,
        lens_height: pivot_height,
    };
    if let Some(h) = crane.lens_height {
        let h = r.number(h, &p.field("lens_height"), 0.0..=40.0, "lens height", "m")?;
        if !spec.heights().contains(&h) {
            bad(
                r,
                format!(
                    "a lens height of {} m is out of the arm's swing ({} to {} m)",
                    crate::escape::number(h, 2),
                    crate::escape::number(*spec.heights().start(), 2),
                    crate::escape::number(*spec.heights().end(), 2)
                ),
                &p.field("lens_height"),
                "out of reach",
                "lower or raise the lens, or give a longer arm",
            );
            return None;
        }
        spec.lens_height = h;
    }
    Some(spec)
}
