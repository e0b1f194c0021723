//! Resolving backings: the drops hung outside windows and openings that face offstage.

use super::codes;
use super::resolver::{Namespace, Resolver};
use super::set::ResolvedSet;
use crate::diagnostic::Diagnostic;
use crate::locate::SourcePath;
use crate::model::{Backing, BackingId, RoomId};
use crate::raw;
use crate::time::Time;

pub fn resolve_backings(
    set: &raw::Set,
    resolved: &ResolvedSet,
    r: &mut Resolver,
    path: &SourcePath,
) -> Vec<Backing> {
    let mut ids = Namespace::new("backing");
    set.backings
        .iter()
        .enumerate()
        .filter_map(|(i, b)| {
            let p = path.field("backings").index(i);
            let first = set.backings[..i]
                .iter()
                .position(|o| o.id == b.id)
                .map(|j| path.field("backings").index(j).field("id"));
            r.declare(
                &mut ids,
                &b.id,
                BackingId::from_index(i),
                &p.field("id"),
                first.as_ref(),
            );
            let what = format!("backing `{}`", b.id);
            let from = match &b.from {
                Some(text) => r.time(text, &p.field("from"), &format!("{what} flown in")),
                None => Some(Time::ZERO),
            };
            let until = match &b.until {
                Some(text) => Some(r.time(text, &p.field("until"), &format!("{what} flown out"))?),
                None => None,
            };
            let covers = r.lookup(&resolved.door_ids, &b.covers, &p.field("covers"))?;
            let outside = offstage_side(resolved, covers);
            let Some(outside) = outside else {
                let door = &resolved.doors[covers.index()];
                let d = Diagnostic::error(
                    codes::BAD_VALUE,
                    format!(
                        "backing `{}` covers `{}`, which does not lead to offstage floor",
                        b.id, door.id
                    ),
                )
                .at(r.spans.span(&p.field("covers")), "both sides are set rooms (or both offstage)")
                .note("a backing hangs on the offstage side of a window or opening, where the camera would see the studio")
                .help("cover a window, opening, arch or door between a set room and a room marked `offstage: true`");
                r.push(d);
                return None;
            };
            let from = from?;
            if let Some(until) = until
                && until <= from
            {
                let d = Diagnostic::error(
                    codes::BAD_VALUE,
                    format!("backing `{}` is flown out at {until}, not after it is flown in at {from}", b.id),
                )
                .at(r.spans.span(&p.field("until")), "not after `from`")
                .help("give `until` a time after `from`, or leave it out to keep the backing for the whole take");
                r.push(d);
                return None;
            }
            Some(Backing {
                id: b.id.clone(),
                name: b.name.clone().unwrap_or_else(|| b.id.clone()),
                covers,
                outside,
                from,
                until,
                path: p,
            })
        })
        .collect()
}

/// The offstage one of the door's two rooms, if exactly one is offstage.
fn offstage_side(set: &ResolvedSet, door: crate::model::DoorId) -> Option<RoomId> {
    let door = set.doors.get(door.index())?;
    let offstage = |room: RoomId| set.rooms.get(room.index()).is_some_and(|r| r.offstage);
    match door.rooms.map(offstage) {
        [false, true] => Some(door.rooms[1]),
        [true, false] => Some(door.rooms[0]),
        _ => None,
    }
}
