//! Who a plan names. A take with a few performers draws and names everyone; a crowd take
//! (more cast than [`PRINCIPALS`]) names its principals, the performers the story turns on,
//! and draws everyone else as extras: a grey trace of the floor they walk, a dot where each
//! stands, and a count per room. 2,000 labelled routes would be ink, not a plan.
//!
//! Principals are chosen from the scene alone, so every page of a build agrees: the cast
//! ranked by what they do that a crew must stage (lines spoken or addressed, props handled,
//! doors worked, being framed by a camera), then by how many moves they make, then in the
//! scene's order. Crew are never extras: the camera and its crew are always drawn.

use crate::model::{Action, PersonId, PlaceRef, Scene};

/// Most performers a plan names; with this many or fewer, everyone is a principal.
pub const PRINCIPALS: usize = 12;

/// Which people a plan draws in full.
#[derive(Debug, Clone, PartialEq)]
pub struct Crowd {
    principal: Vec<bool>,
    extras: usize,
    /// Marks a plan labels: on a crowd take only those principals and crew start on or walk
    /// to (the others are extras' marks, thousands of them on a big take).
    named_marks: Vec<bool>,
}

impl Crowd {
    pub fn of(scene: &Scene) -> Crowd {
        let cast: Vec<usize> = (0..scene.people.len())
            .filter(|&i| !scene.people[i].is_crew())
            .collect();
        let mut principal = vec![true; scene.people.len()];
        if cast.len() <= PRINCIPALS {
            return Crowd {
                principal,
                extras: 0,
                named_marks: vec![true; scene.marks.len()],
            };
        }
        // (staged actions, moves) per person.
        let mut score = vec![(0usize, 0usize); scene.people.len()];
        let mut staged = |p: PersonId| score[p.index()].0 += 1;
        for event in &scene.events {
            match &event.action {
                Action::Line { who, to, .. } => {
                    staged(*who);
                    to.iter().for_each(|&p| staged(p));
                }
                Action::Door { by, .. } => staged(*by),
                Action::Take { who, .. }
                | Action::Put { who, .. }
                | Action::Throw { who, .. }
                | Action::Break { who, .. } => staged(*who),
                Action::Give { from, to, .. } => {
                    staged(*from);
                    staged(*to);
                }
                Action::Camera(c) => c.frame.iter().for_each(|&p| staged(p)),
                Action::Move(_) | Action::Cue { .. } => {}
            }
        }
        for event in &scene.events {
            if let Action::Move(m) = &event.action {
                score[m.who.index()].1 += 1;
            }
        }
        let mut ranked = cast.clone();
        ranked.sort_by_key(|&i| (std::cmp::Reverse(score[i]), i));
        for &i in &cast {
            principal[i] = false;
        }
        for &i in ranked.iter().take(PRINCIPALS) {
            principal[i] = true;
        }
        let mut named_marks = vec![false; scene.marks.len()];
        for (i, person) in scene.people.iter().enumerate() {
            if principal[i] {
                named_marks[person.starts_at.index()] = true;
            }
        }
        for event in &scene.events {
            match &event.action {
                Action::Put {
                    on: PlaceRef::Mark(mark),
                    ..
                }
                | Action::Throw {
                    to: PlaceRef::Mark(mark),
                    ..
                } => named_marks[mark.index()] = true,
                action => {
                    if let Some(m) = action.travel()
                        && principal[m.who.index()]
                    {
                        named_marks[m.to.index()] = true;
                    }
                }
            }
        }
        Crowd {
            principal,
            extras: cast.len() - PRINCIPALS,
            named_marks,
        }
    }

    /// Whether plans label this mark.
    pub fn names_mark(&self, mark: crate::model::MarkId) -> bool {
        self.named_marks.get(mark.index()).copied().unwrap_or(true)
    }

    /// Drawn in full: route, stops, name.
    pub fn is_principal(&self, who: PersonId) -> bool {
        self.principal.get(who.index()).copied().unwrap_or(true)
    }

    /// How many performers are drawn as extras (0 on a take that is not a crowd).
    pub fn extras(&self) -> usize {
        self.extras
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scene(text: &str) -> Scene {
        let file = crate::source::SourceFile::new("c.ron", text);
        match crate::load::load(&file).scene {
            Some(scene) => scene,
            None => panic!("the test scene loads"),
        }
    }

    #[test]
    fn a_small_cast_is_all_principals() {
        let scene = scene(include_str!("../../scenes/we-cry-together.ron"));
        let crowd = Crowd::of(&scene);
        assert_eq!(crowd.extras(), 0);
        assert!((0..scene.people.len()).all(|i| crowd.is_principal(PersonId::from_index(i))));
    }

    #[test]
    fn a_crowd_names_who_speaks_then_who_moves() {
        let mut text = String::from(
            "Scene(title: \"Crowd\", frame_rate: 24, length: \"1:00\",\n set: (rooms: { \"r\": (name: \"Hall\", shape: Rect(x: 0.0, y: 0.0, w: 40.0, h: 40.0)) }, doors: [], marks: {\n",
        );
        for i in 0..20 {
            text.push_str(&format!(
                "  \"a{i}\": (room: \"r\", at: ({}.0, 2.0)), \"b{i}\": (room: \"r\", at: ({}.0, 6.0)),\n",
                i * 2 + 1,
                i * 2 + 1
            ));
        }
        text.push_str(" }),\n cast: {\n");
        for i in 0..20 {
            text.push_str(&format!(
                "  \"p{i}\": (name: \"P{i}\", colour: \"#336699\", starts_at: \"a{i}\"),\n"
            ));
        }
        // p19 speaks; p18 and p17 walk twice, everyone else once or not at all.
        text.push_str(
            " },\n timeline: [\n  (at: \"0:01\", do: Line(who: \"p19\", says: \"Hello\")),\n",
        );
        for i in 0..20 {
            text.push_str(&format!(
                "  (at: \"0:02\", do: Move(who: \"p{i}\", to: \"b{i}\", arrive: \"0:05\")),\n"
            ));
        }
        text.push_str("  (at: \"0:10\", do: Move(who: \"p18\", to: \"a18\", arrive: \"0:14\")),\n  (at: \"0:10\", do: Move(who: \"p17\", to: \"a17\", arrive: \"0:14\")),\n ],\n)\n");
        let scene = scene(&text);
        let crowd = Crowd::of(&scene);
        let named: Vec<usize> = (0..20)
            .filter(|&i| crowd.is_principal(PersonId::from_index(i)))
            .collect();
        assert_eq!(crowd.extras(), 20 - PRINCIPALS);
        assert_eq!(named.len(), PRINCIPALS);
        // The speaker first, then the two who move most, then the scene's order.
        assert!(named.contains(&19) && named.contains(&18) && named.contains(&17));
        assert_eq!(&named[..9], &[0, 1, 2, 3, 4, 5, 6, 7, 8]);
        assert!(!named.contains(&9));
    }
}
