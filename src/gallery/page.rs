//! The gallery page (`output/index.html`): one card per built scene with its overview plan
//! as a thumbnail, its length, rig, size and one line of context, linking its study pack.
//!
//! Every scene text is escaped; links are made only from sanitised folder names. The page
//! fetches nothing but the files beside it, like the study packs it links.

use super::Entry;
use crate::escape::xml;

/// The whole page for `entries`, in the order given.
pub fn render(entries: &[Entry]) -> String {
    let mut body = String::from(
        "<header>\n<p class=\"kicker\">oner gallery</p>\n<h1>Famous long takes, staged as plans</h1>\n\
<p class=\"notes\">Each scene is a study reconstruction: the public facts about the take are real, and each \
scene's notes list where they come from; the floor plan, marks and timings are invented to fit them, so the \
take can be read, checked and questioned as a plan. Open a study pack for its plans, playback, cue sheets and \
numbers.</p>\n</header>\n<section>\n<div class=\"cards\">\n",
    );
    for entry in entries {
        body.push_str(&card(entry));
    }
    body.push_str("</div>\n</section>\n");
    crate::play::html::fill(
        include_str!("../play/index.html"),
        &[
            ("title", "Gallery".to_string()),
            (
                "css",
                format!("{}\n{}", include_str!("../play/index.css"), CSS),
            ),
            ("body", body),
        ],
    )
    .replace(" · study pack</title>", " · oner</title>")
    .replace("from the scene file.", "from the scene files.")
}

/// Additions to the study pack's style for the gallery's larger cards.
const CSS: &str = ".cards.gallery, .cards { grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); }
.card.scene { grid-template-columns: 220px 1fr; }
.card.scene .thumb { width: 220px; height: 156px; object-fit: contain; background: #fff; border: 1px solid var(--line); }
.card.scene h3 { margin: 0 0 4px; font-size: 18px; }
.card.scene .context { margin: 0 0 8px; }
.card.scene dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 0; font-size: 13.5px; }
.card.scene dt { color: var(--muted); }
.card.scene dd { margin: 0; }
.badge { display: inline-block; font-size: 11px; text-transform: uppercase; letter-spacing: 0.8px; padding: 1px 6px; border-radius: 4px; background: #f3ead2; color: #7a5a00; }
.badge.plain { background: #e8ecf2; color: #3a4a63; }";

fn card(entry: &Entry) -> String {
    let id = xml(&entry.id);
    let badge = if entry.study.problems().is_empty() {
        let sources = entry.study.sources.as_ref().map_or(0, Vec::len);
        format!(
            "<span class=\"badge\">study reconstruction · {sources} source{}</span>",
            if sources == 1 { "" } else { "s" }
        )
    } else {
        "<span class=\"badge plain\">practice scene</span>".to_string()
    };
    format!(
        "<article class=\"card scene\">\n<a href=\"{id}/index.html\"><img class=\"thumb\" src=\"{id}/plan.svg\" \
alt=\"Overview plan of {title}\" loading=\"lazy\" /></a>\n<div class=\"text\">\n<h3><a href=\"{id}/index.html\">{title}</a></h3>\n\
{badge}\n<p class=\"context\">{context}</p>\n<dl>\n<dt>Length</dt><dd>{length}</dd>\n<dt>Rig</dt><dd>{rig}</dd>\n\
<dt>Set</dt><dd>{size}</dd>\n<dt>Figures</dt><dd>{figures}</dd>\n</dl>\n<p><a href=\"{id}/index.html\">Study pack</a> · \
<a href=\"{id}/play.html\">Playback</a> · <a href=\"{id}/study-pack.pdf\">Printable pack (PDF)</a></p>\n</div>\n</article>\n",
        title = xml(&crate::cuesheet::format::one_line(&entry.title)),
        context = xml(&entry.context),
        length = xml(&entry.length),
        rig = xml(&entry.rig),
        size = xml(&entry.size),
        figures = xml(&entry.figures),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gallery::StudyLabel;

    fn entry(title: &str, id: &str) -> Entry {
        Entry {
            id: id.into(),
            title: title.into(),
            context: "<b>context</b> & more".into(),
            length: "3:00".into(),
            rig: "Steadicam, 21 mm".into(),
            size: "8 rooms".into(),
            figures: "camera travels 49 m".into(),
            study: StudyLabel::of("Study reconstruction. Sources: a book (1985); a film (1990)."),
        }
    }

    #[test]
    fn hostile_titles_and_context_are_escaped() {
        let page = render(&[entry("<script>alert(1)</script>", "a")]);
        assert!(!page.contains("<script>alert"), "{page}");
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.contains("&lt;b&gt;context&lt;/b&gt; &amp; more"));
        assert!(page.contains("study reconstruction · 2 sources"));
    }

    #[test]
    fn each_entry_links_its_study_pack_and_thumbnail() {
        let page = render(&[entry("A", "goodfellas"), entry("B", "touch-of-evil")]);
        for id in ["goodfellas", "touch-of-evil"] {
            assert!(page.contains(&format!("href=\"{id}/index.html\"")));
            assert!(page.contains(&format!("src=\"{id}/plan.svg\"")));
        }
        assert!(page.find("goodfellas").unwrap() < page.find("touch-of-evil").unwrap());
    }
}
