//! Byte offsets ⇄ LSP positions. LSP counts columns in UTF-16 code units (the protocol's
//! default encoding), oner's spans count bytes: a name with an accent or an emoji must still
//! be underlined exactly.

use crate::source::Span;
use lsp_types::{Position, Range};

/// Where each line starts in one text, for conversions both ways.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts }
    }

    /// The position of a byte offset (clamped to the text, and down to a character boundary).
    pub fn position(&self, text: &str, byte: usize) -> Position {
        let mut byte = byte.min(text.len());
        while !text.is_char_boundary(byte) {
            byte -= 1;
        }
        let line = match self.starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.starts.get(line).copied().unwrap_or(0).min(byte);
        let character: usize = text[start..byte].chars().map(char::len_utf16).sum();
        Position::new(line as u32, character as u32)
    }

    /// The byte offset of a position; a column past the line's end is the line's end, a line
    /// past the text's end the text's end (clients may send either while typing).
    pub fn offset(&self, text: &str, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return text.len();
        };
        let end = self
            .starts
            .get(position.line as usize + 1)
            .map(|&next| next - 1)
            .unwrap_or(text.len());
        let line = &text[start..end];
        let mut units = 0usize;
        for (i, c) in line.char_indices() {
            if units >= position.character as usize {
                return start + i;
            }
            units += c.len_utf16();
        }
        end
    }

    pub fn range(&self, text: &str, span: Span) -> Range {
        Range::new(
            self.position(text, span.start),
            self.position(text, span.end),
        )
    }

    /// The byte offset where a 0-based line starts (the text's end past the last line).
    pub fn line_start(&self, text: &str, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(text.len())
    }

    /// The 0-based line holding a byte offset.
    pub fn line_of(&self, byte: usize) -> usize {
        match self.starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_units_not_bytes() {
        // "é" is 2 bytes and 1 unit; "🎬" is 4 bytes and 2 units.
        let text = "(title: \"é🎬\", x: \"k\")\nnext";
        let index = LineIndex::new(text);
        let k = text.find("\"k\"").unwrap_or(0);
        assert_eq!(index.position(text, k), Position::new(0, 18));
        assert_eq!(index.offset(text, Position::new(0, 18)), k);
        let next = text.find("next").unwrap_or(0);
        assert_eq!(index.position(text, next), Position::new(1, 0));
        assert_eq!(index.offset(text, Position::new(1, 2)), next + 2);
    }

    #[test]
    fn out_of_range_positions_are_clamped() {
        let text = "ab\ncd";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, Position::new(0, 99)), 2);
        assert_eq!(index.offset(text, Position::new(9, 0)), text.len());
        assert_eq!(index.position(text, 999), Position::new(1, 2));
        // Inside a multi-byte character: the character's start.
        let text = "é";
        assert_eq!(LineIndex::new(text).position(text, 1), Position::new(0, 0));
    }

    #[test]
    fn a_position_inside_a_surrogate_pair_maps_to_the_character() {
        let text = "🎬x";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, Position::new(0, 1)), 4);
        assert_eq!(index.offset(text, Position::new(0, 2)), 4);
        assert_eq!(index.offset(text, Position::new(0, 3)), 5);
    }
}
