//! M007 collision: two people in the same spot at the same time.
//!
//! Solved exactly in continuous time, not sampled: every person's path is split into pieces
//! of straight, constant-speed motion (standing still is a piece too), and a time sweep with
//! a spatial grid compares only pieces that overlap in time and space. Each candidate pair is
//! then solved as a quadratic for when the two centres are closer than the contact distance.
//! That keeps a 2,000-performer, 100,000-event take near-linear instead of all pairs per frame.

use crate::diagnostic::Diagnostic;
use crate::escape::number;
use crate::geometry::Point;
use crate::model::{EventId, PersonId};
use crate::rules::{Context, Level, Rule, RuleDoc};
use crate::time::Time;
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

pub struct Collision;

static DOC: RuleDoc = RuleDoc {
    code: "M007",
    name: "collision",
    family: "movement",
    level: Level::Deny,
    summary: "two people are in the same spot at the same time",
    explanation: "### What it checks\nAt every moment of the take (solved exactly, not sampled), that no one's centre comes \
inside another person's body: closer than the larger of their two body radii (0.25 m for cast by default, 0.3 m for \
crew, 0.45 m for a camera rig). An embrace is fine; standing on the same mark, or walking through each other, is not. (Not the sum of the \
two radii: an embrace or a hand-over brings two bodies closer than that.) Each pair's contact is one report; when four \
or more people are tangled in contacts (extras sent to one mark), the tangle is one report naming them.\n\n\
### Why it matters\nTwo performers sent to one mark collide; a Steadicam whose path crosses a performer's knocks into \
them mid-take.\n\n### Example\n```ron\n(at: \"0:30\", do: Move(who: \"her\", to: \"L1\")),  // \"him\" is standing on L1\n```\n\n\
### Fix\nGive each person a mark of their own, or stagger the moves so their paths cross at different times.",
};

/// Where a piece of someone's path came from, to point the diagnostic at.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cause {
    Event(EventId),
    Start(PersonId),
}

/// Straight, constant-speed motion of one person over `[t0, t1]` (seconds).
#[derive(Debug, Clone, Copy)]
struct Piece {
    who: PersonId,
    t0: f64,
    t1: f64,
    p0: Point,
    velocity: Point,
    cause: Cause,
}

impl Piece {
    fn at(&self, t: f64) -> Point {
        self.p0 + self.velocity * (t - self.t0)
    }
}

/// Every piece of everyone's path, in a vector of exactly their number: a crowd take has
/// hundreds of thousands, and a vector grown by doubling would hold a quarter more for the
/// whole check.
fn pieces(cx: &Context) -> Vec<Piece> {
    let mut count = 0;
    each_piece(cx, |_| count += 1);
    let mut out = Vec::with_capacity(count);
    each_piece(cx, |piece| out.push(piece));
    out
}

/// Calls `out` with each piece of everyone's path, person by person, in time order.
fn each_piece(cx: &Context, mut out: impl FnMut(Piece)) {
    let end = cx.scene.length.seconds();
    for (i, track) in cx.sim.tracks.iter().enumerate() {
        let who = PersonId::from_index(i);
        // A crane's head passes over everyone's heads.
        if cx.scene.person(who).flies() {
            continue;
        }
        let mut still_from = (0.0, track.start, Cause::Start(who));
        for (k, leg) in track.legs.iter().enumerate() {
            let depart = leg.depart.seconds();
            let (t, p, cause) = still_from;
            if depart > t {
                out(Piece {
                    who,
                    t0: t,
                    t1: depart,
                    p0: p,
                    velocity: Point::default(),
                    cause,
                });
            }
            // The next leg takes over when it starts, even if this one has not arrived.
            let stop = track
                .legs
                .get(k + 1)
                .map_or(f64::INFINITY, |n| n.depart.seconds());
            let points = &leg.route.points;
            for j in 1..points.len() {
                let (a, b) = (
                    leg.time_at_point(j - 1).seconds(),
                    leg.time_at_point(j).seconds().min(stop),
                );
                if b <= a {
                    continue;
                }
                let full = leg.time_at_point(j).seconds() - a;
                let velocity = (points[j] - points[j - 1]) * (1.0 / full.max(1e-9));
                // Short pieces keep each one's bounding box to a few grid cells.
                let chunks = ((velocity.length() * (b - a)) / CELL).ceil().max(1.0) as usize;
                let dt = (b - a) / chunks as f64;
                for k in 0..chunks {
                    let t0 = a + dt * k as f64;
                    let t1 = if k + 1 == chunks { b } else { t0 + dt };
                    let p0 = points[j - 1] + velocity * (t0 - a);
                    out(Piece {
                        who,
                        t0,
                        t1,
                        p0,
                        velocity,
                        cause: Cause::Event(leg.event),
                    });
                }
            }
            let arrive = leg.arrive.seconds().min(stop);
            still_from = (
                arrive.max(depart),
                leg.position(Time::from_seconds(arrive.max(depart)).unwrap_or(leg.arrive)),
                Cause::Event(leg.event),
            );
        }
        let (t, p, cause) = still_from;
        if end > t {
            out(Piece {
                who,
                t0: t,
                t1: end,
                p0: p,
                velocity: Point::default(),
                cause,
            });
        }
    }
}

/// The sub-interval of the common time of `a` and `b` when their centres are closer than
/// `reach`, with the least distance in it.
fn contact(a: &Piece, b: &Piece, reach: f64) -> Option<(f64, f64, f64)> {
    let (s, e) = (a.t0.max(b.t0), a.t1.min(b.t1));
    if e <= s {
        return None;
    }
    let d0 = a.at(s) - b.at(s);
    let dv = a.velocity - b.velocity;
    let (qa, qb, qc) = (dv.dot(dv), 2.0 * d0.dot(dv), d0.dot(d0) - reach * reach);
    let span = e - s;
    let (enter, leave) = if qa < 1e-12 {
        if qc < 0.0 { (0.0, span) } else { return None }
    } else {
        let disc = qb * qb - 4.0 * qa * qc;
        if disc <= 0.0 {
            return None;
        }
        let root = disc.sqrt();
        ((-qb - root) / (2.0 * qa), (-qb + root) / (2.0 * qa))
    };
    let (enter, leave) = (enter.max(0.0), leave.min(span));
    if leave <= enter {
        return None;
    }
    let closest = if qa < 1e-12 {
        0.0
    } else {
        (-qb / (2.0 * qa)).clamp(enter, leave)
    };
    let least = (d0 + dv * closest).length();
    Some((s + enter, s + leave, least))
}

const CELL: f64 = 2.0;

fn cells(a: Point, b: Point, pad: f64) -> impl Iterator<Item = (i64, i64)> {
    let cell = |v: f64| (v / CELL).floor() as i64;
    let (x0, x1) = (cell(a.x.min(b.x) - pad), cell(a.x.max(b.x) + pad));
    let (y0, y1) = (cell(a.y.min(b.y) - pad), cell(a.y.max(b.y) + pad));
    (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
}

/// Grid cells by their (column, row), hashed cheaply: the cell map is only ever looked up,
/// never iterated, so its order cannot reach an output.
type CellMap<V> = HashMap<(i64, i64), V, BuildHasherDefault<CellHasher>>;

/// A multiply-rotate hash (as in rustc's FxHash) for two small integers; SipHash's
/// protection against chosen keys is not needed for grid cells.
#[derive(Default)]
struct CellHasher(u64);

impl Hasher for CellHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_i64(&mut self, n: i64) {
        self.write_u64(n as u64);
    }
}

/// A contact between two people: when it starts and ends, how close they came, and why.
struct Episode {
    start: f64,
    end: f64,
    least: f64,
    cause: Cause,
}

impl Rule for Collision {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let mut pieces = pieces(cx);
        // A person's pieces follow one another in time, so no two share (start, person): the
        // order is total, and an in-place sort gives what a stable one would, without a
        // scratch copy of 200,000 pieces.
        pieces.sort_unstable_by(|a, b| a.t0.total_cmp(&b.t0).then(a.who.cmp(&b.who)));
        let radius: Vec<f64> = cx.scene.people.iter().map(|p| p.radius).collect();
        let max_radius = radius.iter().copied().fold(0.0, f64::max);
        // Each cell lists the pieces under way in it, copied in, so a query reads one
        // contiguous list instead of chasing indices across the take.
        let mut grid: CellMap<Vec<(usize, Piece)>> = CellMap::default();
        let mut ending: BinaryHeap<Reverse<(u64, usize)>> = BinaryHeap::new();
        // Flat, sorted by pair below: a map of small vectors costs a crowd on one mark more in
        // allocations than the contacts themselves.
        let mut episodes: Vec<((PersonId, PersonId), Episode)> = Vec::new();
        // `met[j] == i + 1` once piece `i` has been compared with piece `j`: a piece spans a
        // few cells and must meet each other piece once, and a crowd on one mark would make a
        // list of those met so far quadratic to search.
        let mut met = vec![0usize; pieces.len()];
        let moving = |p: &Piece| p.velocity != Point::default();
        // When the walk a piece is part of began (its event's time: a walk is cut into pieces
        // at every turn of its route and every few metres, and no cut brought anyone
        // together), or when the person stopped and stood.
        let began = |p: &Piece| match p.cause {
            Cause::Event(event) if moving(p) => cx.scene.events[event.index()].at.seconds(),
            _ => p.t0,
        };
        for (i, piece) in pieces.iter().enumerate() {
            while let Some(&Reverse((end_bits, j))) = ending.peek() {
                if f64::from_bits(end_bits) > piece.t0 {
                    break;
                }
                ending.pop();
                let other = &pieces[j];
                for cell in cells(other.at(other.t0), other.at(other.t1), max_radius) {
                    if let Some(list) = grid.get_mut(&cell) {
                        list.retain(|&(k, _)| k != j);
                    }
                }
            }
            for cell in cells(piece.at(piece.t0), piece.at(piece.t1), max_radius) {
                let list = grid.entry(cell).or_default();
                for (j, other) in list.iter() {
                    if other.who == piece.who || met[*j] == i + 1 {
                        continue;
                    }
                    met[*j] = i + 1;
                    let reach = radius[piece.who.index()].max(radius[other.who.index()]);
                    if let Some((start, end, least)) = contact(piece, other, reach) {
                        let pair = (piece.who.min(other.who), piece.who.max(other.who));
                        // What brought them together: a walk rather than someone standing
                        // in its way; of two walks (or two people standing), the one begun
                        // later; on a tie, the later person's, as the file lists them.
                        let cause = if (moving(piece), began(piece), piece.who)
                            >= (moving(other), began(other), other.who)
                        {
                            piece.cause
                        } else {
                            other.cause
                        };
                        episodes.push((
                            pair,
                            Episode {
                                start,
                                end,
                                least,
                                cause,
                            },
                        ));
                    }
                }
                list.push((i, *piece));
            }
            // Non-negative finite times sort correctly by their bit patterns.
            ending.push(Reverse((piece.t1.to_bits(), i)));
        }
        episodes.sort_by(|(p, x), (q, y)| p.cmp(q).then(x.start.total_cmp(&y.start)));
        let mut contacts: Vec<((PersonId, PersonId), Episode)> = Vec::new();
        for (pair, e) in episodes {
            match contacts.last_mut() {
                Some((last_pair, last)) if *last_pair == pair && e.start <= last.end + 0.05 => {
                    last.end = last.end.max(e.end);
                    last.least = last.least.min(e.least);
                }
                _ => contacts.push((pair, e)),
            }
        }
        report_all(cx, contacts, out);
    }
}

/// From this many people in one tangle of contacts on, the tangle is one report (who, where,
/// when) instead of one per pair: fifty extras sent to one mark are one mistake, not 1,225.
const CROWD: usize = 4;

/// Reports each pair's contacts, or one report for each crowd of [`CROWD`] or more people
/// tangled at once: contacts join a tangle when they share a person and overlap in time, so
/// a walker brushing past one booth at 0:04 and another at 1:06 is two mistakes, not a crowd.
fn report_all(
    cx: &Context,
    mut contacts: Vec<((PersonId, PersonId), Episode)>,
    out: &mut Vec<Diagnostic>,
) {
    contacts.sort_by(|(p, x), (q, y)| x.start.total_cmp(&y.start).then(p.cmp(q)));
    let tangle = tangles(&contacts, cx.scene.people.len());
    let mut people: BTreeMap<usize, BTreeSet<PersonId>> = BTreeMap::new();
    for (((a, b), _), &t) in contacts.iter().zip(&tangle) {
        people.entry(t).or_default().extend([*a, *b]);
    }
    let mut crowds: BTreeMap<usize, Vec<Episode>> = BTreeMap::new();
    for (((a, b), e), t) in contacts.into_iter().zip(tangle) {
        if people[&t].len() >= CROWD {
            crowds.entry(t).or_default().push(e);
        } else {
            out.push(report(cx, a, b, &e));
        }
    }
    for (t, episodes) in crowds {
        let members: Vec<PersonId> = people[&t].iter().copied().collect();
        out.push(report_crowd(cx, &members, &episodes));
    }
}

/// For contacts sorted by start, the index of the first contact of the tangle each belongs
/// to: a union-find over contacts, joining each to the contact of each of its two people that
/// ends last so far, if they overlap (by the 0.05 s that also merges one pair's contacts).
/// Joining to the latest-ending one is enough: any earlier contact it overlaps, that one
/// overlaps too, so they are already joined.
fn tangles(contacts: &[((PersonId, PersonId), Episode)], people: usize) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..contacts.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut latest: Vec<Option<usize>> = vec![None; people];
    for (i, ((a, b), e)) in contacts.iter().enumerate() {
        for who in [a.index(), b.index()] {
            match latest[who] {
                Some(j) if contacts[j].1.end + 0.05 >= e.start => {
                    let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                    parent[ri.max(rj)] = ri.min(rj);
                    if e.end > contacts[j].1.end {
                        latest[who] = Some(i);
                    }
                }
                _ => latest[who] = Some(i),
            }
        }
    }
    (0..contacts.len()).map(|i| root(&mut parent, i)).collect()
}

fn report(cx: &Context, a: PersonId, b: PersonId, e: &Episode) -> Diagnostic {
    let at = Time::from_seconds(e.start).unwrap_or(Time::ZERO);
    let until = Time::from_seconds(e.end).unwrap_or(at);
    let span = match e.cause {
        Cause::Event(event) => cx.event_span(event, ""),
        Cause::Start(who) => cx.span(&cx.scene.person(who).path.field("starts_at")),
    };
    let room = cx
        .scene
        .room_at(cx.sim.position(a, at))
        .map_or(String::new(), |r| format!(" in `{}`", cx.scene.room(r).id));
    DOC.diagnostic(format!("{} and {} are in the same spot{room} from {at} to {until}", cx.who(a), cx.who(b)))
        .at(span, format!("brings them within {} m of each other", number(e.least, 2)))
        .note("one body cannot stand where another is: they would collide on set")
        .help("give each a mark of their own, or stagger the moves so their paths cross at different times")
        .when(at, cx.sim.position(a, at).lerp(cx.sim.position(b, at), 0.5))
}

/// One report for a crowd tangled in contacts: everyone in it, from the first contact to the
/// last, pointing at what brought the first two together.
fn report_crowd(cx: &Context, people: &[PersonId], episodes: &[Episode]) -> Diagnostic {
    let first = episodes
        .iter()
        .min_by(|x, y| x.start.total_cmp(&y.start))
        .unwrap_or(&episodes[0]);
    let until = episodes.iter().map(|e| e.end).fold(first.end, f64::max);
    let least = episodes.iter().map(|e| e.least).fold(first.least, f64::min);
    let at = Time::from_seconds(first.start).unwrap_or(Time::ZERO);
    let until = Time::from_seconds(until).unwrap_or(at);
    let span = match first.cause {
        Cause::Event(event) => cx.event_span(event, ""),
        Cause::Start(who) => cx.span(&cx.scene.person(who).path.field("starts_at")),
    };
    let named: Vec<String> = people.iter().take(3).map(|&p| cx.who(p)).collect();
    let others = people.len() - named.len();
    let room = cx
        .scene
        .room_at(cx.sim.position(people[0], at))
        .map_or(String::new(), |r| format!(" in `{}`", cx.scene.room(r).id));
    DOC.diagnostic(format!(
        "{} people are in one another's way{room} from {at} to {until}: {} and {others} more",
        people.len(),
        named.join(", ")
    ))
    .at(
        span,
        format!(
            "the first of {} contacts, as close as {} m",
            episodes.len(),
            number(least, 2)
        ),
    )
    .note("one body cannot stand where another is: they would collide on set")
    .help("give each a mark of their own, or stagger the moves so their paths cross at different times")
    .when(at, cx.sim.position(people[0], at))
}

#[cfg(test)]
mod tests {
    use super::{Cause, Collision, Episode, Piece, contact, tangles};
    use crate::geometry::Point;
    use crate::model::PersonId;
    use crate::rules::testing::{check, reports};

    fn piece(t0: f64, t1: f64, p0: (f64, f64), velocity: (f64, f64)) -> Piece {
        let who = PersonId::from_index(0);
        Piece {
            who,
            t0,
            t1,
            p0: Point::new(p0.0, p0.1),
            velocity: Point::new(velocity.0, velocity.1),
            cause: Cause::Start(who),
        }
    }

    fn rounded(found: Option<(f64, f64, f64)>) -> Option<(f64, f64, f64)> {
        let r = |v: f64| (v * 1e6).round() / 1e6;
        found.map(|(s, e, least)| (r(s), r(e), r(least)))
    }

    #[test]
    fn contacts_join_a_tangle_when_they_share_someone_within_a_twentieth_of_a_second() {
        let person = PersonId::from_index;
        let contact = |a: usize, b: usize, start: f64, end: f64| {
            let cause = Cause::Start(person(a));
            let episode = Episode {
                start,
                end,
                least: 0.1,
                cause,
            };
            ((person(a), person(b)), episode)
        };
        // ana-ben until 1.0; ana-cleo from 1.03 (a gap of 0.03 s: one tangle); dan-eve
        // from 1.02 shares no one; ana-fred from 1.2, long after ana-cleo ended at 1.1.
        let contacts = [
            contact(0, 1, 0.0, 1.0),
            contact(3, 4, 1.02, 3.0),
            contact(0, 2, 1.03, 1.1),
            contact(0, 5, 1.2, 2.0),
        ];
        assert_eq!(tangles(&contacts, 6), [0, 1, 0, 3]);
        // 0.06 s apart is two moments, not one.
        let apart = [contact(0, 1, 0.0, 1.0), contact(0, 2, 1.06, 1.5)];
        assert_eq!(tangles(&apart, 3), [0, 1]);
    }

    #[test]
    fn two_people_standing_closer_than_the_reach_touch_for_their_common_time() {
        let a = piece(1.0, 8.0, (0.0, 0.0), (0.0, 0.0));
        let b = piece(3.0, 10.0, (0.3, 0.0), (0.0, 0.0));
        assert_eq!(rounded(contact(&a, &b, 0.5)), Some((3.0, 8.0, 0.3)));
        assert_eq!(rounded(contact(&b, &a, 0.5)), Some((3.0, 8.0, 0.3)));
        // Just outside the reach, and pieces that do not share any time.
        assert_eq!(contact(&a, &b, 0.29), None);
        let later = piece(8.0, 9.0, (0.0, 0.0), (0.0, 0.0));
        assert_eq!(contact(&a, &later, 0.5), None);
    }

    #[test]
    fn a_walker_passing_someone_touches_them_while_within_reach() {
        // Along y = 0 at 1 m/s from t = 2, past someone standing at (5, 0.3): within 0.5 m
        // while |x - 5| < 0.4, so from x 4.6 to 5.4 (t 6.6 to 7.4), closest 0.3 m at x 5.
        let walker = piece(2.0, 12.0, (0.0, 0.0), (1.0, 0.0));
        let stander = piece(0.0, 20.0, (5.0, 0.3), (0.0, 0.0));
        assert_eq!(
            rounded(contact(&walker, &stander, 0.5)),
            Some((6.6, 7.4, 0.3))
        );
        assert_eq!(
            rounded(contact(&stander, &walker, 0.5)),
            Some((6.6, 7.4, 0.3))
        );
        // The stander only arrives at t 7: the contact starts then.
        let late = piece(7.0, 20.0, (5.0, 0.3), (0.0, 0.0));
        assert_eq!(rounded(contact(&walker, &late, 0.5)), Some((7.0, 7.4, 0.3)));
        // The walk stops at x 4.8 (t 6.8): contact until then, closest where it stops.
        let short = piece(2.0, 6.8, (0.0, 0.0), (1.0, 0.0));
        assert_eq!(
            rounded(contact(&short, &stander, 0.5)),
            Some((6.6, 6.8, 0.360555))
        );
        // Grazing (closest exactly the reach) and passing wide are not contacts.
        let grazed = piece(0.0, 20.0, (5.0, 0.5), (0.0, 0.0));
        assert_eq!(contact(&walker, &grazed, 0.5), None);
        let wide = piece(0.0, 20.0, (5.0, 0.8), (0.0, 0.0));
        assert_eq!(contact(&walker, &wide, 0.5), None);
        // Gone past before the stander arrives.
        let after = piece(7.5, 20.0, (5.0, 0.3), (0.0, 0.0));
        assert_eq!(contact(&walker, &after, 0.5), None);
    }

    #[test]
    fn two_walkers_side_by_side_touch_all_along() {
        let a = piece(0.0, 4.0, (0.0, 0.0), (1.0, 0.5));
        let b = piece(1.0, 5.0, (1.0, 0.9), (1.0, 0.5));
        assert_eq!(rounded(contact(&a, &b, 0.5)), Some((1.0, 4.0, 0.4)));
        assert_eq!(contact(&a, &b, 0.4), None);
        // Head on: they meet in the middle, closing at 2 m/s.
        let left = piece(0.0, 10.0, (0.0, 0.0), (1.0, 0.0));
        let right = piece(0.0, 10.0, (10.0, 0.0), (-1.0, 0.0));
        assert_eq!(
            rounded(contact(&left, &right, 0.5)),
            Some((4.75, 5.25, 0.0))
        );
    }

    #[test]
    fn walking_through_someone_on_the_way_reports_when_and_how_close() {
        // ana walks K1 (1.5, 1.5) through the arch (4, 2) to L2 (8.3, 2), 6.85 m in 3 s,
        // straight through ben standing on L1 (6, 2).
        let found = reports(
            &Collision,
            r#"timeline: [(at: "0:01", do: Move(who: "ana", to: "L2", arrive: "0:04"))]"#,
        );
        assert_eq!(
            found,
            [
                "`ana` and `ben` are in the same spot in `living` from 0:02.9 to 0:03.1 | brings them within 0 m of each other | one body cannot stand where another is: they would collide on set | give each a mark of their own, or stagger the moves so their paths cross at different times"
            ]
        );
    }

    /// The standard scene with an extra living-room mark `L3` at `at`.
    fn with_l3(at: &str, timeline: &str) -> Vec<String> {
        let text = crate::rules::testing::scene(timeline).replace(
            r#""C1": (room: "living", at: (8.4, 3.6)),"#,
            &format!(
                r#""C1": (room: "living", at: (8.4, 3.6)), "L3": (room: "living", at: {at}),"#
            ),
        );
        crate::rules::testing::check(&Collision, &text)
            .into_iter()
            .map(|d| {
                format!(
                    "{} | {}",
                    d.message,
                    d.primary.map(|l| l.message).unwrap_or_default()
                )
            })
            .collect()
    }

    #[test]
    fn passing_just_outside_the_larger_radius_is_clear_and_just_inside_is_not() {
        // Both are 0.25 m; ben passes 0.26 m or 0.24 m from ana.
        // ben steps aside to L2, ana goes to L3, and ben walks back along y 2 past her.
        let walk = r#"timeline: [
            (at: "0:01", do: Move(who: "ben", to: "L2", arrive: "0:04")),
            (at: "0:05", do: Move(who: "ana", to: "L3", arrive: "0:10")),
            (at: "0:12", do: Move(who: "ben", to: "L1", arrive: "0:15")),
        ]"#;
        let clear = with_l3("(7.0, 2.26)", walk);
        assert!(clear.is_empty(), "{clear:?}");
        let touching = with_l3("(7.0, 2.24)", walk);
        assert_eq!(
            touching,
            [
                "`ana` and `ben` are in the same spot in `living` from 0:13.6 to 0:13.8 | brings them within 0.24 m of each other"
            ]
        );
        // The Steadicam (0.45 m) standing 0.4 m off ben's line: its radius, the larger, counts.
        let camera = with_l3(
            "(7.0, 2.4)",
            r#"timeline: [
            (at: "0:01", do: Move(who: "ben", to: "L2", arrive: "0:04")),
            (at: "0:05", do: Camera(to: "L3", arrive: "0:10")),
            (at: "0:12", do: Move(who: "ben", to: "L1", arrive: "0:15")),
        ]"#,
        );
        assert_eq!(camera.len(), 1, "{camera:?}");
        assert!(camera[0].contains("within 0.4 m"), "{camera:?}");
    }

    #[test]
    fn two_brushes_apart_in_time_are_two_reports_and_one_continuous_contact_is_one() {
        // ben walks past ana on L3 and back again 5 s later: two contacts.
        let twice = with_l3(
            "(7.0, 2.1)",
            r#"timeline: [
            (at: "0:01", do: Move(who: "ben", to: "L2", arrive: "0:04")),
            (at: "0:05", do: Move(who: "ana", to: "L3", arrive: "0:10")),
            (at: "0:12", do: Move(who: "ben", to: "L1", arrive: "0:15")),
            (at: "0:20", do: Move(who: "ben", to: "L2", arrive: "0:23")),
        ]"#,
        );
        assert_eq!(twice.len(), 2, "{twice:?}");
        // Standing together from ana's arrival on to the end: one report, to the end of the take.
        let together = with_l3(
            "(6.0, 2.1)",
            r#"timeline: [(at: "0:01", do: Move(who: "ana", to: "L3", arrive: "0:06"))]"#,
        );
        assert_eq!(together.len(), 1, "{together:?}");
        assert!(
            together[0].ends_with("to 1:00.0 | brings them within 0.1 m of each other"),
            "{together:?}"
        );
    }

    /// Contacts (message | label) on the standard scene with extra living-room marks.
    fn with_marks(marks: &str, timeline: &str) -> Vec<String> {
        let text = crate::rules::testing::scene(timeline).replace(
            r#""C1": (room: "living", at: (8.4, 3.6)),"#,
            &format!(r#""C1": (room: "living", at: (8.4, 3.6)), {marks}"#),
        );
        crate::rules::testing::check(&Collision, &text)
            .into_iter()
            .map(|d| {
                format!(
                    "{} | {}",
                    d.message,
                    d.primary.map(|l| l.message).unwrap_or_default()
                )
            })
            .collect()
    }

    #[test]
    fn two_people_standing_close_are_found_wherever_they_stand_on_the_grid() {
        // ana and ben stand 0.2 m apart from the first frame, one pair at a time, at every
        // 5 cm across the living room: each grid line and each padded cell edge is crossed.
        let pair = |a: (f64, f64), b: (f64, f64)| {
            let marks = format!(
                r#""A": (room: "living", at: ({}, {})), "B": (room: "living", at: ({}, {})),"#,
                a.0, a.1, b.0, b.1
            );
            let text = crate::rules::testing::scene("timeline: []")
                .replace(
                    r#""C1": (room: "living", at: (8.4, 3.6)),"#,
                    &format!(r#""C1": (room: "living", at: (8.4, 3.6)), {marks}"#),
                )
                .replace(r#"starts_at: "K1""#, r#"starts_at: "A""#)
                .replace(r#"starts_at: "L1""#, r#"starts_at: "B""#);
            crate::rules::testing::check(&Collision, &text).len()
        };
        for k in 0..=60 {
            let y = 0.5 + 0.05 * k as f64;
            assert_eq!(pair((6.0, y), (6.0, y + 0.2)), 1, "across y at {y}");
        }
        for k in 0..=80 {
            let x = 4.3 + 0.05 * k as f64;
            assert_eq!(pair((x, 1.0), (x + 0.2, 1.0)), 1, "across x at {x}");
        }
    }

    #[test]
    fn a_brush_just_across_a_grid_line_is_found() {
        // The grid's cells are 2 m; ana stands just west of x 5.55 (and so within 0.45 m, the
        // largest body radius, of the line x 6), ben walks north just east of it.
        let across_x = with_marks(
            r#""A": (room: "living", at: (5.45, 1.0)), "B0": (room: "living", at: (5.65, 0.3)),
               "B1": (room: "living", at: (5.65, 3.5)),"#,
            r#"timeline: [
                (at: "0:01", do: Move(who: "ben", to: "B0", arrive: "0:04")),
                (at: "0:05", do: Move(who: "ana", to: "A", arrive: "0:10")),
                (at: "0:12", do: Move(who: "ben", to: "B1", arrive: "0:16")),
            ]"#,
        );
        assert_eq!(across_x.len(), 1, "{across_x:?}");
        assert!(
            across_x[0].ends_with("within 0.2 m of each other"),
            "{across_x:?}"
        );
        // The same across y 2: ana just south of y 1.55, ben walking west just north of it.
        let across_y = with_marks(
            r#""A": (room: "living", at: (7.0, 1.45)), "B0": (room: "living", at: (8.5, 1.65)),
               "B1": (room: "living", at: (4.5, 1.65)),"#,
            r#"timeline: [
                (at: "0:01", do: Move(who: "ben", to: "B0", arrive: "0:04")),
                (at: "0:05", do: Move(who: "ana", to: "A", arrive: "0:10")),
                (at: "0:12", do: Move(who: "ben", to: "B1", arrive: "0:16")),
            ]"#,
        );
        assert_eq!(across_y.len(), 1, "{across_y:?}");
        assert!(
            across_y[0].ends_with("within 0.2 m of each other"),
            "{across_y:?}"
        );
    }

    /// One walk down a queue brushes three people, each at its own moment: three pair reports,
    /// not one "4 people in one another's way" spanning the walk (the crowd report is for a
    /// tangle at one time; it once joined contacts over the whole take).
    #[test]
    fn brushes_at_different_moments_are_pairs_not_a_crowd() {
        let text = include_str!("../../../tests/fixtures/collision/one-walker-three-brushes.ron");
        let found: Vec<String> = check(&Collision, text)
            .into_iter()
            .map(|d| d.message)
            .collect();
        assert_eq!(
            found,
            [
                "`ana` and `ben` are in the same spot in `hall` from 0:07.1 to 0:07.4",
                "`ana` and `cy` are in the same spot in `hall` from 0:09.9 to 0:10.1",
                "`ana` and `dot` are in the same spot in `hall` from 0:12.6 to 0:13.0",
            ]
        );
        // The same four tangled at once (everyone on one mark) are one crowd.
        let crowd = text
            .replace(r#"starts_at: "q1""#, r#"starts_at: "q2""#)
            .replace(r#"starts_at: "q3""#, r#"starts_at: "q2""#)
            .replace(r#"starts_at: "start""#, r#"starts_at: "q2""#)
            .replace(
                r#"(at: "0:05", do: Move(who: "ana", to: "end", arrive: "0:15")),"#,
                "",
            );
        let found: Vec<String> = check(&Collision, &crowd)
            .into_iter()
            .map(|d| d.message)
            .collect();
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("4 people are in one another's way in `hall` from 0:00.0"),
            "{found:?}"
        );
    }

    #[test]
    fn a_walk_from_the_first_frame_through_someone_is_found() {
        let found = reports(
            &Collision,
            r#"timeline: [(at: "0:00", do: Move(who: "ana", to: "L2", arrive: "0:03"))]"#,
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("`ana` and `ben` are in the same spot in `living` from 0:01.9 to 0:02.1 | brings them within 0 m"),
            "{found:?}"
        );
    }

    #[test]
    fn a_fast_walk_that_stops_short_of_the_steadicam_does_not_touch_it() {
        // ben walks straight at the camera on C1 (8.4, 3.6) from L1 (6, 2), 2.3 or 2.5 m in a
        // second, and stops 0.6 m or 0.4 m short of it: the rig's radius is 0.45 m.
        let stop = |at: &str| {
            with_marks(
                &format!(r#""X": (room: "living", at: {at}),"#),
                r#"timeline: [(at: "0:00.5", do: Move(who: "ben", to: "X", arrive: "0:01.5"))]"#,
            )
        };
        assert_eq!(stop("(7.9008, 3.2672)"), Vec::<String>::new());
        assert_eq!(
            stop("(8.0672, 3.3781)"),
            [
                "`ben` and `cam` are in the same spot in `living` from 0:01.5 to 1:00.0 | brings them within 0.4 m of each other"
            ]
        );
    }
}
