//! Building a picture element by element in drawing order, for the charts that are drawn
//! top to bottom rather than assembled from parts: a stack of open `svg` crate elements.

use super::{DECLARATION, attribute, clean};
use svg::Node;
use svg::node::element::Element;

/// A picture under construction: the root and the elements opened inside it, innermost last.
/// Element and attribute names are fixed strings; attribute values go through
/// [`super::attribute`], text through [`super::clean`].
#[derive(Debug)]
pub struct Tree {
    open: Vec<Element>,
}

fn element(name: &'static str, attrs: &[(&'static str, String)]) -> Element {
    let mut element = Element::new(name);
    for (key, value) in attrs {
        element.assign(*key, attribute(value));
    }
    element
}

impl Tree {
    /// A picture whose root is `root` (an `svg` element with its size and namespace).
    pub fn new(root: &[(&'static str, String)]) -> Tree {
        Tree {
            open: vec![element("svg", root)],
        }
    }

    fn append(&mut self, node: Element) {
        if let Some(parent) = self.open.last_mut() {
            parent.append(node);
        }
    }

    /// Opens a container element; [`Tree::close`] ends it.
    pub fn open(&mut self, name: &'static str, attrs: &[(&'static str, String)]) {
        self.open.push(element(name, attrs));
    }

    /// Ends the innermost open element (never the root).
    pub fn close(&mut self) {
        if self.open.len() > 1
            && let Some(done) = self.open.pop()
        {
            self.append(done);
        }
    }

    /// An element with no children.
    pub fn leaf(&mut self, name: &'static str, attrs: &[(&'static str, String)]) {
        self.append(element(name, attrs));
    }

    /// An element holding text (scene text is cleaned here and escaped by the crate).
    pub fn text(&mut self, name: &'static str, attrs: &[(&'static str, String)], text: &str) {
        let mut node = element(name, attrs);
        node.append(svg::node::Text::new(clean(text)));
        self.append(node);
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

    /// The finished file: the declaration and the root with everything still open closed.
    pub fn finish(mut self) -> String {
        while self.open.len() > 1 {
            self.close();
        }
        let mut out = String::from(DECLARATION);
        if let Some(root) = self.open.pop() {
            out.push_str(&root.to_string());
        }
        out.push('\n');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_and_text_is_escaped() {
        let mut tree = Tree::new(&[("xmlns", "http://www.w3.org/2000/svg".into())]);
        tree.open("g", &[]);
        tree.text("text", &[("x", "\"><script>".into())], "</text><script>&");
        let out = tree.finish();
        assert!(!out.contains("<script>"));
        assert!(out.contains("x=\"\u{201d}&gt;&lt;script&gt;\""));
        assert!(out.contains("&lt;/text&gt;&lt;script&gt;&amp;</text>"));
        assert!(out.starts_with(DECLARATION) && out.ends_with("</g>\n</svg>\n"));
    }
}
