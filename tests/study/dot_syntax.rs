//! A strict checker for the DOT oner writes: an undirected `graph` whose statements are
//! attribute defaults, nodes and `--` edges, every id a quoted string or a plain word.
//! Stricter than Graphviz (no raw line breaks in strings, no `->`, nothing after `}`), so a
//! pass here means Graphviz reads the file the way we meant.

use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// A plain word or number.
    Word(String),
    /// A quoted string, unescaped (`\"` → `"`, `\\` → `\`; other escapes kept as written).
    Quoted(String),
    Punct(&'static str),
}

fn tokens(text: &str) -> Result<Vec<Token>, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            c if c.is_whitespace() => i += 1,
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '"' => {
                let mut s = String::new();
                i += 1;
                loop {
                    match chars.get(i) {
                        None => return Err("unterminated string".into()),
                        Some('"') => break,
                        Some('\n') => return Err(format!("line break inside string {s:?}")),
                        Some('\\') => match chars.get(i + 1) {
                            Some('"') => {
                                s.push('"');
                                i += 2;
                            }
                            Some('\\') => {
                                s.push('\\');
                                i += 2;
                            }
                            Some(&next) if next != '\n' => {
                                s.push('\\');
                                s.push(next);
                                i += 2;
                            }
                            _ => return Err("backslash at the end of a string".into()),
                        },
                        Some(&ch) => {
                            if ch.is_control() {
                                return Err(format!("control character in string {s:?}"));
                            }
                            s.push(ch);
                            i += 1;
                        }
                    }
                }
                i += 1;
                out.push(Token::Quoted(s));
            }
            '-' if chars.get(i + 1) == Some(&'-') => {
                out.push(Token::Punct("--"));
                i += 2;
            }
            '-' if chars.get(i + 1) == Some(&'>') => {
                return Err("`->` in an undirected graph".into());
            }
            '{' | '}' | '[' | ']' | '=' | ';' | ',' => {
                out.push(Token::Punct(match c {
                    '{' => "{",
                    '}' => "}",
                    '[' => "[",
                    ']' => "]",
                    '=' => "=",
                    ';' => ";",
                    _ => ",",
                }));
                i += 1;
            }
            c if c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '-' => {
                let mut s = String::new();
                while i < chars.len()
                    && (chars[i].is_ascii_alphanumeric() || matches!(chars[i], '_' | '.' | '-'))
                {
                    s.push(chars[i]);
                    i += 1;
                }
                out.push(Token::Word(s));
            }
            other => return Err(format!("unexpected character {other:?}")),
        }
    }
    Ok(out)
}

/// What the checker read: node ids with their attributes, edges with theirs.
#[derive(Debug, Default)]
pub struct Dot {
    pub nodes: BTreeMap<String, BTreeMap<String, String>>,
    pub edges: Vec<(String, String, BTreeMap<String, String>)>,
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
}

impl Parser {
    fn next(&mut self) -> Option<Token> {
        let t = self.tokens.get(self.at).cloned();
        self.at += 1;
        t
    }

    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn expect(&mut self, p: &'static str) -> Result<(), String> {
        match self.next() {
            Some(Token::Punct(q)) if q == p => Ok(()),
            other => Err(format!("expected `{p}`, found {other:?}")),
        }
    }

    fn id(&mut self) -> Result<String, String> {
        match self.next() {
            Some(Token::Word(w)) | Some(Token::Quoted(w)) => Ok(w),
            other => Err(format!("expected an id, found {other:?}")),
        }
    }

    fn attrs(&mut self) -> Result<BTreeMap<String, String>, String> {
        let mut map = BTreeMap::new();
        if self.peek() != Some(&Token::Punct("[")) {
            return Ok(map);
        }
        self.expect("[")?;
        loop {
            if self.peek() == Some(&Token::Punct("]")) {
                self.next();
                return Ok(map);
            }
            let key = self.id()?;
            self.expect("=")?;
            let value = self.id()?;
            if map.insert(key.clone(), value).is_some() {
                return Err(format!("attribute `{key}` given twice"));
            }
            if matches!(
                self.peek(),
                Some(Token::Punct(",")) | Some(Token::Punct(";"))
            ) {
                self.next();
            }
        }
    }
}

pub fn parse(text: &str) -> Result<Dot, String> {
    let mut p = Parser {
        tokens: tokens(text)?,
        at: 0,
    };
    match p.next() {
        Some(Token::Word(w)) if w == "graph" => {}
        other => return Err(format!("expected `graph`, found {other:?}")),
    }
    if let Some(Token::Quoted(_)) | Some(Token::Word(_)) = p.peek() {
        p.next();
    }
    p.expect("{")?;
    let mut dot = Dot::default();
    loop {
        match p.peek() {
            None => return Err("missing `}`".into()),
            Some(Token::Punct("}")) => {
                p.next();
                break;
            }
            Some(Token::Word(w)) if ["graph", "node", "edge"].contains(&w.as_str()) => {
                p.next();
                if p.peek() != Some(&Token::Punct("[")) {
                    return Err("a default statement needs `[`".into());
                }
                p.attrs()?;
            }
            _ => {
                let a = p.id()?;
                if p.peek() == Some(&Token::Punct("--")) {
                    p.next();
                    let b = p.id()?;
                    for end in [&a, &b] {
                        if !dot.nodes.contains_key(end) {
                            return Err(format!("edge to undeclared node {end:?}"));
                        }
                    }
                    let attrs = p.attrs()?;
                    dot.edges.push((a, b, attrs));
                } else {
                    let attrs = p.attrs()?;
                    if dot.nodes.insert(a.clone(), attrs).is_some() {
                        return Err(format!("node {a:?} declared twice"));
                    }
                }
            }
        }
        p.expect(";")?;
    }
    if p.at < p.tokens.len() {
        return Err("text after the closing `}`".into());
    }
    Ok(dot)
}

#[test]
fn the_checker_rejects_broken_dot() {
    assert!(parse("graph \"g\" { \"a\" [label=\"x\"]; }").is_ok());
    for bad in [
        "graph { \"a\" [label=\"x]; }",
        "graph { \"a\" -> \"b\"; }",
        "graph { \"a\"; \"a\" -- \"c\"; }",
        "graph { \"a\" [label=\"x\" }",
        "graph { \"a\"; } extra",
        "graph { \"a\" [label=\"line\nbreak\"]; }",
        "digraph { }",
    ] {
        assert!(parse(bad).is_err(), "accepted: {bad}");
    }
}
