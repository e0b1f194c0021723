//! Every sentence oner writes about the take, in the words a script uses: "She walks to the
//! fridge", "Dante throws the car keys to her", "as she reaches the kitchen arch".
//!
//! - People are named the first time a run of sentences mentions them, then referred to by
//!   their pronouns, if the scene gives pronouns and no one else named in the run shares
//!   them (two "she"s stay names). Without pronouns a person is named every time: oner never
//!   guesses a pronoun from a name.
//! - Furniture, props, rooms and doors are common nouns ("the sofa"), see [`nouns`]; a mark is
//!   its display name, or its id in quotes when it has none.
//! - A sentence starts with a capital; the text is plain (one line, control characters
//!   removed): each output escapes it for its own format.
//!
//! A [`Narrator`] is one run of sentences (a beat's "What happens" list, one cue's wording);
//! start a new one where a reader may start reading.

mod events;
pub mod nouns;

pub use events::{Arrival, Verb, short, verbs};
pub use nouns::{capitalise, common, list};

use crate::model::{PersonId, Pronouns, Scene};
use std::collections::{BTreeMap, BTreeSet};

/// One run of sentences: remembers whom it has named, to refer to them by pronoun after.
pub struct Narrator<'a> {
    scene: &'a Scene,
    /// People named so far: a set, as a crowd take's run can name thousands.
    named: BTreeSet<PersonId>,
    /// How many of them have each subject pronoun (lower case): two "she"s stay names.
    subjects: BTreeMap<String, usize>,
}

/// A person's pronoun set as words.
struct Words<'p> {
    subject: &'p str,
    object: &'p str,
    possessive: &'p str,
    plural: bool,
}

fn words(pronouns: &Pronouns) -> Words<'_> {
    match pronouns {
        Pronouns::She => Words {
            subject: "she",
            object: "her",
            possessive: "her",
            plural: false,
        },
        Pronouns::He => Words {
            subject: "he",
            object: "him",
            possessive: "his",
            plural: false,
        },
        Pronouns::They => Words {
            subject: "they",
            object: "them",
            possessive: "their",
            plural: true,
        },
        Pronouns::Custom {
            subject,
            object,
            possessive,
            plural,
        } => Words {
            subject,
            object,
            possessive,
            plural: *plural,
        },
    }
}

impl<'a> Narrator<'a> {
    /// A fresh run: everyone is named at first mention.
    pub fn new(scene: &'a Scene) -> Narrator<'a> {
        Narrator {
            scene,
            named: BTreeSet::new(),
            subjects: BTreeMap::new(),
        }
    }

    pub fn scene(&self) -> &'a Scene {
        self.scene
    }

    /// The name as written, on one line.
    pub fn name(&self, p: PersonId) -> String {
        nouns::one_line(&self.scene.person(p).name)
    }

    /// The pronouns to use for `p` now, if a pronoun would be clear: `p` was named in this run
    /// and nobody else named in it shares the subject pronoun.
    fn pronoun(&self, p: PersonId) -> Option<Words<'a>> {
        let own = words(self.scene.person(p).pronouns.as_ref()?);
        if !self.named.contains(&p) {
            return None;
        }
        // `p` is one of them; anyone else makes the pronoun ambiguous.
        let shared = self
            .subjects
            .get(&own.subject.to_lowercase())
            .is_some_and(|&n| n > 1);
        (!shared).then_some(own)
    }

    fn mention(&mut self, p: PersonId) {
        if self.named.insert(p)
            && let Some(pronouns) = self.scene.person(p).pronouns.as_ref()
        {
            *self
                .subjects
                .entry(words(pronouns).subject.to_lowercase())
                .or_default() += 1;
        }
    }

    /// `p` doing `verb`, the verb agreeing: "Dante walks", "she walks", "they walk".
    pub fn subject(&mut self, p: PersonId, verb: Verb) -> String {
        let text = match self.pronoun(p) {
            Some(w) => format!("{} {}", w.subject, verb.form(w.plural)),
            None => format!("{} {}", self.name(p), verb.form(false)),
        };
        self.mention(p);
        text
    }

    /// `p` as the object of a verb or preposition: "Dante", "her", "them".
    pub fn object(&mut self, p: PersonId) -> String {
        let text = match self.pronoun(p) {
            Some(w) => w.object.to_string(),
            None => self.name(p),
        };
        self.mention(p);
        text
    }

    /// Whose: "Dante's", "her", "their".
    pub fn possessive(&mut self, p: PersonId) -> String {
        let text = match self.pronoun(p) {
            Some(w) => w.possessive.to_string(),
            None => format!("{}’s", self.name(p)),
        };
        self.mention(p);
        text
    }
}
