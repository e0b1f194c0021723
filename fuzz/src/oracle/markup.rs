//! SVG and HTML: well-formed markup (HTML outside its script and style bodies is
//! XHTML-compatible, as the templates are written), embedded JSON that parses, no script
//! URLs or event handlers, and no hostile element.

use super::{excerpt, json, no_raw_element};

/// An SVG document: well-formed XML with an `svg` root.
pub fn svg(name: &str, text: &str) {
    no_raw_element(name, text);
    let doc = parse(name, text);
    assert!(
        doc.root_element().has_tag_name("svg"),
        "{name}: the root is not <svg>"
    );
    elements(name, &doc, true);
}

/// An HTML page: the doctype, then markup that is well-formed once script and style bodies
/// are set aside; JSON data blocks parse.
pub fn html(name: &str, text: &str) {
    no_raw_element(name, text);
    let Some(rest) = text.strip_prefix("<!DOCTYPE html>") else {
        panic!("{name}: no doctype");
    };
    let markup = markup_only(name, rest);
    let doc = parse(name, &markup);
    assert!(
        doc.root_element().has_tag_name("html"),
        "{name}: the root is not <html>"
    );
    elements(name, &doc, false);
}

fn parse<'t>(name: &str, text: &'t str) -> roxmltree::Document<'t> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    roxmltree::Document::parse_with_options(text, options)
        .unwrap_or_else(|e| panic!("{name}: not well-formed: {e}"))
}

/// Every element: no event-handler attribute, no script URL, no `<script>` in SVG.
fn elements(name: &str, doc: &roxmltree::Document, is_svg: bool) {
    for node in doc.descendants().filter(|n| n.is_element()) {
        let tag = node.tag_name().name();
        assert!(tag != "x", "{name}: the hostile element got in");
        assert!(
            !(is_svg && matches!(tag, "script" | "foreignObject" | "iframe")),
            "{name}: <{tag}> in an SVG"
        );
        for attribute in node.attributes() {
            let key = attribute.name();
            assert!(
                !key.to_ascii_lowercase().starts_with("on"),
                "{name}: event handler `{key}` on <{tag}>"
            );
            if matches!(key, "href" | "src" | "action" | "formaction") {
                let value: String = attribute
                    .value()
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                for scheme in ["javascript:", "vbscript:", "data:text/html"] {
                    assert!(
                        !value.starts_with(scheme),
                        "{name}: a `{scheme}` link on <{tag}>"
                    );
                }
            }
        }
    }
}

/// The page with script and style bodies blanked, as an HTML parser sees them: a body ends
/// at the first `</script` (`</style`), whatever the case. JSON data blocks must parse
/// and hold no `<` (which is what keeps them from ending early).
fn markup_only(name: &str, html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    loop {
        let next = ["<script", "<style"]
            .iter()
            .filter_map(|tag| lower[at..].find(tag).map(|i| (at + i, *tag)))
            .min();
        let Some((open, tag)) = next else {
            out.push_str(&html[at..]);
            return out;
        };
        let Some(open_end) = lower[open..].find('>').map(|i| open + i) else {
            panic!("{name}: an unterminated <{}", &tag[1..]);
        };
        let close = format!("</{}", &tag[1..]);
        let Some(body_end) = lower[open_end..].find(&close).map(|i| open_end + i) else {
            panic!("{name}: <{}> is never closed", &tag[1..]);
        };
        let body = &html[open_end + 1..body_end];
        if html[open..open_end].contains("application/json") {
            if let Some(i) = body.find('<') {
                panic!("{name}: `<` inside a JSON block: {}", excerpt(body, i));
            }
            json(name, body);
        }
        out.push_str(&html[at..=open_end]);
        at = body_end;
        // Step past `</script` so the same element is not found again.
        out.push_str(&html[at..at + close.len()]);
        at += close.len();
    }
}
