//! The words oner writes: every beat's "What happens" list, who is where, and the cue sheet's
//! wording, snapshotted for the study scene and for a scene with they/them, custom pronouns,
//! two people who share "she", someone without pronouns, and a mark without a display name.

use crate::common::{load_scene, load_scene_text, read, repo};
use oner::model::{MarkId, PersonId, Scene};
use oner::plan::{crowd::Crowd, story};
use oner::prose::Narrator;
use oner::sim::Simulation;
use oner::time::Time;

/// Each beat's title and its "What happens" list, then who is where at each beat's start.
fn words(scene: &Scene) -> String {
    let sim = Simulation::new(scene);
    let crowd = Crowd::of(scene);
    let mut out = String::new();
    for (i, beat) in scene.beats.iter().enumerate() {
        let to = scene.beats.get(i + 1).map_or(scene.length, |b| b.at);
        out.push_str(&format!("## {}\n", beat.title));
        for (at, line) in story::happenings(scene, &sim, beat.at, to, &crowd) {
            out.push_str(&format!("{at}  {line}\n"));
        }
        out.push_str("Who is where:\n");
        for line in story::positions(scene, &sim, beat.at) {
            out.push_str(&format!("  {line}\n"));
        }
        out.push('\n');
    }
    out.push_str("## Cue sheet\n");
    for cue in oner::cuesheet::cue_list(scene, &sim) {
        out.push_str(&format!("{}  {}\n", cue.at.clock(), cue.what));
        for note in &cue.notes {
            out.push_str(&format!("      {note}\n"));
        }
    }
    out
}

fn pronoun_scene() -> Scene {
    load_scene_text(
        "pronouns.ron",
        &read(&repo("tests/fixtures/prose/pronouns.ron")),
    )
}

#[test]
fn study_scene_reads_like_a_script() {
    let text = words(&load_scene("scenes/we-cry-together.ron"));
    assert!(text.contains("She walks to the fridge"), "{text}");
    assert!(!text.contains("k-fridge"), "an id in the words: {text}");
    insta::assert_snapshot!("prose-we-cry-together", text);
}

#[test]
fn tutorial_reads_like_a_script() {
    insta::assert_snapshot!("prose-tutorial", words(&load_scene("scenes/tutorial.ron")));
}

#[test]
fn pronouns_of_every_kind_and_an_unnamed_mark() {
    let text = words(&pronoun_scene());
    // They/them take plural verbs; a custom set is used as given.
    assert!(
        text.contains("They put Sam's bag down at mark “k-2”"),
        "{text}"
    );
    assert!(text.contains("Xe gives the cup to them"), "{text}");
    assert!(text.contains("They throw the cup to xem"), "{text}");
    // Two people share "she": once both are named, both stay names.
    assert!(
        text.contains("Lee throws the remote onto the TV\n0:26  Lee walks"),
        "{text}"
    );
    // Rue has no pronouns: named every time.
    assert!(
        text.contains("Rue takes Sam's bag\n0:30  Rue slams"),
        "{text}"
    );
    insta::assert_snapshot!("prose-pronouns", text);
}

#[test]
fn the_calling_phrase_names_then_refers() {
    let scene = pronoun_scene();
    let sam = PersonId::from_index(0);
    let mark = scene
        .marks
        .iter()
        .position(|m| m.id == "h-1")
        .map(MarkId::from_index)
        .unwrap();
    let mut narrator = Narrator::new(&scene);
    assert_eq!(
        narrator.as_reaching(sam, mark),
        "as Sam reaches the foot of the stairs"
    );
    assert_eq!(
        narrator.as_reaching(sam, mark),
        "as they reach the foot of the stairs"
    );
    let sim = Simulation::new(&scene);
    let slam = scene.events.len() - 1;
    let mut narrator = Narrator::new(&scene);
    assert_eq!(
        narrator
            .as_clause(&sim, oner::model::EventId::from_index(slam))
            .as_deref(),
        Some("as Rue slams the hall door")
    );
}

fn check_codes(text: &str) -> String {
    let (_dir, path) = crate::common::scene_file("pronouns.ron", text);
    let out = crate::common::oner(&["check", "--format", "json", &path.to_string_lossy()])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn custom_pronouns_must_be_words_and_names_have_a_length_limit() {
    let text = read(&repo("tests/fixtures/prose/pronouns.ron"));
    let spaced = text.replace("subject: \"xe\"", "subject: \"xe walks\"");
    assert!(
        check_codes(&spaced).contains("S011"),
        "a pronoun with a space"
    );
    let empty = text.replace("object: \"xem\"", "object: \"\"");
    assert!(check_codes(&empty).contains("S011"), "an empty pronoun");
    let long = text.replace(
        "name: \"Foot of the stairs\"",
        &format!("name: \"{}\"", "a".repeat(201)),
    );
    assert!(
        check_codes(&long).contains("S014"),
        "a 201-character mark name"
    );
    let at_limit = text.replace(
        "name: \"Foot of the stairs\"",
        &format!("name: \"{}\"", "a".repeat(200)),
    );
    assert!(
        !check_codes(&at_limit).contains("S014"),
        "200 characters are fine"
    );
    let long_pronoun = text.replace(
        "possessive: \"xyr\"",
        &format!("possessive: \"{}\"", "x".repeat(101)),
    );
    assert!(
        check_codes(&long_pronoun).contains("S014"),
        "a 101-character pronoun"
    );
}

#[test]
fn a_blank_mark_name_counts_as_none() {
    let text = read(&repo("tests/fixtures/prose/pronouns.ron"))
        .replace("name: \"Foot of the stairs\"", "name: \"  \"");
    let scene = load_scene_text("blank.ron", &text);
    let sim = Simulation::new(&scene);
    let crowd = Crowd::of(&scene);
    let lines = story::happenings(&scene, &sim, Time::ZERO, scene.length, &crowd);
    assert!(
        lines
            .iter()
            .any(|(_, l)| l == "She walks to mark “h-1”, arrives 0:25"),
        "{lines:?}"
    );
}
