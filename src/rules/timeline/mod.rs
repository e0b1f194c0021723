//! Timeline rules: the order of events, the take's length, and the cue sheet's numbering,
//! standbys and sync points.

pub mod duplicate_cue;
pub mod move_ends_late;
pub mod out_of_order;
pub mod slam_sync;
pub mod standby;

use crate::model::{Action, Department, EventId};
use crate::rules::Context;
use crate::source::Span;

/// A cue as a caller says it: "LX 3", or "the LX cue at 0:44.0" when it has no number.
pub fn cue_name(cx: &Context, event: EventId) -> String {
    let e = &cx.scene.events[event.index()];
    match &e.action {
        Action::Cue {
            dept,
            number: Some(number),
            ..
        } => format!("{} {}", dept.abbreviation(), number.trim()),
        Action::Cue { dept, .. } => format!("the {} cue at {}", dept.abbreviation(), e.at),
        _ => format!("the event at {}", e.at),
    }
}

/// The cues of the scene, in time order (file order breaking ties), with their department.
pub fn cues<'a>(cx: &'a Context) -> impl Iterator<Item = (EventId, Department)> + 'a {
    cx.sim
        .order
        .iter()
        .filter_map(|&e| match cx.scene.events[e.index()].action {
            Action::Cue { dept, .. } => Some((e, dept)),
            _ => None,
        })
}

/// The span of the first of `fields` written in the event's action, else of the action.
pub fn first_field_span(cx: &Context, event: EventId, fields: &[&'static str]) -> Span {
    let whole = cx.span(&cx.scene.events[event.index()].path().field("do"));
    fields
        .iter()
        .map(|f| cx.event_span(event, f))
        .find(|&s| s != whole)
        .unwrap_or(whole)
}

/// A time written so that it reads back exactly, for help text: `0:32`, `0:32.5`, else the
/// SMPTE timecode of its frame (a time rounded to a tenth can miss a frame-exact sync).
pub fn exact_time(cx: &Context, t: crate::time::Time) -> String {
    let tenths = t.seconds() * 10.0;
    if (tenths - tenths.round()).abs() >= 1e-6 {
        return t.smpte(cx.scene.frame_rate);
    }
    let clock = t.clock();
    clock
        .strip_suffix(".0")
        .map_or(clock.clone(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::{cue_name, cues, exact_time};
    use crate::model::EventId;
    use crate::rules::testing::{scene, with_context};
    use crate::time::Time;

    #[test]
    fn cues_are_named_as_a_caller_says_them_and_listed_in_time_order() {
        let text = scene(
            r#"timeline: [
                (at: "0:05", do: Cue(dept: Lighting, number: " 3 ", what: "Lamp on")),
                (at: "0:02", do: Cue(dept: Sound, what: "Kettle")),
                (at: "0:03", do: Move(who: "ana", to: "K2", arrive: "0:05")),
            ]"#,
        );
        with_context(&text, |cx| {
            let names: Vec<String> = (0..3)
                .map(|i| cue_name(cx, EventId::from_index(i)))
                .collect();
            assert_eq!(
                names,
                ["LX 3", "the SQ cue at 0:02.0", "the event at 0:03.0"]
            );
            let order: Vec<usize> = cues(cx).map(|(e, _)| e.index()).collect();
            assert_eq!(order, [1, 0]);
        });
    }

    #[test]
    fn exact_times_read_back_to_the_frame() {
        with_context(&scene(""), |cx| {
            let at = |s: f64| exact_time(cx, Time::from_seconds(s).unwrap());
            assert_eq!(at(32.0), "0:32");
            assert_eq!(at(32.5), "0:32.5");
            assert_eq!(at(32.0 + 1.0 / 24.0), "00:00:32:01");
        });
    }
}
