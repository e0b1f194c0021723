//! Fountain screenplay: read back with oner's parser, it holds only the elements the
//! exporter writes (headings, sections, synopses, dialogue, action, notes), never one that
//! scene text could make (a transition, lyric, centred text or page break), and every
//! heading is a forced `INT.` one.

use oner::fountain::{Element, parse};

/// Checks a screenplay as `oner cues --format fountain` writes it.
pub fn check(name: &str, text: &str) {
    let script = parse(text);
    assert!(
        script.title_value("Title").is_some(),
        "{name}: no title page"
    );
    for element in &script.elements {
        match element {
            Element::Transition(t) | Element::Lyric(t) | Element::Centered(t) => {
                panic!("{name}: an element oner does not write: {t:?}")
            }
            Element::PageBreak => panic!("{name}: a page break"),
            Element::SceneHeading { text, number } => {
                assert!(text.starts_with("INT."), "{name}: heading {text:?}");
                assert!(number.is_none(), "{name}: a scene number in {text:?}");
            }
            Element::Section { depth, .. } => assert_eq!(*depth, 1, "{name}"),
            Element::Dialogue(d) => {
                assert!(
                    d.parts
                        .iter()
                        .any(|p| matches!(p, oner::fountain::Part::Line(_))),
                    "{name}: {} says nothing",
                    d.character
                );
                assert!(!d.dual, "{name}: dual dialogue");
            }
            _ => {}
        }
    }
}
