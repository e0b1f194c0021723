//! `oner lsp`: a Language Server Protocol server over stdio for scene files.
//!
//! Diagnostics come from the one checker (`check::check_source`) on the unsaved text, on a
//! thread of their own, debounced; everything else answers from the document's raw parse
//! (`ids.rs`: every id, defined and used, with its span) and, where the take's state is
//! needed (hover on a moment, inlay hints), from the simulation of a valid scene.
//! Positions are converted between oner's byte spans and LSP's UTF-16 columns in
//! `position.rs`. Built on lsp-server and lsp-types (ARCHITECTURE.md says why).

pub mod actions;
pub mod completion;
pub mod context;
pub mod definition;
pub mod diagnostics;
pub mod document;
pub mod field_docs;
pub mod hints;
pub mod hover;
pub mod ids;
pub mod position;
pub mod server;
pub mod symbols;
pub mod transport;

/// Runs the server on stdin and stdout until the client says `exit`; the exit code.
pub fn run_stdio() -> u8 {
    let (connection, writer) = match transport::stdio() {
        Ok(pair) => pair,
        Err(e) => {
            eprintln!("oner lsp: cannot start: {e}");
            return 2;
        }
    };
    let code = server::serve(&connection);
    // Dropping the connection ends the writer once it has written everything queued.
    drop(connection);
    let _ = writer.join();
    code
}

#[cfg(test)]
mod tests {
    use super::document::Document;
    use crate::source::Span;

    const STUDY: &str = include_str!("../../scenes/we-cry-together.ron");

    /// Every feature at a few places of a text, for the no-panic tests.
    fn exercise(text: &str) {
        let doc = Document::new(1, text.to_string());
        let len = text.len();
        for offset in [0, len / 3, len / 2, len.saturating_sub(1), len, len + 10] {
            let _ = super::hover::hover(&doc, offset);
            let _ = super::completion::complete(&doc, offset);
            let _ = super::definition::definition(&doc, offset);
            let _ = super::definition::references(&doc, offset, true);
            let _ = doc.lines.position(text, offset);
        }
        let _ = super::symbols::symbols(&doc);
        let _ = super::hints::hints(&doc, Span::new(0, len));
    }

    #[test]
    fn truncated_and_mangled_scenes_never_panic() {
        let mut cut = 0;
        while cut < STUDY.len() {
            let mut end = cut;
            while !STUDY.is_char_boundary(end) {
                end += 1;
            }
            exercise(&STUDY[..end]);
            cut += 997;
        }
        for (from, to) in [("\"", ""), ("(", "["), (":", ""), (",", ",,"), ("0", "é")] {
            exercise(&STUDY.replacen(from, to, 40));
        }
        for garbage in [
            "",
            "(",
            "\"",
            "r#\"",
            "/*",
            "((((((((",
            "\u{0}\u{feff}é🎬",
            "{:}",
        ] {
            exercise(garbage);
        }
    }

    #[test]
    fn hover_completion_and_hints_on_the_study_scene() {
        let doc = Document::new(1, STUDY.to_string());
        // Completion after `who: "` in a Line offers people only, in file order.
        let at = STUDY.find("Line(who: \"her\"").map_or(0, |i| i + 11);
        let (items, start) = super::completion::complete(&doc, at);
        let labels: Vec<&str> = items.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(labels, ["him", "her", "cam", "boom"]);
        assert_eq!(start, at);
        // A time field offers the time written before it first.
        let at = STUDY.find("arrive: \"0:25\"").map_or(0, |i| i + 9);
        let (items, _) = super::completion::complete(&doc, at);
        assert_eq!(items.first().map(|s| s.label.as_str()), Some("0:22"));
        // Hints: one per move or camera move, speeds only (every arrival is written).
        let hints = super::hints::hints(&doc, Span::new(0, STUDY.len()));
        let moves = STUDY.matches("do: Move(").count() + STUDY.matches("do: Camera(to:").count();
        assert_eq!(hints.len(), moves);
        assert!(
            hints
                .iter()
                .all(|h| h.label.ends_with(" m/s") && !h.label.contains("arrives"))
        );
    }

    #[test]
    fn a_move_without_arrive_gets_its_computed_arrival() {
        let text = STUDY.replacen(
            "to: \"k-fridge\", arrive: \"0:25\"",
            "to: \"k-fridge\", pace: Run",
            1,
        );
        let doc = Document::new(1, text.clone());
        let at = text.find("\"k-fridge\", pace").unwrap_or(0);
        let hints = super::hints::hints(&doc, Span::new(at, at + 20));
        assert_eq!(hints.len(), 1, "{hints:?}");
        assert!(hints[0].label.starts_with("arrives 0:2"), "{hints:?}");
        assert!(hints[0].label.ends_with("4 m/s"), "{hints:?}");
    }
}
