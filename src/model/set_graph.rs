//! The set as a graph: rooms are nodes, doors/openings/arches/windows are edges.

use super::{Door, DoorId, RoomId};
use petgraph::graph::{NodeIndex, UnGraph};
use petgraph::visit::EdgeRef;

#[derive(Debug, Clone)]
pub struct SetGraph {
    graph: UnGraph<RoomId, DoorId>,
}

impl SetGraph {
    /// Node `i` is room `i`; one edge per door, in file order.
    pub fn new(room_count: usize, doors: &[Door]) -> SetGraph {
        let mut graph = UnGraph::with_capacity(room_count, doors.len());
        for i in 0..room_count {
            graph.add_node(RoomId::from_index(i));
        }
        for (i, door) in doors.iter().enumerate() {
            graph.add_edge(
                NodeIndex::new(door.rooms[0].index()),
                NodeIndex::new(door.rooms[1].index()),
                DoorId::from_index(i),
            );
        }
        SetGraph { graph }
    }

    /// Doors of `room`, in file order.
    pub fn doors_of(&self, room: RoomId) -> Vec<DoorId> {
        let mut doors: Vec<DoorId> = self
            .graph
            .edges(NodeIndex::new(room.index()))
            .map(|e| *e.weight())
            .collect();
        doors.sort();
        doors
    }

    /// Rooms reachable from `start` through doors `passable` accepts, `start` included.
    pub fn reachable(&self, start: RoomId, passable: impl Fn(DoorId) -> bool) -> Vec<bool> {
        let mut seen = vec![false; self.graph.node_count()];
        let mut stack = vec![start];
        while let Some(room) = stack.pop() {
            if std::mem::replace(&mut seen[room.index()], true) {
                continue;
            }
            for edge in self.graph.edges(NodeIndex::new(room.index())) {
                if passable(*edge.weight()) {
                    let next = if edge.source().index() == room.index() {
                        edge.target()
                    } else {
                        edge.source()
                    };
                    stack.push(RoomId::from_index(next.index()));
                }
            }
        }
        seen
    }

    pub fn inner(&self) -> &UnGraph<RoomId, DoorId> {
        &self.graph
    }
}
