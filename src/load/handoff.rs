//! Resolving a cue's hand-off fields (fade times, follow, link, part, list, QLab type):
//! numbers finite and in range, lighting-desk fields only on lighting cues.

use super::codes;
use super::resolver::Resolver;
use crate::diagnostic::Diagnostic;
use crate::locate::SourcePath;
use crate::model::Department;
use crate::model::handoff::{CueHandoff, Fade, QlabCueType, is_desk_number};
use crate::raw;

/// Longest fade or delay a desk is given, seconds (99 minutes 59 seconds).
pub const MAX_FADE: f64 = 5999.0;
/// Highest cue list number.
pub const MAX_LIST: u32 = 999;
/// Highest part of a multipart cue (ETC Eos takes 20).
pub const MAX_PART: u32 = 20;

/// The hand-off data of a `Cue` event (`None` when a field is wrong, with a diagnostic
/// pushed for each wrong field).
pub fn resolve(cue: &raw::action::Cue, r: &mut Resolver, p: &SourcePath) -> Option<CueHandoff> {
    let raw::action::Cue {
        dept,
        called,
        up,
        up_delay,
        down,
        down_delay,
        follows,
        link,
        part,
        list,
        qlab,
        ..
    } = cue;
    let mut ok = true;
    if *dept != Department::Lighting {
        let desk_fields = [
            ("up", up.is_some()),
            ("up_delay", up_delay.is_some()),
            ("down", down.is_some()),
            ("down_delay", down_delay.is_some()),
            ("follows", follows.is_some()),
            ("link", link.is_some()),
            ("part", part.is_some()),
            ("list", list.is_some()),
        ];
        for (field, _) in desk_fields.iter().filter(|(_, given)| *given) {
            let d = Diagnostic::error(
                codes::BAD_VALUE,
                format!("`{field}` is for lighting cues, and this is a {dept:?} cue"),
            )
            .at(
                r.spans.span(&p.field(field)),
                "only a lighting desk takes this",
            )
            .note("fade times, follow, link, part and list go to the lighting desk (USITT ASCII)")
            .help(format!(
                "remove `{field}`, or make the cue `dept: Lighting`"
            ));
            r.push(d);
            ok = false;
        }
    }
    let mut fade = |time: &Option<f64>,
                    delay: &Option<f64>,
                    (name, delay_name): (&'static str, &'static str),
                    r: &mut Resolver| {
        let what = format!("fade-{name} time");
        let time = time.map(|t| r.number(t, &p.field(name), 0.0..=MAX_FADE, &what, "s"));
        let delay = delay.map(|t| r.number(t, &p.field(delay_name), 0.0..=MAX_FADE, "delay", "s"));
        match (time, delay) {
            (Some(None), _) | (_, Some(None)) => {
                ok = false;
                None
            }
            (Some(Some(time)), delay) => Some(Fade {
                time,
                delay: delay.flatten().unwrap_or(0.0),
            }),
            (None, Some(Some(_))) => {
                let d = Diagnostic::error(
                    codes::BAD_VALUE,
                    format!("`{delay_name}` without a fade-{name} time"),
                )
                .at(r.spans.span(&p.field(delay_name)), "a delay of what?")
                .help(format!(
                    "add `{name}: <seconds>`; a desk writes a delay only with its fade"
                ));
                r.push(d);
                ok = false;
                None
            }
            (None, None) => None,
        }
    };
    let up = fade(up, up_delay, ("up", "up_delay"), r);
    let down = fade(down, down_delay, ("down", "down_delay"), r);
    if *follows == Some(true) && *called == Some(true) {
        let d = Diagnostic::error(codes::BAD_VALUE, "a cue that follows is not called")
            .at(r.spans.span(&p.field("called")), "called")
            .note("`follows: true` means the desk runs the cue itself after the one before")
            .help("remove `called: true`, or remove `follows` to have the cue called");
        r.push(d);
        ok = false;
    }
    if let Some(link) = link
        && !is_desk_number(link.trim())
    {
        let d = Diagnostic::error(codes::BAD_VALUE, "a link must be a desk cue number")
            .at(r.spans.span(&p.field("link")), "not a desk cue number")
            .help("write the number of the desk cue to go to, such as `\"12\"` or `\"12.5\"` (up to 3 places)");
        r.push(d);
        ok = false;
    }
    for (value, field, max, what) in [
        (part, "part", MAX_PART, "part"),
        (list, "list", MAX_LIST, "cue list"),
    ] {
        if let Some(v) = value
            && !(1..=max).contains(v)
        {
            let d = Diagnostic::error(codes::BAD_NUMBER, format!("{what} {v} is out of range"))
                .at(r.spans.span(&p.field(field)), "invalid number")
                .help(format!("{what} must be between 1 and {max}"));
            r.push(d);
            ok = false;
        }
    }
    let qlab = match qlab {
        Some(name) => match QlabCueType::parse(name.trim()) {
            Some(t) => Some(t),
            None => {
                let names: Vec<&str> = QlabCueType::ALL.iter().map(|t| t.name()).collect();
                let d = Diagnostic::error(codes::BAD_VALUE, "not a QLab cue type oner creates")
                    .at(r.spans.span(&p.field("qlab")), "unknown cue type")
                    .help(format!("use one of: {}", names.join(", ")));
                r.push(d);
                ok = false;
                None
            }
        },
        None => None,
    };
    ok.then(|| CueHandoff {
        up,
        down,
        follows: follows.unwrap_or(false),
        link: link.as_ref().map(|l| l.trim().to_string()),
        part: *part,
        list: *list,
        qlab,
    })
}
