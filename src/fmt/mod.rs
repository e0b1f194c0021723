//! `oner fmt`: one canonical layout for scene files, every comment kept.
//!
//! A layout pass over tokens (see [`lexer`]), never a serde round trip (which would drop
//! comments and reorder nothing better). The rules:
//!
//! - A bracket group the author wrote on one line stays on one line: `(x: 1.0, y: 2.0)`,
//!   with `, ` between entries, `: ` after names, no space inside the brackets and no
//!   trailing comma.
//! - A group the author broke over lines, or one holding a comment, is laid out one entry
//!   per line, indented four spaces a level, each entry ending in a comma.
//! - Comments stay where they were: a comment that ended a line still ends it, one on its
//!   own line stays on its own line at the indentation of what follows. Blank lines between
//!   entries are kept (at most one); none at the start or end of a group.
//! - Values (strings, numbers, names) are printed exactly as written.
//! - The fields of a struct known from its place in the scene (a door, a mark, a cue) are
//!   put in the documented order, each with its comments (see [`order`]).
//!
//! Formatting a formatted file changes nothing, and the scene it describes is the same
//! (tests/fmt.rs loads every scene and fixture before and after).

pub mod diff;
pub mod fields;
pub mod lexer;
mod order;

use lexer::{Kind, Token};

const INDENT: &str = "    ";

/// The canonical layout of `text`, or why it cannot be laid out (text that does not even
/// split into tokens, or brackets that do not match).
pub fn format(text: &str) -> Result<String, String> {
    let tokens = lexer::tokens(text)?;
    broken_groups(&tokens)?;
    let tokens = order::reorder(&tokens);
    let broken = broken_groups(&tokens)?;
    let mut printer = Printer {
        out: String::with_capacity(text.len() + text.len() / 8),
        depth: 0,
        groups: Vec::new(),
        last_significant: 0,
    };
    for (i, token) in tokens.iter().enumerate() {
        printer.token(&tokens, i, token, &broken);
    }
    let mut out = printer.out;
    while out.ends_with(['\n', ' ']) {
        out.pop();
    }
    out.push('\n');
    Ok(out)
}

/// For each opening bracket (by token index), whether its group is laid out one entry per
/// line: the author broke it over lines, or a comment is inside it.
fn broken_groups(tokens: &[Token]) -> Result<Vec<bool>, String> {
    let mut broken = vec![false; tokens.len()];
    let mut open: Vec<usize> = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let inside_breaks = token.newlines_before > 0
            || matches!(token.kind, Kind::LineComment | Kind::BlockComment);
        if inside_breaks && let Some(&group) = open.last() {
            broken[group] = true;
        }
        match token.kind {
            Kind::Open => open.push(i),
            Kind::Close => {
                let group = open.pop().ok_or_else(|| {
                    format!(
                        "`{}` closes nothing (line {})",
                        token.text,
                        line_of(tokens, i)
                    )
                })?;
                if !matches(tokens[group].text, token.text) {
                    return Err(format!(
                        "`{}` is closed by `{}` (line {})",
                        tokens[group].text,
                        token.text,
                        line_of(tokens, i)
                    ));
                }
                // A broken group breaks every group around it.
                if broken[group]
                    && let Some(&outer) = open.last()
                {
                    broken[outer] = true;
                }
            }
            _ => {}
        }
    }
    if let Some(&group) = open.last() {
        return Err(format!(
            "`{}` on line {} is never closed",
            tokens[group].text,
            line_of(tokens, group)
        ));
    }
    Ok(broken)
}

fn matches(open: &str, close: &str) -> bool {
    matches!((open, close), ("(", ")") | ("[", "]") | ("{", "}"))
}

fn line_of(tokens: &[Token], index: usize) -> usize {
    1 + tokens[..=index]
        .iter()
        .map(|t| t.newlines_before)
        .sum::<usize>()
}

/// An open group while printing.
struct Group {
    broken: bool,
    /// Whether the group has a comma of its own: a broken one then ends every entry in one.
    has_comma: bool,
}

struct Printer {
    out: String,
    depth: usize,
    groups: Vec<Group>,
    /// Where the last value or bracket ended in `out`, for a trailing comma added after it.
    last_significant: usize,
}

impl Printer {
    fn in_broken(&self) -> bool {
        self.groups.last().is_none_or(|g| g.broken)
    }

    fn newline(&mut self, blank: bool, depth: usize) {
        while self.out.ends_with(' ') {
            self.out.pop();
        }
        if self.out.is_empty() {
            // Nothing before: the file starts here.
        } else {
            self.out.push('\n');
            if blank {
                self.out.push('\n');
            }
        }
        for _ in 0..depth {
            self.out.push_str(INDENT);
        }
    }

    fn token(&mut self, tokens: &[Token], i: usize, token: &Token, broken: &[bool]) {
        let previous = i.checked_sub(1).map(|p| &tokens[p]);
        let blank = token.newlines_before > 1;
        match token.kind {
            Kind::Close => {
                let group = self.groups.pop().unwrap_or(Group {
                    broken: true,
                    has_comma: false,
                });
                self.depth = self.depth.saturating_sub(1);
                let previous_kind = previous.map(|p| p.kind);
                if group.broken {
                    if group.has_comma
                        && !matches!(previous_kind, Some(Kind::Open))
                        && !self.last_is_comma(tokens, i)
                    {
                        self.out.insert(self.last_significant, ',');
                    }
                    if previous_kind != Some(Kind::Open) {
                        self.newline(false, self.depth);
                    }
                }
                self.out.push_str(token.text);
                self.last_significant = self.out.len();
            }
            Kind::Comma => {
                if let Some(group) = self.groups.last_mut() {
                    group.has_comma = true;
                }
                // An inline group drops its trailing comma.
                let next = tokens.get(i + 1).map(|t| t.kind);
                if !self.in_broken() && next == Some(Kind::Close) {
                    return;
                }
                if previous
                    .is_some_and(|p| matches!(p.kind, Kind::LineComment | Kind::BlockComment))
                {
                    // `x // note` then `,` on the next line: the comma joins the value.
                    self.out.insert(self.last_significant, ',');
                    self.last_significant += 1;
                } else {
                    self.out.push(',');
                    self.last_significant = self.out.len();
                }
            }
            Kind::Colon => {
                self.out.push(':');
                self.last_significant = self.out.len();
            }
            Kind::LineComment | Kind::BlockComment => {
                if token.newlines_before == 0 && !self.out.is_empty() {
                    self.out.push(' ');
                } else {
                    let after_open = previous.is_some_and(|p| p.kind == Kind::Open);
                    self.newline(blank && !after_open, self.depth);
                }
                self.out.push_str(token.text.trim_end());
            }
            Kind::Open | Kind::Atom => {
                self.separate(previous, token, blank);
                self.out.push_str(token.text);
                self.last_significant = self.out.len();
                if token.kind == Kind::Open {
                    self.groups.push(Group {
                        broken: broken[i],
                        has_comma: false,
                    });
                    self.depth += 1;
                }
            }
        }
    }

    /// Whether the last significant token before index `i` is a comma.
    fn last_is_comma(&self, tokens: &[Token], i: usize) -> bool {
        tokens[..i]
            .iter()
            .rev()
            .find(|t| !matches!(t.kind, Kind::LineComment | Kind::BlockComment))
            .is_some_and(|t| t.kind == Kind::Comma)
    }

    /// What goes before a value or an opening bracket.
    fn separate(&mut self, previous: Option<&Token>, token: &Token, blank: bool) {
        let Some(previous) = previous else { return };
        let entry_start = matches!(previous.kind, Kind::Comma | Kind::Open);
        if self.in_broken() && entry_start {
            let after_open = previous.kind == Kind::Open;
            self.newline(blank && !after_open, self.depth);
            return;
        }
        match previous.kind {
            Kind::LineComment => self.newline(blank, self.depth),
            Kind::BlockComment if token.newlines_before > 0 => self.newline(blank, self.depth),
            Kind::Open => {}
            Kind::Comma | Kind::Colon | Kind::BlockComment => self.out.push(' '),
            // `Rect(`, `Some(`: a name and its bracket stay together.
            Kind::Atom if token.kind == Kind::Open => {}
            Kind::Atom | Kind::Close => {
                if self.groups.is_empty() && token.newlines_before > 0 {
                    self.newline(blank, 0);
                } else {
                    self.out.push(' ');
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::format;

    #[test]
    fn a_missing_trailing_comma_goes_before_the_comment_not_into_it() {
        assert_eq!(
            format("[\n a,\n b // last\n // end\n]").as_deref(),
            Ok("[\n    a,\n    b, // last\n    // end\n]\n")
        );
        assert_eq!(
            format("(x: 1 // one\n, y: 2)").as_deref(),
            Ok("(\n    x: 1, // one\n    y: 2,\n)\n")
        );
    }

    #[test]
    fn single_entries_and_empty_groups() {
        assert_eq!(format("Some(\n  x\n)").as_deref(), Ok("Some(\n    x\n)\n"));
        assert_eq!(
            format("( a: [ ], b: {\n} )").as_deref(),
            Ok("(\n    a: [],\n    b: {},\n)\n")
        );
        assert_eq!(format("(a: [1, 2, ])").as_deref(), Ok("(a: [1, 2])\n"));
    }

    #[test]
    fn crlf_and_blank_lines_settle_once() {
        let text = "// c\r\n(\r\n\r\n\r\n  a: 1,\r\n\r\n\r\n  b: 2,\r\n\r\n)\r\n\r\n";
        let once = format(text).unwrap_or_default();
        assert_eq!(once, "// c\n(\n    a: 1,\n\n    b: 2,\n)\n");
        assert_eq!(format(&once).as_deref(), Ok(once.as_str()));
    }
}
