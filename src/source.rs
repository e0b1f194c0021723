//! A scene file's text and the arithmetic between byte offsets and line/column positions.

use std::ops::Range;
use std::sync::Arc;

/// One scene file as read from disk. Columns are counted in characters (as editors and ron
/// do), never in bytes, so a line full of accented names still points at the right place.
/// The text is shared, not copied, with the [`SpanIndex`](crate::locate::SpanIndex) that
/// points into it.
#[derive(Debug, Clone)]
pub struct SourceFile {
    name: String,
    text: Arc<String>,
    line_starts: Vec<usize>,
}

/// A byte range in a [`SourceFile`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

/// A 1-based line and 1-based column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> SourceFile {
        let text = text.into();
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceFile {
            name: name.into(),
            text: Arc::new(text),
            line_starts,
        }
    }

    /// The text, shared: for indexes that outlive a borrow of the file.
    pub fn shared_text(&self) -> Arc<String> {
        Arc::clone(&self.text)
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// FNV-1a (64 bit) of the text folded to 8 hex digits: enough to tell two revisions of
    /// a scene apart on a printed sheet, the same on every machine.
    pub fn content_hash(&self) -> String {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in self.text.bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        format!("{:08x}", (hash >> 32) ^ (hash & 0xffff_ffff))
    }

    /// Line and character column of a byte offset (clamped to the text and to a char boundary).
    pub fn line_col(&self, byte: usize) -> LineCol {
        let byte = self.floor_char_boundary(byte.min(self.text.len()));
        let line_index = match self.line_starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.line_starts[line_index];
        let column = self.text[start..byte].chars().count() + 1;
        LineCol {
            line: line_index + 1,
            column,
        }
    }

    /// Byte offset of a 1-based line and character column, clamped to the line's end.
    pub fn byte_at(&self, line: usize, column: usize) -> usize {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        let end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        let line_text = &self.text[start..end];
        let offset = line_text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map(|(i, _)| i)
            .unwrap_or(line_text.trim_end_matches('\n').len());
        start + offset
    }

    /// The 0-based index of the line holding a byte offset.
    pub fn line_index(&self, byte: usize) -> usize {
        match self.line_starts.binary_search(&byte.min(self.text.len())) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The bytes of a 0-based line, without its line ending (`\n` or `\r\n`).
    pub fn line_range(&self, line_index: usize) -> Range<usize> {
        let Some(&start) = self.line_starts.get(line_index) else {
            return self.text.len()..self.text.len();
        };
        let end = self
            .line_starts
            .get(line_index + 1)
            .map_or(self.text.len(), |&next| next - 1);
        let end = if self.text[start..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        start..end
    }

    /// How many lines the text has.
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    fn floor_char_boundary(&self, mut byte: usize) -> usize {
        while byte > 0 && !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        byte
    }

    /// A span snapped to char boundaries and the text, safe to slice with.
    pub fn clamp(&self, span: Span) -> Span {
        let start = self.floor_char_boundary(span.start.min(self.text.len()));
        let end = self.floor_char_boundary(span.end.min(self.text.len()));
        Span::new(start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let file = SourceFile::new("s.ron", "a\n\"é€\" x\n");
        let x = file.text().find('x').unwrap();
        assert_eq!(file.line_col(x), LineCol { line: 2, column: 6 });
        assert_eq!(file.byte_at(2, 6), x);
    }

    #[test]
    fn offsets_past_the_end_are_clamped() {
        let file = SourceFile::new("s.ron", "ab");
        assert_eq!(file.line_col(99), LineCol { line: 1, column: 3 });
        assert_eq!(file.byte_at(7, 1), 2);
    }
}
