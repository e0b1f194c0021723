//! One pass over the frames of the take for every per-frame camera rule: K001 (the view turns
//! too fast), K002 (an on-camera line not seen), K003 (crew in shot) and K005 (the camera sees
//! past the set). Each frame builds each camera's view once ([`Sightlines`]) and every rule's
//! running check reads it; nothing is kept per frame, so memory stays bounded on any length of
//! take. The findings are computed on first use and shared by the four rules.

use crate::model::{Action, EventId, PersonId};
use crate::rules::Context;
use crate::sim::in_view::{Answer, Held, Walked};
use crate::sim::sight::Unseen;
use crate::sim::{OpaqueSet, PastTheSet, Sightlines, View};
use crate::time::Time;
use std::collections::BTreeMap;

/// Frames closer than this (seconds) are the same moment.
const SAME_MOMENT: f64 = 1e-9;

/// A run of frames in which a camera turns faster than [`super::jump::WHIP_DEGREES_PER_SECOND`].
#[derive(Debug, Clone, Copy)]
pub struct Whip {
    pub camera: PersonId,
    pub start: Time,
    pub end: Time,
    /// The fastest turn in the run, radians per second.
    pub fastest: f64,
}

/// The first moment of an on-camera line that no camera sees.
#[derive(Debug, Clone, Copy)]
pub struct MissedLine {
    pub event: EventId,
    pub at: Time,
    /// The first camera (file order), and why it does not see the speaker.
    pub camera: PersonId,
    pub why: Unseen,
}

/// A run of frames in which a camera sees a crew member.
#[derive(Debug, Clone, Copy)]
pub struct CrewSeen {
    pub camera: PersonId,
    pub crew: PersonId,
    pub start: Time,
    pub end: Time,
}

/// A run of frames in which a camera's field of view reaches past the set.
#[derive(Debug, Clone, Copy)]
pub struct PastSet {
    pub camera: PersonId,
    pub place: PastTheSet,
    pub start: Time,
    pub end: Time,
}

/// Everything the per-frame camera rules found, each list in a fixed order.
#[derive(Debug, Default)]
pub struct Findings {
    pub whips: Vec<Whip>,
    pub missed_lines: Vec<MissedLine>,
    pub crew_seen: Vec<CrewSeen>,
    pub past_set: Vec<PastSet>,
}

/// An on-camera line under watch.
struct Watch {
    event: EventId,
    who: PersonId,
    at: Time,
    end: Time,
}

/// Consecutive frames, merged as they come.
#[derive(Default)]
struct Run {
    open: Option<(Time, Time)>,
}

impl Run {
    /// Extends the run with `t` if `hit`; returns a run that just closed.
    fn step(&mut self, t: Time, hit: bool) -> Option<(Time, Time)> {
        if hit {
            self.open = Some(self.open.map_or((t, t), |(s, _)| (s, t)));
            None
        } else {
            self.open.take()
        }
    }
}

/// How far the view turned (its axis, and its angle widening or narrowing) from one frame
/// to the next, radians.
fn turn_between(before: &View, now: &View) -> f64 {
    let d = now.direction.angle() - before.direction.angle();
    let axis = (d + std::f64::consts::PI).rem_euclid(std::f64::consts::TAU) - std::f64::consts::PI;
    axis.abs() + (now.half_angle - before.half_angle).abs()
}

/// The findings of one sweep over the take.
pub fn sweep(cx: &Context) -> Findings {
    let (scene, sim) = (cx.scene, cx.sim);
    let cameras: Vec<PersonId> = scene.cameras().collect();
    let mut found = Findings::default();
    if cameras.is_empty() {
        return found;
    }
    let step = scene.frame_rate.frame_seconds();
    let limit = super::jump::WHIP_DEGREES_PER_SECOND.to_radians() * step;
    let reveal = sim.reveal();
    let crew: Vec<Vec<PersonId>> = cameras
        .iter()
        .map(|&camera| {
            (0..scene.people.len())
                .map(PersonId::from_index)
                .filter(|&p| {
                    let person = scene.person(p);
                    p != camera && person.is_crew() && !person.in_costume
                })
                .collect()
        })
        .collect();
    let lines: Vec<Watch> = sim
        .order
        .iter()
        .filter_map(|&id| {
            let event = &scene.events[id.index()];
            match &event.action {
                Action::Line {
                    who,
                    until,
                    on_camera: true,
                    ..
                } => Some(Watch {
                    event: id,
                    who: *who,
                    at: event.at,
                    end: until.unwrap_or(event.at).max(event.at),
                }),
                _ => None,
            }
        })
        .collect();

    // A line's own start and end are checked even when they fall between frames.
    let on_frame = |t: Time| {
        let k = (t.seconds() / step).round();
        (k * step - t.seconds()).abs() < SAME_MOMENT
    };
    let missed_off_frame = |who: PersonId, t: Time| -> Option<(PersonId, Unseen)> {
        let reasons: Vec<_> = cameras
            .iter()
            .map(|&c| sim.sees(c, who, t, true).err().map(|why| (c, why)))
            .collect();
        if reasons.iter().any(Option::is_none) {
            None
        } else {
            reasons.into_iter().flatten().next()
        }
    };

    // Only offstage floor or a wild wall lets the view reach past the set while the camera
    // stands on the set: without either, K005 needs only the camera's room.
    let past_possible = scene.rooms.iter().any(|r| r.offstage) || !scene.wild_walls.is_empty();
    // Crew answers are held while they surely hold (sim::in_view): the distance walked by
    // each camera and crew member, the view's summed turn since the take began.
    let walked: Vec<Walked> = sim.tracks.iter().map(Walked::of).collect();
    let mut turned: Vec<f64> = vec![0.0; cameras.len()];
    let mut held: Vec<Vec<Option<Held>>> = crew
        .iter()
        .map(|l| l.iter().map(|_| None).collect())
        .collect();
    let mut opaque: Option<(usize, OpaqueSet)> = None;
    let mut near = Vec::new();
    let mut rooms: Vec<Option<(crate::geometry::Point, Option<crate::model::RoomId>)>> =
        vec![None; cameras.len()];

    let mut sightlines = Sightlines::new(sim);
    let mut previous: Vec<Option<f64>> = vec![None; cameras.len()];
    let mut whips: Vec<(Run, f64)> = cameras.iter().map(|_| (Run::default(), 0.0)).collect();
    let mut crew_runs: Vec<Vec<Run>> = crew
        .iter()
        .map(|list| list.iter().map(|_| Run::default()).collect())
        .collect();
    let mut past_runs: Vec<BTreeMap<PastTheSet, (Time, Time)>> =
        cameras.iter().map(|_| BTreeMap::new()).collect();
    let mut next_line = 0;
    let mut watching: Vec<usize> = Vec::new();
    let mut missed: Vec<Option<MissedLine>> = lines.iter().map(|_| None).collect();

    // A frame where nothing that matters has changed since the last one gives the same answers:
    // the set's state, every camera's view, and everyone watched stand still. Long static
    // stretches (a day-long take) then cost one view per camera per frame.
    let mut last_epoch = usize::MAX;
    let mut last_views: Vec<Option<crate::sim::View>> = vec![None; cameras.len()];
    let mut crew_hits: Vec<Vec<bool>> = crew.iter().map(|l| vec![false; l.len()]).collect();
    let mut last_places: Vec<Vec<PastTheSet>> = vec![Vec::new(); cameras.len()];
    let mut still_until = f64::NEG_INFINITY;

    for t in sim.frames(Time::ZERO, scene.length) {
        sightlines.advance(t);
        let views: Vec<Option<crate::sim::View>> =
            cameras.iter().map(|&c| Some(sim.view(c, t))).collect();
        for ((sum, now), before) in turned.iter_mut().zip(&views).zip(&last_views) {
            if let (Some(now), Some(before)) = (now, before) {
                *sum += turn_between(before, now);
            }
        }
        let starting = lines
            .get(next_line)
            .is_some_and(|l| l.at.seconds() <= t.seconds() + SAME_MOMENT);
        let still = sightlines.epoch() == last_epoch
            && views == last_views
            && t.seconds() < still_until
            && !starting;
        last_epoch = sightlines.epoch();
        last_views = views;
        if still {
            for (ci, (run, fastest)) in whips.iter_mut().enumerate() {
                if let Some((start, end)) = run.step(t, false) {
                    found.whips.push(Whip {
                        camera: cameras[ci],
                        start,
                        end,
                        fastest: *fastest / step,
                    });
                    *fastest = 0.0;
                }
            }
            for (ci, runs) in crew_runs.iter_mut().enumerate() {
                for (k, run) in runs.iter_mut().enumerate() {
                    if let Some((start, end)) = run.step(t, crew_hits[ci][k]) {
                        found.crew_seen.push(CrewSeen {
                            camera: cameras[ci],
                            crew: crew[ci][k],
                            start,
                            end,
                        });
                    }
                }
            }
            for (ci, places) in last_places.iter().enumerate() {
                for place in places {
                    if let Some(run) = past_runs[ci].get_mut(place) {
                        run.1 = t;
                    }
                }
            }
            watching.retain(|&i| {
                let line = &lines[i];
                if line.end.seconds() >= t.seconds() - SAME_MOMENT {
                    return true;
                }
                if !on_frame(line.end)
                    && let Some((camera, why)) = missed_off_frame(line.who, line.end)
                {
                    missed[i] = Some(MissedLine {
                        event: line.event,
                        at: line.end,
                        camera,
                        why,
                    });
                }
                false
            });
            continue;
        }
        // Each camera's walk through the set, built only if a rule below needs it.
        let mut glances: Option<Vec<_>> = None;
        let glance_all = || {
            cameras
                .iter()
                .map(|&c| sightlines.glance(c))
                .collect::<Vec<_>>()
        };
        if sightlines.epoch() != opaque.as_ref().map_or(usize::MAX, |o| o.0) {
            opaque = Some((sightlines.epoch(), OpaqueSet::at(sim, t)));
            for list in &mut held {
                list.iter_mut().for_each(|h| *h = None);
            }
        }
        let Some((_, opaque)) = &opaque else {
            continue;
        };

        for ci in 0..cameras.len() {
            let Some(view) = last_views[ci] else {
                continue;
            };
            // K001: how far the view turned since the last frame.
            let angle = view.direction.angle();
            let turn = previous[ci].map_or(0.0, |before| {
                let d = angle - before;
                ((d + std::f64::consts::PI).rem_euclid(std::f64::consts::TAU)
                    - std::f64::consts::PI)
                    .abs()
            });
            previous[ci] = Some(angle);
            let (run, fastest) = &mut whips[ci];
            let whipping = turn > limit;
            if whipping {
                *fastest = fastest.max(turn);
            }
            if let Some((start, end)) = run.step(t, whipping) {
                found.whips.push(Whip {
                    camera: cameras[ci],
                    start,
                    end,
                    fastest: *fastest / step,
                });
                *fastest = 0.0;
            }

            // K003: crew the camera sees.
            let camera_walked = walked[cameras[ci].index()].at(t.seconds());
            for (k, &member) in crew[ci].iter().enumerate() {
                let walks = &walked[member.index()];
                let kept = held[ci][k]
                    .as_ref()
                    .filter(|h| h.holds(camera_walked, walks, t.seconds(), turned[ci]));
                let seen = match kept {
                    Some(h) => h.answer.seen,
                    None => {
                        let remembered = held[ci][k].as_ref().and_then(|h| h.answer.blocker);
                        let at = sim.position(member, t);
                        let radius = scene.person(member).radius;
                        let answer = Answer::ask(&view, at, radius, opaque, &mut near, remembered);
                        let leg = walks.leg_at(t.seconds());
                        held[ci][k] = Some(Held {
                            answer,
                            camera_walked,
                            walked: walks.at_after(leg, t.seconds()),
                            leg,
                            turned: turned[ci],
                        });
                        answer.seen
                    }
                };
                crew_hits[ci][k] = seen;
                if let Some((start, end)) = crew_runs[ci][k].step(t, seen) {
                    found.crew_seen.push(CrewSeen {
                        camera: cameras[ci],
                        crew: member,
                        start,
                        end,
                    });
                }
            }

            // K005: the field of view past the set, until the reveal.
            // Past the reveal nothing is reported; the frame before it is never still.
            let places = if reveal.is_some_and(|r| t >= r) {
                Vec::new()
            } else if past_possible {
                glances.get_or_insert_with(glance_all)[ci].past_the_set()
            } else {
                // Only standing outside every room can show past such a set.
                let room = match rooms[ci] {
                    Some((at, room)) if at == view.origin => room,
                    _ => scene.room_at(view.origin),
                };
                rooms[ci] = Some((view.origin, room));
                if room.is_none() {
                    vec![PastTheSet::StandsOutside]
                } else {
                    Vec::new()
                }
            };
            last_places[ci].clone_from(&places);
            let runs = &mut past_runs[ci];
            let closed: Vec<PastTheSet> = runs
                .keys()
                .filter(|p| !places.contains(p))
                .copied()
                .collect();
            for place in closed {
                if let Some((start, end)) = runs.remove(&place) {
                    found.past_set.push(PastSet {
                        camera: cameras[ci],
                        place,
                        start,
                        end,
                    });
                }
            }
            for place in places {
                runs.entry(place)
                    .and_modify(|run| run.1 = t)
                    .or_insert((t, t));
            }
        }

        // K002: lines under way at this frame, each until its first miss.
        while next_line < lines.len() && lines[next_line].at.seconds() <= t.seconds() + SAME_MOMENT
        {
            let line = &lines[next_line];
            if !on_frame(line.at)
                && let Some((camera, why)) = missed_off_frame(line.who, line.at)
            {
                missed[next_line] = Some(MissedLine {
                    event: line.event,
                    at: line.at,
                    camera,
                    why,
                });
            } else {
                watching.push(next_line);
            }
            next_line += 1;
        }
        watching.retain(|&i| {
            let line = &lines[i];
            if line.end.seconds() < t.seconds() - SAME_MOMENT {
                // Ended between the last frame and this one.
                if !on_frame(line.end)
                    && let Some((camera, why)) = missed_off_frame(line.who, line.end)
                {
                    missed[i] = Some(MissedLine {
                        event: line.event,
                        at: line.end,
                        camera,
                        why,
                    });
                }
                return false;
            }
            let mut first = None;
            for (ci, glance) in glances.get_or_insert_with(glance_all).iter().enumerate() {
                match glance.sees(line.who, true) {
                    Ok(()) => return true,
                    Err(why) => {
                        first.get_or_insert((cameras[ci], why));
                    }
                }
            }
            if let Some((camera, why)) = first {
                missed[i] = Some(MissedLine {
                    event: line.event,
                    at: t,
                    camera,
                    why,
                });
            }
            false
        });

        // Until when everyone whose answer was just computed keeps still.
        let mut until = f64::INFINITY;
        for p in crew
            .iter()
            .flatten()
            .chain(watching.iter().map(|&i| &lines[i].who))
        {
            until = until.min(sim.keeps_still_until(*p, t));
        }
        if let Some(r) = reveal.filter(|r| *r > t) {
            until = until.min(r.seconds());
        }
        still_until = until;
    }

    // Close what is still open at the end of the take.
    let end = scene.length;
    for (ci, (run, fastest)) in whips.iter_mut().enumerate() {
        if let Some((start, last)) = run.open.take() {
            found.whips.push(Whip {
                camera: cameras[ci],
                start,
                end: last,
                fastest: *fastest / step,
            });
        }
    }
    for (ci, runs) in crew_runs.iter_mut().enumerate() {
        for (k, run) in runs.iter_mut().enumerate() {
            if let Some((start, last)) = run.open.take() {
                found.crew_seen.push(CrewSeen {
                    camera: cameras[ci],
                    crew: crew[ci][k],
                    start,
                    end: last,
                });
            }
        }
    }
    for (ci, runs) in past_runs.into_iter().enumerate() {
        for (place, (start, last)) in runs {
            found.past_set.push(PastSet {
                camera: cameras[ci],
                place,
                start,
                end: last,
            });
        }
    }
    for &i in &watching {
        let line = &lines[i];
        if line.end <= end
            && !on_frame(line.end)
            && let Some((camera, why)) = missed_off_frame(line.who, line.end)
        {
            missed[i] = Some(MissedLine {
                event: line.event,
                at: line.end,
                camera,
                why,
            });
        }
    }
    found.missed_lines = missed.into_iter().flatten().collect();
    found.whips.sort_by_key(|w| (w.camera, w.start));
    found.crew_seen.sort_by_key(|c| (c.camera, c.crew, c.start));
    found.past_set.sort_by_key(|p| (p.camera, p.start, p.place));
    found
}

#[cfg(test)]
mod tests {
    use super::turn_between;
    use crate::geometry::Point;
    use crate::sim::View;
    use std::f64::consts::{FRAC_PI_2, PI};

    fn view(degrees: f64, half_angle: f64) -> View {
        View {
            origin: Point::new(1.0, 2.0),
            direction: Point::from_angle(degrees.to_radians()),
            half_angle,
        }
    }

    #[test]
    fn the_turn_between_two_views_is_the_short_way_round_plus_the_change_of_angle() {
        let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
        // Still, a quarter pan either way, a half turn, across the ±180° seam.
        assert!(close(turn_between(&view(30.0, 0.4), &view(30.0, 0.4)), 0.0));
        assert!(close(
            turn_between(&view(0.0, 0.4), &view(90.0, 0.4)),
            FRAC_PI_2
        ));
        assert!(close(
            turn_between(&view(90.0, 0.4), &view(0.0, 0.4)),
            FRAC_PI_2
        ));
        assert!(close(turn_between(&view(0.0, 0.4), &view(180.0, 0.4)), PI));
        assert!(close(
            turn_between(&view(170.0, 0.4), &view(-170.0, 0.4)),
            20f64.to_radians()
        ));
        // A snap zoom in (a narrower angle) and out count like a pan of the same size.
        assert!(close(turn_between(&view(0.0, 0.6), &view(0.0, 0.1)), 0.5));
        assert!(close(
            turn_between(&view(0.0, 0.1), &view(10.0, 0.6)),
            0.5 + 10f64.to_radians()
        ));
    }
}
