//! People and props at one moment: a disc with an initial for each performer (a nose shows
//! which way they face), a triangle for a camera pointing down the lens, grey discs for other
//! crew, and a small diamond for each prop.

use super::crowd::Crowd;
use super::labels::{Pending, Placer};
use super::page::Rect;
use super::page::{Frame, PathData};
use super::routes::Walker;
use super::style::{self, clean, n, text};
use crate::geometry::Point;
use crate::model::{PersonId, PropId, Scene};
use crate::sim::{PropWhere, Simulation};
use crate::time::Time;
use svg::node::element::{Circle, Group, Path};

/// One or two letters per person, unique where the names allow: what goes in the disc.
pub fn initials(scene: &Scene) -> Vec<String> {
    let first = |name: &str, k: usize| -> String {
        let letters: String = clean(name)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .take(k)
            .collect();
        let mut out = String::new();
        for (i, c) in letters.chars().enumerate() {
            if i == 0 {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
        }
        if out.is_empty() { "?".to_string() } else { out }
    };
    let singles: Vec<String> = scene.people.iter().map(|p| first(&p.name, 1)).collect();
    let mut uses: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for s in &singles {
        *uses.entry(s.as_str()).or_default() += 1;
    }
    scene
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let clash = uses.get(singles[i].as_str()).is_some_and(|&n| n > 1);
            if clash {
                first(&p.name, 2)
            } else {
                singles[i].clone()
            }
        })
        .collect()
}

/// Everyone the plan names (see [`Crowd`]) where they are at `t`: the symbols, registered
/// with the placer, and the name labels still to place (names that say more than the
/// initial in the disc, and every camera's).
pub fn people(
    scene: &Scene,
    sim: &Simulation,
    frame: &Frame,
    t: Time,
    crowd: &Crowd,
    placer: &mut Placer,
) -> (Group, Vec<Pending>) {
    let letters = initials(scene);
    let mut order: Vec<usize> = (0..scene.people.len())
        .filter(|&i| crowd.is_principal(PersonId::from_index(i)))
        .collect();
    order.sort_by_key(|&i| (Walker::of(&scene.people[i]), i));
    let mut symbols = Group::new().set("class", "people");
    let mut names = Vec::new();
    let size = frame.ink(style::SMALL_SIZE);
    for i in order {
        let who = PersonId::from_index(i);
        let person = scene.person(who);
        let kind = Walker::of(person);
        let p = frame.at(sim.position(who, t));
        let facing = sim.facing(who, t);
        let colour = kind.colour(person);
        let r = match kind {
            Walker::Cast => frame
                .len(person.radius)
                .clamp(frame.ink(1.8), frame.ink(3.2)),
            _ => frame.ink(1.6),
        };
        let (symbol, reach) = match (kind, person.vehicle) {
            (Walker::Camera, _) => (camera(p, facing, frame.ink(4.0), &colour), frame.ink(2.4)),
            (_, Some(body)) => (
                vehicle(p, facing, body, &colour, &letters[i], frame),
                frame.len(body.length) * 0.5,
            ),
            _ => (disc(p, facing, r, &colour, &letters[i], frame), r * 1.6),
        };
        if let Some(arm) = person.camera().and_then(|c| c.crane) {
            // The crane's arm, from its base to the head, under the camera's symbol.
            // Drawn and kept clear like a wall: a line, not a box, so labels may sit beside it.
            let base = frame.at(sim.position(arm.base, t));
            placer.block_wall(base, p, frame.ink(0.8));
            symbols = symbols.add(
                Path::new()
                    .set("class", "crane-arm")
                    .set(
                        "d",
                        PathData::new().polyline(&[base, p], false).into_string(),
                    )
                    .set("stroke", colour.to_string())
                    .set("stroke-width", n(frame.ink(0.8)))
                    .set("stroke-linecap", "round")
                    .set("fill", "none"),
            );
        }
        symbols = symbols.add(symbol);
        placer.block_point(p, reach);
        let name = clean(&person.name);
        if kind == Walker::Camera || name != letters[i] {
            let anchor = Rect::at(p).grow(reach);
            names.push(Pending::new(name, anchor, size, &colour).bold());
        }
    }
    (symbols, names)
}

/// A performer's disc: filled in their colour, their initial in white, a nose towards where
/// they face.
fn disc(p: Point, facing: Point, r: f64, colour: &str, letters: &str, frame: &Frame) -> Group {
    let nose = p + facing * (r * 1.55);
    let side = Point::new(-facing.y, facing.x) * (r * 0.55);
    let base = p + facing * (r * 0.7);
    let size = (r * if letters.chars().count() > 1 {
        0.95
    } else {
        1.25
    })
    .max(frame.ink(1.4));
    Group::new()
        .set("class", "sym")
        .add(
            Path::new()
                .set(
                    "d",
                    PathData::new()
                        .polyline(&[base + side, nose, base - side], true)
                        .into_string(),
                )
                .set("fill", colour.to_string()),
        )
        .add(
            Circle::new()
                .set("cx", n(p.x))
                .set("cy", n(p.y))
                .set("r", n(r))
                .set("fill", colour.to_string())
                .set("stroke", style::PAPER)
                .set("stroke-width", n(frame.ink(0.35))),
        )
        .add(
            text(letters, p.x, p.y + size * 0.36, size)
                .set("class", "bold in-sym")
                .set("text-anchor", "middle")
                .set("fill", style::PAPER),
        )
}

/// A camera: a narrow triangle pointing down the lens, so its direction reads at a glance.
pub fn camera(p: Point, facing: Point, size: f64, colour: &str) -> Group {
    let side = Point::new(-facing.y, facing.x);
    let tip = p + facing * (size * 0.6);
    let back = p - facing * (size * 0.5);
    Group::new().set("class", "sym").add(
        Path::new()
            .set(
                "d",
                PathData::new()
                    .polyline(
                        &[
                            tip,
                            back + side * (size * 0.28),
                            back - side * (size * 0.28),
                        ],
                        true,
                    )
                    .into_string(),
            )
            .set("fill", colour.to_string())
            .set("stroke", style::PAPER)
            .set("stroke-width", n(size * 0.08))
            .set("stroke-linejoin", "round"),
    )
}

/// Where a prop sits on the page at `t`: held props ride beside their holder.
fn prop_point(sim: &Simulation, frame: &Frame, prop: PropId, t: Time) -> Point {
    let state = sim.prop_state(prop, t);
    let p = frame.at(sim.place_point(state.place, t));
    match state.place {
        PropWhere::Held(_) => p + Point::new(frame.ink(2.6), frame.ink(2.2)),
        _ => p,
    }
}

/// Every prop where it is at `t`: the diamonds, registered with the placer, and the name
/// labels still to place.
pub fn props(
    scene: &Scene,
    sim: &Simulation,
    frame: &Frame,
    t: Time,
    placer: &mut Placer,
) -> (Group, Vec<Pending>) {
    let mut group = Group::new().set("class", "props");
    let mut used: Vec<Point> = Vec::new();
    let size = frame.ink(style::SMALL_SIZE);
    let r = frame.ink(1.1);
    let mut names = Vec::new();
    for (i, prop) in scene.props.iter().enumerate() {
        let id = PropId::from_index(i);
        let mut p = prop_point(sim, frame, id, t);
        // Props sharing a spot are set side by side.
        while used.iter().any(|u| u.distance(p) < r * 1.5) {
            p = p + Point::new(r * 2.3, 0.0);
        }
        used.push(p);
        let broken = sim.prop_state(id, t).broken;
        let diamond = [
            Point::new(p.x, p.y - r),
            Point::new(p.x + r, p.y),
            Point::new(p.x, p.y + r),
            Point::new(p.x - r, p.y),
        ];
        group = group.add(
            Path::new()
                .set("class", "sym")
                .set("d", PathData::new().polyline(&diamond, true).into_string())
                .set("fill", if broken { style::PAPER } else { style::PROP })
                .set("stroke", style::PROP)
                .set("stroke-width", n(frame.ink(0.3))),
        );
        let reach = r + frame.ink(0.2);
        placer.block_point(p, reach);
        let name = if broken {
            format!("{} (broken)", clean(&prop.name))
        } else {
            clean(&prop.name)
        };
        let anchor = Rect::at(p).grow(reach);
        names.push(Pending::new(name, anchor, size, style::PROP).class("italic"));
    }
    (group, names)
}

/// A vehicle: its footprint to scale, turned the way it faces, the bonnet end rounded off,
/// its initial in white.
fn vehicle(
    p: Point,
    facing: Point,
    body: crate::model::Vehicle,
    colour: &str,
    letters: &str,
    frame: &Frame,
) -> Group {
    let along = facing * (frame.len(body.length) / 2.0);
    let side = Point::new(-facing.y, facing.x) * (frame.len(body.width) / 2.0);
    let nose = facing * (frame.len(body.width) * 0.35);
    let corners = [
        p - along + side,
        p + along - nose + side,
        p + along,
        p + along - nose - side,
        p - along - side,
    ];
    let size = (frame.len(body.width) * 0.6).max(frame.ink(1.4));
    Group::new()
        .set("class", "sym")
        .add(
            Path::new()
                .set("d", PathData::new().polyline(&corners, true).into_string())
                .set("fill", colour.to_string())
                .set("stroke", style::PAPER)
                .set("stroke-width", n(frame.ink(0.35)))
                .set("stroke-linejoin", "round"),
        )
        .add(
            text(letters, p.x, p.y + size * 0.36, size)
                .set("class", "bold in-sym")
                .set("text-anchor", "middle")
                .set("fill", style::PAPER),
        )
}

#[cfg(test)]
mod tests {
    #[test]
    fn initials_are_unique_where_names_allow() {
        let text = include_str!("../../scenes/we-cry-together.ron");
        let file = crate::source::SourceFile::new("w.ron", text);
        let loaded = crate::load::load(&file);
        let Some(scene) = loaded.scene else {
            panic!("bundled scene loads");
        };
        let letters = super::initials(&scene);
        assert_eq!(letters.len(), scene.people.len());
        assert!(letters.iter().all(|l| !l.is_empty()));
    }
}
