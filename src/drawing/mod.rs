//! One way to write SVG, for every picture oner draws: the plans, the beat sheets, the contact
//! sheet, the study charts and the player's floor.
//!
//! Every picture is a tree of the `svg` crate's elements, serialised by the crate, so there is
//! one escaping of element text (`&`, `<`, `>`, after [`clean`] has taken out control
//! characters and line breaks), one number format ([`n`]: two decimals at most, no `-0`) and
//! one path builder ([`PathData`]). Element and attribute names are always fixed strings;
//! attribute values that might ever carry scene text go through [`attribute`], because the
//! crate leaves `"` in attribute values as it is.

mod path;
mod tree;

pub use path::PathData;
pub use tree::Tree;

/// The XML declaration every SVG file starts with.
pub const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

/// Formats a coordinate or size (page millimetres for the plans, pixels for the charts): two
/// decimals at most, tidy, deterministic.
pub fn n(value: f64) -> String {
    crate::escape::number(value, 2)
}

/// Scene text made safe for element content, on one line: control and bidi characters gone,
/// white space folded (the svg crate escapes `&`, `<` and `>` itself, so escaping here would
/// double it).
pub fn clean(content: &str) -> String {
    crate::escape::strip_control(content)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A value made safe for an attribute: [`clean`], and `"` (which the svg crate would write
/// as it is, ending the value) as a typographic quote.
pub fn attribute(value: &str) -> String {
    crate::escape::strip_control(value).replace('"', "\u{201d}")
}

/// A text element holding scene text at `(x, y)`, `size` high.
pub fn text(content: &str, x: f64, y: f64, size: f64) -> svg::node::element::Text {
    svg::node::element::Text::new(clean(content))
        .set("x", n(x))
        .set("y", n(y))
        .set("font-size", n(size))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_fixed_precision() {
        assert_eq!(n(1.0 / 3.0), "0.33");
        assert_eq!(n(-0.0001), "0");
        assert_eq!(n(12.0), "12");
    }

    #[test]
    fn scene_text_cannot_leave_its_element_or_attribute() {
        let element = text("</text><script>\u{1b}&\nx", 1.0, 2.0, 3.0).to_string();
        assert!(!element.contains("<script>"));
        assert!(element.contains("&lt;/text&gt;&lt;script&gt;&amp; x"));
        assert_eq!(attribute("a\" onload=\"x"), "a\u{201d} onload=\u{201d}x");
    }
}
