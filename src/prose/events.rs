//! Events as clauses: "she walks to the fridge", "Dante throws the car keys to her".

use super::{Narrator, nouns};
use crate::model::{Action, DoorAction, EventId, MarkId, Pace, PersonId, PlaceRef, RoomId};
use crate::sim::{PropWhere, Simulation};

/// A verb in its two present-tense forms: "walks" (she, he, a name) and "walk" (they).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verb {
    pub singular: &'static str,
    pub plural: &'static str,
}

impl Verb {
    pub fn form(self, plural: bool) -> &'static str {
        if plural { self.plural } else { self.singular }
    }
}

/// The verbs oner's sentences use.
pub mod verbs {
    use super::Verb;

    macro_rules! verbs {
        ($($name:ident = $singular:literal / $plural:literal),* $(,)?) => {$(
            pub const $name: Verb = Verb { singular: $singular, plural: $plural };
        )*};
    }

    verbs!(
        WALK = "walks" / "walk",
        RUN = "runs" / "run",
        DRIVE = "drives" / "drive",
        MOVE = "moves" / "move",
        REACH = "reaches" / "reach",
        OPEN = "opens" / "open",
        CLOSE = "closes" / "close",
        SLAM = "slams" / "slam",
        LOCK = "locks" / "lock",
        UNLOCK = "unlocks" / "unlock",
        TAKE = "takes" / "take",
        PUT = "puts" / "put",
        GIVE = "gives" / "give",
        THROW = "throws" / "throw",
        BREAK = "breaks" / "break",
        FRAME = "frames" / "frame",
        ENTER = "enters" / "enter",
        EXIT = "exits" / "exit",
        SPEAK = "speaks" / "speak",
        BE = "is" / "are",
        CHANGE = "changes" / "change",
    );
}

/// Whether a clause states when a move arrives (a list of happenings does; a calling
/// script's "as she walks to the fridge" does not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    Stated,
    Left,
}

impl Narrator<'_> {
    /// The event as a sentence ("She walks to the fridge, arrives 0:25"), or `None` for what
    /// is no action of a person on the set: spoken lines (the cue sheet carries those) and a
    /// camera event that only reframes.
    pub fn sentence(&mut self, sim: &Simulation, id: EventId) -> Option<String> {
        self.clause(sim, id, Arrival::Stated)
            .map(|c| nouns::capitalise(&c))
    }

    /// "as she walks to the fridge", "as Dante slams the front door": the moment a cue goes.
    /// `None` as for [`Narrator::sentence`].
    pub fn as_clause(&mut self, sim: &Simulation, id: EventId) -> Option<String> {
        self.clause(sim, id, Arrival::Left)
            .map(|c| format!("as {c}"))
    }

    /// "as she reaches the kitchen arch": a GO on arrival at a mark.
    pub fn as_reaching(&mut self, who: PersonId, mark: MarkId) -> String {
        format!("as {}", self.reaching(who, mark))
    }

    /// "she reaches the kitchen arch", as a clause.
    pub fn reaching(&mut self, who: PersonId, mark: MarkId) -> String {
        let subject = self.subject(who, verbs::REACH);
        format!("{subject} {}", nouns::mark(self.scene, mark))
    }

    /// "Her enters the living room from the kitchen", or "exits … to …" when `to` is off the set.
    pub fn passage(&mut self, who: PersonId, from: RoomId, to: RoomId) -> String {
        let scene = self.scene;
        let text = if scene.room(to).offstage && !scene.room(from).offstage {
            let subject = self.subject(who, verbs::EXIT);
            format!(
                "{subject} {} to {}",
                nouns::room(scene, from),
                nouns::room(scene, to)
            )
        } else {
            let subject = self.subject(who, verbs::ENTER);
            format!(
                "{subject} {} from {}",
                nouns::room(scene, to),
                nouns::room(scene, from)
            )
        };
        nouns::capitalise(&text)
    }

    /// Where a prop is, after a preposition: "the kitchen table", "the fridge", "her".
    pub fn prop_place(&mut self, place: PropWhere) -> String {
        match place {
            PropWhere::Mark(m) => nouns::mark(self.scene, m),
            PropWhere::Furniture(f) => nouns::furniture(self.scene, f),
            PropWhere::Held(p) => self.object(p),
        }
    }

    /// Where something is put or thrown, with its preposition: "on the sofa", "to her",
    /// "down at the fridge" (a mark is a place on the floor).
    pub fn destination(&mut self, place: PlaceRef, onto: &str) -> String {
        match place {
            PlaceRef::Mark(m) => format!("to {}", nouns::mark(self.scene, m)),
            PlaceRef::Furniture(f) => format!("{onto} {}", nouns::furniture(self.scene, f)),
            PlaceRef::Person(p) => format!("to {}", self.object(p)),
        }
    }

    /// The event as a clause, lower case at the start unless a name starts it.
    pub fn clause(&mut self, sim: &Simulation, id: EventId, arrival: Arrival) -> Option<String> {
        let scene = self.scene;
        let event = &scene.events[id.index()];
        let arrives = || match arrival {
            Arrival::Stated => arrival_words(sim, id),
            Arrival::Left => String::new(),
        };
        let text = match &event.action {
            Action::Move(m) => {
                let verb = match m.pace {
                    _ if scene.person(m.who).vehicle.is_some() => verbs::DRIVE,
                    Pace::Run => verbs::RUN,
                    _ => verbs::WALK,
                };
                let subject = self.subject(m.who, verb);
                format!("{subject} to {}{}", nouns::mark(scene, m.to), arrives())
            }
            Action::Door { door, action, by } => {
                let verb = match action {
                    DoorAction::Open => verbs::OPEN,
                    DoorAction::Close => verbs::CLOSE,
                    DoorAction::Slam => verbs::SLAM,
                    DoorAction::Lock => verbs::LOCK,
                    DoorAction::Unlock => verbs::UNLOCK,
                };
                let subject = self.subject(*by, verb);
                format!("{subject} {}", nouns::door(scene, *door))
            }
            Action::Take { who, prop } => {
                let subject = self.subject(*who, verbs::TAKE);
                format!("{subject} {}", nouns::prop(scene, *prop))
            }
            Action::Put { who, prop, on } => {
                let subject = self.subject(*who, verbs::PUT);
                let on = match on {
                    PlaceRef::Mark(m) => format!("down at {}", nouns::mark(scene, *m)),
                    other => self.destination(*other, "on"),
                };
                format!("{subject} {} {on}", nouns::prop(scene, *prop))
            }
            Action::Give { from, to, prop } => {
                let subject = self.subject(*from, verbs::GIVE);
                let to = self.object(*to);
                format!("{subject} {} to {to}", nouns::prop(scene, *prop))
            }
            Action::Throw { who, prop, to } => {
                let subject = self.subject(*who, verbs::THROW);
                let to = self.destination(*to, "onto");
                format!("{subject} {} {to}", nouns::prop(scene, *prop))
            }
            Action::Break { who, prop } => {
                let subject = self.subject(*who, verbs::BREAK);
                format!("{subject} {}", nouns::prop(scene, *prop))
            }
            Action::Line { .. } => return None,
            Action::Camera(c) => {
                if c.travel.is_none() && c.lens_mm.is_none() {
                    return None;
                }
                let mut parts = Vec::new();
                if let Some(m) = &c.travel {
                    let subject = self.subject(c.camera, verbs::MOVE);
                    let to = nouns::mark(scene, m.to);
                    parts.push(format!("{subject} to {to}{}", arrives()));
                }
                if !c.frame.is_empty() {
                    let verb = if parts.is_empty() {
                        self.subject(c.camera, verbs::FRAME)
                    } else {
                        "frames".into()
                    };
                    let names: Vec<String> = c.frame.iter().map(|&p| self.object(p)).collect();
                    parts.push(format!("{verb} {}", nouns::list(&names)));
                }
                if let Some(lens) = c.lens_mm {
                    let lens = crate::escape::number(lens, 1);
                    parts.push(if parts.is_empty() {
                        let subject = self.subject(c.camera, verbs::CHANGE);
                        format!("{subject} to a {lens} mm lens")
                    } else {
                        format!("lens {lens} mm")
                    });
                }
                parts.join(", ")
            }
            Action::Cue {
                dept,
                number,
                what,
                strikes,
                ..
            } => {
                let number = number
                    .as_deref()
                    .map(|n| format!(" {}", nouns::one_line(n)))
                    .unwrap_or_default();
                let strike = strikes
                    .map(|w| format!(" (strikes {})", nouns::wild_wall(scene, w)))
                    .unwrap_or_default();
                format!(
                    "{}{number} GO: {}{strike}",
                    dept.abbreviation(),
                    nouns::one_line(what)
                )
            }
        };
        Some(text)
    }
}

/// ", arrives m:ss" for the move event `id` starts, if it takes time.
fn arrival_words(sim: &Simulation, id: EventId) -> String {
    let Some(m) = sim.scene.events[id.index()].action.travel() else {
        return String::new();
    };
    sim.tracks[m.who.index()]
        .legs
        .iter()
        .find(|l| l.event == id)
        .filter(|l| l.arrive > l.depart)
        .map(|l| format!(", arrives {}", short(l.arrive)))
        .unwrap_or_default()
}

pub use crate::time::short;
