//! Finding a value's place in the source after serde has forgotten it.
//!
//! serde keeps no positions, so every problem found after parsing names the value it is about
//! by a [`SourcePath`] (`timeline[12].do.who`), and [`SpanIndex`] maps paths to byte spans by
//! scanning the RON text once. The scan runs lazily, the first time a span is asked for, so a
//! clean scene never pays for it. It is only ever run on text that ron has already accepted,
//! but it still never panics on anything.

use crate::source::Span;
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;
use std::sync::OnceLock;

/// One step of a path into the scene: a struct field, a list index or a map key.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Seg {
    Field(Cow<'static, str>),
    Index(usize),
    Key(String),
}

/// The address of a value in the scene file.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct SourcePath(Vec<Seg>);

impl SourcePath {
    pub fn root() -> SourcePath {
        SourcePath(Vec::new())
    }

    pub fn field(&self, name: &'static str) -> SourcePath {
        self.with(Seg::Field(Cow::Borrowed(name)))
    }

    pub fn index(&self, index: usize) -> SourcePath {
        self.with(Seg::Index(index))
    }

    pub fn key(&self, key: &str) -> SourcePath {
        self.with(Seg::Key(key.to_string()))
    }

    fn with(&self, seg: Seg) -> SourcePath {
        // One allocation of the final size: loading makes a path for every field it reads.
        let mut segs = Vec::with_capacity(self.0.len() + 1);
        segs.extend_from_slice(&self.0);
        segs.push(seg);
        SourcePath(segs)
    }

    pub fn segments(&self) -> &[Seg] {
        &self.0
    }
}

impl fmt::Display for SourcePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Field(name) if i == 0 => write!(f, "{name}")?,
                Seg::Field(name) => write!(f, ".{name}")?,
                Seg::Index(n) => write!(f, "[{n}]")?,
                Seg::Key(k) => write!(f, "[{k:?}]")?,
            }
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    value: Span,
    key: Option<Span>,
}

/// Lazily built map from [`SourcePath`]s to spans in one source text. The text is shared
/// with the [`SourceFile`](crate::source::SourceFile), so a clean run copies nothing.
#[derive(Debug)]
pub struct SpanIndex {
    text: Arc<String>,
    entries: OnceLock<HashMap<Vec<Seg>, Entry>>,
}

impl SpanIndex {
    pub fn new(text: impl Into<String>) -> SpanIndex {
        SpanIndex::shared(Arc::new(text.into()))
    }

    /// An index over text already held elsewhere (a [`SourceFile`](crate::source::SourceFile)'s).
    pub fn shared(text: Arc<String>) -> SpanIndex {
        SpanIndex {
            text,
            entries: OnceLock::new(),
        }
    }

    fn entries(&self) -> &HashMap<Vec<Seg>, Entry> {
        self.entries.get_or_init(|| Scanner::scan(&self.text))
    }

    /// The span of the value at `path`, or of its nearest enclosing value that exists.
    pub fn span(&self, path: &SourcePath) -> Span {
        let entries = self.entries();
        let segs = path.segments();
        (0..=segs.len())
            .rev()
            .find_map(|n| entries.get(&segs[..n]).map(|e| e.value))
            .unwrap_or_default()
    }

    /// The span of the key or field name that introduces `path` (`"living":`), else the value.
    pub fn key_span(&self, path: &SourcePath) -> Span {
        match self.entries().get(path.segments()) {
            Some(Entry { key: Some(key), .. }) => *key,
            _ => self.span(path),
        }
    }

    /// Spans of every key of the map at `path` equal to `key`, in file order (duplicates
    /// show up here, since ron silently keeps the last).
    pub fn key_spans(&self, path: &SourcePath, key: &str) -> Vec<Span> {
        let mut spans = Vec::new();
        let mut n = 0;
        loop {
            let mut segs = path.segments().to_vec();
            segs.push(Seg::Key(format!("{key}\u{0}{n}")));
            match self.entries().get(&segs) {
                Some(Entry { key: Some(k), .. }) => spans.push(*k),
                _ => break,
            }
            n += 1;
        }
        spans
    }
}

/// A token of RON text as the tolerant scanners read it (the span index here, the language
/// server's id index): brackets, separators, strings (their inner text, raw or not) and any
/// other run of text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Tok<'a> {
    Open(u8),
    Close(u8),
    Colon,
    Comma,
    Str(&'a str, bool),
    Atom(&'a str),
}

/// A tolerant RON scanner: tokenises, then walks values recording their spans by path.
struct Scanner<'a> {
    text: &'a str,
    tokens: Vec<(Tok<'a>, Span)>,
    pos: usize,
    entries: HashMap<Vec<Seg>, Entry>,
    path: Vec<Seg>,
}

const MAX_DEPTH: usize = 256;

impl<'a> Scanner<'a> {
    fn scan(text: &'a str) -> HashMap<Vec<Seg>, Entry> {
        let mut scanner = Scanner {
            text,
            tokens: tokenise(text).collect(),
            pos: 0,
            entries: HashMap::new(),
            path: Vec::new(),
        };
        scanner.value(0, None);
        scanner.entries
    }

    fn peek(&self, ahead: usize) -> Option<Tok<'a>> {
        self.tokens.get(self.pos + ahead).map(|t| t.0)
    }

    fn last_end(&self) -> usize {
        self.pos
            .checked_sub(1)
            .and_then(|i| self.tokens.get(i))
            .map(|t| t.1.end)
            .unwrap_or(0)
    }

    fn record(&mut self, start: usize, key: Option<Span>) {
        let value = Span::new(start, self.last_end());
        self.entries
            .entry(self.path.clone())
            .or_insert(Entry { value, key });
    }

    /// Scans one value at the current path.
    fn value(&mut self, depth: usize, key: Option<Span>) {
        let Some(&(tok, span)) = self.tokens.get(self.pos) else {
            return;
        };
        if depth > MAX_DEPTH {
            self.pos = self.tokens.len();
            return;
        }
        match tok {
            Tok::Atom(_) => {
                self.pos += 1;
                if let Some(Tok::Open(b'(')) = self.peek(0) {
                    self.pos += 1;
                    self.group(b')', depth);
                }
            }
            Tok::Str(..) => self.pos += 1,
            Tok::Open(b'(') => {
                self.pos += 1;
                self.group(b')', depth);
            }
            Tok::Open(b'[') => {
                self.pos += 1;
                self.group(b']', depth);
            }
            Tok::Open(_) => {
                self.pos += 1;
                self.map(depth);
            }
            Tok::Close(_) | Tok::Colon | Tok::Comma => {
                self.pos += 1;
                return;
            }
        }
        self.record(span.start, key);
    }

    /// The inside of `( … )` or `[ … ]`: named fields or positional elements.
    fn group(&mut self, close: u8, depth: usize) {
        let mut index = 0;
        loop {
            match self.peek(0) {
                None => return,
                Some(Tok::Close(_)) => {
                    self.pos += 1;
                    return;
                }
                Some(Tok::Comma) => {
                    self.pos += 1;
                    continue;
                }
                _ => {}
            }
            let named = close == b')'
                && matches!(self.peek(0), Some(Tok::Atom(_)))
                && self.peek(1) == Some(Tok::Colon);
            if named {
                let (tok, key_span) = self.tokens[self.pos];
                self.pos += 2;
                let name = match tok {
                    Tok::Atom(name) => name.trim_start_matches("r#"),
                    _ => "",
                };
                self.path.push(Seg::Field(Cow::Owned(name.to_string())));
                self.value(depth + 1, Some(key_span));
                self.path.pop();
            } else {
                self.path.push(Seg::Index(index));
                self.value(depth + 1, None);
                self.path.pop();
                index += 1;
            }
        }
    }

    /// The inside of `{ key: value, … }`. A repeated key gets a numbered shadow entry
    /// (`key\0n`) for every occurrence, so duplicates can be pointed at.
    fn map(&mut self, depth: usize) {
        let mut seen: HashMap<String, usize> = HashMap::new();
        loop {
            match self.peek(0) {
                None => return,
                Some(Tok::Close(_)) => {
                    self.pos += 1;
                    return;
                }
                Some(Tok::Comma) => {
                    self.pos += 1;
                    continue;
                }
                _ => {}
            }
            let key_start = self.tokens[self.pos].1.start;
            let key_text = match self.tokens[self.pos].0 {
                Tok::Str(raw, is_raw) => unescape(raw, is_raw),
                _ => None,
            };
            // Scan the key as a value of its own at a throwaway path.
            self.path.push(Seg::Index(usize::MAX));
            self.value(depth + 1, None);
            self.path.pop();
            let key_span = Span::new(key_start, self.last_end());
            if self.peek(0) == Some(Tok::Colon) {
                self.pos += 1;
            }
            let key = key_text.unwrap_or_else(|| self.text[key_span.range()].to_string());
            let n = seen.entry(key.clone()).or_insert(0);
            let mut shadow = self.path.clone();
            shadow.push(Seg::Key(format!("{key}\u{0}{n}")));
            *n += 1;
            self.path.push(Seg::Key(key));
            let value_start = self.pos;
            self.value(depth + 1, Some(key_span));
            self.path.pop();
            if let Some(&(_, start)) = self.tokens.get(value_start) {
                let value = Span::new(start.start, self.last_end());
                self.entries.insert(
                    shadow,
                    Entry {
                        value,
                        key: Some(key_span),
                    },
                );
            }
        }
    }
}

/// A string token's text with its escapes resolved; `None` for an escape RON does not know.
pub(crate) fn unescape(raw: &str, is_raw: bool) -> Option<String> {
    if is_raw {
        return Some(raw.to_string());
    }
    let mut out = String::new();
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            '0' => out.push('\0'),
            '\\' => out.push('\\'),
            '"' => out.push('"'),
            '\'' => out.push('\''),
            'u' => {
                let rest: String = chars.by_ref().take_while(|&c| c != '}').collect();
                let hex = rest.trim_start_matches('{');
                out.push(char::from_u32(u32::from_str_radix(hex, 16).ok()?)?);
            }
            'x' => {
                let hex: String = chars.by_ref().take(2).collect();
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
            }
            _ => return None,
        }
    }
    Some(out)
}

/// Tokens of `text` with their spans, never failing: an unterminated string or comment runs
/// to the end, comments and `#![…]` attributes are skipped.
/// Read one at a time, so a scan of a large file holds no list of its tokens.
pub(crate) fn tokenise(text: &str) -> Tokens<'_> {
    Tokens { text, at: 0 }
}

/// The tokens of a text, as [`tokenise`] reads them.
pub(crate) struct Tokens<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = (Tok<'a>, Span);

    fn next(&mut self) -> Option<(Tok<'a>, Span)> {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut i = self.at;
        let mut token = None;
        while i < bytes.len() {
            let c = bytes[i];
            let start = i;
            match c {
                b' ' | b'\t' | b'\n' | b'\r' => i += 1,
                b'/' if bytes.get(i + 1) == Some(&b'/') => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                b'/' if bytes.get(i + 1) == Some(&b'*') => {
                    let mut depth = 0usize;
                    while i < bytes.len() {
                        if bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'*') {
                            depth += 1;
                            i += 2;
                        } else if bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/') {
                            depth -= 1;
                            i += 2;
                            if depth == 0 {
                                break;
                            }
                        } else {
                            i += 1;
                        }
                    }
                }
                b'#' => {
                    // `#![enable(...)]` attributes: skip to the closing bracket.
                    while i < bytes.len() && bytes[i] != b']' {
                        i += 1;
                    }
                    i += 1;
                }
                b'(' | b'[' | b'{' => {
                    token = Some((Tok::Open(c), Span::new(i, i + 1)));
                    i += 1;
                }
                b')' | b']' | b'}' => {
                    token = Some((Tok::Close(c), Span::new(i, i + 1)));
                    i += 1;
                }
                b':' => {
                    token = Some((Tok::Colon, Span::new(i, i + 1)));
                    i += 1;
                }
                b',' => {
                    token = Some((Tok::Comma, Span::new(i, i + 1)));
                    i += 1;
                }
                b'"' => {
                    i += 1;
                    while i < bytes.len() && bytes[i] != b'"' {
                        i += if bytes[i] == b'\\' { 2 } else { 1 };
                    }
                    let end = i.min(bytes.len());
                    let inner = text.get(start + 1..end).unwrap_or("");
                    i = (i + 1).min(bytes.len());
                    token = Some((Tok::Str(inner, false), Span::new(start, i)));
                }
                b'r' if matches!(bytes.get(i + 1), Some(b'"') | Some(b'#'))
                    && bytes[i + 1..].iter().find(|&&b| b != b'#') == Some(&b'"') =>
                {
                    let hashes = bytes[i + 1..].iter().take_while(|&&b| b == b'#').count();
                    let body = i + 2 + hashes;
                    let closing = format!("\"{}", "#".repeat(hashes));
                    let end = text
                        .get(body..)
                        .and_then(|rest| rest.find(&closing))
                        .map(|e| body + e)
                        .unwrap_or(bytes.len());
                    let inner = text.get(body..end).unwrap_or("");
                    i = (end + closing.len()).min(bytes.len());
                    token = Some((Tok::Str(inner, true), Span::new(start, i)));
                }
                b'\'' => {
                    i += 1;
                    while i < bytes.len() && bytes[i] != b'\'' {
                        i += if bytes[i] == b'\\' { 2 } else { 1 };
                    }
                    i = (i + 1).min(bytes.len());
                    token = Some((
                        Tok::Atom(text.get(start..i).unwrap_or("")),
                        Span::new(start, i),
                    ));
                }
                _ => {
                    while i < bytes.len()
                        && !matches!(
                            bytes[i],
                            b' ' | b'\t'
                                | b'\n'
                                | b'\r'
                                | b'('
                                | b')'
                                | b'['
                                | b']'
                                | b'{'
                                | b'}'
                                | b':'
                                | b','
                                | b'"'
                        )
                    {
                        i += 1;
                    }
                    if i == start {
                        i += 1;
                    }
                    while i < bytes.len() && !text.is_char_boundary(i) {
                        i += 1;
                    }
                    token = Some((
                        Tok::Atom(text.get(start..i).unwrap_or("")),
                        Span::new(start, i),
                    ));
                }
            }
            if token.is_some() {
                break;
            }
        }
        self.at = i;
        token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"Scene(
    title: "T",
    set: (rooms: { "a": (name: "A"), "b": (name: "B"), "a": (name: "A2") }),
    timeline: [ (at: "0:01", do: Move(who: "x", to: "m")), (at: "0:02", do: Line(who: "y")) ],
)"#;

    fn text_at(index: &SpanIndex, path: &SourcePath) -> String {
        TEXT[index.span(path).range()].to_string()
    }

    #[test]
    fn finds_fields_list_items_and_map_entries() {
        let index = SpanIndex::new(TEXT);
        let root = SourcePath::root();
        assert_eq!(text_at(&index, &root.field("title")), "\"T\"");
        let who = root.field("timeline").index(1).field("do").field("who");
        assert_eq!(text_at(&index, &who), "\"y\"");
        let room = root.field("set").field("rooms").key("b");
        assert_eq!(text_at(&index, &room), "(name: \"B\")");
        assert_eq!(&TEXT[index.key_span(&room).range()], "\"b\"");
    }

    #[test]
    fn missing_paths_fall_back_to_the_nearest_parent() {
        let index = SpanIndex::new(TEXT);
        let path = SourcePath::root().field("timeline").index(0).field("note");
        assert_eq!(
            text_at(&index, &path),
            "(at: \"0:01\", do: Move(who: \"x\", to: \"m\"))"
        );
    }

    #[test]
    fn repeated_map_keys_are_all_found() {
        let index = SpanIndex::new(TEXT);
        let rooms = SourcePath::root().field("set").field("rooms");
        let spans = index.key_spans(&rooms, "a");
        assert_eq!(spans.len(), 2);
        assert!(spans[0].start < spans[1].start);
        assert_eq!(index.key_spans(&rooms, "b").len(), 1);
    }

    #[test]
    fn never_panics_on_garbage() {
        for text in [
            "",
            "(((",
            "\"unterminated",
            "r#\"x",
            "{:}",
            "é(:",
            "/* open",
            "'",
        ] {
            let index = SpanIndex::new(text);
            let _ = index.span(&SourcePath::root().field("title"));
        }
    }
}
