//! The study charts' page and text measure. They are drawn through [`crate::drawing`], the
//! one SVG writer every picture uses (escaping, number format, path builder); what is their
//! own is the pixel page and the font stack they are set in.

use crate::drawing::{Tree, clean, n};

/// Fonts in order of preference.
pub const FONT_STACK: &str = "Inter, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif";

/// A chart `width` × `height` pixels on a white page.
pub fn page(width: f64, height: f64) -> Tree {
    let mut tree = Tree::new(&[
        ("xmlns", "http://www.w3.org/2000/svg".into()),
        ("width", n(width)),
        ("height", n(height)),
        ("viewBox", format!("0 0 {} {}", n(width), n(height))),
        ("font-family", FONT_STACK.into()),
    ]);
    tree.leaf(
        "rect",
        &[
            ("width", n(width)),
            ("height", n(height)),
            ("fill", "#ffffff".into()),
        ],
    );
    tree
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
    let text = clean(text);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_fit_their_width() {
        assert_eq!(fit("short", 10.0, 100.0), "short");
        let cut = fit("a rather long beat title indeed", 10.0, 60.0);
        assert!(cut.ends_with('…') && text_width(&cut, 10.0) <= 60.0);
        assert_eq!(fit("wide", 10.0, 2.0), "");
    }

    #[test]
    fn a_page_is_a_white_svg_of_its_size() {
        let out = page(120.0, 80.5).finish();
        assert!(out.contains("viewBox=\"0 0 120 80.5\""));
        assert!(out.contains("<rect fill=\"#ffffff\" height=\"80.5\" width=\"120\"/>"));
    }
}
