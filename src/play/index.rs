//! The study pack's front page (`index.html`): every output of the scene, grouped, each with a
//! thumbnail (the SVG itself, scaled down) and a line on what it is for; the scene's title,
//! take length and beats, each beat linked to its plan and to the playback page at its start.
//!
//! Links are relative and made only from output file names, which are fixed strings and
//! sanitised parts; a name with anything else in it is listed without a link. Printable, and
//! it fetches nothing but the files beside it.

use crate::escape::{number, xml};
use crate::model::Scene;
use crate::output::OutputFile;
use crate::plan::{beat_file_name, spans};

/// The groups of the page, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Section {
    Playback,
    Plans,
    Study,
    CueSheets,
    Other,
}

impl Section {
    fn heading(self) -> &'static str {
        match self {
            Section::Playback => "Playback",
            Section::Plans => "Plans",
            Section::Study => "Study",
            Section::CueSheets => "Cue sheets",
            Section::Other => "Other files",
        }
    }

    fn blurb(self) -> &'static str {
        match self {
            Section::Playback => "Watch the staging run: open in any browser, no network needed.",
            Section::Plans => {
                "Floor plans of the set with every route, stop, camera view and prop."
            }
            Section::Study => {
                "The whole take at a glance: rooms over time, the set as a graph, the numbers."
            }
            Section::CueSheets => "Every cue in time order, for the crew on paper or screen.",
            Section::Other => "",
        }
    }
}

/// What one output is: the card it goes on (documents in several formats share one).
struct Entry {
    section: Section,
    title: String,
    about: String,
}

/// True for a relative name of plain parts (`beats/01-coffee.svg`): safe to use as a link.
fn linkable(name: &str) -> bool {
    !name.is_empty()
        && name.split('/').all(|part| {
            !part.is_empty()
                && part != "."
                && part != ".."
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        })
}

fn department(abbreviation: &str) -> Option<&'static str> {
    Some(match abbreviation {
        "lx" => "Lighting",
        "sq" => "Sound",
        "cam" => "Camera",
        "sm" => "Stage management",
        "props" => "Props",
        "fx" => "Effects",
        _ => return None,
    })
}

/// The format's name on a link.
fn format_word(extension: &str) -> &'static str {
    match extension {
        "pdf" => "PDF",
        "csv" => "CSV",
        "md" => "Markdown",
        "html" => "HTML",
        "vtt" => "WebVTT",
        "json" => "JSON",
        "txt" => "Text",
        "dot" => "DOT",
        "svg" => "SVG",
        "otio" => "OpenTimelineIO",
        "edl" => "EDL markers",
        "fountain" => "Fountain",
        _ => "File",
    }
}

/// What a file is, from its name.
fn describe(scene: &Scene, file: &OutputFile) -> Entry {
    let name = file.name.as_str();
    let (stem, extension) = extension(name);
    let entry = |section, title: &str, about: &str| Entry {
        section,
        title: title.to_string(),
        about: about.to_string(),
    };
    if let Some(span) = spans(scene).iter().find(|s| beat_file_name(s) == name) {
        let mut about = format!(
            "{} to {}: who walks where in this beat, and what the camera sees.",
            short(span.from.seconds()),
            short(span.to.seconds())
        );
        if let Some(notes) = &span.notes {
            about = format!("{} {about}", crate::cuesheet::format::one_line(notes));
        }
        let title = match span.number {
            0 => span.title.clone(),
            n => format!("Beat {n}: {}", span.title),
        };
        return entry(Section::Plans, &title, &about);
    }
    let continued = stem.rsplit_once('-').filter(|(base, k)| {
        extension == "svg"
            && !k.is_empty()
            && k.chars().all(|c| c.is_ascii_digit())
            && (*base == "plan" || base.starts_with("beats/") || base.starts_with("at-"))
    });
    if let Some((base, k)) = continued {
        return entry(
            Section::Plans,
            &format!("{base}.svg, sheet {k}"),
            "The rest of that plan's title block: key, camera setups, what happens.",
        );
    }
    match (stem, extension) {
        ("previz", "glb") => entry(
            Section::Playback,
            "3D previz",
            "The set, the cast and crew, the props and the scene camera in 3D, animated over \
             the take (glTF 2.0): open it in Blender, a browser glTF viewer or Unreal and look \
             through the lens (docs/outputs.md).",
        ),
        ("play", "html") => entry(
            Section::Playback,
            "Play the take",
            "The take on the floor plan: performers, the camera and its view, props in hands, \
             doors opening and closing, the beat and each cue as it fires. Play, scrub, change \
             speed, jump to a beat; the address keeps the time, so a link opens at a moment.",
        ),
        ("plan", "svg") => entry(
            Section::Plans,
            "Floor plan: the whole take",
            "Every route with numbered stops and arrival times, where the camera stands and \
             looks, props where they start, and the key.",
        ),
        ("contact-sheet", "svg") => entry(
            Section::Plans,
            "Contact sheet",
            "Every beat's plan on one page, to see how the staging moves through the set.",
        ),
        ("timeline", "svg") => entry(
            Section::Study,
            "Timeline",
            "Rooms over time for everyone: who is where, when, and with whom; beats, slams and \
             cues along the way.",
        ),
        ("graph", "svg") => entry(
            Section::Study,
            "Set graph",
            "The rooms and the ways between them, each door labelled with how often it is crossed.",
        ),
        ("graph", "dot") => entry(
            Section::Study,
            "Set graph",
            "The rooms and the ways between them, each door labelled with how often it is \
             crossed (DOT for Graphviz, with plan positions).",
        ),
        ("stats", _) => entry(
            Section::Study,
            "Statistics",
            "Distance walked and time per room for each performer, the camera's path and top \
             speed, time on camera, door uses, the longest stretch without a cue.",
        ),
        ("cues", _) => entry(
            Section::CueSheets,
            "Cue sheet",
            "Every cue of the take: department, number, time, standby, what, where and who. \
             PDF and HTML to print, CSV for a spreadsheet, WebVTT captions to watch beside the film.",
        ),
        ("shots", _) => entry(
            Section::CueSheets,
            "Shot list",
            "Every camera setup: time in and out, rig, lens, who it frames, how it moves on. \
             PDF to print, Markdown, CSV for a spreadsheet.",
        ),
        ("study-pack", "pdf") => entry(
            Section::Study,
            "Study pack to print",
            "One PDF of the plans, every beat, the timeline and the cue sheet, with a contents \
             page; plans at their scale, tiled with overlap marks where they do not fit the sheet.",
        ),
        ("plans", "pdf") => entry(
            Section::Plans,
            "Plans to print",
            "The plans on the chosen sheet, at their scale, tiled where they do not fit.",
        ),
        ("script", "fountain") => entry(
            Section::CueSheets,
            "Screenplay",
            "The take as a Fountain screenplay: dialogue and described action in time order, \
             times, marks and cues in notes, for the writer and the script supervisor.",
        ),
        ("cues-calls", _) => entry(
            Section::CueSheets,
            "Calling sheet",
            "The stage manager's sheet: warning, standby and GO for every cue.",
        ),
        ("cues-lx", "asc") => entry(
            Section::CueSheets,
            "Lighting desk",
            "The lighting cues as USITT ASCII for a console to import (ETC Eos: File > Import > \
             USITT ASCII): numbers, labels, fade times, follows; no levels.",
        ),
        ("cues-qlab" | "cues-qlab-timed", "txt") => entry(
            Section::CueSheets,
            "QLab cue list",
            "The called cues as QLab OSC messages, one per line (the timed list runs the take on \
             one GO); oner cues --send-osc sends them to QLab.",
        ),
        _ if stem.starts_with("at-") && extension == "svg" => entry(
            Section::Plans,
            "Plan at one moment",
            "Who is where, doors, props and the camera's view at one time.",
        ),
        _ => match stem.strip_prefix("cues-").and_then(department) {
            Some(dept) => entry(
                Section::CueSheets,
                &format!("{dept} cues"),
                &format!(
                    "Only the {} department's cues: PDF for the operator, CSV for a console.",
                    dept.to_lowercase()
                ),
            ),
            None => entry(Section::Other, name, ""),
        },
    }
}

/// `1:05` or `1:05.5`.
fn short(seconds: f64) -> String {
    super::html::clock(seconds)
}

fn size(bytes: usize) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else if bytes < 1024 * 1024 {
        format!("{} KB", number(bytes as f64 / 1024.0, 0))
    } else {
        format!("{} MB", number(bytes as f64 / 1024.0 / 1024.0, 1))
    }
}

/// `(stem, extension)` of a file name.
fn extension(name: &str) -> (&str, &str) {
    name.rsplit_once('.').unwrap_or((name, ""))
}

/// One card: a document in one or more formats.
struct Card<'f> {
    section: Section,
    title: String,
    about: String,
    files: Vec<&'f OutputFile>,
}

/// The file a card shows and its title links to: an SVG (it is its own thumbnail), else a
/// PDF or web page (what people open to read), else the first given.
fn primary<'f>(card: &Card<'f>) -> &'f OutputFile {
    ["svg", "pdf", "html"]
        .iter()
        .find_map(|ext| {
            card.files
                .iter()
                .find(|f| extension(&f.name).1 == *ext && linkable(&f.name))
        })
        .unwrap_or(&card.files[0])
}

/// A thumbnail: the SVG itself, the overview plan behind a play button for the playback
/// page, else a sheet of paper with the file's format.
fn thumbnail(card: &Card, all: &[OutputFile]) -> String {
    let name = primary(card).name.as_str();
    let ext = extension(name).1;
    if ext == "svg" && linkable(name) {
        return format!("<img src=\"{}\" alt=\"\" loading=\"lazy\" />", xml(name));
    }
    if name == "play.html" && all.iter().any(|f| f.name == "plan.svg") {
        return "<img src=\"plan.svg\" alt=\"\" loading=\"lazy\" />\
                <span class=\"playmark\" aria-hidden=\"true\"><svg viewBox=\"0 0 20 20\">\
                <path d=\"M7 5 L15 10 L7 15 Z\" /></svg></span>"
            .to_string();
    }
    let word: String = ext
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(5)
        .collect::<String>()
        .to_uppercase();
    format!(
        "<span class=\"doc\" aria-hidden=\"true\"><span class=\"ext ext-{}\">{}</span></span>",
        xml(&word.to_lowercase()),
        xml(&word)
    )
}

/// The study pack's `index.html`, linking every file in `files` (names relative to the
/// scene's output folder).
pub fn index_html(scene: &Scene, files: &[OutputFile]) -> Vec<u8> {
    // One card per document, its formats in the order given; cards by section, then in the
    // order their first file was given.
    let mut cards: Vec<Card> = Vec::new();
    for file in files.iter().filter(|f| f.name != "index.html") {
        let entry = describe(scene, file);
        let same = |c: &&mut Card| c.section == entry.section && c.title == entry.title;
        match cards.iter_mut().find(same) {
            Some(card) if entry.section != Section::Other => card.files.push(file),
            _ => cards.push(Card {
                section: entry.section,
                title: entry.title,
                about: entry.about,
                files: vec![file],
            }),
        }
    }
    cards.sort_by_key(|c| c.section);
    let has_play = files.iter().any(|f| f.name == "play.html");
    let mut body = String::new();
    body.push_str(&header(scene));
    body.push_str(&beats(scene, files, has_play));
    let mut section = None;
    for card in &cards {
        if section != Some(card.section) {
            if section.is_some() {
                body.push_str("</div>\n</section>\n");
            }
            section = Some(card.section);
            body.push_str(&format!(
                "<section class=\"group\">\n<h2>{}</h2>\n<p class=\"blurb\">{}</p>\n<div class=\"cards\">\n",
                card.section.heading(),
                card.section.blurb()
            ));
        }
        body.push_str(&card_html(card, files));
    }
    if section.is_some() {
        body.push_str("</div>\n</section>\n");
    }
    super::html::fill(
        include_str!("index.html"),
        &[
            (
                "title",
                xml(&crate::cuesheet::format::one_line(&scene.title)),
            ),
            ("css", include_str!("index.css").to_string()),
            ("body", body),
        ],
    )
    .into_bytes()
}

fn header(scene: &Scene) -> String {
    let notes = crate::cuesheet::format::one_line(&scene.notes);
    format!(
        "<header>\n<p class=\"kicker\">Study pack</p>\n<h1>{}</h1>\n<p class=\"facts\">Take length \
         {} · {} fps · {} beats · {} performers and crew</p>\n{}</header>\n",
        xml(&crate::cuesheet::format::one_line(&scene.title)),
        xml(&short(scene.length.seconds())),
        number(scene.frame_rate.value(), 3),
        scene.beats.len(),
        scene.people.len(),
        if notes.is_empty() {
            String::new()
        } else {
            format!("<p class=\"notes\">{}</p>\n", xml(&notes))
        }
    )
}

fn beats(scene: &Scene, files: &[OutputFile], has_play: bool) -> String {
    let spans = spans(scene);
    let mut out = String::from(
        "<section class=\"beats\">\n<h2>Beats</h2>\n<table>\n<thead><tr><th>#</th><th>From</th>\
         <th>To</th><th>Beat</th><th></th></tr></thead>\n<tbody>\n",
    );
    for span in &spans {
        let plan = beat_file_name(span);
        let mut links = Vec::new();
        if files.iter().any(|f| f.name == plan) && linkable(&plan) {
            links.push(format!("<a href=\"{}\">plan</a>", xml(&plan)));
        }
        if has_play {
            links.push(format!(
                "<a href=\"play.html#t={}\">play from here</a>",
                short(span.from.seconds())
            ));
        }
        let notes = span
            .notes
            .as_deref()
            .map(|n| {
                format!(
                    "<br /><span class=\"note\">{}</span>",
                    xml(&crate::cuesheet::format::one_line(n))
                )
            })
            .unwrap_or_default();
        out.push_str(&format!(
            "<tr><td class=\"n\">{}</td><td class=\"t\">{}</td><td class=\"t\">{}</td>\
             <td><strong>{}</strong>{notes}</td><td class=\"links\">{}</td></tr>\n",
            if span.number == 0 {
                "–".to_string()
            } else {
                span.number.to_string()
            },
            xml(&short(span.from.seconds())),
            xml(&short(span.to.seconds())),
            xml(&crate::cuesheet::format::one_line(&span.title)),
            links.join(" · ")
        ));
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
    out
}

fn card_html(card: &Card, all: &[OutputFile]) -> String {
    let main = primary(card);
    let link = |file: &OutputFile, content: String| {
        if linkable(&file.name) {
            format!("<a href=\"{}\">{content}</a>", xml(&file.name))
        } else {
            content
        }
    };
    let formats: Vec<String> = card
        .files
        .iter()
        .map(|f| {
            link(
                f,
                format!(
                    "<span class=\"fmt\">{}</span> <span class=\"size\">{}</span>",
                    format_word(extension(&f.name).1),
                    size(f.bytes.len())
                ),
            )
        })
        .collect();
    let names: Vec<String> = card.files.iter().map(|f| xml(&f.name)).collect();
    format!(
        "<div class=\"card{}\">{}<span class=\"text\"><strong>{}</strong>\
         <span class=\"about\">{}</span><span class=\"formats\">{}</span>\
         <code>{}</code></span></div>\n",
        if card.section == Section::Playback {
            " hero"
        } else {
            ""
        },
        link(
            main,
            format!("<span class=\"thumb\">{}</span>", thumbnail(card, all))
        ),
        link(main, xml(&card.title)),
        xml(&card.about),
        formats.join(""),
        names.join(" · ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_relative_names_become_links() {
        assert!(linkable("beats/01-coffee.svg"));
        assert!(linkable("cues-lx.pdf"));
        assert!(!linkable("../etc/passwd"));
        assert!(!linkable("/abs.svg"));
        assert!(!linkable("a\"b.svg"));
        assert!(!linkable("javascript:alert(1)"));
        assert!(!linkable(""));
    }

    #[test]
    fn sizes_read_well() {
        assert_eq!(size(512), "512 B");
        assert_eq!(size(2048), "2 KB");
        assert_eq!(size(3 * 1024 * 1024), "3 MB");
    }
}
