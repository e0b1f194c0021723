//! Parsing a large scene file on two cores: ron reads the file's head and the first half of
//! its timeline on this thread while another thread reads the second half of the timeline.
//!
//! ron cannot start in the middle of a file, so the file is cut at a comma between two
//! timeline events: one text is the file with its timeline ending there, the other the rest
//! of the timeline as a list of its own. The cut is found by a scan of the file's tokens, and
//! only in plain text (double-quoted strings, comments, no attributes, raw or byte strings,
//! characters or `#`): anything else, a small file, or either half failing to parse, and the
//! file is parsed whole as before, so a syntax error is reported exactly as it always was.

use crate::locate::{Tok, tokenise};
use crate::raw;

/// Files smaller than this are parsed in one piece: a second thread would cost more than it
/// saves (the study scene is 20 kB; the synthetic Russian-Ark scene 7.9 MB).
pub const SPLIT_FROM: usize = 1 << 20;

/// A parsed scene: its timeline is `scene.timeline` followed by `rest`, the events the other
/// thread read (empty when the file was read whole). The two lists are not joined: each is
/// resolved on its own thread and freed there (`timeline::resolve_events`).
#[derive(Debug)]
pub struct Parsed {
    pub scene: raw::Scene,
    pub rest: Vec<raw::Event>,
}

/// The scene in `text`, as `ron_options().from_str` reads it.
pub fn parse(text: &str) -> Result<Parsed, ron::error::SpannedError> {
    parse_from(text, SPLIT_FROM)
}

/// [`parse`], cutting files of `split_from` bytes or more (tests cut small ones).
pub fn parse_from(text: &str, split_from: usize) -> Result<Parsed, ron::error::SpannedError> {
    if text.len() >= split_from
        && let Some(cut) = cut(text)
        && let Some(parsed) = parse_halves(text, &cut)
    {
        return Ok(parsed);
    }
    let scene = super::ron_options().from_str(text)?;
    Ok(Parsed {
        scene,
        rest: Vec::new(),
    })
}

/// Where the timeline is cut: the comma between two events, and the list's closing bracket.
#[derive(Debug, PartialEq)]
struct Cut {
    comma: usize,
    close: usize,
}

/// The comma between two events of the top-level `timeline` list nearest past the middle of
/// the file (else the last), if the file is plain enough to be sure of it.
fn cut(text: &str) -> Option<Cut> {
    // `#` outside strings opens attributes, raw strings or raw names, which the scan below
    // does not follow as ron does; the count of `#` inside strings is checked at the end.
    let hashes = text.bytes().filter(|&b| b == b'#').count();
    let mut hashes_in_strings = 0;
    let middle = text.len() / 2;
    let mut depth = 0usize;
    // The depth inside the timeline's brackets, once they open.
    let mut timeline: Option<usize> = None;
    let mut found: Option<Cut> = None;
    let mut comma: Option<usize> = None;
    // The last two tokens at depth 1, to recognise `timeline : [`.
    let mut before: [Option<Tok>; 2] = [None, None];
    let mut previous_end = 0;
    let mut after_atom = false;
    for (token, span) in tokenise(text) {
        match token {
            Tok::Str(inner, raw) => {
                // `b"…"`, `br"…"`: a name right before the quote.
                let prefixed = after_atom && span.start == previous_end;
                if raw || prefixed {
                    return None;
                }
                hashes_in_strings += inner.bytes().filter(|&b| b == b'#').count();
            }
            Tok::Atom(atom) if atom.starts_with('\'') || atom.contains('#') => return None,
            Tok::Open(bracket) => {
                depth += 1;
                if depth == 2
                    && bracket == b'['
                    && before == [Some(Tok::Atom("timeline")), Some(Tok::Colon)]
                {
                    if timeline.is_some() || found.is_some() {
                        return None;
                    }
                    timeline = Some(depth);
                }
            }
            Tok::Close(_) => {
                if timeline == Some(depth) {
                    timeline = None;
                    found = comma.take().map(|comma| Cut {
                        comma,
                        close: span.start,
                    });
                }
                depth = depth.checked_sub(1)?;
            }
            Tok::Comma if timeline == Some(depth) && comma.is_none_or(|c| c < middle) => {
                comma = Some(span.start);
            }
            _ => {}
        }
        if depth == 1 {
            before = [before[1], Some(token)];
        }
        previous_end = span.end;
        after_atom = matches!(token, Tok::Atom(_));
    }
    if hashes != hashes_in_strings || depth != 0 || timeline.is_some() {
        return None;
    }
    found
}

/// Both halves parsed, the second on another thread; `None` if either fails.
fn parse_halves(text: &str, cut: &Cut) -> Option<Parsed> {
    let head = text.get(..cut.comma)?;
    let tail = text.get(cut.close..)?;
    let rest = text.get(cut.comma + 1..cut.close)?;
    let first = [head, tail].concat();
    let second = ["[", rest, "]"].concat();
    // Nested two levels less deep than in the file, so a stricter limit on the second half
    // keeps it from accepting what the whole file would refuse (it is then parsed whole).
    let options = super::ron_options().with_recursion_limit(super::RECURSION_LIMIT - 4);
    let (scene, events) = std::thread::scope(|scope| {
        let events = scope.spawn(|| options.from_str::<Vec<raw::Event>>(&second).ok());
        let scene = super::ron_options().from_str::<raw::Scene>(&first).ok();
        (scene, events.join().ok().flatten())
    });
    Some(Parsed {
        scene: scene?,
        rest: events?,
    })
}

#[cfg(test)]
mod tests {
    use super::{Cut, cut, parse_from};

    /// The scene with its whole timeline, as one parse gives it.
    fn parse_joined(text: &str) -> Result<crate::raw::Scene, ron::error::SpannedError> {
        let mut parsed = parse_from(text, 0)?;
        parsed.scene.timeline.append(&mut parsed.rest);
        Ok(parsed.scene)
    }

    const SCENE: &str = r#"Scene(title: "T", frame_rate: 24, length: "1:00",
 set: (rooms: {}),
 timeline: [
  (at: "0:01", do: Line(who: "a", says: "one, [two] (three)")), // a comma, ]
  (at: "0:02", do: Line(who: "b", says: "four \" , five")),
  /* a comment ] , */ (at: "0:03", do: Line(who: "a", says: "six")),
 ],
)"#;

    #[test]
    fn the_cut_is_a_comma_between_two_timeline_events() {
        let found = cut(SCENE).expect("plain text is cut");
        assert_eq!(&SCENE[found.comma..found.comma + 1], ",");
        assert_eq!(&SCENE[found.close..found.close + 1], "]");
        // After an event's closing brackets, not in a string or a comment.
        assert!(SCENE[..found.comma].ends_with("))"), "{found:?}");
    }

    #[test]
    fn text_the_scan_is_not_sure_of_is_not_cut() {
        for plain_to_unsure in [
            ("says: \"six\"", "says: r#\"six\"#"),
            ("says: \"six\"", "says: b\"six\""),
            ("who: \"a\", says: \"six\"", "who: 'a', says: \"six\""),
            ("Scene(", "#![enable(implicit_some)]\nScene("),
            ("who: \"b\"", "r#who: \"b\""),
        ] {
            let text = SCENE.replacen(plain_to_unsure.0, plain_to_unsure.1, 1);
            assert_ne!(text, SCENE);
            assert_eq!(cut(&text), None, "{text}");
        }
        let no_timeline = SCENE.replace("timeline", "beats");
        assert_eq!(cut(&no_timeline), None::<Cut>);
    }

    #[test]
    fn halves_parse_to_the_same_scene_as_the_whole() {
        let whole = crate::load::ron_options().from_str::<crate::raw::Scene>(SCENE);
        let halves = parse_joined(SCENE);
        assert_eq!(format!("{whole:?}"), format!("{halves:?}"));
        // A syntax error in either half is the whole file's error.
        for broken in [
            SCENE.replace("\"0:01\"", "\"0:01"),
            SCENE.replace("(at: \"0:03\"", "(at \"0:03\""),
        ] {
            let whole = crate::load::ron_options().from_str::<crate::raw::Scene>(&broken);
            assert!(whole.is_err());
            assert_eq!(format!("{whole:?}"), format!("{:?}", parse_joined(&broken)));
        }
    }

    #[test]
    fn every_bundled_and_fixture_scene_parses_the_same_in_halves() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        let mut folders = vec![root.join("scenes"), root.join("tests/fixtures")];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    folders.push(path);
                } else if path.extension().is_some_and(|e| e == "ron") {
                    files.push(path);
                }
            }
        }
        assert!(files.len() > 20, "{files:?}");
        let mut cut_files = 0;
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            cut_files += usize::from(cut(&text).is_some());
            let whole = crate::load::ron_options().from_str::<crate::raw::Scene>(&text);
            let halves = parse_joined(&text);
            assert_eq!(
                format!("{whole:?}"),
                format!("{halves:?}"),
                "{}",
                path.display()
            );
        }
        assert!(cut_files > 10, "{cut_files}");
    }
}
