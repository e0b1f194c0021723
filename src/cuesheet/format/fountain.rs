//! The take as a Fountain screenplay: what a writer or script supervisor reads.
//!
//! A title page (title, source, draft date, the take's length), then the take in time
//! order: a forced scene heading (`.INT. KITCHEN`) wherever the camera goes into another
//! room, a section (`#`) and synopsis (`=`) at each beat, the cues as notes
//! (`[[LX 1 · 0:00.0 · 00:00:00:00 · Morning state up]]`), the described action as action
//! paragraphs in the words of [`crate::prose`] with the time and marks in a note, and each
//! line as a dialogue block (`BEN (O.S.)` when off camera, `(to Ana)`). Every piece of scene
//! text goes through [`crate::fountain::escape`], so it can only be the element it is
//! written as. A filter on time or beat narrows everything; one on departments or a
//! performer narrows only the cue notes, so the dialogue still reads whole.

use crate::cuesheet::filter::{Filter, beat_span};
use crate::cuesheet::sheet::Sheet;
use crate::fountain::escape;
use crate::model::{Action, EventId, Scene};
use crate::prose::Narrator;
use crate::sim::Simulation;
use crate::time::Time;

/// One element of the script, in time order.
enum Item {
    Heading(crate::model::RoomId),
    Beat(usize),
    Cue(usize),
    Event(usize),
}

pub fn render(sim: &Simulation, sheet: &Sheet, filter: &Filter) -> String {
    let scene = sim.scene;
    let rate = sheet.frame_rate;
    let when = |t: Time| format!("{} · {}", t.clock(), t.smpte(rate));
    let keeps = |t: Time| {
        filter.from.is_none_or(|from| t >= from)
            && filter.to.is_none_or(|to| t <= to)
            && filter.beat.is_none_or(|beat| {
                let (start, end) = beat_span(scene, beat);
                t >= start && (t < end || end >= scene.length)
            })
    };
    let mut out = title_page(scene, sheet);

    // (time, order at that time, item); sorted stably.
    let mut items: Vec<(Time, u8, Item)> = Vec::new();
    for (i, beat) in scene.beats.iter().enumerate() {
        if keeps(beat.at) {
            items.push((beat.at, 1, Item::Beat(i)));
        }
    }
    for (i, row) in sheet.rows.iter().enumerate() {
        items.push((row.at, 2, Item::Cue(i)));
    }
    let mut order: Vec<usize> = (0..scene.events.len()).collect();
    order.sort_by_key(|&i| scene.events[i].at);
    for i in order {
        if keeps(scene.events[i].at) {
            items.push((scene.events[i].at, 3, Item::Event(i)));
        }
    }
    items.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    let items = with_headings(sim, items);

    let mut narrator = Narrator::new(scene);
    for (at, _, item) in &items {
        let block = match item {
            Item::Heading(room) => {
                narrator = Narrator::new(scene);
                escape::heading(&format!("INT. {}", scene.room(*room).name))
            }
            Item::Beat(i) => {
                // A reader may start at a beat: people are named again there.
                narrator = Narrator::new(scene);
                let beat = &scene.beats[*i];
                let mut block = escape::section(&beat.title, 1);
                if let Some(notes) = &beat.notes {
                    block.push_str(&format!("\n\n{}", escape::synopsis(notes)));
                }
                block
            }
            Item::Cue(i) => {
                let row = &sheet.rows[*i];
                let mut parts = vec![row.label(), when(*at), row.what.clone()];
                parts.extend(
                    [&row.room, &row.notes]
                        .into_iter()
                        .filter(|s| !s.trim().is_empty())
                        .cloned(),
                );
                format!("[[{}]]", escape::note(&parts.join(" · ")))
            }
            Item::Event(i) => match event(&mut narrator, sim, *i, &when(*at)) {
                Some(block) => block,
                None => continue,
            },
        };
        out.push('\n');
        out.push_str(&block);
        out.push('\n');
    }
    out
}

/// The items with a heading put before the first item and wherever the camera is in another
/// room than at the item before (a take without a camera gets one heading, for the room
/// the first performer starts in).
fn with_headings(sim: &Simulation, items: Vec<(Time, u8, Item)>) -> Vec<(Time, u8, Item)> {
    let scene = sim.scene;
    let camera = scene.cameras().next();
    let room_at = |t: Time| match camera {
        Some(c) => sim.room_of(c, t),
        None => scene.people.first().map(|p| scene.mark(p.starts_at).room),
    };
    let mut out = Vec::with_capacity(items.len() + 4);
    let mut current = None;
    let start = items.first().map_or(Time::ZERO, |i| i.0);
    if let Some(room) = room_at(start) {
        out.push((start, 0, Item::Heading(room)));
        current = Some(room);
    }
    for item in items {
        if camera.is_some()
            && let Some(room) = room_at(item.0)
            && current != Some(room)
        {
            out.push((item.0, 0, Item::Heading(room)));
            current = Some(room);
        }
        out.push(item);
    }
    out
}

fn title_page(scene: &Scene, sheet: &Sheet) -> String {
    let mut out = format!("Title: {}\n", escape::title_value(&scene.title));
    out.push_str("Credit: Staging written out by oner\n");
    if let Some(source) = &sheet.source_name {
        out.push_str(&format!("Source: {}\n", escape::title_value(source)));
    }
    if let Some(date) = &scene.date {
        out.push_str(&format!("Draft date: {}\n", escape::title_value(date)));
    }
    out.push_str(&format!(
        "Notes: {}. One continuous take; times in the notes from its start.\n",
        escape::title_value(&sheet.summary())
    ));
    out
}

/// One event as a block: a dialogue block for a line, an action paragraph for what people
/// do, a note for a camera that only reframes; cues are the sheet's (their own items).
fn event(narrator: &mut Narrator, sim: &Simulation, i: usize, when: &str) -> Option<String> {
    let scene = sim.scene;
    let event = &scene.events[i];
    let note = event.note.as_deref().map(crate::cuesheet::format::one_line);
    match &event.action {
        Action::Line {
            who,
            says,
            to,
            until,
            on_camera,
        } => {
            let speaker = &scene.person(*who).name;
            let mut block = escape::character(speaker, (!on_camera).then_some("O.S."));
            if !to.is_empty() {
                let names: Vec<String> = to.iter().map(|&p| narrator.name(p)).collect();
                block.push_str(&format!(
                    "\n({})",
                    escape::parenthetical(&format!("to {}", crate::prose::list(&names)))
                ));
            }
            block.push_str(&format!("\n{}", escape::dialogue(says)));
            let mut timing = when.to_string();
            if let Some(until) = until {
                timing.push_str(&format!(" until {}", until.clock()));
            }
            if let Some(note) = note {
                timing.push_str(&format!(" · {note}"));
            }
            Some(format!("[[{}]]\n\n{block}", escape::note(&timing)))
        }
        // The cue is on the sheet (its own item).
        Action::Cue { .. } => None,
        action => {
            let mut facts = vec![when.to_string()];
            if let Some(travel) = action.travel() {
                facts.push(format!("to mark {}", scene.mark(travel.to).id));
                if let Some(arrive) = travel.arrive {
                    facts.push(format!("arrives {}", arrive.clock()));
                }
            }
            if let Some(note) = note {
                facts.push(note);
            }
            let facts = format!("[[{}]]", escape::note(&facts.join(" · ")));
            Some(match narrator.sentence(sim, EventId::from_index(i)) {
                Some(sentence) => format!("{} {facts}", escape::action(&full_stop(sentence))),
                None => match action {
                    Action::Camera(c) if !c.frame.is_empty() => {
                        let names: Vec<String> =
                            c.frame.iter().map(|&p| narrator.name(p)).collect();
                        format!(
                            "{} {facts}",
                            escape::action(&format!(
                                "{} frames {}.",
                                narrator.name(c.camera),
                                crate::prose::list(&names)
                            ))
                        )
                    }
                    _ => facts,
                },
            })
        }
    }
}

/// A sentence ending in a full stop (prose leaves it off: it also words clauses).
fn full_stop(mut sentence: String) -> String {
    if !sentence.ends_with(['.', '!', '?', '…']) {
        sentence.push('.');
    }
    sentence
}
