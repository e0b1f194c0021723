//! Where and when on the take a diagnostic happens, for marking it on the playback page.
//!
//! Some rules know exactly when and where (a collision's first moment, where a walker meets
//! a closed door) and say so in [`Diagnostic::moment`]; that comes first. The others carry
//! places in the file (spans), and every value a rule points at is in the file: a
//! span inside `timeline[i]` is about that event, so it happens at the event's time, where
//! the event's doer stands then (or at the door it works, the wild wall a cue strikes); a
//! span inside a mark, door, practical, piece of furniture, wild wall, room or person of the
//! set is about that thing at its place, at no particular time. The primary label decides;
//! a diagnostic about the file as a whole has no moment.

use crate::diagnostic::Diagnostic;
use crate::geometry::Point;
use crate::locate::SpanIndex;
use crate::model::{Action, Scene};
use crate::sim::Simulation;
use crate::source::Span;
use crate::time::Time;

/// A diagnostic's place on the floor (metres) and time in the take, as far as it has them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Moment {
    pub at: Option<Time>,
    pub point: Option<Point>,
}

/// The spans of the scene's events and things, sorted, to look diagnostics up in.
pub struct Places<'a> {
    scene: &'a Scene,
    sim: &'a Simulation<'a>,
    /// Timeline events by span, in file order (events do not nest).
    events: Vec<(Span, usize)>,
    /// Things of the set with a place, by span; they nest (a mark inside a room).
    things: Vec<(Span, Point)>,
}

impl<'a> Places<'a> {
    pub fn new(scene: &'a Scene, sim: &'a Simulation<'a>, spans: &SpanIndex) -> Places<'a> {
        let mut events: Vec<(Span, usize)> = scene
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| (spans.span(&e.path()), i))
            .collect();
        events.sort_by_key(|(span, i)| (span.start, *i));
        let mut things: Vec<(Span, Point)> = Vec::new();
        things.extend(scene.marks.iter().map(|m| (spans.span(&m.path), m.at)));
        things.extend(scene.doors.iter().map(|d| (spans.span(&d.path), d.at)));
        things.extend(scene.practicals.iter().map(|p| (spans.span(&p.path), p.at)));
        things.extend(
            scene
                .furniture
                .iter()
                .map(|f| (spans.span(&f.path), f.outline.centroid())),
        );
        things.extend(
            scene
                .wild_walls
                .iter()
                .map(|w| (spans.span(&w.path), w.segment.midpoint())),
        );
        things.extend(
            scene
                .rooms
                .iter()
                .map(|r| (spans.span(&r.path), r.outline.centroid())),
        );
        things.extend(scene.people.iter().enumerate().map(|(i, p)| {
            let who = crate::model::PersonId::from_index(i);
            (spans.span(&p.path), sim.position(who, Time::ZERO))
        }));
        // An empty span is a value the index could not find: it would contain nothing.
        things.retain(|(span, point)| span.end > span.start && point.is_finite());
        Places {
            scene,
            sim,
            events,
            things,
        }
    }

    /// The moment of `diagnostic`: the rule's own if it gave one, else from where its
    /// primary label points (an event or a thing), else none.
    pub fn of(&self, diagnostic: &Diagnostic) -> Option<Moment> {
        if let Some(known) = diagnostic.moment {
            return Some(Moment {
                at: Some(known.at),
                point: Some(known.point),
            });
        }
        let span = diagnostic.primary.as_ref()?.span;
        self.event_moment(span).or_else(|| self.thing_moment(span))
    }

    fn event_moment(&self, span: Span) -> Option<Moment> {
        let after = self.events.partition_point(|(s, _)| s.start <= span.start);
        let (event_span, index) = *self.events.get(after.checked_sub(1)?)?;
        if span.end > event_span.end || event_span.end == event_span.start {
            return None;
        }
        let event = &self.scene.events[index];
        let point = match &event.action {
            Action::Door { door, .. } => Some(self.scene.door(*door).at),
            Action::Cue {
                on_slam: Some(door),
                ..
            } => Some(self.scene.door(*door).at),
            Action::Cue {
                strikes: Some(wall),
                ..
            } => Some(self.scene.wild_walls[wall.index()].segment.midpoint()),
            action => action.actor().map(|who| self.sim.position(who, event.at)),
        };
        Some(Moment {
            at: Some(event.at),
            point: point.filter(|p| p.is_finite()),
        })
    }

    fn thing_moment(&self, span: Span) -> Option<Moment> {
        self.things
            .iter()
            .filter(|(s, _)| s.start <= span.start && span.end <= s.end)
            .min_by_key(|(s, _)| s.end - s.start)
            .map(|(_, point)| Moment {
                at: None,
                point: Some(*point),
            })
    }
}
