//! P003 out-of-reach: a hand-over between people too far apart, or a prop put down out of reach.

use super::{distance_to_place, mark_within, metres, place_id, prop_name};
use crate::diagnostic::Diagnostic;
use crate::model::{Action, EventId, PersonId, PlaceRef};
use crate::rules::{ARM_REACH, Context, HAND_REACH, Level, Rule, RuleDoc};
use crate::sim::PropWhere;

pub struct OutOfReach;

static DOC: RuleDoc = RuleDoc {
    code: "P003",
    name: "out-of-reach",
    family: "props",
    level: Level::Deny,
    summary: "a prop is handed to someone too far away, or put down out of reach",
    explanation: "### What it checks\nFor every `Give`, that giver and receiver stand within 1.5 m \
of each other (centre to centre) at that moment; for every `Put`, that the person stands within \
1 m of the mark, or of the edge of the furniture, the prop is put on. (A `Throw` is checked by P006.)\n\n\
### Why it matters\nA hand-over across the room cannot be played: one of the two must walk, and \
that walk has to be in the timeline, or it collides with everything else timed around it.\n\n\
### Example\n```ron\n// ana is on \"living-mid\", ben on \"sofa-seat\", 2.6 m apart\n\
(at: \"0:20\", do: Give(from: \"ana\", to: \"ben\", prop: \"mug\")),\n```\n\n\
### Fix\nMove one of them to a mark beside the other before the hand-over (or beside the \
furniture before the put), or make it a `Throw`.",
};

impl Rule for OutOfReach {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for (i, event) in cx.scene.events.iter().enumerate() {
            let id = EventId::from_index(i);
            match event.action {
                Action::Give { from, to, prop } => out.extend(give(cx, id, from, to, prop)),
                Action::Put { who, prop, on } => out.extend(put(cx, id, who, prop, on)),
                _ => {}
            }
        }
    }
}

/// Where someone is at the moment of `event`, in words: "on mark `x`" or "walking to `x`".
fn standing(cx: &Context, who: PersonId, event: EventId) -> String {
    let track = &cx.sim.tracks[who.index()];
    let at = cx.scene.events[event.index()].at;
    match (track.mark_at(at), track.leg_at(at)) {
        (Some(mark), _) => format!("on mark `{}`", cx.scene.mark(mark).id),
        (None, Some(leg)) => format!("walking to `{}`", cx.scene.mark(leg.to).id),
        (None, None) => "off their mark".into(),
    }
}

fn give(
    cx: &Context,
    event: EventId,
    from: PersonId,
    to: PersonId,
    prop: crate::model::PropId,
) -> Option<Diagnostic> {
    let at = cx.scene.events[event.index()].at;
    let gap = cx.sim.position(from, at).distance(cx.sim.position(to, at));
    if gap <= ARM_REACH + 1e-9 {
        return None;
    }
    let (giver, receiver, name) = (cx.who(from), cx.who(to), prop_name(cx, prop));
    let (reach, gap) = (metres(ARM_REACH), metres(gap));
    Some(
        DOC.diagnostic(format!("{giver} hands {name} to {receiver} at {at} from {gap} away"))
            .at(
                cx.event_span(event, "to"),
                format!("{receiver} is {}, {gap} from {giver} {}", standing(cx, to, event), standing(cx, from, event)),
            )
            .note(format!("a hand-over reaches {reach} at most: one of them would have to walk, and that walk is not in the timeline"))
            .help(format!(
                "before {at}, move {giver} or {receiver} to a mark within {reach} of the other, or throw it: \
                 `Throw(who: \"{}\", prop: \"{}\", to: \"{}\")`",
                cx.scene.person(from).id,
                cx.scene.prop(prop).id,
                cx.scene.person(to).id
            )),
    )
}

fn put(
    cx: &Context,
    event: EventId,
    who: PersonId,
    prop: crate::model::PropId,
    on: PlaceRef,
) -> Option<Diagnostic> {
    let at = cx.scene.events[event.index()].at;
    let place = match on {
        PlaceRef::Mark(m) => PropWhere::Mark(m),
        PlaceRef::Furniture(f) => PropWhere::Furniture(f),
        PlaceRef::Person(p) => PropWhere::Held(p),
    };
    let limit = if matches!(place, PropWhere::Held(_)) {
        ARM_REACH
    } else {
        HAND_REACH
    };
    let gap = distance_to_place(cx, place, cx.sim.position(who, at), at);
    if gap <= limit + 1e-9 {
        return None;
    }
    let (putter, name, target) = (cx.who(who), prop_name(cx, prop), place_id(cx, place));
    let (reach, gap) = (metres(limit), metres(gap));
    let person = &cx.scene.person(who).id;
    let walk = match mark_within(cx, place, limit, at) {
        Some((mark, _)) => format!(
            "move {putter} to a mark beside `{target}` first, e.g. `Move(who: \"{person}\", to: \"{}\")`",
            cx.scene.mark(mark).id
        ),
        None => format!("add a mark within {reach} of `{target}` and move {putter} there first"),
    };
    Some(
        DOC.diagnostic(format!("{putter} puts {name} on `{target}` at {at} from {gap} away"))
            .at(
                cx.event_span(event, "on"),
                format!("`{target}` is {gap} from {putter} {}; a hand reaches {reach}", standing(cx, who, event)),
            )
            .note("nobody can set a prop down where they cannot reach: on camera it would appear there by itself")
            .help(format!(
                "{walk}, or throw it: `Throw(who: \"{person}\", prop: \"{}\", to: \"{target}\")`",
                cx.scene.prop(prop).id
            )),
    )
}

#[cfg(test)]
mod tests {
    use super::OutOfReach;
    use crate::rules::testing::{check, scene};

    /// Findings (message | label | help) with ana walking to a living-room mark at `(x, 2)`
    /// by 0:08, then `timeline` (ben holds the keys on L1 at (6, 2)).
    fn found(x: &str, timeline: &str) -> Vec<String> {
        let text = scene(&format!(
            r#"timeline: [(at: "0:01", do: Move(who: "ana", to: "L3", arrive: "0:08")), {timeline}]"#
        ))
        .replace(
            r#""C1": (room: "living", at: (8.4, 3.6)),"#,
            &format!(r#""C1": (room: "living", at: (8.4, 3.6)), "L3": (room: "living", at: ({x}, 2.0)),"#),
        );
        check(&OutOfReach, &text)
            .into_iter()
            .map(|d| {
                format!(
                    "{} | {} | {}",
                    d.message,
                    d.primary.map(|l| l.message).unwrap_or_default(),
                    d.help.unwrap_or_default()
                )
            })
            .collect()
    }

    #[test]
    fn a_hand_over_reaches_one_and_a_half_metres_and_not_five_centimetres_more() {
        let give = r#"(at: "0:10", do: Give(from: "ben", to: "ana", prop: "keys"))"#;
        assert_eq!(found("7.5", give), Vec::<String>::new());
        assert_eq!(
            found("7.55", give),
            [
                "`ben` hands `keys` to `ana` at 0:10.0 from 1.55 m away | `ana` is on mark `L3`, 1.55 m from `ben` on mark `L1` | before 0:10.0, move `ben` or `ana` to a mark within 1.5 m of the other, or throw it: `Throw(who: \"ben\", prop: \"keys\", to: \"ana\")`"
            ]
        );
    }

    #[test]
    fn a_hand_over_to_someone_still_walking_says_where_they_are_going() {
        let found = found(
            "7.55",
            r#"(at: "0:02", do: Give(from: "ben", to: "ana", prop: "keys"))"#,
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("| `ana` is walking to `L3`, "),
            "{found:?}"
        );
    }

    #[test]
    fn a_put_onto_a_mark_reaches_one_metre() {
        let put_on = |to: &str| {
            found(
                "7.5",
                &format!(r#"(at: "0:10", do: Put(who: "ben", prop: "keys", on: "{to}"))"#),
            )
        };
        // ben on L1 (6, 2); ana's mark L3 exactly 1 m east of him, then 2 cm further.
        let put_on_l3 = |x: &str| {
            found(
                x,
                r#"(at: "0:10", do: Put(who: "ben", prop: "keys", on: "L3"))"#,
            )
        };
        assert_eq!(put_on_l3("7.0"), Vec::<String>::new());
        assert_eq!(put_on_l3("7.02").len(), 1);
        assert_eq!(
            put_on("L2"),
            [
                "`ben` puts `keys` on `L2` at 0:10.0 from 2.3 m away | `L2` is 2.3 m from `ben` on mark `L1`; a hand reaches 1 m | move `ben` to a mark beside `L2` first, e.g. `Move(who: \"ben\", to: \"L2\")`, or throw it: `Throw(who: \"ben\", prop: \"keys\", to: \"L2\")`"
            ]
        );
    }
}
