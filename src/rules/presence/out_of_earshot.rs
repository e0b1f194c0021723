//! E001 out-of-earshot: a line addressed to someone who cannot hear it.

use super::{Earshot, earshot};
use crate::diagnostic::Diagnostic;
use crate::model::{Action, EventId, PersonId, RoomId};
use crate::rules::{ARM_REACH, Context, Level, Rule, RuleDoc};
use crate::time::Time;

pub struct OutOfEarshot;

static DOC: RuleDoc = RuleDoc {
    code: "E001",
    name: "out-of-earshot",
    family: "presence",
    level: Level::Deny,
    summary: "a line is addressed to someone who cannot hear it",
    explanation: "### What it checks\nFor every `Line` with addressees (`to: [...]`), that each \
addressee is within earshot of the speaker when the line starts and, if it has an `until`, when \
it ends: in the same room, or in a room joined to the speaker's by an opening, an arch, an open \
door or a struck wild wall. Someone offstage is never within earshot of a line spoken on the set.\n\n\
### Why it matters\nA line played to someone who has left the room, or who is behind a shut door, \
cannot be answered: the next reaction has nothing to react to, and with live sound the exchange \
is not even recorded.\n\n\
### Example\n```ron\n(at: \"0:32\", do: Door(door: \"pantry-door\", action: Slam, by: \"ben\")),   // ben in the kitchen\n\
(at: \"0:34\", do: Line(who: \"ana\", says: \"She calls after him\", to: [\"ben\"])),   // ana in the living room\n```\n\n\
### Fix\nPlay the line while both are in one room (or in rooms open to each other), open the \
door between them first, or drop the addressee from `to` if the line is not meant for them.",
};

impl Rule for OutOfEarshot {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for (i, event) in cx.scene.events.iter().enumerate() {
            let Action::Line { who, to, until, .. } = &event.action else {
                continue;
            };
            let moments = [Some(event.at), until.filter(|u| *u > event.at)];
            for (k, &listener) in to.iter().enumerate() {
                if listener == *who {
                    continue;
                }
                let miss = moments.iter().flatten().find_map(|&t| {
                    let (s, l) = (cx.sim.room_of(*who, t)?, cx.sim.room_of(listener, t)?);
                    let state = earshot(cx, s, l, t);
                    (state != Earshot::Heard).then_some((t, s, l, state))
                });
                if let Some(miss) = miss {
                    out.push(report(cx, EventId::from_index(i), *who, listener, k, miss));
                }
            }
        }
    }
}

fn report(
    cx: &Context,
    event: EventId,
    speaker: PersonId,
    listener: PersonId,
    index: usize,
    (t, speaker_room, listener_room, state): (Time, RoomId, RoomId, Earshot),
) -> Diagnostic {
    let e = &cx.scene.events[event.index()];
    let (s, l) = (cx.who(speaker), cx.who(listener));
    let (sr, lr) = (
        &cx.scene.room(speaker_room).id,
        &cx.scene.room(listener_room).id,
    );
    let message = if t == e.at {
        format!("{l} cannot hear {s}'s line at {t}")
    } else {
        format!("{l} is out of earshot before {s}'s line ends at {t}")
    };
    let why = match state {
        Earshot::DoorShut(door) => format!(", with `{}` shut between them", cx.scene.door(door).id),
        Earshot::Offstage => format!(": `{lr}` is offstage"),
        _ => ", and no opening joins the rooms".into(),
    };
    let mut d = DOC
        .diagnostic(message)
        .at(
            cx.span(&e.path().field("do").field("to").index(index)),
            format!("{l} is in `{lr}`, {s} in `{sr}`{why}"),
        )
        .note("a line played to someone who cannot hear it cannot be answered, and live sound will not record the exchange");
    let drop = format!(
        "or drop `\"{}\"` from `to` if the line is not meant for them",
        cx.scene.person(listener).id
    );
    if let Earshot::DoorShut(door) = state {
        let id = &cx.scene.door(door).id;
        let last = cx.sim.doors[door.index()].iter().rev().find(|c| c.at <= t);
        d = match last {
            Some(change) => d.also(
                cx.event_span(change.event, ""),
                format!("`{id}` is shut here"),
            ),
            None => d.also(
                cx.span(&cx.scene.door(door).path.field("state")),
                format!("`{id}` starts shut"),
            ),
        };
        // The speaker or the listener opens it if one is within reach (D002's rule), else
        // whoever of the cast is nearest and within reach, else the nearer of the two,
        // who has to go to the door first.
        let at_door = |p: PersonId| cx.sim.position(p, t).distance(cx.scene.door(door).at);
        let nearest = |people: &mut dyn Iterator<Item = PersonId>| {
            people.min_by(|&a, &b| at_door(a).total_cmp(&at_door(b)))
        };
        let pair = nearest(&mut [speaker, listener].into_iter()).unwrap_or(speaker);
        let cast = (0..cx.scene.people.len())
            .map(PersonId::from_index)
            .filter(|&p| !cx.scene.person(p).is_crew());
        let opener = if at_door(pair) <= ARM_REACH {
            pair
        } else {
            nearest(&mut cast.filter(|&p| at_door(p) <= ARM_REACH)).unwrap_or(pair)
        };
        let go = if at_door(opener) <= ARM_REACH {
            String::new()
        } else {
            format!("move `{}` beside it and add ", cx.scene.person(opener).id)
        };
        return d.help(format!(
            "open the door first, e.g. {go}`Door(door: \"{id}\", action: Open, by: \"{}\")` before {t}, {drop}",
            cx.scene.person(opener).id
        ));
    }
    if let Some(leg) = cx.sim.tracks[listener.index()].leg_at(t) {
        d = d.also(
            cx.event_span(leg.event, ""),
            format!("{l} goes to `{}` here", cx.scene.mark(leg.to).id),
        );
    }
    d.help(format!(
        "play the line while {s} and {l} share a room (or rooms joined by an opening or open door), {drop}"
    ))
}

#[cfg(test)]
mod tests {
    use super::OutOfEarshot;
    use crate::rules::testing::messages;

    #[test]
    fn an_arch_carries_sound_and_a_shut_door_does_not_until_it_opens() {
        let found = messages(
            &OutOfEarshot,
            r#"timeline: [
                (at: "0:00", do: Line(who: "ben", says: "He calls to her", to: ["ana"])),
                (at: "0:01", do: Move(who: "ana", to: "H1", arrive: "0:10")),
                (at: "0:12", do: Line(who: "ben", says: "He calls again", to: ["ana"])),
                (at: "0:14", do: Door(door: "hall-door", action: Open, by: "ben")),
                (at: "0:16", do: Line(who: "ben", says: "He calls once more", to: ["ana"])),
            ]"#,
        );
        assert_eq!(found, ["`ana` cannot hear `ben`'s line at 0:12.0"]);
    }

    #[test]
    fn an_addressee_who_walks_away_mid_line_is_reported_at_its_end() {
        let found = messages(
            &OutOfEarshot,
            r#"timeline: [
                (at: "0:01", do: Move(who: "ana", to: "H1", arrive: "0:10")),
                (at: "0:02", do: Line(who: "ben", says: "A long complaint", to: ["ana"], until: "0:11")),
            ]"#,
        );
        assert_eq!(
            found,
            ["`ana` is out of earshot before `ben`'s line ends at 0:11.0"]
        );
    }

    /// What E001 says when `ben` calls to `ana` at 0:12 through the shut hall door.
    const SHUT_AT_12: &str = "`ana` cannot hear `ben`'s line at 0:12.0 | `ana` is in `hall`, `ben` in `living`, with `hall-door` shut between them | `hall-door` starts shut";

    fn heard(timeline: &str) -> Vec<String> {
        described(&heard_text(timeline))
    }

    /// The standard scene plus an offstage `stage` north of the kitchen (an opening at
    /// (2, 4), mark S1), marks L3 (8, 2) and H2 (9.5, 2) either side of the hall door (9, 2),
    /// and H3 (10.8, 3.8) in the hall's far corner, 2.5 m from the door.
    fn heard_text(timeline: &str) -> String {
        crate::rules::testing::scene(timeline)
            .replace(
                r#""hall": (name: "Hall", shape: Rect(x: 9.0, y: 0.0, w: 2.0, h: 4.0)),"#,
                r#""hall": (name: "Hall", shape: Rect(x: 9.0, y: 0.0, w: 2.0, h: 4.0)),
                "stage": (name: "Stage floor", shape: Rect(x: 0.0, y: 4.0, w: 4.0, h: 2.0), offstage: true),"#,
            )
            .replace(
                "doors: [",
                r#"doors: [(id: "stage-gap", kind: Opening, rooms: ("kitchen", "stage"), at: (2.0, 4.0), width: 1.0),"#,
            )
            .replace(
                r#""C1": (room: "living", at: (8.4, 3.6)),"#,
                r#""C1": (room: "living", at: (8.4, 3.6)), "S1": (room: "stage", at: (2.0, 5.0)),
                   "L3": (room: "living", at: (8.0, 2.0)), "H2": (room: "hall", at: (9.5, 2.0)),
                   "H3": (room: "hall", at: (10.8, 3.8)),"#,
            )
    }

    /// Each finding as its message, labels and help, joined by ` | `.
    fn described(text: &str) -> Vec<String> {
        crate::rules::testing::check(&OutOfEarshot, text)
            .into_iter()
            .map(|d| {
                let mut parts = vec![d.message];
                parts.extend(d.primary.map(|l| l.message));
                parts.extend(d.secondary.into_iter().map(|l| l.message));
                parts.extend(d.help);
                parts.join(" | ")
            })
            .collect()
    }

    #[test]
    fn behind_a_shut_door_whoever_is_nearer_opens_it_and_the_speaker_on_a_tie() {
        let drop = "or drop `\"ana\"` from `to` if the line is not meant for them";
        let line = |ana_to: &str| {
            heard(&format!(
                r#"timeline: [
                    (at: "0:01", do: Move(who: "ana", to: "{ana_to}", arrive: "0:10")),
                    (at: "0:01", do: Move(who: "ben", to: "L3", arrive: "0:05")),
                    (at: "0:12", do: Line(who: "ben", says: "Are you there?", to: ["ana"])),
                ]"#
            ))
        };
        let shut = SHUT_AT_12;
        assert_eq!(
            line("H2"),
            [format!(
                "{shut} | open the door first, e.g. `Door(door: \"hall-door\", action: Open, by: \"ana\")` before 0:12.0, {drop}"
            )]
        );
        assert_eq!(
            line("H1"),
            [format!(
                "{shut} | open the door first, e.g. `Door(door: \"hall-door\", action: Open, by: \"ben\")` before 0:12.0, {drop}"
            )]
        );
    }

    #[test]
    fn behind_a_shut_door_out_of_both_reaches_someone_beside_it_opens_it_or_one_goes_there() {
        let drop = "or drop `\"ana\"` from `to` if the line is not meant for them";
        // ana 2.5 m from the hall door (9, 2), ben 3 m: neither can reach it from where they are.
        let timeline = r#"timeline: [
                (at: "0:01", do: Move(who: "ana", to: "H3", arrive: "0:08")),
                (at: "0:12", do: Line(who: "ben", says: "Are you there?", to: ["ana"])),
            ]"#;
        let with_cleo = |cleo: &str| {
            let text = heard_text(timeline).replace(
                r##""ben": (name: "Ben", colour: "#00798c", starts_at: "L1"),"##,
                &format!(r##""ben": (name: "Ben", colour: "#00798c", starts_at: "L1"), {cleo}"##),
            );
            described(&text)
        };
        assert_eq!(
            with_cleo(r##""cleo": (name: "Cleo", colour: "#edae49", starts_at: "L2"),"##),
            [format!(
                "{SHUT_AT_12} | open the door first, e.g. `Door(door: \"hall-door\", action: Open, by: \"cleo\")` before 0:12.0, {drop}"
            )]
        );
        assert_eq!(
            with_cleo(""),
            [format!(
                "{SHUT_AT_12} | open the door first, e.g. move `ana` beside it and add `Door(door: \"hall-door\", action: Open, by: \"ana\")` before 0:12.0, {drop}"
            )]
        );
    }

    #[test]
    fn a_listener_offstage_is_out_of_earshot_and_the_walk_there_is_pointed_at() {
        let found = heard(
            r#"timeline: [
                (at: "0:01", do: Move(who: "ana", to: "S1", arrive: "0:04")),
                (at: "0:03", do: Line(who: "ben", says: "Where are you going?", to: ["ana"], until: "0:05")),
            ]"#,
        );
        // At 0:03 she is still in the kitchen (through the arch from ben); by 0:05 offstage.
        assert_eq!(
            found,
            [
                "`ana` is out of earshot before `ben`'s line ends at 0:05.0 | `ana` is in `stage`, `ben` in `living`: `stage` is offstage | `ana` goes to `S1` here | play the line while `ben` and `ana` share a room (or rooms joined by an opening or open door), or drop `\"ana\"` from `to` if the line is not meant for them"
            ]
        );
    }
}
