//! M005 too-fast: a move that needs a speed beyond the walker's top speed.

use super::legs;
use crate::diagnostic::Diagnostic;
use crate::escape::number;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct TooFast;

static DOC: RuleDoc = RuleDoc {
    code: "M005",
    name: "too-fast",
    family: "movement",
    level: Level::Deny,
    summary: "a move needs a speed beyond the walker's top speed",
    explanation: "### What it checks\nThe speed a move needs (route length over the time from the event to `arrive`, or \
its `pace`) against the walker's `top_speed`: 4 m/s for cast (a run), 2 m/s for crew, 1.6 m/s for a Steadicam, 2.5 \
handheld, 2 gimbal, 1 dolly, unless the scene sets it.\n\n### Why it matters\nA performer who cannot make the mark in \
time is late for the next line; a Steadicam operator who runs shakes the frame.\n\n### Example\n```ron\n\
(at: \"0:10\", do: Move(who: \"cam\", to: \"H1\", arrive: \"0:12\"))  // 8 m in 2 s\n```\n\n### Fix\nStart the move \
earlier, arrive later, or choose a nearer mark.",
};

impl Rule for TooFast {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for (who, leg) in legs(cx) {
            let person = cx.scene.person(who);
            let speed = leg.speed();
            if speed <= person.top_speed * 1.001 {
                continue;
            }
            let event = &cx.scene.events[leg.event.index()];
            let has_arrive = event.action.travel().is_some_and(|m| m.arrive.is_some());
            let span = if has_arrive {
                cx.event_span(leg.event, "arrive")
            } else {
                cx.event_span(leg.event, "pace")
            };
            let needed = leg.length() / person.top_speed;
            let earliest = crate::time::Time::from_seconds(leg.depart.seconds() + needed)
                .unwrap_or(leg.arrive);
            let speed_text = if speed.is_finite() {
                format!("{} m/s", number(speed, 1))
            } else {
                "infinite speed".into()
            };
            out.push(
                DOC.diagnostic(format!(
                    "{} would need {speed_text} to reach `{}` ({} m in {} s); top speed is {} m/s",
                    cx.who(who),
                    cx.scene.mark(leg.to).id,
                    number(leg.length(), 1),
                    number(leg.duration(), 1),
                    number(person.top_speed, 1)
                ))
                .at(span, "too soon for the distance")
                .note(format!(
                    "the route from {} is {} m long",
                    leg.depart,
                    number(leg.length(), 1)
                ))
                .help(format!(
                    "arrive at {earliest} or later, start earlier, or pick a nearer mark"
                )),
            );
        }
    }
}
