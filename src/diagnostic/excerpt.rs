//! The source lines one diagnostic shows, made small and safe for a terminal.
//!
//! Only the lines its labels touch are taken, each cut to a window around the labels (a
//! 4 MB line shows [`WINDOW`] characters, with `…` where it was cut), and control and
//! bidi characters are spelled out (`\u{1b}`) so scene text cannot drive the terminal.
//! Through codespan's [`Files`] trait the excerpt keeps the real line numbers and columns.

use crate::source::{SourceFile, Span};
use codespan_reporting::files::{Error, Files};
use std::ops::Range;

/// Lines up to this many characters are shown whole.
pub const WHOLE_LINE: usize = 400;
/// Characters of a longer line shown around its labels.
pub const WINDOW: usize = 160;
/// Characters shown before the first label of a cut line.
const BEFORE: usize = 60;

/// One real line as shown: its bytes in the excerpt text, and where its characters came from.
struct Line {
    /// 0-based line index in the real file.
    index: usize,
    /// Bytes of the excerpt text, the newline after it included.
    range: Range<usize>,
    /// `(real byte, excerpt byte)` at each shown character and at the window's end, in order.
    map: Vec<(usize, usize)>,
}

/// The excerpt of a file one diagnostic needs.
pub struct Excerpt<'a> {
    file: &'a SourceFile,
    name: String,
    text: String,
    lines: Vec<Line>,
}

impl<'a> Excerpt<'a> {
    /// The lines touched by `spans` (start and end lines, the context codespan shows inside
    /// a multi-line label, and a single line between two shown lines, as codespan fills it
    /// in), each windowed and escaped.
    pub fn new(file: &'a SourceFile, spans: &[Span]) -> Excerpt<'a> {
        let mut indices = Vec::new();
        for span in spans {
            let (first, last) = (file.line_index(span.start), file.line_index(span.end));
            indices.extend([first, last]);
            // codespan shows up to three lines after a multi-line label starts and one
            // before it ends.
            if last > first {
                indices.extend((first + 1..last).take(3));
                indices.push(last - 1);
            }
        }
        indices.sort_unstable();
        indices.dedup();
        let gaps: Vec<usize> = indices
            .windows(2)
            .filter(|w| w[1] - w[0] == 2)
            .map(|w| w[0] + 1)
            .collect();
        indices.extend(gaps);
        indices.sort_unstable();
        let mut excerpt = Excerpt {
            file,
            name: crate::escape::terminal(file.name()).into_owned(),
            text: String::new(),
            lines: Vec::with_capacity(indices.len()),
        };
        for index in indices {
            excerpt.push_line(index, spans);
        }
        excerpt
    }

    fn push_line(&mut self, index: usize, spans: &[Span]) {
        let text = self.file.text();
        let real = self.file.line_range(index);
        let points: Vec<usize> = spans
            .iter()
            .flat_map(|s| [s.start, s.end])
            .filter(|p| real.contains(p) || *p == real.end)
            .collect();
        let whole = text[real.clone()].chars().nth(WHOLE_LINE).is_none();
        let (from, to) = if whole {
            (real.start, real.end)
        } else {
            let first = points.iter().copied().min().unwrap_or(real.start);
            let from = text[real.start..first]
                .char_indices()
                .rev()
                .nth(BEFORE - 1)
                .map_or(real.start, |(i, _)| real.start + i);
            let to = text[from..real.end]
                .char_indices()
                .nth(WINDOW)
                .map_or(real.end, |(i, _)| from + i);
            (from, to)
        };
        let start = self.text.len();
        if from > real.start {
            self.text.push('…');
        }
        let mut map = Vec::new();
        for (i, c) in text[from..to].char_indices() {
            map.push((from + i, self.text.len()));
            crate::escape::push_terminal_char(&mut self.text, c, false);
        }
        map.push((to, self.text.len()));
        if to < real.end {
            self.text.push('…');
        }
        self.text.push('\n');
        self.lines.push(Line {
            index,
            range: start..self.text.len(),
            map,
        });
    }

    /// Where a real byte offset is shown (clamped into its line's window).
    fn shown_at(&self, real: usize) -> usize {
        let index = self.file.line_index(real);
        let Some(line) = self.lines.iter().find(|l| l.index == index) else {
            return self.text.len();
        };
        match line.map.binary_search_by_key(&real, |&(r, _)| r) {
            Ok(i) => line.map[i].1,
            Err(0) => line.map[0].1,
            Err(i) => line.map[i - 1].1,
        }
    }

    /// A real span as a range of the excerpt text.
    pub fn range(&self, span: Span) -> Range<usize> {
        let span = self.file.clamp(span);
        self.shown_at(span.start)..self.shown_at(span.end)
    }

    fn line(&self, index: usize) -> Option<&Line> {
        self.lines
            .binary_search_by_key(&index, |l| l.index)
            .ok()
            .map(|i| &self.lines[i])
    }
}

impl<'a> Files<'a> for Excerpt<'_> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(&self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(&self.text)
    }

    /// The real line index of an excerpt byte.
    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, Error> {
        let i = self
            .lines
            .partition_point(|l| l.range.start <= byte_index)
            .saturating_sub(1);
        Ok(self.lines.get(i).map_or(0, |l| l.index))
    }

    /// The excerpt bytes of a real line; lines not shown are empty (codespan asks for the
    /// inside of a multi-line label but shows only its ends).
    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, Error> {
        Ok(self
            .line(line_index)
            .map_or(self.text.len()..self.text.len(), |l| l.range.clone()))
    }

    /// The real column (in characters) of an excerpt byte, for the `file:line:column` locus.
    fn column_number(
        &'a self,
        (): (),
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, Error> {
        let Some(line) = self.line(line_index) else {
            return Ok(1);
        };
        let i = line
            .map
            .partition_point(|&(_, shown)| shown <= byte_index)
            .saturating_sub(1);
        let real = line.map.get(i).map_or(0, |&(r, _)| r);
        Ok(self.file.line_col(real).column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_huge_line_is_shown_as_a_window_with_real_columns() {
        let mut text = "x".repeat(1_000_000);
        text.push_str("BAD");
        text.push_str(&"y".repeat(1_000_000));
        let text = format!("first\n{text}\nlast\n");
        let file = SourceFile::new("s.ron", text.clone());
        let at = text.find("BAD").unwrap();
        let span = Span::new(at, at + 3);
        let excerpt = Excerpt::new(&file, &[span]);
        assert!(excerpt.text.len() < 4 * WINDOW, "{}", excerpt.text.len());
        assert!(excerpt.text.starts_with('…') && excerpt.text.trim_end().ends_with('…'));
        let range = excerpt.range(span);
        assert_eq!(&excerpt.text[range.clone()], "BAD");
        assert_eq!(excerpt.line_index((), range.start).unwrap(), 1);
        assert_eq!(
            excerpt.column_number((), 1, range.start).unwrap(),
            1_000_001
        );
    }

    #[test]
    fn control_characters_in_a_line_are_spelled_out() {
        let text = "a: \"\u{1b}[2J\u{7}ok\u{202e}\"\n";
        let file = SourceFile::new("s.ron", text);
        let excerpt = Excerpt::new(&file, &[Span::new(3, text.len() - 1)]);
        assert_eq!(excerpt.text, "a: \"\\u{1b}[2J\\u{7}ok\\u{202e}\"\n");
        assert!(!excerpt.text.chars().any(|c| c.is_control() && c != '\n'));
    }
}
