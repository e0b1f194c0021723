//! A small SVG writer for the study charts.
//!
//! Written by hand rather than with the `svg` crate because that crate leaves `"` unescaped
//! in attribute values; here every value and every piece of text goes through
//! [`escape::xml`], and element and attribute names are always fixed strings.

use crate::escape;

/// Fonts in order of preference (the same stack as the plans).
pub const FONT_STACK: &str = "Inter, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif";

/// Formats a coordinate or size in pixels: two decimals at most, deterministic.
pub fn n(value: f64) -> String {
    escape::number(value, 2)
}

/// Approximate width of `text` set at `size` pixels, for fitting and spacing labels.
pub fn text_width(text: &str, size: f64) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.3,
            'f' | 't' | 'r' | ' ' | '(' | ')' | '-' => 0.4,
            'm' | 'w' | 'M' | 'W' => 0.9,
            c if c.is_ascii_uppercase() => 0.7,
            c if c.is_ascii() => 0.58,
            _ => 0.75,
        })
        .sum();
    em * size
}

/// `text` on one line, cut to fit `width` pixels with an ellipsis (empty if nothing fits).
pub fn fit(text: &str, size: f64, width: f64) -> String {
    let text = one_line(text);
    if text_width(&text, size) <= width {
        return text;
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if text_width(&out, size) + text_width("…", size) > width {
            out.pop();
            break;
        }
    }
    let out = out.trim_end();
    if out.is_empty() {
        String::new()
    } else {
        format!("{out}…")
    }
}

/// Scene text on one line, control characters gone.
pub fn one_line(text: &str) -> String {
    escape::strip_control(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// An SVG document being written, element by element, in a fixed order.
#[derive(Debug)]
pub struct Svg {
    out: String,
    open: Vec<&'static str>,
}

impl Svg {
    /// A document `width` × `height` pixels on a white page.
    pub fn new(width: f64, height: f64) -> Svg {
        let mut svg = Svg {
            out: String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"),
            open: Vec::new(),
        };
        svg.open(
            "svg",
            &[
                ("xmlns", "http://www.w3.org/2000/svg".into()),
                ("width", n(width)),
                ("height", n(height)),
                ("viewBox", format!("0 0 {} {}", n(width), n(height))),
                ("font-family", FONT_STACK.into()),
            ],
        );
        svg.leaf(
            "rect",
            &[
                ("width", n(width)),
                ("height", n(height)),
                ("fill", "#ffffff".into()),
            ],
        );
        svg
    }

    fn start_tag(&mut self, name: &'static str, attrs: &[(&'static str, String)]) {
        for _ in 0..self.open.len() {
            self.out.push(' ');
        }
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attrs {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            self.out.push_str(&escape::xml(value));
            self.out.push('"');
        }
    }

    /// Opens a container element; [`Svg::close`] ends it.
    pub fn open(&mut self, name: &'static str, attrs: &[(&'static str, String)]) {
        self.start_tag(name, attrs);
        self.out.push_str(">\n");
        self.open.push(name);
    }

    pub fn close(&mut self) {
        if let Some(name) = self.open.pop() {
            for _ in 0..self.open.len() {
                self.out.push(' ');
            }
            self.out.push_str("</");
            self.out.push_str(name);
            self.out.push_str(">\n");
        }
    }

    /// An element with no children.
    pub fn leaf(&mut self, name: &'static str, attrs: &[(&'static str, String)]) {
        self.start_tag(name, attrs);
        self.out.push_str("/>\n");
    }

    /// An element holding text (scene text is escaped here).
    pub fn text(&mut self, name: &'static str, attrs: &[(&'static str, String)], text: &str) {
        self.start_tag(name, attrs);
        self.out.push('>');
        self.out.push_str(&escape::xml(&one_line(text)));
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// An element with a hover tooltip (`<title>`) inside.
    pub fn leaf_titled(
        &mut self,
        name: &'static str,
        attrs: &[(&'static str, String)],
        title: &str,
    ) {
        self.open(name, attrs);
        self.text("title", &[], title);
        self.close();
    }

    /// The finished document.
    pub fn finish(mut self) -> String {
        while !self.open.is_empty() {
            self.close();
        }
        self.out
    }
}

/// SVG path data built from points, with fixed precision.
#[derive(Debug, Default)]
pub struct PathData(String);

impl PathData {
    pub fn new() -> PathData {
        PathData(String::new())
    }

    pub fn move_to(&mut self, x: f64, y: f64) {
        self.push(&format!("M{} {}", n(x), n(y)));
    }

    pub fn line_to(&mut self, x: f64, y: f64) {
        self.push(&format!("L{} {}", n(x), n(y)));
    }

    /// An S-bend from the current point to `(x, y)` that leaves and arrives level.
    pub fn bend_to(&mut self, from: (f64, f64), x: f64, y: f64) {
        let mid = (from.0 + x) / 2.0;
        self.push(&format!(
            "C{} {} {} {} {} {}",
            n(mid),
            n(from.1),
            n(mid),
            n(y),
            n(x),
            n(y)
        ));
    }

    pub fn close(&mut self) {
        self.push("Z");
    }

    fn push(&mut self, part: &str) {
        if !self.0.is_empty() {
            self.0.push(' ');
        }
        self.0.push_str(part);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_and_text_is_escaped() {
        let mut svg = Svg::new(10.0, 10.0);
        svg.text("text", &[("x", "\"><script>".into())], "</text><script>&");
        let out = svg.finish();
        assert!(!out.contains("<script>"));
        assert!(out.contains("&quot;&gt;&lt;script&gt;"));
        assert!(out.ends_with("</svg>\n"));
    }

    #[test]
    fn labels_fit_their_width() {
        assert_eq!(fit("short", 10.0, 100.0), "short");
        let cut = fit("a rather long beat title indeed", 10.0, 60.0);
        assert!(cut.ends_with('…') && text_width(&cut, 10.0) <= 60.0);
        assert_eq!(fit("wide", 10.0, 2.0), "");
    }
}
