//! The calling script as a paginated PDF prompt book, portrait: the time in a gutter, each
//! block of calls on a tinted panel (GO lines 12 pt bold, standbys 11 pt, warnings 10 pt),
//! the running text between in 9.5 pt, cues listed for information in small grey type.
//!
//! Department colours are tints behind the cue labels, with a solid stripe at the label's
//! left and the label itself in dark type, so a grey print still reads. Each spoken call is
//! one run of text ("Standby LX 4, SQ 4", "LX 4, SQ 4 GO"), so it extracts as it is said.
//! A block never splits across pages, a beat's band stays with what follows it, and the
//! last line of running text before a block never starts a page alone (no widows). Every
//! page carries the revision stamp (scene file, content hash, the scene's date).

use super::{Kind, Row, row_time, rows};
use crate::cuesheet::format::pdf::text::{ASCENT, DESCENT, Fonts, Typeface};
use crate::cuesheet::format::pdf::{Colour, Pen};
use crate::cuesheet::format::{Paper, dept_colour, one_line};
use crate::cuesheet::script::{CallLine, Entry, Running, Script};
use crate::model::Department;
use krilla::page::PageSettings;

const MARGIN: f32 = 40.0;
/// The time column, points.
const GUTTER: f32 = 58.0;
const TITLE_BLOCK: f32 = 92.0;
const RUNNING_HEAD: f32 = 26.0;
const FOOTER: f32 = 22.0;
/// Padding inside a block's panel, points.
const PANEL_PAD: f32 = 5.0;
/// Space between items, points.
const SPACE: f32 = 3.0;

const INK: Colour = (0x15, 0x19, 0x22);
const MUTED: Colour = (0x5b, 0x64, 0x72);
const FAINT: Colour = (0x7a, 0x82, 0x8f);
const RULE: Colour = (0xd5, 0xd9, 0xe0);
const PANEL: Colour = (0xf2, 0xf3, 0xf6);
const BAND_FILL: Colour = (0xe1, 0xe5, 0xec);
const GO_BAR: Colour = (0xb4, 0x23, 0x18);
const CALL_BAR: Colour = (0x8a, 0x93, 0xa3);

/// A type style: weight, size and line pitch.
#[derive(Clone, Copy)]
struct Style {
    bold: bool,
    size: f32,
    leading: f32,
    colour: Colour,
}

const GO_STYLE: Style = Style {
    bold: true,
    size: 12.0,
    leading: 15.5,
    colour: INK,
};
const STANDBY_STYLE: Style = Style {
    bold: true,
    size: 11.0,
    leading: 14.0,
    colour: INK,
};
const WARNING_STYLE: Style = Style {
    bold: false,
    size: 10.0,
    leading: 13.0,
    colour: INK,
};
const TRIGGER_STYLE: Style = Style {
    bold: false,
    size: 10.5,
    leading: 13.5,
    colour: INK,
};
const WHAT_STYLE: Style = Style {
    bold: false,
    size: 9.0,
    leading: 11.5,
    colour: MUTED,
};
const RUNNING_STYLE: Style = Style {
    bold: false,
    size: 9.5,
    leading: 12.0,
    colour: INK,
};
const INFO_STYLE: Style = Style {
    bold: false,
    size: 8.5,
    leading: 10.5,
    colour: FAINT,
};

/// One line of text placed within an item.
struct Line {
    /// From the item's top to the line box's top, points.
    top: f32,
    /// From the content column's left, points.
    indent: f32,
    style: Style,
    text: String,
    /// Department tints behind parts of the text: (start, width, dept), points from the
    /// text's left.
    chips: Vec<(f32, f32, Department)>,
}

/// Something placed on a page: never split.
struct Item {
    kind: ItemKind,
    /// The time in the gutter, in the first line's style.
    time: Option<(String, Style)>,
    lines: Vec<Line>,
    height: f32,
}

#[derive(Clone, Copy, PartialEq)]
enum ItemKind {
    Band,
    PreShow,
    /// A block of calls; `go` when it holds a GO.
    Block {
        go: bool,
    },
    Running,
}

pub fn render(script: &Script, paper: Paper) -> Result<Vec<u8>, String> {
    let fonts = Fonts::load()?;
    let (long, short) = paper.landscape();
    let (page_w, page_h) = (short, long);
    let width = page_w - 2.0 * MARGIN - GUTTER;
    let items = items(script, &fonts, width);
    let pages = paginate(items, page_h);
    draw(script, &fonts, &pages, (page_w, page_h))
}

fn face(fonts: &Fonts, style: Style) -> &Typeface {
    if style.bold {
        &fonts.bold
    } else {
        &fonts.regular
    }
}

/// Lines of `text` wrapped to `width` in `style`, starting at `top`; returns the next top.
fn wrapped(
    out: &mut Vec<Line>,
    fonts: &Fonts,
    style: Style,
    (top, indent): (f32, f32),
    text: &str,
    width: f32,
) -> f32 {
    let mut top = top;
    for line in face(fonts, style).wrap(text, style.size, width - indent) {
        out.push(Line {
            top,
            indent,
            style,
            text: line,
            chips: Vec::new(),
        });
        top += style.leading;
    }
    top
}

/// A spoken call as one line: `Standby LX 4, SQ 4` with a tint behind each label.
fn call_line(fonts: &Fonts, style: Style, top: f32, line: &CallLine) -> Line {
    let face = face(fonts, style);
    let (prefix, suffix) = match line.call {
        crate::cuesheet::script::Call::Go => (String::new(), " GO".to_string()),
        call => (format!("{}  ", call.name()), String::new()),
    };
    let mut text = prefix;
    let mut chips = Vec::new();
    for (k, cue) in line.cues.iter().enumerate() {
        if k > 0 {
            text.push_str(", ");
        }
        let start = face.width(&text, style.size);
        let label = one_line(&cue.label());
        let w = face.width(&label, style.size);
        chips.push((start, w, cue.dept));
        text.push_str(&label);
    }
    text.push_str(&suffix);
    Line {
        top,
        indent: 0.0,
        style,
        text,
        chips,
    }
}

fn items(script: &Script, fonts: &Fonts, width: f32) -> Vec<Item> {
    let mut items = Vec::new();
    let flat = rows(script);
    let mut rows_of = flat.iter();
    for entry in &script.entries {
        match entry {
            Entry::Beat { .. } => {
                let Some(row) = rows_of.next() else { break };
                let text = format!("{} · {}", row.call, row_time(script, row));
                items.push(Item {
                    kind: ItemKind::Band,
                    time: None,
                    lines: vec![Line {
                        top: 3.5,
                        indent: 0.0,
                        style: Style {
                            bold: true,
                            size: 10.0,
                            leading: 13.0,
                            colour: INK,
                        },
                        text: fonts.bold.fit(&text, 10.0, width + GUTTER - 8.0),
                        chips: Vec::new(),
                    }],
                    height: 20.0,
                });
            }
            Entry::Running { running, .. } => {
                let Some(row) = rows_of.next() else { break };
                items.push(running_item(script, fonts, row, running, width));
            }
            Entry::Block(block) => {
                if block.at.is_none() {
                    rows_of.next();
                    items.push(Item {
                        kind: ItemKind::PreShow,
                        time: None,
                        lines: vec![Line {
                            top: 4.0,
                            indent: 0.0,
                            style: Style {
                                bold: true,
                                size: 10.0,
                                leading: 13.0,
                                colour: INK,
                            },
                            text: "BEFORE THE TAKE".into(),
                            chips: Vec::new(),
                        }],
                        height: 19.0,
                    });
                }
                let mut lines = Vec::new();
                let mut top = PANEL_PAD;
                let mut time = None;
                for line in &block.lines {
                    let Some(row) = rows_of.next() else { break };
                    let style = match row.kind {
                        Kind::Go => GO_STYLE,
                        Kind::Standby => STANDBY_STYLE,
                        _ => WARNING_STYLE,
                    };
                    if time.is_none() {
                        time = Some((row_time(script, row), style));
                    }
                    let spoken = call_line(fonts, style, top, line);
                    let spoken_w = face(fonts, style).width(&spoken.text, style.size);
                    lines.push(spoken);
                    if row.kind == Kind::Go {
                        top += style.leading;
                        let trigger = format!("{} · at {}", row.text, row_time(script, row));
                        top = wrapped(
                            &mut lines,
                            fonts,
                            TRIGGER_STYLE,
                            (top, 0.0),
                            &trigger,
                            width,
                        );
                        for what in line.cues.iter() {
                            let text =
                                format!("{}: {}", one_line(&what.label()), one_line(&what.what));
                            top = wrapped(&mut lines, fonts, WHAT_STYLE, (top, 10.0), &text, width);
                        }
                    } else {
                        // The GO times, after the call on its line (or under it when long).
                        let go = format!("for GO at {}", row.go);
                        let go_w = fonts.regular.width(&go, WHAT_STYLE.size);
                        let indent = spoken_w + 10.0;
                        if indent + go_w <= width {
                            lines.push(Line {
                                top: top + (style.size - WHAT_STYLE.size) * ASCENT,
                                indent,
                                style: WHAT_STYLE,
                                text: go,
                                chips: Vec::new(),
                            });
                            top += style.leading;
                        } else {
                            top += style.leading;
                            top = wrapped(&mut lines, fonts, WHAT_STYLE, (top, 10.0), &go, width);
                        }
                    }
                }
                items.push(Item {
                    kind: ItemKind::Block {
                        go: block.go().is_some(),
                    },
                    time,
                    lines,
                    height: top + PANEL_PAD,
                });
            }
        }
    }
    items
}

fn running_item(script: &Script, fonts: &Fonts, row: &Row, running: &Running, width: f32) -> Item {
    let mut lines = Vec::new();
    let (style, text) = match running {
        Running::Line { .. } => (RUNNING_STYLE, format!("{}: {}", row.call, row.text)),
        Running::Action { .. } if row.cues.is_empty() => (RUNNING_STYLE, row.text.clone()),
        Running::Action { .. } => (RUNNING_STYLE, format!("{} [{}]", row.text, row.cues)),
        Running::Info { .. } => (INFO_STYLE, format!("{} · {}", row.call, row.what)),
    };
    let style = match running {
        Running::Action { .. } => Style {
            colour: MUTED,
            ..style
        },
        _ => style,
    };
    let indent = if matches!(running, Running::Info { .. }) {
        18.0
    } else {
        8.0
    };
    let bottom = wrapped(&mut lines, fonts, style, (1.0, indent), &text, width);
    // A line's speaker in bold, then the words in regular type.
    if let Running::Line { .. } = running
        && let Some(first) = lines.first_mut()
    {
        let who = format!("{}:", row.call);
        if let Some(rest) = first.text.strip_prefix(&who) {
            let rest = rest.trim_start().to_string();
            let bold = Style {
                bold: true,
                ..style
            };
            let shift = fonts.bold.width(&who, style.size) + fonts.regular.width(" ", style.size);
            let speaker = Line {
                top: first.top,
                indent: first.indent,
                style: bold,
                text: who,
                chips: Vec::new(),
            };
            first.text = rest;
            first.indent += shift;
            lines.insert(0, speaker);
        }
    }
    Item {
        kind: ItemKind::Running,
        time: Some((
            row_time(script, row),
            Style {
                size: 8.0,
                colour: FAINT,
                ..style
            },
        )),
        lines,
        height: bottom + 1.0,
    }
}

/// Deals the items onto pages: blocks whole, a band or the pre-show heading with the item
/// after it, and never the last running line before a block alone at a page's top.
fn paginate(items: Vec<Item>, page_h: f32) -> Vec<Vec<(f32, Item)>> {
    let bottom = page_h - MARGIN - FOOTER;
    let first_top = MARGIN + TITLE_BLOCK;
    let next_top = MARGIN + RUNNING_HEAD;
    let heights: Vec<f32> = items.iter().map(|i| i.height + SPACE).collect();
    let kinds: Vec<ItemKind> = items.iter().map(|i| i.kind).collect();
    // Where each page starts, as item indices.
    let mut starts = vec![0];
    let mut y = first_top;
    let mut i = 0;
    while i < items.len() {
        let keeps_with_next = matches!(kinds[i], ItemKind::Band | ItemKind::PreShow);
        let need = heights[i]
            + if keeps_with_next {
                heights.get(i + 1).copied().unwrap_or(0.0)
            } else {
                0.0
            };
        let page_start = *starts.last().unwrap_or(&0);
        if y + need > bottom && i > page_start {
            let mut cut = i;
            // A widow: the last running line before a block would open the page alone.
            let last_of_run = kinds[i] == ItemKind::Running
                && kinds.get(i + 1).is_some_and(|k| *k != ItemKind::Running);
            if last_of_run && cut - 1 > page_start && kinds[cut - 1] == ItemKind::Running {
                cut -= 1;
            }
            // Never leave a band or the pre-show heading at the foot of a page.
            while cut - 1 > page_start
                && matches!(kinds[cut - 1], ItemKind::Band | ItemKind::PreShow)
            {
                cut -= 1;
            }
            starts.push(cut);
            y = next_top;
            i = cut;
            continue;
        }
        y += heights[i];
        i += 1;
    }
    let mut pages: Vec<Vec<(f32, Item)>> = Vec::new();
    let mut items = items.into_iter().enumerate().peekable();
    for (p, &start) in starts.iter().enumerate() {
        let end = starts.get(p + 1).copied().unwrap_or(usize::MAX);
        let mut y = if p == 0 { first_top } else { next_top };
        let mut page = Vec::new();
        while let Some((_, item)) = items.next_if(|(k, _)| *k >= start && *k < end) {
            let h = item.height + SPACE;
            page.push((y, item));
            y += h;
        }
        pages.push(page);
    }
    pages
}

fn draw(
    script: &Script,
    fonts: &Fonts,
    pages: &[Vec<(f32, Item)>],
    (page_w, page_h): (f32, f32),
) -> Result<Vec<u8>, String> {
    let mut document = krilla::Document::new();
    let title = format!(
        "{} — {}",
        one_line(&script.title),
        one_line(&script.heading())
    );
    document.set_metadata(
        krilla::metadata::Metadata::new()
            .title(title)
            .creator("oner".into())
            .language("en".into()),
    );
    let count = pages.len();
    for (number, items) in pages.iter().enumerate() {
        let settings =
            PageSettings::from_wh(page_w, page_h).ok_or("the paper size is not a page size")?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        let mut pen = Pen {
            surface: &mut surface,
            fonts,
        };
        if number == 0 {
            title_block(&mut pen, script, page_w);
            if script.called == 0 {
                pen.text(
                    &fonts.regular,
                    10.0,
                    MARGIN,
                    MARGIN + TITLE_BLOCK + 12.0,
                    "No called cues.",
                    MUTED,
                );
            }
        } else {
            running_head(&mut pen, script, page_w);
        }
        for (y, item) in items {
            draw_item(&mut pen, item, *y, page_w);
        }
        footer(&mut pen, script, number + 1, count, page_w, page_h);
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| format!("cannot make the PDF: {e:?}"))
}

/// A department's colour mixed with white: a tint dark type reads on.
fn tint(dept: Department) -> Colour {
    let (r, g, b) = dept_colour(dept);
    let mix = |c: u8| (f32::from(c) * 0.22 + 255.0 * 0.78).round() as u8;
    (mix(r), mix(g), mix(b))
}

fn draw_item(pen: &mut Pen, item: &Item, y: f32, page_w: f32) {
    let x = MARGIN + GUTTER;
    let width = page_w - MARGIN - x;
    match item.kind {
        ItemKind::Band => {
            pen.rect(MARGIN, y, page_w - 2.0 * MARGIN, item.height, BAND_FILL);
            pen.line(MARGIN, y, page_w - MARGIN, y, 0.8, MUTED);
        }
        ItemKind::PreShow => pen.line(
            MARGIN,
            y + item.height,
            page_w - MARGIN,
            y + item.height,
            0.6,
            RULE,
        ),
        ItemKind::Block { go } => {
            pen.rect(x - 6.0, y, width + 6.0, item.height, PANEL);
            pen.rect(
                x - 6.0,
                y,
                3.0,
                item.height,
                if go { GO_BAR } else { CALL_BAR },
            );
        }
        ItemKind::Running => {}
    }
    if let Some((time, style)) = &item.time {
        let pad = if matches!(item.kind, ItemKind::Block { .. }) {
            PANEL_PAD
        } else {
            1.0
        };
        let baseline = y + pad + (style.leading + style.size * (ASCENT - DESCENT)) / 2.0;
        let face = face(pen.fonts, *style);
        pen.text(face, style.size, MARGIN, baseline, time, style.colour);
    }
    let left = if item.kind == ItemKind::Band || item.kind == ItemKind::PreShow {
        MARGIN + 4.0
    } else {
        x
    };
    for line in &item.lines {
        let style = line.style;
        let baseline = y + line.top + (style.leading + style.size * (ASCENT - DESCENT)) / 2.0;
        for &(start, w, dept) in &line.chips {
            // The stripe sits in the space before the label, the tint under the label.
            let cx = left + line.indent + start - 3.0;
            let cy = y + line.top + 0.5;
            pen.rounded(cx, cy, w + 4.5, style.leading - 1.0, 2.0, tint(dept));
            pen.rect(cx, cy, 1.8, style.leading - 1.0, dept_colour(dept));
        }
        let face = face(pen.fonts, style);
        pen.text(
            face,
            style.size,
            left + line.indent,
            baseline,
            &line.text,
            style.colour,
        );
    }
}

fn stamp_line(script: &Script) -> String {
    let stamp = script.stamp.text();
    if stamp.is_empty() {
        script.summary()
    } else {
        format!("{stamp} · {}", script.summary())
    }
}

fn title_block(pen: &mut Pen, script: &Script, page_w: f32) {
    let fonts = pen.fonts;
    let right = page_w - MARGIN;
    let room = page_w - 2.0 * MARGIN;
    let title = fonts.bold.fit(&one_line(&script.title), 18.0, room);
    pen.text(
        &fonts.bold,
        18.0,
        MARGIN,
        MARGIN + 18.0 * ASCENT,
        &title,
        INK,
    );
    let heading = fonts.regular.fit(&one_line(&script.heading()), 11.0, room);
    pen.text(&fonts.regular, 11.0, MARGIN, MARGIN + 33.0, &heading, MUTED);
    let stamp = fonts.bold.fit(&stamp_line(script), 8.5, room);
    pen.text(&fonts.bold, 8.5, MARGIN, MARGIN + 47.0, &stamp, INK);
    pen.line(MARGIN, MARGIN + 54.0, right, MARGIN + 54.0, 1.5, INK);
    // Key: the departments' tints, and what the type sizes mean.
    let mut x = MARGIN;
    let y = MARGIN + 60.0;
    for dept in Department::ALL {
        let label = dept.abbreviation();
        let w = fonts.bold.width(label, 8.0);
        pen.rounded(x, y, w + 6.0, 11.0, 2.0, tint(dept));
        pen.rect(x, y, 2.0, 11.0, dept_colour(dept));
        pen.text(&fonts.bold, 8.0, x + 3.5, y + 8.3, label, INK);
        x += w + 12.0;
    }
    let key = "called: warning, standby, GO on its trigger · grey small type: listed for information, not called";
    let key = fonts.regular.fit(key, 7.5, right - x - 6.0);
    pen.text(&fonts.regular, 7.5, x + 4.0, y + 8.3, &key, MUTED);
}

fn running_head(pen: &mut Pen, script: &Script, page_w: f32) {
    let fonts = pen.fonts;
    let head = format!(
        "{} — {}",
        one_line(&script.title),
        one_line(&script.heading())
    );
    let head = fonts.bold.fit(&head, 9.0, (page_w - 2.0 * MARGIN) * 0.55);
    pen.text(&fonts.bold, 9.0, MARGIN, MARGIN + 9.0, &head, INK);
    let stamp = fonts
        .regular
        .fit(&script.stamp.text(), 8.0, (page_w - 2.0 * MARGIN) * 0.4);
    let w = fonts.regular.width(&stamp, 8.0);
    pen.text(
        &fonts.regular,
        8.0,
        page_w - MARGIN - w,
        MARGIN + 9.0,
        &stamp,
        MUTED,
    );
    pen.line(
        MARGIN,
        MARGIN + 15.0,
        page_w - MARGIN,
        MARGIN + 15.0,
        0.8,
        INK,
    );
}

fn footer(pen: &mut Pen, script: &Script, number: usize, count: usize, page_w: f32, page_h: f32) {
    let fonts = pen.fonts;
    let y = page_h - MARGIN - 10.0;
    pen.line(MARGIN, y, page_w - MARGIN, y, 0.5, RULE);
    let left = fonts
        .regular
        .fit(&format!("oner · {}", stamp_line(script)), 7.0, page_w * 0.7);
    pen.text(&fonts.regular, 7.0, MARGIN, page_h - MARGIN, &left, MUTED);
    let page = format!("Page {number} of {count}");
    let w = fonts.bold.width(&page, 7.5);
    pen.text(
        &fonts.bold,
        7.5,
        page_w - MARGIN - w,
        page_h - MARGIN,
        &page,
        INK,
    );
}
