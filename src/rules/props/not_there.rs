//! P001 not-there: a prop taken from a place the taker is not at (or already in their hand).

use super::{
    distance_to_place, mark_within, metres, origin, place_id, place_words, prop_name, uses,
};
use crate::diagnostic::Diagnostic;
use crate::model::{Action, PersonId};
use crate::rules::{Context, HAND_REACH, Level, Rule, RuleDoc};
use crate::sim::PropWhere;

pub struct NotThere;

static DOC: RuleDoc = RuleDoc {
    code: "P001",
    name: "not-there",
    family: "props",
    level: Level::Deny,
    summary: "a prop is taken from a place the taker is not at",
    explanation: "### What it checks\nFor every `Take`, where the prop is at that moment (where it \
started, or where the last put, throw or give left it), and that the taker stands within a hand's \
reach of it: 1 m from the mark it lies on, or from the edge of the furniture it sits on. Taking a \
prop that is already in the taker's own hand is reported too. (A prop in someone *else's* hand is \
P005 held-twice.)\n\n\
### Why it matters\nNobody can pick up what is across the room. Either the staging puts the actor \
in the wrong place or the prop was left somewhere else earlier in the take; in a oner there is no \
cut to fix it in, and the props department sets the prop where the file says.\n\n\
### Example\n```ron\n\"mug\": (name: \"Mug\", starts: On(\"counter\")),   // counter at x 0.0..0.6\n\
// ana is on mark \"sofa-seat\", 6 m away\n(at: \"0:05\", do: Take(who: \"ana\", prop: \"mug\")),\n```\n\n\
### Fix\nMove the taker to a mark beside the prop first \
(`Move(who: \"ana\", to: \"kettle\")`), or start the prop (or put it down earlier) where the \
taker will be.",
};

impl Rule for NotThere {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for used in uses(cx) {
            let Action::Take { who, prop } = cx.scene.events[used.event.index()].action else {
                continue;
            };
            let (name, taker, at) = (prop_name(cx, prop), cx.who(who), used.at);
            let span = cx.event_span(used.event, "prop");
            let (origin_span, origin_label) = origin(cx, &used);
            let place = used.before.place;
            if place == PropWhere::Held(who) {
                out.push(
                    DOC.diagnostic(format!("{taker} takes {name} at {at} but already holds it"))
                        .at(span, format!("{name} is already in {taker}'s hand"))
                        .also(origin_span, origin_label)
                        .note("a second take means the timeline lost track of the prop: props cannot tell where to set it")
                        .help("remove this `Take`, or put the prop down before taking it again"),
                );
                continue;
            }
            if matches!(place, PropWhere::Held(_)) {
                continue; // someone else holds it: P005 held-twice
            }
            let distance = distance_to_place(cx, place, cx.sim.position(who, at), at);
            if distance <= HAND_REACH + 1e-9 {
                continue;
            }
            let (reach, gap) = (metres(HAND_REACH), metres(distance));
            let person = &cx.scene.person(who).id;
            // A later walk that does bring the taker to the prop: the take is just early.
            let later = cx.sim.tracks[who.index()].legs.iter().find(|leg| {
                leg.arrive > at
                    && distance_to_place(cx, place, leg.end(), leg.arrive) <= HAND_REACH + 1e-9
            });
            let thrown = used
                .cause
                .filter(|e| matches!(cx.scene.events[e.index()].action, Action::Throw { .. }));
            let help = match (later, mark_within(cx, place, HAND_REACH, at)) {
                _ if thrown.is_some() => thrown_help(cx, &used, who, place),
                (Some(leg), _) => format!(
                    "{taker} only reaches `{}` at {}: take {name} after that, or start that walk earlier",
                    cx.scene.mark(leg.to).id,
                    leg.arrive
                ),
                (None, Some((mark, _))) => format!(
                    "before {at}, move {taker} within {reach} of `{}`, e.g. \
                     `Move(who: \"{person}\", to: \"{}\")`, or leave {name} where {taker} will be",
                    place_id(cx, place),
                    cx.scene.mark(mark).id
                ),
                (None, None) => format!(
                    "add a mark within {reach} of `{}` and move {taker} there before {at}, or leave {name} where {taker} will be",
                    place_id(cx, place)
                ),
            };
            out.push(
                DOC.diagnostic(format!("{taker} takes {name} at {at} from {gap} away"))
                    .at(span, format!("{name} is {}, {gap} from {taker}; a hand reaches {reach}", place_words(cx, place)))
                    .also(origin_span, origin_label)
                    .note("nobody can pick up a prop they are not standing at: on camera it would jump into the hand")
                    .help(help),
            );
        }
    }
}

/// Help for a prop a throw left out of the taker's reach: the throw is what to change.
fn thrown_help(cx: &Context, used: &super::PropUse, taker: PersonId, place: PropWhere) -> String {
    let Some(throw) = used.cause else {
        return String::new();
    };
    let event = &cx.scene.events[throw.index()];
    let Action::Throw { who: thrower, .. } = event.action else {
        return String::new();
    };
    let (name, at) = (prop_name(cx, used.prop), used.at);
    let here = cx.sim.position(taker, at);
    let spot = cx
        .scene
        .marks
        .iter()
        .filter(|m| m.at.distance(here) <= HAND_REACH)
        .min_by(|a, b| a.at.distance(here).total_cmp(&b.at.distance(here)));
    let aim = match spot {
        Some(mark) => format!(
            "`Throw(who: \"{}\", prop: \"{}\", to: \"{}\")`",
            cx.scene.person(thrower).id,
            cx.scene.prop(used.prop).id,
            mark.id
        ),
        None => format!(
            "to a mark within {} of where {} stands",
            metres(HAND_REACH),
            cx.who(taker)
        ),
    };
    format!(
        "the throw at {} lands {name} {}: aim it where {} will take it, e.g. {aim}, or move {} within reach of `{}` before {at}",
        event.at,
        place_words(cx, place),
        cx.who(taker),
        cx.who(taker),
        place_id(cx, place)
    )
}

#[cfg(test)]
mod tests {
    use super::NotThere;
    use crate::rules::testing::messages;

    #[test]
    fn a_take_within_reach_is_fine_and_from_afar_is_not() {
        let near = messages(
            &NotThere,
            r#"timeline: [(at: "0:01", do: Take(who: "ana", prop: "mug"))]"#,
        );
        assert!(near.is_empty(), "{near:?}");
        let far = messages(
            &NotThere,
            r#"timeline: [(at: "0:01", do: Take(who: "ben", prop: "mug"))]"#,
        );
        assert_eq!(far, ["`ben` takes `mug` at 0:01.0 from 4 m away"]);
    }

    #[test]
    fn a_take_at_exactly_arms_length_is_fine_and_two_centimetres_further_is_not() {
        // The table spans x 1 to 2: a mark at x 3 is 1 m (the reach) from its edge.
        let take_from = |x: &str| {
            let text = crate::rules::testing::scene(
                r#"timeline: [
                    (at: "0:01", do: Move(who: "ana", to: "K3", arrive: "0:03")),
                    (at: "0:04", do: Take(who: "ana", prop: "mug")),
                ]"#,
            )
            .replace(
                r#""K2": (room: "kitchen", at: (3.0, 3.2)),"#,
                &format!(r#""K2": (room: "kitchen", at: (3.0, 3.2)), "K3": (room: "kitchen", at: ({x}, 2.5)),"#),
            );
            crate::rules::testing::check(&NotThere, &text)
                .into_iter()
                .map(|d| d.message)
                .collect::<Vec<_>>()
        };
        assert!(take_from("3.0").is_empty());
        assert_eq!(
            take_from("3.02"),
            ["`ana` takes `mug` at 0:04.0 from 1.02 m away"]
        );
    }

    #[test]
    fn taking_what_one_already_holds_is_reported_and_a_snatch_is_left_to_p005() {
        let twice = messages(
            &NotThere,
            r#"timeline: [
                (at: "0:01", do: Take(who: "ana", prop: "mug")),
                (at: "0:02", do: Take(who: "ana", prop: "mug")),
                (at: "0:03", do: Take(who: "ana", prop: "keys")),
            ]"#,
        );
        assert_eq!(twice, ["`ana` takes `mug` at 0:02.0 but already holds it"]);
    }

    #[test]
    fn the_help_sends_the_taker_to_the_prop_or_waits_for_a_walk_that_gets_there() {
        let help = |timeline: &str| -> Vec<String> {
            crate::rules::testing::check(&NotThere, &crate::rules::testing::scene(timeline))
                .into_iter()
                .map(|d| d.help.unwrap_or_default())
                .collect()
        };
        // K2 (3, 3.2) is 1.02 m from the table's corner: not close enough to count as a later
        // walk that gets there; K1 (1.5, 1.5), 0.7 m from its edge, is.
        assert_eq!(
            help(r#"timeline: [(at: "0:01", do: Take(who: "ben", prop: "mug"))]"#),
            [
                "before 0:01.0, move `ben` within 1 m of `table`, e.g. `Move(who: \"ben\", to: \"K1\")`, or leave `mug` where `ben` will be"
            ]
        );
        assert_eq!(
            help(
                r#"timeline: [
                    (at: "0:01", do: Move(who: "ben", to: "K2", arrive: "0:04")),
                    (at: "0:05", do: Move(who: "ben", to: "K1", arrive: "0:07")),
                    (at: "0:03", do: Take(who: "ben", prop: "mug")),
                ]"#
            ),
            [
                "`ben` only reaches `K1` at 0:07.0: take `mug` after that, or start that walk earlier"
            ]
        );
    }
}
