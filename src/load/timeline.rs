//! Resolving beats and timeline events.

use super::codes;
use super::people::{ResolvedPeople, ResolvedProps};
use super::resolver::Resolver;
use super::set::ResolvedSet;
use crate::diagnostic::Diagnostic;
use crate::locate::SourcePath;
use crate::model::{Action, Beat, CameraMove, Event, Move, Pace, PersonId, PlaceRef};
use crate::raw;
use crate::time::Time;

pub fn resolve_beats(raw: &raw::Scene, r: &mut Resolver) -> Vec<Beat> {
    let mut beats: Vec<Beat> = raw
        .beats
        .iter()
        .enumerate()
        .filter_map(|(i, b)| {
            let p = SourcePath::root().field("beats").index(i);
            let at = r.time(&b.at, &p.field("at"), "beat time")?;
            Some(Beat {
                title: b.title.clone(),
                at,
                notes: b.notes.clone(),
                path: p,
            })
        })
        .collect();
    beats.sort_by_key(|b| b.at);
    beats
}

struct Context<'a> {
    set: &'a ResolvedSet,
    people: &'a ResolvedPeople,
    props: &'a ResolvedProps,
}

/// The events of the timeline `first` then `rest` (the halves `halves::parse` read; `rest`
/// is empty for a file read whole). A second half is resolved on another thread with a
/// [`Resolver::sibling`], and its diagnostics follow the first half's, in the order one pass
/// would push them. Each half is freed on the thread that resolved it, as soon as it is.
pub fn resolve_events(
    first: Vec<raw::Event>,
    rest: Vec<raw::Event>,
    set: &ResolvedSet,
    people: &ResolvedPeople,
    props: &ResolvedProps,
    r: &mut Resolver,
) -> Vec<Event> {
    let cx = &Context { set, people, props };
    let offset = first.len();
    // The exact length at once: at scale this list and the raw ones are the load's peak.
    let mut events = Vec::with_capacity(offset + rest.len());
    if rest.is_empty() {
        resolve_part(&first, 0, cx, r, &mut events);
        return events;
    }
    let mut sibling = r.sibling();
    let later = std::thread::scope(|scope| {
        let later = scope.spawn(move || {
            let mut later = Vec::with_capacity(rest.len());
            resolve_part(&rest, offset, cx, &mut sibling, &mut later);
            drop(rest);
            (later, sibling)
        });
        resolve_part(&first, 0, cx, r, &mut events);
        drop(first);
        later.join()
    });
    let (mut later, sibling) = later.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    r.absorb(sibling);
    events.append(&mut later);
    events
}

/// Resolves `raw`, the timeline's events from index `offset` on, into `events`.
fn resolve_part(
    raw: &[raw::Event],
    offset: usize,
    cx: &Context,
    r: &mut Resolver,
    events: &mut Vec<Event>,
) {
    let timeline = SourcePath::root().field("timeline");
    for (i, e) in raw.iter().enumerate() {
        let i = offset + i;
        let p = timeline.index(i);
        let at = r.time_field(&e.at, &p, "at", "event time");
        let action = action(&e.action, at, cx, r, &p.field("do"));
        if let (Some(at), Some(action)) = (at, action) {
            events.push(Event {
                at,
                action,
                note: e.note.clone(),
                file_index: i,
            });
        }
    }
}

fn person(cx: &Context, r: &mut Resolver, id: &str, path: &SourcePath) -> Option<PersonId> {
    r.lookup(&cx.people.ids, id, path)
}

fn prop(
    cx: &Context,
    r: &mut Resolver,
    id: &str,
    path: &SourcePath,
) -> Option<crate::model::PropId> {
    r.lookup(&cx.props.ids, id, path)
}

/// A place a prop can be put: a mark or furniture; with `people`, a person too.
fn place(
    cx: &Context,
    r: &mut Resolver,
    id: &str,
    path: &SourcePath,
    people: bool,
) -> Option<PlaceRef> {
    if let Some(place) = cx.set.place_ids.get(id) {
        return Some(place);
    }
    if people && let Some(person) = cx.people.ids.get(id) {
        return Some(PlaceRef::Person(person));
    }
    let kind = if people {
        "mark, furniture or person"
    } else {
        "mark or furniture"
    };
    let mut known: Vec<&str> = cx.set.place_ids.names().collect();
    if people {
        known.extend(cx.people.ids.names());
    }
    r.unknown(kind, id, known.iter().copied(), path);
    None
}

#[allow(clippy::too_many_arguments)]
fn travel(
    cx: &Context,
    r: &mut Resolver,
    who: PersonId,
    to: &str,
    via: &[String],
    arrive: &Option<String>,
    pace: Option<raw::Pace>,
    at: Option<Time>,
    p: &SourcePath,
) -> Option<Move> {
    let to = r.lookup_field(&cx.set.mark_ids, to, p, "to");
    let via: Vec<_> = via
        .iter()
        .enumerate()
        .map(|(i, d)| r.lookup(&cx.set.door_ids, d, &p.field("via").index(i)))
        .collect();
    let arrive = match arrive {
        Some(text) => Some(r.time_field(text, p, "arrive", "arrival time")?),
        None => None,
    };
    if let (Some(arrive), Some(at)) = (arrive, at)
        && arrive <= at
    {
        let d = Diagnostic::error(
            codes::BAD_VALUE,
            format!("the move arrives at {arrive}, not after it starts at {at}"),
        )
        .at(
            r.spans.span(&p.field("arrive")),
            "arrival must be later than the event time",
        )
        .help("give the time the mover reaches the mark, after the event's `at`");
        r.push(d);
        return None;
    }
    let pace = match pace {
        None | Some(raw::Pace::Walk) => Pace::Walk,
        Some(raw::Pace::Run) => Pace::Run,
        Some(raw::Pace::Speed(v)) => {
            Pace::Speed(r.number(v, &p.field("pace").index(0), 0.05..=15.0, "pace", "m/s")?)
        }
    };
    Some(Move {
        who,
        to: to?,
        via: via.into_iter().collect::<Option<Vec<_>>>()?,
        arrive,
        pace,
    })
}

fn action(
    raw: &raw::Action,
    at: Option<Time>,
    cx: &Context,
    r: &mut Resolver,
    p: &SourcePath,
) -> Option<Action> {
    use raw::Action as A;
    Some(match raw {
        A::Move(raw::action::Move {
            who,
            to,
            via,
            arrive,
            pace,
        }) => {
            let who = r.lookup_field(&cx.people.ids, who, p, "who");
            let m = travel(
                cx,
                r,
                who.unwrap_or(PersonId(0)),
                to,
                via,
                arrive,
                *pace,
                at,
                p,
            );
            Action::Move(Move { who: who?, ..m? })
        }
        A::Door(raw::action::Door { door, action, by }) => Action::Door {
            door: r.lookup(&cx.set.door_ids, door, &p.field("door"))?,
            action: *action,
            by: person(cx, r, by, &p.field("by"))?,
        },
        A::Take(raw::action::Take { who, prop: id }) => Action::Take {
            who: person(cx, r, who, &p.field("who"))?,
            prop: prop(cx, r, id, &p.field("prop"))?,
        },
        A::Put(raw::action::Put { who, prop: id, on }) => {
            let who = person(cx, r, who, &p.field("who"));
            let prop = prop(cx, r, id, &p.field("prop"));
            let on = place(cx, r, on, &p.field("on"), false);
            Action::Put {
                who: who?,
                prop: prop?,
                on: on?,
            }
        }
        A::Give(raw::action::Give { from, to, prop: id }) => {
            let from = person(cx, r, from, &p.field("from"));
            let to = person(cx, r, to, &p.field("to"));
            let prop = prop(cx, r, id, &p.field("prop"));
            Action::Give {
                from: from?,
                to: to?,
                prop: prop?,
            }
        }
        A::Throw(raw::action::Throw { who, prop: id, to }) => {
            let who = person(cx, r, who, &p.field("who"));
            let prop = prop(cx, r, id, &p.field("prop"));
            let to = place(cx, r, to, &p.field("to"), true);
            Action::Throw {
                who: who?,
                prop: prop?,
                to: to?,
            }
        }
        A::Break(raw::action::Break { who, prop: id }) => {
            let who = person(cx, r, who, &p.field("who"));
            let prop = prop(cx, r, id, &p.field("prop"));
            Action::Break {
                who: who?,
                prop: prop?,
            }
        }
        A::Line(raw::action::Line {
            who,
            says,
            to,
            until,
            on_camera,
        }) => {
            let who = person(cx, r, who, &p.field("who"));
            let to: Vec<_> = to
                .iter()
                .enumerate()
                .map(|(i, t)| person(cx, r, t, &p.field("to").index(i)))
                .collect();
            let until = match until {
                Some(text) => {
                    let until = r.time(text, &p.field("until"), "end of the line")?;
                    if let Some(at) = at
                        && until < at
                    {
                        let d = Diagnostic::error(
                            codes::BAD_VALUE,
                            format!("the line ends at {until}, before it starts at {at}"),
                        )
                        .at(r.spans.span(&p.field("until")), "ends before it begins")
                        .help("`until` is the time the line ends; make it later than `at`");
                        r.push(d);
                        return None;
                    }
                    Some(until)
                }
                None => None,
            };
            Action::Line {
                who: who?,
                says: says.clone(),
                to: to.into_iter().collect::<Option<Vec<_>>>()?,
                until,
                on_camera: *on_camera,
            }
        }
        A::Camera(camera_event) => {
            let raw::action::Camera {
                who,
                to,
                via,
                arrive,
                frame,
                lens_mm,
                height,
            } = &**camera_event;
            let camera = camera(cx, r, who.as_deref(), p)?;
            let height = crane_height(cx, r, camera, *height, p)?;
            let travel = match to {
                Some(to) => Some(travel(cx, r, camera, to, via, arrive, None, at, p)?),
                None => {
                    if !via.is_empty() || arrive.is_some() {
                        let d = Diagnostic::error(
                            codes::BAD_VALUE,
                            "a camera event has `via` or `arrive` but no `to`",
                        )
                        .at(r.spans.span(p), "no destination")
                        .help("add `to: \"<mark>\"`, or remove `via` and `arrive`");
                        r.push(d);
                    }
                    None
                }
            };
            let frame: Vec<_> = frame
                .iter()
                .enumerate()
                .map(|(i, f)| person(cx, r, f, &p.field("frame").index(i)))
                .collect();
            let lens_mm = match lens_mm {
                Some(v) => {
                    Some(r.number(*v, &p.field("lens_mm"), 4.0..=1200.0, "focal length", "mm")?)
                }
                None => None,
            };
            Action::Camera(CameraMove {
                camera,
                travel,
                frame: frame.into_iter().collect::<Option<Vec<_>>>()?,
                lens_mm,
                height,
            })
        }
        A::Cue(cue) => {
            let raw::action::Cue {
                dept,
                number,
                what,
                standby,
                strikes,
                on_slam,
                called,
                ..
            } = &**cue;
            let standby = match standby {
                Some(text) => Some(r.time(text, &p.field("standby"), "standby time")?),
                None => None,
            };
            if let (Some(standby), Some(at)) = (standby, at)
                && standby > at
            {
                let d = Diagnostic::error(
                    codes::BAD_VALUE,
                    format!("standby at {standby} comes after the cue at {at}"),
                )
                .at(r.spans.span(&p.field("standby")), "standby must come first")
                .note("`standby` is the absolute time the department is warned, before the GO")
                .help("give an earlier time, e.g. a few seconds before the cue");
                r.push(d);
            }
            let strikes = match strikes {
                Some(w) => Some(r.lookup(&cx.set.wild_wall_ids, w, &p.field("strikes"))?),
                None => None,
            };
            let on_slam = match on_slam {
                Some(d) => Some(r.lookup(&cx.set.door_ids, d, &p.field("on_slam"))?),
                None => None,
            };
            let handoff = super::handoff::resolve(cue, r, p);
            if number.as_deref().is_some_and(|n| n.trim().is_empty()) {
                let d = Diagnostic::error(codes::BAD_VALUE, "empty cue number")
                    .at(r.spans.span(&p.field("number")), "empty")
                    .help("remove `number` to have one assigned, or write one such as `\"4\"` or `\"2.5\"`");
                r.push(d);
            }
            Action::Cue {
                dept: *dept,
                number: number.clone(),
                what: what.clone(),
                standby,
                strikes,
                on_slam,
                called: *called,
                handoff: Box::new(handoff?),
            }
        }
    })
}

/// The camera a camera event is about: the one named, or the only camera of the scene.
fn camera(cx: &Context, r: &mut Resolver, who: Option<&str>, p: &SourcePath) -> Option<PersonId> {
    let cameras: Vec<PersonId> = cx
        .people
        .ids
        .names()
        .filter_map(|n| cx.people.ids.get(n))
        .filter(|id| {
            cx.people
                .people
                .get(id.index())
                .is_some_and(|p| p.camera().is_some())
        })
        .collect();
    match who {
        Some(name) => {
            let id = person(cx, r, name, &p.field("who"))?;
            if !cameras.contains(&id) {
                let d = Diagnostic::error(codes::BAD_VALUE, format!("`{name}` is not a camera"))
                    .at(
                        r.spans.span(&p.field("who")),
                        "camera events move and frame a camera",
                    )
                    .help(
                        "name a crew member with `role: Camera(…)`, or use `Move` for anyone else",
                    );
                r.push(d);
                return None;
            }
            Some(id)
        }
        None if cameras.len() == 1 => Some(cameras[0]),
        None => {
            let (label, help) = if cameras.is_empty() {
                (
                    "the scene has no camera",
                    "add a crew member with `role: Camera(rig: Steadicam, lens_mm: 24.0)`",
                )
            } else {
                (
                    "the scene has several cameras",
                    "say which with `who: \"<camera id>\"`",
                )
            };
            let d = Diagnostic::error(codes::BAD_VALUE, "a camera event names no camera")
                .at(r.spans.span(p), label)
                .help(help);
            r.push(d);
            None
        }
    }
}

// ---- Cranes ------------------------------------------------------------------------------

/// A `Camera` event's `height`: only a crane's lens moves up and down, within its arm's
/// swing. `Err` when it is wrong (reported), `Ok(None)` when the event gives none.
fn crane_height(
    cx: &Context,
    r: &mut Resolver,
    camera: PersonId,
    height: Option<f64>,
    p: &SourcePath,
) -> Option<Option<f64>> {
    let Some(height) = height else {
        return Some(None);
    };
    let h = r.number(height, &p.field("height"), 0.0..=40.0, "lens height", "m")?;
    let arm = cx.people.people[camera.index()]
        .camera()
        .and_then(|c| c.crane);
    let problem = match arm {
        None => Some((
            "only a camera on a crane changes its lens height".to_string(),
            "set the camera's `rig: Crane` with its `crane` arm, or leave `height` out".to_string(),
        )),
        Some(arm) if !arm.heights().contains(&h) => Some((
            format!(
                "a lens height of {} m is out of the arm's swing ({} to {} m)",
                crate::escape::number(h, 2),
                crate::escape::number(*arm.heights().start(), 2),
                crate::escape::number(*arm.heights().end(), 2)
            ),
            "give a height the arm can reach".to_string(),
        )),
        Some(_) => None,
    };
    if let Some((message, help)) = problem {
        let d = Diagnostic::error(codes::BAD_VALUE, message)
            .at(r.spans.span(&p.field("height")), "lens height")
            .help(help);
        r.push(d);
        return None;
    }
    Some(Some(h))
}
