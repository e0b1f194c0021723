//! Field order: the entries of every named-field group whose struct is known from where it
//! sits in the scene are put in the order docs/format.md documents (see [`fields`]).
//!
//! An entry moves with its own-line comments above it and the comment that ends its line.
//! Fields the struct does not have keep their relative order after the known ones (they are
//! errors, but formatting must not lose them). Map entries (ids as keys), list items, and any
//! group whose struct is uncertain keep the author's order.

use super::fields::{self, Field, Value};
use super::lexer::{Kind, Token};

/// `tokens` (well-bracketed) with the fields of every known struct in documented order.
pub fn reorder<'a>(tokens: &[Token<'a>]) -> Vec<Token<'a>> {
    let mut out = Vec::with_capacity(tokens.len() + 8);
    value(tokens, fields::SCENE, &mut out);
    out
}

fn is_comment(token: &Token) -> bool {
    matches!(token.kind, Kind::LineComment | Kind::BlockComment)
}

/// A comment that ends the line of what comes before it.
fn is_same_line_comment(token: &Token) -> bool {
    is_comment(token) && token.newlines_before == 0
}

/// The index of the bracket that closes the one at `open`.
fn closing(span: &[Token], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, token) in span.iter().enumerate().skip(open) {
        match token.kind {
            Kind::Open => depth += 1,
            Kind::Close => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// What the inside of a group holds.
enum Inside {
    Struct(&'static [Field]),
    List(Value),
    Map(Value),
    /// `Some( … )`: the one value inside is what the field holds.
    Wrapped(Value),
}

/// Copies a value (with any comments around it), reordering inside it if it is a group
/// whose kind `expect` says.
fn value<'a>(span: &[Token<'a>], expect: Value, out: &mut Vec<Token<'a>>) {
    let first = span.iter().position(|t| !is_comment(t));
    let last = span.iter().rposition(|t| !is_comment(t));
    let (Some(first), Some(last)) = (first, last) else {
        out.extend_from_slice(span);
        return;
    };
    let open = match span[first].kind {
        Kind::Open => first,
        Kind::Atom if span.get(first + 1).is_some_and(|t| t.kind == Kind::Open) => first + 1,
        _ => {
            out.extend_from_slice(span);
            return;
        }
    };
    if closing(span, open) != Some(last) {
        out.extend_from_slice(span);
        return;
    }
    let name = (open > first).then(|| span[first].text);
    let inside = match (name, expect, span[open].text) {
        (Some("Some"), _, "(") => Some(Inside::Wrapped(expect)),
        (None, Value::Struct(fields), "(") => Some(Inside::Struct(fields)),
        (Some(name), Value::Variants(variants), "(") => variants
            .iter()
            .find(|(variant, _)| *variant == name)
            .map(|(_, fields)| Inside::Struct(fields)),
        (None, Value::List(item), "[") => Some(Inside::List(*item)),
        (None, Value::Map(item), "{") => Some(Inside::Map(*item)),
        _ => None,
    };
    let Some(inside) = inside else {
        out.extend_from_slice(span);
        return;
    };
    out.extend_from_slice(&span[..=open]);
    group(&span[open + 1..last], inside, out);
    out.extend_from_slice(&span[last..]);
}

/// One entry of a group: `[own-line comments] body [,] [same-line comments]`.
struct Entry {
    start: usize,
    /// The first token that is not a comment.
    body: usize,
    /// Where the value ends: its comma, or just past its last token.
    value_end: usize,
    has_comma: bool,
    end: usize,
}

/// The inside of a group cut into: comments on the opening bracket's line, entries, and the
/// own-line comments after the last entry. None when an entry is empty (`,,`).
fn entries(inner: &[Token]) -> Option<(usize, Vec<Entry>, usize)> {
    let n = inner.len();
    let mut i = 0;
    while i < n && is_same_line_comment(&inner[i]) {
        i += 1;
    }
    let prefix_end = i;
    let mut list = Vec::new();
    while i < n {
        let mut depth = 0usize;
        let mut comma = None;
        for (j, token) in inner.iter().enumerate().skip(i) {
            match token.kind {
                Kind::Open => depth += 1,
                Kind::Close => depth = depth.saturating_sub(1),
                Kind::Comma if depth == 0 => {
                    comma = Some(j);
                    break;
                }
                _ => {}
            }
        }
        let value_end = match comma {
            Some(comma) => comma,
            None => match inner[i..].iter().rposition(|t| !is_comment(t)) {
                Some(last) => i + last + 1,
                None => break,
            },
        };
        let body = i + inner[i..value_end].iter().position(|t| !is_comment(t))?;
        let mut end = value_end + usize::from(comma.is_some());
        while end < n && is_same_line_comment(&inner[end]) {
            end += 1;
        }
        list.push(Entry {
            start: i,
            body,
            value_end,
            has_comma: comma.is_some(),
            end,
        });
        i = end;
        if comma.is_none() {
            break;
        }
    }
    Some((prefix_end, list, i))
}

/// The inside of a group, its entries reordered if it is a struct and looked into.
fn group<'a>(inner: &[Token<'a>], inside: Inside, out: &mut Vec<Token<'a>>) {
    if let Inside::Wrapped(expect) = inside {
        value(inner, expect, out);
        return;
    }
    let Some((prefix_end, entries, suffix)) = entries(inner) else {
        out.extend_from_slice(inner);
        return;
    };
    let named = |e: &Entry| {
        inner[e.body].kind == Kind::Atom
            && inner.get(e.body + 1).is_some_and(|t| t.kind == Kind::Colon)
    };
    out.extend_from_slice(&inner[..prefix_end]);
    match inside {
        Inside::List(item) => {
            for e in &entries {
                emit(inner, e, 0, item, false, out);
            }
        }
        Inside::Map(item) => {
            for e in &entries {
                if inner.get(e.body + 1).is_some_and(|t| t.kind == Kind::Colon) {
                    emit(inner, e, 2, item, false, out);
                } else {
                    emit(inner, e, 0, Value::Other, false, out);
                }
            }
        }
        Inside::Struct(fields) if entries.iter().all(named) => {
            let rank = |e: &Entry| {
                fields
                    .iter()
                    .position(|(name, _)| *name == inner[e.body].text)
                    .unwrap_or(fields.len())
            };
            let mut order: Vec<&Entry> = entries.iter().collect();
            order.sort_by_key(|e| rank(e));
            let moved = order.iter().zip(&entries).any(|(a, b)| a.start != b.start);
            let count = order.len();
            for (at, e) in order.into_iter().enumerate() {
                let expect = fields
                    .get(rank(e))
                    .map_or(Value::Other, |(_, expect)| *expect);
                emit(inner, e, 2, expect, moved && at + 1 < count, out);
            }
        }
        Inside::Struct(_) | Inside::Wrapped(_) => {
            out.extend_from_slice(&inner[prefix_end..suffix]);
        }
    }
    out.extend_from_slice(&inner[suffix..]);
}

/// Copies one entry: its comments and its first `key_len` body tokens (`name :`) as they
/// are, its value through [`value`], and a comma if it needs one it lacks.
fn emit<'a>(
    inner: &[Token<'a>],
    e: &Entry,
    key_len: usize,
    expect: Value,
    needs_comma: bool,
    out: &mut Vec<Token<'a>>,
) {
    out.extend_from_slice(&inner[e.start..e.body + key_len]);
    value(&inner[e.body + key_len..e.value_end], expect, out);
    if needs_comma && !e.has_comma {
        out.push(Token {
            kind: Kind::Comma,
            text: ",",
            newlines_before: 0,
        });
    }
    out.extend_from_slice(&inner[e.value_end..e.end]);
}

#[cfg(test)]
mod tests {
    use crate::fmt::format;

    #[test]
    fn inline_groups_reorder_and_drop_the_trailing_comma() {
        assert_eq!(
            format("(length: \"0:10\", title: \"t\")").as_deref(),
            Ok("(title: \"t\", length: \"0:10\")\n")
        );
    }

    #[test]
    fn variants_and_some_are_looked_into() {
        assert_eq!(
            format(
                "(cast: {\"p\": (pronouns: Some(Custom(plural: true, subject: \"xe\", object: \"xem\", possessive: \"xyr\")), name: \"P\")})"
            )
            .as_deref(),
            Ok(
                "(cast: {\"p\": (name: \"P\", pronouns: Some(Custom(subject: \"xe\", object: \"xem\", possessive: \"xyr\", plural: true)))})\n"
            )
        );
        assert_eq!(
            format("(timeline: [(do: Cue(what: \"Go\", dept: Sound), at: \"0:01\")])").as_deref(),
            Ok("(timeline: [(at: \"0:01\", do: Cue(dept: Sound, what: \"Go\"))])\n")
        );
    }

    #[test]
    fn unknown_fields_follow_the_known_ones_in_their_own_order() {
        assert_eq!(
            format("(zed: 1, title: \"t\", alpha: 2, notes: \"n\")").as_deref(),
            Ok("(title: \"t\", notes: \"n\", zed: 1, alpha: 2)\n")
        );
    }

    #[test]
    fn a_last_field_without_a_comma_gets_one_before_its_comment() {
        assert_eq!(
            format("(\n    length: \"0:10\",\n    title: \"t\" // name\n)").as_deref(),
            Ok("(\n    title: \"t\", // name\n    length: \"0:10\",\n)\n")
        );
    }

    #[test]
    fn empty_entries_and_odd_groups_are_left_alone() {
        assert_eq!(
            format("(length: 1,, title: 2)").as_deref(),
            Ok("(length: 1,, title: 2)\n")
        );
    }
}
