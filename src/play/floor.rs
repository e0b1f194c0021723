//! The floor for the playback page: the plans' own drawing ([`plan::floor`]), with the parts
//! that change during the take (door leaves, door labels, struck wild walls) switchable.
//!
//! The floor is drawn once per state of the set (at the start and at each moment a door or
//! wild wall changes) and the drawings are merged: whatever is the same in all of them is
//! written once, and where they differ each distinct version is written once inside a
//! `<g class="when" data-k="…">` listing the states it belongs to. The page shows state `k`
//! while `k` of [`change_times`] have passed. So the page draws exactly what the plans draw,
//! with nothing about doors duplicated here.

use crate::model::{DoorId, Scene};
use crate::plan::page::Frame;
use crate::plan::{Detail, FloorState};
use crate::sim::Simulation;
use crate::time::Time;
use svg::Node;
use svg::node::element::Element;

/// The times (after the start) at which the drawn floor changes: a door changes state or a
/// wild wall is struck. Sorted, each once.
pub fn change_times(scene: &Scene, sim: &Simulation) -> Vec<Time> {
    let mut times: Vec<Time> = Vec::new();
    for (i, changes) in sim.doors.iter().enumerate() {
        if scene.door(DoorId::from_index(i)).has_leaf() {
            times.extend(changes.iter().map(|c| c.at));
        }
    }
    times.extend(sim.struck.iter().flatten().copied());
    times.retain(|&t| t > Time::ZERO);
    times.sort();
    times.dedup();
    times
}

/// The floor in every state, merged (see the module doc). `times` is [`change_times`].
pub fn layered(scene: &Scene, sim: &Simulation, frame: &Frame, times: &[Time]) -> Box<dyn Node> {
    let at = std::iter::once(Time::ZERO).chain(times.iter().copied());
    let versions: Vec<Box<dyn Node>> = at
        .map(|t| {
            let state = FloorState {
                at: t,
                detail: Detail::Full,
            };
            Box::new(crate::plan::floor(scene, sim, frame, state)) as Box<dyn Node>
        })
        .collect();
    let refs: Vec<&dyn Node> = versions.iter().map(|v| v.as_ref()).collect();
    merge(&refs)
}

/// One node from its versions (one per state): shared when they are all the same, merged
/// child by child when they are groups of the same shape, else one variant per distinct
/// version.
fn merge(versions: &[&dyn Node]) -> Box<dyn Node> {
    let texts: Vec<String> = versions.iter().map(|v| v.to_string()).collect();
    if texts.iter().all(|t| *t == texts[0]) {
        return boxed(versions[0]);
    }
    if let Some(children) = same_group(versions) {
        let mut element = Element::new("g");
        for (name, value) in sorted_attributes(versions[0]) {
            element.assign(name, value);
        }
        for i in 0..children {
            let column: Vec<&dyn Node> = versions
                .iter()
                .filter_map(|v| v.get_children().and_then(|c| c.get(i)))
                .map(|c| c.as_ref())
                .collect();
            element.append(merge(&column));
        }
        return Box::new(element);
    }
    let mut distinct: Vec<(usize, Vec<usize>)> = Vec::new();
    for (k, text) in texts.iter().enumerate() {
        match distinct
            .iter_mut()
            .find(|(first, _)| texts[*first] == *text)
        {
            Some((_, states)) => states.push(k),
            None => distinct.push((k, vec![k])),
        }
    }
    let mut group = Element::new("g");
    for (first, states) in distinct {
        let list: Vec<String> = states.iter().map(|k| k.to_string()).collect();
        let mut variant = Element::new("g");
        // State 0 shown from the start, so the page reads before (or without) its script.
        variant.assign("class", if states[0] == 0 { "when shown" } else { "when" });
        variant.assign("data-k", list.join(" "));
        variant.append(boxed(versions[first]));
        group.append(variant);
    }
    Box::new(group)
}

/// The number of children when every version is a `<g>` with the same attributes and as
/// many children: then they can be merged child by child.
fn same_group(versions: &[&dyn Node]) -> Option<usize> {
    let first = versions[0];
    let count = first.get_children()?.len();
    let attributes = sorted_attributes(first);
    versions
        .iter()
        .all(|v| {
            v.get_name() == "g"
                && v.get_children().is_some_and(|c| c.len() == count)
                && sorted_attributes(*v) == attributes
        })
        .then_some(count)
}

fn sorted_attributes(node: &dyn Node) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = node
        .get_attributes()
        .map(|a| a.iter().map(|(k, v)| (k.clone(), v.to_string())).collect())
        .unwrap_or_default();
    out.sort();
    out
}

fn boxed(node: &dyn Node) -> Box<dyn Node> {
    svg::node::NodeClone::clone(node)
}

#[cfg(test)]
mod tests {
    use super::*;
    use svg::node::element::{Group, Path};

    fn path(d: &str) -> Box<dyn Node> {
        Box::new(Path::new().set("d", d.to_string()))
    }

    #[test]
    fn shared_parts_are_written_once_and_changes_as_variants() {
        let a: Box<dyn Node> = Box::new(Group::new().add(path("M0 0")).add(path("M1 1")));
        let b: Box<dyn Node> = Box::new(Group::new().add(path("M0 0")).add(path("M2 2")));
        let c: Box<dyn Node> = Box::new(Group::new().add(path("M0 0")).add(path("M1 1")));
        let merged = merge(&[a.as_ref(), b.as_ref(), c.as_ref()]).to_string();
        assert_eq!(merged.matches("M0 0").count(), 1);
        assert_eq!(merged.matches("M1 1").count(), 1);
        assert!(merged.contains(r#"data-k="0 2""#));
        assert!(merged.contains(r#"data-k="1""#));
    }
}
