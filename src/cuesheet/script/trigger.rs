//! What a GO lands on, in words: the line or action at that moment.
//!
//! In order of preference: something that happens at the GO's very moment (a line starting
//! is "on Her's line: …", an action "as Her slams the front door"), someone arriving on
//! their mark then ("as Dante reaches the kitchen table"), a line ending then, a line being spoken
//! ("during Her's line: …"), the last thing that happened shortly before ("2.0 s after Ana takes Coffee mug"),
//! else the clock alone. The words come from [`crate::prose::Narrator`], so the script says
//! things the way every other output does.

use crate::cuesheet::SAME_MOMENT;
use crate::model::{Action, EventId, MarkId, PersonId, Scene};
use crate::prose::{Arrival, Narrator};
use crate::sim::Simulation;
use crate::time::Time;

/// How long after a line starts it counts as being spoken when the scene gives no `until`,
/// seconds.
const LINE_HELD: f64 = 3.0;
/// How far back an action still explains a GO ("2.0 s after …"), seconds.
const RECENT: f64 = 30.0;

/// The take's lines, arrivals and events, indexed by time for trigger look-ups.
pub struct Triggers<'a, 's> {
    scene: &'s Scene,
    sim: &'a Simulation<'s>,
    /// Principal performers' and crew's arrivals on marks: (time, who, mark), in time order.
    arrivals: Vec<(Time, PersonId, MarkId)>,
    /// Lines: (start, end, event), in start order.
    lines: Vec<(Time, Time, EventId)>,
}

impl<'a, 's> Triggers<'a, 's> {
    pub fn new(scene: &'s Scene, sim: &'a Simulation<'s>) -> Triggers<'a, 's> {
        let crowd = crate::plan::crowd::Crowd::of(scene);
        let mut arrivals: Vec<(Time, PersonId, MarkId)> = sim
            .tracks
            .iter()
            .enumerate()
            .map(|(p, track)| (PersonId::from_index(p), track))
            .filter(|(p, _)| crowd.is_principal(*p) && seen(scene, *p))
            .flat_map(|(p, track)| {
                track
                    .legs
                    .iter()
                    .filter(|l| l.arrive > l.depart)
                    .map(move |l| (l.arrive, p, l.to))
            })
            .collect();
        arrivals.sort_by_key(|a| a.0);
        let lines = sim
            .order
            .iter()
            .filter_map(|&id| {
                let event = &scene.events[id.index()];
                match &event.action {
                    Action::Line { until, .. } => {
                        let held =
                            Time::from_seconds(event.at.seconds() + LINE_HELD).unwrap_or(event.at);
                        Some((
                            event.at,
                            until.filter(|u| *u > event.at).unwrap_or(held),
                            id,
                        ))
                    }
                    _ => None,
                }
            })
            .collect();
        Triggers {
            scene,
            sim,
            arrivals,
            lines,
        }
    }

    /// The trigger of a GO at `at`, in words.
    pub fn describe(&self, at: Time) -> String {
        if at == Time::ZERO {
            return "as the take starts".to_string();
        }
        self.at_the_moment(at)
            .or_else(|| self.arrival(at))
            .or_else(|| self.line_ending(at))
            .or_else(|| self.line_under_way(at))
            .or_else(|| self.shortly_after(at))
            .unwrap_or_else(|| "on the clock".to_string())
    }

    /// Whether an event is something to call a GO on: not a cue, and done by a performer
    /// or a camera (a boom operator's walk is nothing the caller watches for).
    fn watchable(&self, id: EventId) -> bool {
        let action = &self.scene.events[id.index()].action;
        !matches!(action, Action::Cue { .. }) && action.actor().is_none_or(|p| seen(self.scene, p))
    }

    /// Events within [`SAME_MOMENT`] of `at`, unwatchable ones left out, in time order.
    fn near(&self, at: Time) -> impl Iterator<Item = EventId> + '_ {
        let order = &self.sim.order;
        let from = at.seconds() - SAME_MOMENT;
        let start = order.partition_point(|&e| self.scene.events[e.index()].at.seconds() < from);
        order[start..]
            .iter()
            .copied()
            .take_while(move |&e| {
                self.scene.events[e.index()].at.seconds() <= at.seconds() + SAME_MOMENT
            })
            .filter(|&e| self.watchable(e))
    }

    fn at_the_moment(&self, at: Time) -> Option<String> {
        let line = self.near(at).find_map(|e| self.line_words(e));
        line.map(|(who, says)| format!("on {who}'s line: {says}"))
            .or_else(|| {
                self.near(at)
                    .find_map(|e| Narrator::new(self.scene).as_clause(self.sim, e))
            })
    }

    fn arrival(&self, at: Time) -> Option<String> {
        let from = at.seconds() - SAME_MOMENT;
        let start = self.arrivals.partition_point(|a| a.0.seconds() < from);
        self.arrivals[start..]
            .iter()
            .take_while(|a| a.0.seconds() <= at.seconds() + SAME_MOMENT)
            .map(|&(_, who, mark)| Narrator::new(self.scene).as_reaching(who, mark))
            .next()
    }

    /// A line whose written `until` falls on `at`.
    fn line_ending(&self, at: Time) -> Option<String> {
        let end = self.lines.partition_point(|l| l.0 <= at);
        self.lines[..end]
            .iter()
            .rev()
            .take(64)
            .find(|l| (l.1.seconds() - at.seconds()).abs() <= SAME_MOMENT)
            .and_then(|l| self.line_words(l.2))
            .map(|(who, says)| format!("as {who}'s line ends: {says}"))
    }

    fn line_under_way(&self, at: Time) -> Option<String> {
        let end = self.lines.partition_point(|l| l.0 <= at);
        self.lines[..end]
            .iter()
            .rev()
            .take(64)
            .find(|l| l.1 > at)
            .and_then(|l| self.line_words(l.2))
            .map(|(who, says)| format!("during {who}'s line: {says}"))
    }

    /// The latest watchable event or arrival within [`RECENT`] before `at`.
    fn shortly_after(&self, at: Time) -> Option<String> {
        let order = &self.sim.order;
        let end = order.partition_point(|&e| self.scene.events[e.index()].at < at);
        let event = order[..end]
            .iter()
            .rev()
            .take_while(|&&e| at.seconds() - self.scene.events[e.index()].at.seconds() <= RECENT)
            .filter(|&&e| self.watchable(e))
            .find_map(|&e| {
                let text = match self.line_words(e) {
                    Some((who, says)) => format!("{who}'s line: {says}"),
                    None => Narrator::new(self.scene).clause(self.sim, e, Arrival::Left)?,
                };
                Some((self.scene.events[e.index()].at, text))
            });
        let end = self.arrivals.partition_point(|a| a.0 < at);
        let arrival = end
            .checked_sub(1)
            .map(|i| self.arrivals[i])
            .filter(|a| at.seconds() - a.0.seconds() <= RECENT)
            .map(|(t, who, mark)| (t, Narrator::new(self.scene).reaching(who, mark)));
        let (when, text) = match (event, arrival) {
            (Some(e), Some(a)) => {
                if a.0 > e.0 {
                    a
                } else {
                    e
                }
            }
            (e, a) => e.or(a)?,
        };
        let gap = at.seconds() - when.seconds();
        Some(format!("{} s after {text}", crate::escape::number(gap, 1)))
    }

    /// Who speaks and what, if the event is a line.
    fn line_words(&self, id: EventId) -> Option<(String, String)> {
        match &self.scene.events[id.index()].action {
            Action::Line { who, says, .. } => {
                Some((self.scene.person(*who).name.clone(), says.clone()))
            }
            _ => None,
        }
    }
}

/// Whether a person's actions are something to call on: the cast's and the cameras'.
fn seen(scene: &Scene, who: PersonId) -> bool {
    let person = scene.person(who);
    !person.is_crew() || person.camera().is_some()
}
