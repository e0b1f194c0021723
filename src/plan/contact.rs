//! The contact sheet: every beat's plan on one page, in a grid, in order, like the storyboard
//! of plans a stage manager pins up.

use super::camera;
use super::crowd::Crowd;
use super::extras;
use super::figures;
use super::floor::{self, Detail, FloorState, short};
use super::labels::Placer;
use super::page::{self, Frame, Rect};
use super::routes;
use super::sheets::{document, finish};
use super::style::{self, Ink, clean, n, safe_colour, text, text_width};
use super::{Span, beat_file_name};
use crate::model::Scene;
use crate::sim::Simulation;
use svg::node::element::{Group, Rectangle};

/// Height of the heading band at the top of the page, millimetres.
const HEAD_H: f64 = 14.0;
const GAP: f64 = 5.0;

/// The grid (columns, rows) that draws `count` plans of aspect `aspect` (width / height)
/// biggest inside `w` × `h`.
fn grid(count: usize, aspect: f64, w: f64, h: f64) -> (usize, usize) {
    let mut best = (1, count.max(1), 0.0);
    for cols in 1..=count.max(1) {
        let rows = count.max(1).div_ceil(cols);
        let cell_w = (w - GAP * (cols - 1) as f64) / cols as f64;
        let cell_h = (h - GAP * (rows - 1) as f64) / rows as f64 - 6.0;
        let scale = (cell_w / aspect).min(cell_h).max(0.0);
        if scale > best.2 {
            best = (cols, rows, scale);
        }
    }
    (best.0, best.1)
}

pub fn contact_sheet(scene: &Scene, sim: &Simulation, spans: &[Span]) -> Vec<u8> {
    let (min, max) = page::extent(scene, sim);
    let aspect = ((max.x - min.x) / (max.y - min.y).max(0.1)).max(0.05);
    let inner = Rect::new(
        page::MARGIN,
        page::MARGIN + HEAD_H,
        page::PAGE_W - 2.0 * page::MARGIN,
        page::PAGE_H - 2.0 * page::MARGIN - HEAD_H,
    );
    let (cols, rows) = grid(spans.len(), aspect, inner.w, inner.h);
    let cell_w = (inner.w - GAP * (cols - 1) as f64) / cols as f64;
    let cell_h = (inner.h - GAP * (rows.max(1) - 1) as f64) / rows.max(1) as f64;
    // Ink in proportion to how much smaller the thumbnails are than a full page plan.
    let full = page::Layout::choose((min, max), 0).plan;
    let shrink = ((cell_w / full.w).min((cell_h - 6.0) / full.h)).sqrt();
    let ink = Ink(shrink.clamp(0.45, 1.0));
    let mut body = Group::new();
    for (i, span) in spans.iter().enumerate() {
        let (c, r) = (i % cols, i / cols);
        let cell = Rect::new(
            inner.x + c as f64 * (cell_w + GAP),
            inner.y + r as f64 * (cell_h + GAP),
            cell_w,
            cell_h,
        );
        body = body.add(thumbnail(scene, sim, span, cell, ink));
    }
    let document = document(&format!("{}: contact sheet", clean(&scene.title)))
        .add(heading(scene, spans.len()))
        .add(body);
    finish(document)
}

/// Title on the left; the cast's colours and the camera tint on the right.
fn heading(scene: &Scene, count: usize) -> Group {
    let x = page::MARGIN;
    let y = page::MARGIN;
    // A long title keeps to the left part of the page; the legend stops short of its end.
    let title = super::style::fit(
        &scene.title,
        style::TITLE_SIZE,
        (page::PAGE_W - 2.0 * page::MARGIN) * 0.6,
        true,
    );
    let title_end = x + text_width(&title, style::TITLE_SIZE, true) + 6.0;
    let subtitle = format!(
        "Contact sheet: {count} beat{}, in order. Shaded: floor the camera sees during the beat; \
         unshaded floor is where crew can hide.",
        if count == 1 { "" } else { "s" }
    );
    let mut g = Group::new()
        .add(
            text(&title, x, y + style::TITLE_SIZE * 0.85, style::TITLE_SIZE)
                .set("class", "bold")
                .set("fill", style::WALL),
        )
        .add(
            text(&subtitle, x, y + style::TITLE_SIZE + 4.0, style::SMALL_SIZE)
                .set("fill", style::MUTED),
        );
    // Legend of performers, right-aligned.
    let size = style::SMALL_SIZE;
    let mut right = page::PAGE_W - page::MARGIN;
    let crowd = Crowd::of(scene);
    let named = scene
        .people
        .iter()
        .enumerate()
        .filter(|(i, _)| crowd.is_principal(crate::model::PersonId::from_index(*i)))
        .map(|(_, p)| p);
    for person in named.rev() {
        let kind = super::routes::Walker::of(person);
        let name = clean(&person.name);
        let w = text_width(&name, size, false);
        if right - w - 5.0 < title_end {
            break;
        }
        g = g.add(text(&name, right - w, y + 3.0, size).set("fill", style::INK));
        g = g.add(
            Rectangle::new()
                .set("x", style::n(right - w - 5.0))
                .set("y", style::n(y + 1.2))
                .set("width", "4")
                .set("height", "2")
                .set("rx", "0.6")
                .set(
                    "fill",
                    match kind {
                        super::routes::Walker::Crew => style::CREW.to_string(),
                        _ => safe_colour(&person.colour),
                    },
                ),
        );
        right -= w + 9.0;
        if right < page::PAGE_W / 2.0 {
            break;
        }
    }
    g
}

/// The thumbnail of one beat for the contact sheet, inside `cell` (caption included).
pub fn thumbnail(scene: &Scene, sim: &Simulation, span: &Span, cell: Rect, ink: Ink) -> Group {
    let caption_h = 6.0;
    let bounds = page::extent(scene, sim);
    let area = Rect::new(cell.x, cell.y + caption_h, cell.w, cell.h - caption_h);
    // The plan at the cell's left, as big as it fits; the room beside or under it lists the
    // beat's stops, so the cell is filled.
    let (w, h) = (
        (bounds.1.x - bounds.0.x).max(0.1),
        (bounds.1.y - bounds.0.y).max(0.1),
    );
    let scale = (area.w / w).min(area.h / h);
    let beside = area.w - w * scale >= area.h - h * scale;
    let plan_area = if beside {
        Rect::new(area.x, area.y, (w * scale).max(area.w * 0.55), area.h)
    } else {
        Rect::new(area.x, area.y, area.w, (h * scale).max(area.h * 0.55))
    };
    let frame = Frame::fit(bounds, plan_area, ink);
    let used = frame.floor_rect();
    let list_area = if beside {
        Rect::new(
            used.right() + 3.0,
            area.y + 2.0,
            area.right() - used.right() - 5.0,
            area.h - 4.0,
        )
    } else {
        Rect::new(
            area.x + 2.0,
            used.bottom() + 2.0,
            area.w - 4.0,
            area.bottom() - used.bottom() - 4.0,
        )
    };
    let state = FloorState {
        at: span.from,
        detail: Detail::Thumbnail,
    };
    let mut placer = Placer::new(plan_area);
    floor::block_symbols(scene, &frame, Detail::Thumbnail, &mut placer);
    let walks = routes::walks(sim, span.from, span.to);
    let crowd = Crowd::of(scene);
    let named: Vec<routes::Walk> = walks
        .iter()
        .filter(|w| crowd.is_principal(w.who))
        .cloned()
        .collect();
    let lines = routes::lines(scene, &frame, &named, &mut placer);
    let (people, _) = figures::people(scene, sim, &frame, span.from, &crowd, &mut placer);
    let stops = routes::stops(scene, &frame, &named, true, &mut placer);
    let list = stop_list(scene, &named, span, list_area, &beat_file_name(span));
    let labels = floor::labels(scene, sim, &frame, state, &mut placer);
    let lines = if crowd.extras() > 0 {
        Group::new()
            .add(extras::traces(scene, &frame, &walks, &crowd))
            .add(lines)
            .add(extras::dots(scene, sim, &frame, span.from, &crowd))
    } else {
        lines
    };
    let size = style::BODY_SIZE;
    let number = format!("{}", span.number);
    let title = style::fit(&span.title, size, cell.w - 30.0, true);
    Group::new()
        .set("class", "beat")
        .add(floor::base(scene, sim, &frame, state))
        .add(camera::swept(scene, sim, &frame, span.from, span.to))
        .add(lines)
        .add(labels)
        .add(people)
        .add(stops)
        .add(list)
        .add(
            style::text(&number, cell.x, cell.y + size * 1.1, size * 1.3)
                .set("class", "bold")
                .set("fill", style::WALL),
        )
        .add(
            style::text(&title, cell.x + 6.0, cell.y + size * 1.1, size)
                .set("class", "bold")
                .set("fill", style::INK),
        )
        .add(
            style::text(
                &format!("{}–{}", short(span.from), short(span.to)),
                cell.right(),
                cell.y + size * 1.1,
                size,
            )
            .set("text-anchor", "end")
            .set("fill", style::MUTED),
        )
        .add(
            Rectangle::new()
                .set("x", n(cell.x))
                .set("y", n(cell.y + caption_h - 1.5))
                .set("width", n(cell.w))
                .set("height", n(cell.h - caption_h + 1.5))
                .set("fill", "none")
                .set("stroke", style::FAINT)
                .set("stroke-width", "0.25"),
        )
}

/// The beat's stops, in time order, as lines of "time who → mark" in as many columns as fit
/// `area`; if even those cannot hold them all, the last line says how many more the beat's
/// own plan shows (it never cuts a line short).
fn stop_list(scene: &Scene, walks: &[routes::Walk], span: &Span, area: Rect, plan: &str) -> Group {
    let mut group = Group::new().set("class", "stop-list");
    let size = style::SMALL_SIZE * 0.85;
    let pitch = size * 1.35;
    if area.w < 25.0 || area.h < pitch * 2.0 {
        return group;
    }
    let mut stops: Vec<(crate::time::Time, String)> = Vec::new();
    for walk in walks {
        let person = scene.person(walk.who);
        for stop in &walk.stops {
            let mark = clean(&scene.mark(stop.mark).id);
            let line = format!("{} {} → {mark}", short(stop.time), clean(&person.name));
            stops.push((stop.time, line));
        }
    }
    stops.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    let heading = format!("Stops {}–{}", short(span.from), short(span.to));
    group = group.add(
        text(&heading, area.x, area.y + size, size)
            .set("class", "bold")
            .set("fill", style::INK),
    );
    let widest = stops
        .iter()
        .map(|(_, l)| text_width(l, size, false))
        .fold(0.0, f64::max)
        + 2.0;
    let columns = ((area.w / widest).floor() as usize).max(1);
    let rows = ((area.h - pitch) / pitch).floor().max(1.0) as usize;
    let room = columns * rows;
    let shown = if stops.len() > room {
        room - 1
    } else {
        stops.len()
    };
    for (i, (_, line)) in stops.iter().take(shown).enumerate() {
        let (c, r) = (i / rows, i % rows);
        let x = area.x + c as f64 * widest;
        let y = area.y + size + pitch * (r + 1) as f64;
        group = group.add(text(line, x, y, size).set("fill", style::INK));
    }
    if shown < stops.len() {
        let (c, r) = (shown / rows, shown % rows);
        let note = format!("{} more on {plan}", stops.len() - shown);
        group = group.add(
            text(
                &note,
                area.x + c as f64 * widest,
                area.y + size + pitch * (r + 1) as f64,
                size,
            )
            .set("fill", style::MUTED),
        );
    }
    group
}

#[cfg(test)]
mod tests {
    #[test]
    fn grids_fit_the_page() {
        assert_eq!(super::grid(4, 1.0, 277.0, 170.0), (2, 2));
        assert_eq!(super::grid(1, 1.0, 277.0, 170.0), (1, 1));
        let (c, r) = super::grid(9, 1.5, 277.0, 170.0);
        assert!(c * r >= 9);
    }
}
