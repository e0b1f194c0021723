//! Routes through the set: straight lines inside a room, door centres between rooms.

use crate::geometry::Point;
use crate::model::{DoorId, RoomId, Scene, WildWallId};
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// A way between two rooms: a door, opening or arch, or a wild wall once it is struck.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Portal {
    Door(DoorId),
    Wild(WildWallId),
}

impl Portal {
    /// The rooms on either side (a wild wall on an outer wall has only one).
    pub fn rooms(self, scene: &Scene) -> &[RoomId] {
        match self {
            Portal::Door(d) => &scene.door(d).rooms,
            Portal::Wild(w) => &scene.wild_walls[w.index()].rooms,
        }
    }
}

/// The path a leg follows.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    /// Corners of the path from start to end, in metres; at least two points.
    pub points: Vec<Point>,
    /// Portals passed, in order, with the index in `points` of the portal's centre.
    pub portals: Vec<(Portal, usize)>,
    /// False when no passable way joins the two rooms: the leg is a straight teleport.
    pub found: bool,
}

impl Route {
    pub fn length(&self) -> f64 {
        self.points.windows(2).map(|w| w[0].distance(w[1])).sum()
    }
}

/// Every portal of the set with its centre and rooms, and the portals of each room: built
/// once per simulation so each route search only looks at the portals it can reach.
#[derive(Debug, Clone)]
pub struct PortalMap {
    pub portals: Vec<(Portal, Point, [RoomId; 2])>,
    by_room: Vec<Vec<usize>>,
}

impl PortalMap {
    /// Doors, openings and arches, and wild walls between two rooms. Whether a wild wall may
    /// be used yet (is it struck?) is the caller's filter and a rule's concern.
    pub fn new(scene: &Scene) -> PortalMap {
        let mut portals = Vec::new();
        for (i, door) in scene.doors.iter().enumerate() {
            if door.is_passage() {
                portals.push((Portal::Door(DoorId::from_index(i)), door.at, door.rooms));
            }
        }
        for (i, wall) in scene.wild_walls.iter().enumerate() {
            if let [a, b] = wall.rooms[..] {
                portals.push((
                    Portal::Wild(WildWallId::from_index(i)),
                    wall.segment.midpoint(),
                    [a, b],
                ));
            }
        }
        let mut by_room = vec![Vec::new(); scene.rooms.len()];
        for (i, (_, _, rooms)) in portals.iter().enumerate() {
            for room in rooms {
                if let Some(list) = by_room.get_mut(room.index()) {
                    list.push(i);
                }
            }
        }
        PortalMap { portals, by_room }
    }

    fn of_room(&self, room: RoomId) -> &[usize] {
        self.by_room.get(room.index()).map_or(&[], Vec::as_slice)
    }
}

#[derive(Debug, PartialEq)]
struct Visit(f64, usize);

impl Eq for Visit {}

impl Ord for Visit {
    fn cmp(&self, other: &Self) -> Ordering {
        other.0.total_cmp(&self.0).then(other.1.cmp(&self.1))
    }
}

impl PartialOrd for Visit {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The shortest route from `from` (in `from_room`) to `to` (in `to_room`) through the
/// portals that `usable` accepts. Dijkstra over portals; the start and the end are the two
/// extra nodes. `None` if the rooms are not connected.
pub fn shortest(
    map: &PortalMap,
    from: Point,
    from_room: RoomId,
    to: Point,
    to_room: RoomId,
    usable: impl Fn(Portal) -> bool,
) -> Option<Route> {
    if from_room == to_room {
        return Some(Route {
            points: vec![from, to],
            portals: Vec::new(),
            found: true,
        });
    }
    let portals = &map.portals;
    let n = portals.len();
    let (start, end) = (n, n + 1);
    let point = |i: usize| match i {
        i if i < n => portals[i].1,
        i if i == start => from,
        _ => to,
    };
    let mut best = vec![f64::INFINITY; n + 2];
    let mut previous = vec![usize::MAX; n + 2];
    let mut heap = BinaryHeap::new();
    best[start] = 0.0;
    heap.push(Visit(0.0, start));
    while let Some(Visit(cost, node)) = heap.pop() {
        if node == end {
            // The first time the end comes off the heap its cost is final: every node
            // still queued costs at least as much, so nothing left can shorten the way.
            break;
        }
        if cost > best[node] {
            continue;
        }
        let mut relax = |next: usize, heap: &mut BinaryHeap<Visit>| {
            let c = cost + point(node).distance(point(next));
            if c < best[next] {
                best[next] = c;
                previous[next] = node;
                heap.push(Visit(c, next));
            }
        };
        let rooms: &[RoomId] = if node == start {
            std::slice::from_ref(&from_room)
        } else {
            &portals[node].2
        };
        for &room in rooms {
            if room == to_room && node != start {
                relax(end, &mut heap);
            }
            for &i in map.of_room(room) {
                if i != node && usable(portals[i].0) {
                    relax(i, &mut heap);
                }
            }
        }
    }
    if best[end].is_infinite() {
        return None;
    }
    let mut chain = Vec::new();
    let mut node = previous[end];
    while node != start && node != usize::MAX {
        chain.push(node);
        node = previous[node];
    }
    chain.reverse();
    let mut points = vec![from];
    let mut passed = Vec::new();
    for i in chain {
        passed.push((portals[i].0, points.len()));
        points.push(portals[i].1);
    }
    points.push(to);
    Some(Route {
        points,
        portals: passed,
        found: true,
    })
}
