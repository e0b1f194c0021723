//! Where the cursor is in the scene's structure, read from the text before it: which
//! groups it is inside, which field's value it is in, inside a string or not. Tolerant by
//! design: completion runs on half-typed text that ron would refuse.

use crate::fmt::fields::{SCENE, Value};
use crate::locate::{Tok, tokenise};

/// One open bracket before the cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// `(`, `[` or `{`.
    pub open: u8,
    /// The name written right before the bracket: a variant (`Move`, `Rect`, `On`).
    pub name: Option<String>,
    /// The field whose value this group is (`via` for `via: [`), if any.
    pub field: Option<String>,
    /// Inside this group: the field named since the last comma (`to` after `to:`).
    pub current: Option<String>,
}

/// The cursor's place in the structure.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cursor {
    /// Outermost first.
    pub frames: Vec<Frame>,
    /// Byte offset of the string literal's opening quote, when the cursor is inside one.
    pub in_string: Option<usize>,
    /// Byte offset where the word under the cursor starts (the cursor itself if none).
    pub word_start: usize,
}

impl Cursor {
    /// Reads the structure of `text` up to byte `offset`.
    pub fn at(text: &str, offset: usize) -> Cursor {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let mut frames: Vec<Frame> = Vec::new();
        // The last atom, while nothing but whitespace and comments follows it.
        let mut last_atom: Option<String> = None;
        let mut in_string = None;
        let mut word_start = offset;
        for (token, span) in tokenise(&text[..offset]) {
            match token {
                Tok::Str(inner, is_raw) => {
                    // Cut off by the cursor: the closing quote (and hashes) missing. The
                    // closing part mirrors the opening one, less a raw string's `r`.
                    let opening = if is_raw {
                        let hashes = text.as_bytes()[span.start + 1..]
                            .iter()
                            .take_while(|&&b| b == b'#')
                            .count();
                        hashes + 2
                    } else {
                        1
                    };
                    let open = span.start + opening;
                    let closing = opening - usize::from(is_raw);
                    if span.end == offset && span.end - span.start < opening + inner.len() + closing
                    {
                        in_string = Some(span.start);
                        word_start = open;
                        break;
                    }
                    last_atom = None;
                }
                Tok::Open(open) => {
                    let field = frames.last().and_then(|f| f.current.clone());
                    frames.push(Frame {
                        open,
                        name: last_atom.take(),
                        field,
                        current: None,
                    });
                }
                Tok::Close(_) => {
                    frames.pop();
                    last_atom = None;
                }
                Tok::Comma => {
                    if let Some(f) = frames.last_mut() {
                        f.current = None;
                    }
                    last_atom = None;
                }
                Tok::Colon => {
                    if let Some(f) = frames.last_mut() {
                        f.current = last_atom.take();
                    }
                }
                Tok::Atom(atom) => {
                    if span.end == offset {
                        word_start = span.start;
                    }
                    last_atom = Some(atom.to_string());
                }
            }
        }
        Cursor {
            frames,
            in_string,
            word_start,
        }
    }

    pub fn innermost(&self) -> Option<&Frame> {
        self.frames.last()
    }

    /// The field whose value the cursor is in: the field just named, else the variant the
    /// group belongs to (`On("…")`), else the group's own field (`via: ["…"]`).
    pub fn field(&self) -> Option<&str> {
        let f = self.innermost()?;
        if let Some(current) = &f.current {
            return Some(current);
        }
        if f.open == b'('
            && let Some(name) = &f.name
        {
            return Some(name);
        }
        f.field.as_deref()
    }

    /// The action variant (`Move`, `Door`, …) the cursor is directly inside, if any.
    pub fn action(&self) -> Option<&str> {
        self.frames
            .iter()
            .rev()
            .take(2)
            .find_map(|f| f.name.as_deref().filter(|n| ACTIONS.contains(n)))
    }

    /// Whether the cursor is where a field name goes: in a `( … )` right after the bracket
    /// or a comma.
    pub fn expects_field_name(&self) -> bool {
        self.in_string.is_none()
            && self
                .innermost()
                .is_some_and(|f| f.open == b'(' && f.current.is_none())
    }

    /// What the innermost group holds, by the documented field tables (`oner fmt`'s).
    pub fn group_value(&self) -> Option<Value> {
        let mut frames = self.frames.iter();
        let root = frames.next()?;
        if root.open != b'(' {
            return None;
        }
        let mut value = SCENE;
        for frame in frames {
            let next = match value {
                Value::Struct(fields) => {
                    let name = frame.field.as_deref()?;
                    fields.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)?
                }
                Value::List(inner) | Value::Map(inner) => *inner,
                _ => return None,
            };
            value = match next {
                Value::Variants(variants) => {
                    let name = frame.name.as_deref()?;
                    let (_, fields) = variants.iter().find(|(n, _)| *n == name)?;
                    Value::Struct(fields)
                }
                other => other,
            };
        }
        Some(value)
    }
}

/// The timeline's action variants.
pub const ACTIONS: &[&str] = &[
    "Move", "Door", "Take", "Put", "Give", "Throw", "Break", "Line", "Camera", "Cue",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn at_marker(text: &str) -> Cursor {
        let offset = text.find('|').unwrap_or(text.len());
        Cursor::at(&text.replacen('|', "", 1), offset)
    }

    #[test]
    fn knows_the_field_and_action_inside_an_unterminated_string() {
        let c = at_marker("(timeline: [ (at: \"0:01\", do: Move(who: \"ana\", to: \"k-|");
        assert_eq!(c.field(), Some("to"));
        assert_eq!(c.action(), Some("Move"));
        assert!(c.in_string.is_some());
    }

    #[test]
    fn list_elements_take_the_list_field() {
        let c =
            at_marker("(timeline: [ (at: \"0:01\", do: Move(who: \"a\", via: [\"d1\", \"|\"]))])");
        assert_eq!(c.field(), Some("via"));
        assert_eq!(c.action(), Some("Move"));
        let c = at_marker("(props: { \"k\": (name: \"K\", starts: On(\"|\")) })");
        assert_eq!(c.field(), Some("On"));
    }

    #[test]
    fn field_name_positions_know_their_struct() {
        let c = at_marker("(set: (doors: [ (id: \"d\", |");
        assert!(c.expects_field_name());
        let Some(Value::Struct(fields)) = c.group_value() else {
            panic!("no struct for a door");
        };
        assert!(fields.iter().any(|(n, _)| *n == "swings_into"));
        let c = at_marker("(timeline: [ (at: \"0:01\", do: Door(|");
        let Some(Value::Struct(fields)) = c.group_value() else {
            panic!("no struct for a Door action");
        };
        assert_eq!(
            fields.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
            ["door", "action", "by"]
        );
    }

    #[test]
    fn comments_and_closed_strings_do_not_confuse_it() {
        let c = at_marker("( // a ( comment\n title: \"(x\", /* ( */ length: |");
        assert_eq!(c.frames.len(), 1);
        assert_eq!(c.field(), Some("length"));
        assert!(!c.expects_field_name());
    }

    #[test]
    fn a_string_cut_off_by_the_cursor_is_open_and_a_closed_one_is_not() {
        let text = r##"(title: r#"Half"##;
        let c = Cursor::at(text, text.len());
        assert_eq!(c.in_string, Some(8));
        assert_eq!(c.word_start, 11);
        let closed = r##"(title: r#"Whole"#, "##;
        assert_eq!(Cursor::at(closed, closed.len()).in_string, None);
        let escaped = r#"(title: "say \""#;
        assert_eq!(Cursor::at(escaped, escaped.len()).in_string, Some(8));
        let done = r#"(title: "x", "#;
        assert_eq!(Cursor::at(done, done.len()).in_string, None);
    }
}
