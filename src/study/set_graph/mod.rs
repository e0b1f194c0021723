//! The set as a graph: rooms are nodes at their centres on the plan, doors, openings, arches,
//! windows and wild walls are edges, each labelled with how many times it is crossed during
//! the take. Drawn as SVG ([`draw`]) and written as Graphviz DOT ([`dot`]).

pub mod dot;
pub mod draw;
mod page;

use crate::geometry::Point;
use crate::model::{DoorId, DoorKind, PersonId, RoomId, Scene, WildWallId};
use crate::output::OutputFile;
use crate::sim::Whereabouts;
use crate::sim::{Portal, Simulation};

/// How an edge is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EdgeKind {
    /// A hinged door: a solid line.
    Door,
    /// An opening or an arch: a wide band.
    Opening,
    /// A window: dashed, never crossed.
    Window,
    /// A wild wall between two rooms: dotted; crossed only once struck.
    WildWall,
}

impl EdgeKind {
    pub fn word(self) -> &'static str {
        match self {
            EdgeKind::Door => "door",
            EdgeKind::Opening => "opening",
            EdgeKind::Window => "window",
            EdgeKind::WildWall => "wild wall",
        }
    }
}

/// One edge of the set graph.
#[derive(Debug, Clone)]
pub struct Edge {
    pub id: String,
    pub name: String,
    pub kind: EdgeKind,
    pub rooms: [RoomId; 2],
    /// Where it is on the plan (a door's centre, a wild wall's midpoint), metres.
    pub at: Point,
    /// Walks through it during the take, everyone counted.
    pub crossings: usize,
    /// Who crossed and how often, in scene order.
    pub by: Vec<(PersonId, usize)>,
}

/// The graph's edges: doors in file order, then wild walls that join two rooms.
pub fn edges(scene: &Scene, whereabouts: &Whereabouts) -> Vec<Edge> {
    let mut edges: Vec<Edge> = Vec::new();
    let mut portals: Vec<Portal> = Vec::new();
    for (i, door) in scene.doors.iter().enumerate() {
        portals.push(Portal::Door(DoorId::from_index(i)));
        edges.push(Edge {
            id: door.id.clone(),
            name: door.name.clone(),
            kind: match door.kind {
                DoorKind::Door => EdgeKind::Door,
                DoorKind::Opening | DoorKind::Arch => EdgeKind::Opening,
                DoorKind::Window => EdgeKind::Window,
            },
            rooms: door.rooms,
            at: door.at,
            crossings: 0,
            by: Vec::new(),
        });
    }
    for (i, wall) in scene.wild_walls.iter().enumerate() {
        if let [a, b] = wall.rooms[..] {
            portals.push(Portal::Wild(WildWallId::from_index(i)));
            edges.push(Edge {
                id: wall.id.clone(),
                name: wall.name.clone(),
                kind: EdgeKind::WildWall,
                rooms: [a, b],
                at: wall.segment.midpoint(),
                crossings: 0,
                by: Vec::new(),
            });
        }
    }
    for passage in &whereabouts.passages {
        if let Some(i) = portals.iter().position(|&p| p == passage.portal) {
            let edge = &mut edges[i];
            edge.crossings += 1;
            match edge.by.iter_mut().find(|(p, _)| *p == passage.who) {
                Some(entry) => entry.1 += 1,
                None => edge.by.push((passage.who, 1)),
            }
        }
    }
    for edge in &mut edges {
        edge.by.sort();
    }
    edges
}

/// "Her 2, Dante 3": who crossed an edge.
pub fn crossers(scene: &Scene, edge: &Edge) -> String {
    edge.by
        .iter()
        .map(|(p, k)| format!("{} {k}", scene.person(*p).name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "once", "2 times".
pub fn times(count: usize) -> String {
    match count {
        1 => "once".into(),
        n => format!("{n} times"),
    }
}

/// Where a room's node sits: the centre of its outline, metres.
pub fn node_point(scene: &Scene, room: RoomId) -> Point {
    scene.room(room).outline.centroid()
}

/// `graph.svg` and `graph.dot` for `oner build`.
pub fn build_files(scene: &Scene, sim: &Simulation) -> Vec<OutputFile> {
    let whereabouts = Whereabouts::of(sim);
    let edges = edges(scene, &whereabouts);
    vec![
        OutputFile {
            name: "graph.svg".into(),
            bytes: draw::render(scene, &edges).into_bytes(),
        },
        OutputFile {
            name: "graph.dot".into(),
            bytes: dot::render(scene, &edges).into_bytes(),
        },
    ]
}

/// The SVG drawing alone.
pub fn svg(scene: &Scene, sim: &Simulation) -> String {
    draw::render(scene, &edges(scene, &Whereabouts::of(sim)))
}

/// The DOT text alone.
pub fn dot_text(scene: &Scene, sim: &Simulation) -> String {
    dot::render(scene, &edges(scene, &Whereabouts::of(sim)))
}
