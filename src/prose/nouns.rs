//! Things as a sentence names them: "the sofa", "her car keys", "the kitchen", and a mark
//! with no display name as `mark “k-fridge”`.
//!
//! Scene names are written like labels ("Sofa", "Front door"); in a sentence they are common
//! nouns. The rule, which never guesses at meaning:
//! - the first letter is lower-cased when the first word is capitalised ("Sofa" → "sofa"),
//!   but not when the first word has other capitals ("TV", "iPad") or ends in 's ("Dante's
//!   jacket"), which keep their spelling;
//! - "the" goes in front unless the name already starts with an article, a possessive
//!   ("Her car keys" → "her car keys") or a number ("2 glasses").
//!
//! A name that must keep a capital further on ("the Eames chair") is written with its article.

use crate::model::{DoorId, FurnitureId, MarkId, PropId, RoomId, Scene, WildWallId};

/// Words that already make a noun phrase definite or counted: no "the" before them.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "my", "your", "his", "her", "its", "our", "their", "this", "that", "these",
    "those", "some", "every", "each", "no", "one", "two", "three", "four", "five",
];

/// Scene text on one line, single-spaced.
pub fn one_line(text: &str) -> String {
    crate::escape::strip_control(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A label-style name as a definite common noun phrase: "Sofa" → "the sofa".
pub fn common(name: &str) -> String {
    described(name, None)
}

/// As [`common`], with an adjective after the article: ("South flat", "open") → "the open
/// south flat". A name with its own determiner keeps it: "her open car keys" is not English,
/// so such a name gets the adjective after it in brackets: "Dante's jacket (open)".
pub fn common_with(name: &str, adjective: &str) -> String {
    described(name, Some(adjective))
}

fn described(name: &str, adjective: Option<&str>) -> String {
    let name = one_line(name);
    let Some(first) = name.split(' ').next().filter(|w| !w.is_empty()) else {
        return name;
    };
    let keeps_spelling = first.ends_with("'s")
        || first.ends_with("’s")
        || first.chars().skip(1).any(char::is_uppercase);
    let lowered = if keeps_spelling {
        name.clone()
    } else {
        lower_first(&name)
    };
    let determined = DETERMINERS.contains(&first.to_lowercase().as_str())
        || first.starts_with(|c: char| c.is_ascii_digit())
        || (keeps_spelling && (first.ends_with("'s") || first.ends_with("’s")));
    match (determined, adjective) {
        (true, None) => lowered,
        (true, Some(adjective)) => format!("{lowered} ({adjective})"),
        (false, None) => format!("the {lowered}"),
        (false, Some(adjective)) => format!("the {adjective} {lowered}"),
    }
}

/// `text` with its first letter upper-cased: the start of a sentence.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "Ana", "Ana and Ben", "Ana, Ben and Cy".
pub fn list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [rest @ .., last] => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", rest.join(", "), last.as_ref())
        }
    }
}

/// A mark: its display name as a noun ("the fridge"), or its id in quotes when it has none
/// (`mark “k-fridge”`): an id is not a word, and turning one into words would be a guess.
pub fn mark(scene: &Scene, m: MarkId) -> String {
    let mark = scene.mark(m);
    match &mark.name {
        Some(name) => common(name),
        None => format!("mark “{}”", one_line(&mark.id)),
    }
}

pub fn room(scene: &Scene, r: RoomId) -> String {
    common(&scene.room(r).name)
}

pub fn door(scene: &Scene, d: DoorId) -> String {
    common(&scene.door(d).name)
}

pub fn furniture(scene: &Scene, f: FurnitureId) -> String {
    common(&scene.furniture[f.index()].name)
}

pub fn prop(scene: &Scene, p: PropId) -> String {
    common(&scene.prop(p).name)
}

pub fn wild_wall(scene: &Scene, w: WildWallId) -> String {
    common(&scene.wild_walls[w.index()].name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_names_become_definite_common_nouns() {
        assert_eq!(common("Sofa"), "the sofa");
        assert_eq!(common("Kitchen arch"), "the kitchen arch");
        assert_eq!(common("Living room"), "the living room");
        assert_eq!(common("Drinking glass"), "the drinking glass");
    }

    #[test]
    fn an_adjective_goes_after_the_article() {
        assert_eq!(common_with("South flat", "open"), "the open south flat");
        assert_eq!(common_with("Dante's door", "open"), "Dante's door (open)");
    }

    #[test]
    fn determiners_and_possessives_take_no_article() {
        assert_eq!(common("Her car keys"), "her car keys");
        assert_eq!(common("His cigarettes"), "his cigarettes");
        assert_eq!(common("The Eames chair"), "the Eames chair");
        assert_eq!(common("A letter"), "a letter");
        assert_eq!(common("2 glasses"), "2 glasses");
        assert_eq!(common("Dante's jacket"), "Dante's jacket");
        assert_eq!(common("Ana’s bag"), "Ana’s bag");
    }

    #[test]
    fn words_with_inner_capitals_keep_their_spelling() {
        assert_eq!(common("TV"), "the TV");
        assert_eq!(common("iPad"), "the iPad");
        assert_eq!(common("CCTV monitor"), "the CCTV monitor");
    }

    #[test]
    fn odd_text_stays_on_one_line_and_never_panics() {
        assert_eq!(common(""), "");
        assert_eq!(common("   "), "");
        assert_eq!(common("Big\n  sofa"), "the big sofa");
        assert_eq!(common("Éclair tray"), "the éclair tray");
        assert_eq!(capitalise("ß-bar"), "SS-bar");
        assert_eq!(capitalise(""), "");
    }

    #[test]
    fn lists_join_with_and() {
        assert_eq!(list::<&str>(&[]), "");
        assert_eq!(list(&["Ana"]), "Ana");
        assert_eq!(list(&["Ana", "Ben"]), "Ana and Ben");
        assert_eq!(list(&["Ana", "Ben", "Cy"]), "Ana, Ben and Cy");
    }
}
