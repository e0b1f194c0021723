//! Fills the page template: the parts written as markup (the floor, the cue list, the key,
//! the beat controls) so the page reads and prints even without its script.
//!
//! Every piece of scene text here goes through [`xml`]; attributes hold only numbers, fixed
//! words and checked colours.

use super::data::{Take, fixed};
use crate::escape::{number, xml};
use crate::model::Scene;
use crate::plan::page::Frame;
use crate::plan::style::{self, FONT_STACK, n};
use svg::Node;

const TEMPLATE: &str = include_str!("page.html");
const CSS: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");

/// Replaces each `{{name}}` of `template` with its value in one pass: values are never
/// scanned again, so scene text that looks like a placeholder stays text.
pub fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() * 2);
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            out.push_str(&rest[start..]);
            return out;
        };
        let key = &after[..end];
        match values.iter().find(|(k, _)| *k == key) {
            Some((_, value)) => out.push_str(value),
            None => out.push_str(&rest[start..start + 2 + end + 2]),
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

/// `1:05` or `1:05.5`.
pub fn clock(seconds: f64) -> String {
    let t = crate::time::Time::from_seconds(seconds).unwrap_or_default();
    crate::plan::floor::short(t)
}

/// The whole page.
pub fn page(scene: &Scene, take: &Take, frame: &Frame, floor: &dyn Node) -> String {
    page_with(scene, take, frame, floor, &Hooks::default())
}

/// What `oner serve` adds to the page it serves (empty in `play.html`, so the file is
/// unchanged): a Content-Security-Policy addition (`; connect-src 'self'` for its event
/// stream) and markup put just before `</body>` (its reload listener and diagnostics overlay).
#[derive(Debug, Clone, Default)]
pub struct Hooks {
    pub csp: String,
    pub body_end: String,
}

/// [`page`] with `hooks` filled in.
pub fn page_with(
    scene: &Scene,
    take: &Take,
    frame: &Frame,
    floor: &dyn Node,
    hooks: &Hooks,
) -> String {
    let length = take.length.max(0.001);
    let percent = |t: f64| number((t / length * 100.0).clamp(0.0, 100.0), 3);
    let beats = beat_segments(take, &percent);
    let ticks: String = take
        .cues
        .iter()
        .map(|c| {
            format!(
                "<i style=\"left:{}%;background:{}\"></i>",
                percent(c.at),
                c.colour
            )
        })
        .collect();
    let subtitle = format!(
        "Playback · take {} at {} fps · {} cues · {} beats",
        clock(take.length),
        number(take.fps, 3),
        take.cues.len(),
        take.beats.len()
    );
    fill(
        TEMPLATE,
        &[
            ("title", xml(&take.title)),
            ("subtitle", xml(&subtitle)),
            ("css", format!("{CSS}{}", svg_css())),
            ("plan", plan_svg(take, frame, floor)),
            ("cues", cue_items(take)),
            ("cue_count", take.cues.len().to_string()),
            ("key", key(scene, take)),
            ("length", number(take.length, 3)),
            ("length_clock", xml(&clock(take.length))),
            ("beat_segments", beats),
            ("cue_ticks", ticks),
            ("beat_options", beat_options(take)),
            ("data", take.to_script_json()),
            ("script", SCRIPT.to_string()),
            ("live_csp", hooks.csp.clone()),
            ("live", hooks.body_end.clone()),
        ],
    )
}

/// The plans' classes, scoped to the plan so they never touch the page's own.
fn svg_css() -> String {
    style::css()
        .split('}')
        .filter(|rule| !rule.trim().is_empty())
        .map(|rule| format!("#plan {rule}}}"))
        .collect()
}

/// The stage: the floor in all its states, then the empty layers the script fills, in
/// metres through one transform.
fn plan_svg(take: &Take, frame: &Frame, floor: &dyn Node) -> String {
    let r = frame.floor_rect().grow(2.0);
    let s = frame.scale;
    let matrix = format!(
        "matrix({} 0 0 {} {} {})",
        number(s, 6),
        number(s, 6),
        number(frame.origin.x - frame.min.x * s, 4),
        number(frame.origin.y - frame.min.y * s, 4)
    );
    let layers = ["views", "routes", "props", "people", "labels"]
        .iter()
        .map(|id| format!("<g id=\"{id}\"></g>"))
        .collect::<Vec<_>>()
        .join("");
    format!(
        "<svg id=\"plan\" viewBox=\"{} {} {} {}\" font-family=\"{}\" role=\"img\" \
         aria-label=\"Floor plan of {}\">\n{}\n<g id=\"live\" transform=\"{matrix}\" \
         font-size=\"{}\">{layers}</g>\n</svg>",
        n(r.x),
        n(r.y),
        n(r.w),
        n(r.h),
        xml(FONT_STACK),
        xml(&take.title),
        floor,
        number(fixed(style::SMALL_SIZE * 1.1 * take.unit, 4), 4),
    )
}

fn cue_items(take: &Take) -> String {
    let mut out = String::new();
    for (i, cue) in take.cues.iter().enumerate() {
        let place: Vec<&str> = [cue.room.as_str(), cue.who.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        out.push_str(&format!(
            "<li data-i=\"{i}\" data-at=\"{}\"><span class=\"t\">{}</span>\
             <span class=\"chip\" style=\"background:{}\">{}</span>\
             <span class=\"what\">{}</span><span class=\"where\">{}</span></li>\n",
            number(cue.at, 3),
            xml(&clock(cue.at)),
            cue.colour,
            xml(&cue.label),
            xml(&cue.what),
            xml(&place.join(" · ")),
        ));
    }
    out
}

/// The beats as buttons along the scrubber, each as wide as the beat is long.
fn beat_segments(take: &Take, percent: &dyn Fn(f64) -> String) -> String {
    let mut out = String::new();
    for (i, beat) in take.beats.iter().enumerate() {
        let end = take.beats.get(i + 1).map_or(take.length, |b| b.at);
        let width = (end - beat.at).max(0.0);
        out.push_str(&format!(
            "<button type=\"button\" class=\"seg\" data-beat=\"{i}\" data-at=\"{}\" \
             style=\"left:{}%;width:{}%\" title=\"{}\"><span>{}. {}</span></button>",
            number(beat.at, 3),
            percent(beat.at),
            percent(width),
            xml(&format!("{}. {} ({})", i + 1, beat.title, clock(beat.at))),
            i + 1,
            xml(&beat.title),
        ));
    }
    out
}

fn beat_options(take: &Take) -> String {
    let mut out = String::new();
    if take.beats.is_empty() {
        out.push_str("<option value=\"0\">Start (0:00)</option>");
    }
    for (i, beat) in take.beats.iter().enumerate() {
        out.push_str(&format!(
            "<option value=\"{}\">{}. {} ({})</option>",
            number(beat.at, 3),
            i + 1,
            xml(&beat.title),
            xml(&clock(beat.at)),
        ));
    }
    out
}

/// The key: everyone by colour and role, then the symbols.
fn key(scene: &Scene, take: &Take) -> String {
    let mut out = String::from("<ul class=\"key\">");
    for (person, model) in take
        .people
        .iter()
        .zip(&scene.people)
        .filter(|(p, _)| !p.extra)
    {
        let colour = style::safe_colour(&person.colour);
        let symbol = match person.kind.as_str() {
            "camera" => format!(
                "<svg viewBox=\"0 0 20 20\"><path d=\"M17 10 L5 4 L5 16 Z\" fill=\"{colour}\"/></svg>"
            ),
            "crew" => format!(
                "<svg viewBox=\"0 0 20 20\"><circle cx=\"10\" cy=\"10\" r=\"6\" fill=\"{colour}\"/></svg>"
            ),
            _ => format!(
                "<svg viewBox=\"0 0 20 20\"><circle cx=\"10\" cy=\"10\" r=\"8\" fill=\"{colour}\"/></svg>"
            ),
        };
        out.push_str(&format!(
            "<li>{symbol}<span>{}</span><small>{}</small></li>",
            xml(&person.name),
            xml(&model.role.describe())
        ));
    }
    let extras = take.people.iter().filter(|p| p.extra).count();
    if extras > 0 {
        out.push_str(&format!(
            "<li><svg viewBox=\"0 0 20 20\"><circle cx=\"10\" cy=\"10\" r=\"4\" fill=\"#9aa0a8\"/></svg>\
             <span>{extras} extras</span><small>a dot each, no names</small></li>"
        ));
    }
    let symbols = [
        (
            "<path d=\"M2 18 L18 4 A 12 12 0 0 1 18 18 Z\" fill=\"#f0a500\" fill-opacity=\"0.35\" stroke=\"#f0a500\"/>",
            "what the camera sees (cut by walls, closed doors, tall furniture)",
        ),
        (
            "<path d=\"M2 10 L18 10\" stroke=\"#555\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/>",
            "the rest of a walk, to the next mark",
        ),
        (
            "<path d=\"M10 4 L16 10 L10 16 L4 10 Z\" fill=\"#7b3fa0\"/>",
            "prop (beside whoever holds it; hollow when broken)",
        ),
        (
            "<path d=\"M3 17 L3 4 M3 17 L16 17\" stroke=\"#3a3a3a\" stroke-width=\"2\" fill=\"none\"/><path d=\"M3 4 A13 13 0 0 1 16 17\" stroke=\"#6e6e6e\" fill=\"none\" stroke-dasharray=\"2 2\"/>",
            "door: the leaf swings open and shut as the take runs",
        ),
        (
            "<path d=\"M5 5 L15 15 M5 15 L15 5\" stroke=\"#a0702a\" stroke-width=\"2\"/>",
            "tape mark",
        ),
    ];
    for (svg, words) in symbols {
        out.push_str(&format!(
            "<li class=\"wide\"><svg viewBox=\"0 0 20 20\">{svg}</svg><span>{words}</span></li>"
        ));
    }
    out.push_str("</ul>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_once() {
        let out = fill(
            "a {{x}} b {{y}} {{unknown}} {{",
            &[("x", "{{y}}".into()), ("y", "Y".into())],
        );
        assert_eq!(out, "a {{y}} b Y {{unknown}} {{");
    }
}
