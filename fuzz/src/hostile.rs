//! Hostile text planted in every free-text field and id of a loaded scene, so the oracles
//! can check that no output carries it raw: it closes a script, opens an element, ends an
//! attribute and starts an entity.

use oner::model::{Action, Role, Scene};

/// Appended to every string the scene lets its author write.
pub const MARKER: &str = "</script><x y=\"1\">&amp;\"'&";

/// What must never appear in SVG, HTML, WebVTT or (unescaped) Markdown: the start of the
/// marker's element.
pub const RAW_ELEMENT: [&str; 2] = ["<x ", "<x>"];

fn plant(text: &mut String) {
    text.push_str(MARKER);
}

/// Appends [`MARKER`] to the title, notes, names, ids, lines and cue texts. Ids stay
/// distinct (the same suffix on each); nothing downstream resolves ids by text.
pub fn plant_everywhere(scene: &mut Scene) {
    plant(&mut scene.title);
    plant(&mut scene.notes);
    for room in &mut scene.rooms {
        plant(&mut room.id);
        plant(&mut room.name);
    }
    for door in &mut scene.doors {
        plant(&mut door.id);
        plant(&mut door.name);
    }
    for wall in &mut scene.wild_walls {
        plant(&mut wall.id);
        plant(&mut wall.name);
    }
    for piece in &mut scene.furniture {
        plant(&mut piece.id);
        plant(&mut piece.name);
    }
    for practical in &mut scene.practicals {
        plant(&mut practical.id);
        plant(&mut practical.name);
    }
    for mark in &mut scene.marks {
        plant(&mut mark.id);
        if let Some(note) = &mut mark.note {
            plant(note);
        }
    }
    for person in &mut scene.people {
        plant(&mut person.id);
        plant(&mut person.name);
        match &mut person.role {
            Role::Cast {
                played_by: Some(actor),
            } => plant(actor),
            Role::Other(what) => plant(what),
            _ => {}
        }
    }
    for prop in &mut scene.props {
        plant(&mut prop.id);
        plant(&mut prop.name);
    }
    for beat in &mut scene.beats {
        plant(&mut beat.title);
        if let Some(notes) = &mut beat.notes {
            plant(notes);
        }
    }
    for event in &mut scene.events {
        if let Some(note) = &mut event.note {
            plant(note);
        }
        match &mut event.action {
            Action::Line { says, .. } => plant(says),
            Action::Cue { number, what, .. } => {
                plant(what);
                if let Some(number) = number {
                    plant(number);
                }
            }
            _ => {}
        }
    }
}
