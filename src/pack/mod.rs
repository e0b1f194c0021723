//! `study-pack.pdf`: the whole study set as one printable PDF, written by `oner build`.
//!
//! A contents page, then the overview plan, every beat plan, the timeline, the shot list (when
//! the build has one) and the cue sheet, each page with the scene's title, the section and
//! "Page n of N" in the foot margin. Text stays text (selectable, searchable) in the bundled
//! font. SVG becomes PDF through krilla-svg (the resvg family, no browser); the cue sheet's own
//! PDF pages are embedded as they are.
//!
//! Drawings keep their scale: a plan (an SVG measured in millimetres) that fits the sheet is
//! printed at 100 %; one that does not is tiled over several pages that overlap by
//! [`tiles::OVERLAP_MM`], with crop marks, registration marks in each shared strip and the
//! page it joins on each side. Charts (measured in pixels) and the cue sheet are fitted to the
//! page.

pub mod paper;
mod pen;
pub mod tiles;

pub use paper::Paper;

use crate::cuesheet::format::pdf::text::{BOLD, Fonts, REGULAR};
use crate::model::Scene;
use crate::output::OutputFile;
use krilla::annotation::{LinkAnnotation, Target};
use krilla::destination::{Destination, XyzDestination};
use krilla::geom::{PathBuilder, Rect, Size, Transform};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::FillRule;
use krilla::pdf::{Pdf, PdfDocument};
use krilla_svg::{SurfaceExt, SvgSettings};
use pen::{INK, MUTED, Pen, RULE, pt};
use std::sync::Arc;
use tiles::{OVERLAP_MM, Tiling};

/// The file `oner build` writes.
pub const FILE_NAME: &str = "study-pack.pdf";

/// White margin on every side of every page, millimetres (the plans' own margin).
const MARGIN: f64 = 10.0;
/// The foot line's baseline, above the paper's bottom edge, millimetres: between the content
/// (which ends at [`MARGIN`]) and the frame the plans draw (and the pack draws on its own
/// pages) at [`FRAME`].
const FOOT_BASELINE: f64 = 7.0;
/// The thin frame round the page, millimetres from the edge, as the plans draw it.
const FRAME: f64 = 6.0;
/// The most pages one drawing is tiled over; a bigger one is reduced to one page, labelled
/// as not to scale (print it on a bigger sheet, or draw it at a smaller scale).
const MAX_TILES: usize = 48;
/// How much bigger than the sheet a drawing may be and still count as fitting (rounding).
const FIT_SLACK_MM: f64 = 0.5;

/// One part of the pack, as the contents page lists it.
struct Section {
    title: String,
    content: Content,
}

enum Content {
    /// An SVG measured in millimetres: printed at its scale, tiled when larger than the sheet.
    Drawing {
        tree: usvg::Tree,
        size_mm: (f64, f64),
    },
    /// An SVG measured in pixels: fitted to the page.
    Chart { tree: usvg::Tree },
    /// Pages of a PDF oner made (the cue sheet), fitted to the page.
    Pdf {
        document: PdfDocument,
        pages: Vec<(f32, f32)>,
    },
}

/// Each page of the pack after the contents: which section, and what part of it.
enum PagePart {
    /// The whole drawing, at 100 %, centred.
    Whole,
    /// One tile of a drawing too big for the sheet.
    Tile(Arc<Tiling>, usize),
    Fitted,
    /// A drawing that would take more than [`MAX_TILES`] pages: fitted, and said not to scale.
    Reduced,
    PdfPage(usize),
}

struct PackPage {
    section: usize,
    part: PagePart,
}

/// The study pack of `scene` from the files the build made (`plan.svg`, `beats/*.svg`,
/// `timeline.svg`, `shots.pdf` if present, `cues.pdf`), on `paper`.
pub fn study_pack(scene: &Scene, files: &[OutputFile], paper: Paper) -> Result<Vec<u8>, String> {
    let options = svg_options();
    let sections = sections(scene, files, &options)?;
    render(scene, "Study pack", sections, paper)
}

/// The file `oner plan --paper` writes.
pub const PLANS_FILE_NAME: &str = "plans.pdf";

/// The plans `oner plan` drew (`plan.svg`, `beats/*.svg`, `contact-sheet.svg`, `at-*.svg`) as
/// one PDF on `paper`: at their scale, tiled where they do not fit, with a contents page.
pub fn plan_set(scene: &Scene, files: &[OutputFile], paper: Paper) -> Result<Vec<u8>, String> {
    let options = svg_options();
    let mut sections = Vec::new();
    for file in files.iter().filter(|f| f.name.ends_with(".svg")) {
        let (first, _) = sheet_of(files, &file.name);
        let title = match first.as_ref() {
            "plan.svg" => "Overview plan".to_string(),
            "contact-sheet.svg" => "Contact sheet".to_string(),
            name if name.starts_with("beats/") => beat_title(scene, name),
            name => format!("Plan at {}", moment(name)),
        };
        sections.push(svg_section(title, &file.bytes, &options)?);
    }
    render(scene, "Plans", sections, paper)
}

fn render(
    scene: &Scene,
    heading: &str,
    sections: Vec<Section>,
    paper: Paper,
) -> Result<Vec<u8>, String> {
    let fonts = Fonts::load()?;
    let (page_w, page_h) = paper.landscape_mm();
    let window = (page_w - 2.0 * MARGIN, page_h - 2.0 * MARGIN);
    let mut pages = Vec::new();
    for (i, section) in sections.iter().enumerate() {
        match &section.content {
            Content::Drawing { size_mm, .. } => {
                if size_mm.0 <= page_w + FIT_SLACK_MM && size_mm.1 <= page_h + FIT_SLACK_MM {
                    pages.push(PackPage {
                        section: i,
                        part: PagePart::Whole,
                    });
                } else {
                    let tiling = Arc::new(Tiling::new(*size_mm, window));
                    if tiling.len() > MAX_TILES {
                        pages.push(PackPage {
                            section: i,
                            part: PagePart::Reduced,
                        });
                        continue;
                    }
                    for t in 0..tiling.len() {
                        pages.push(PackPage {
                            section: i,
                            part: PagePart::Tile(tiling.clone(), t),
                        });
                    }
                }
            }
            Content::Chart { .. } => pages.push(PackPage {
                section: i,
                part: PagePart::Fitted,
            }),
            Content::Pdf { pages: p, .. } => {
                pages.extend((0..p.len()).map(|k| PackPage {
                    section: i,
                    part: PagePart::PdfPage(k),
                }));
            }
        }
    }
    // The contents come first, over as many pages as its entries need; the sections follow.
    let titles: Vec<String> = sections.iter().map(|s| s.title.clone()).collect();
    let contents_layout = contents_pages(&fonts, paper, &titles);
    let lead = contents_layout.len();
    let count = pages.len() + lead;
    let first_page = |section: usize| {
        pages
            .iter()
            .position(|p| p.section == section)
            .map_or(0, |k| k + lead + 1)
    };

    let mut document = krilla::Document::new();
    document.set_metadata(
        krilla::metadata::Metadata::new()
            .title(format!(
                "{} — {}",
                one_line(&scene.title),
                heading.to_lowercase()
            ))
            .creator("oner".into())
            .language("en".into()),
    );
    let settings =
        || PageSettings::from_wh(pt(page_w), pt(page_h)).ok_or("the paper size is not a page size");
    let entries: Vec<(String, usize, usize)> = sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let n = pages.iter().filter(|p| p.section == i).count();
            (s.title.clone(), first_page(i), n)
        })
        .collect();
    for (c, on_page) in contents_layout.iter().enumerate() {
        let mut page = document.start_page_with(settings()?);
        let mut surface = page.surface();
        let mut pen = Pen {
            surface: &mut surface,
            fonts: &fonts,
        };
        let mine: Vec<(String, usize, usize)> =
            on_page.iter().map(|&i| entries[i].clone()).collect();
        let links = contents(&mut pen, scene, heading, paper, &mine, count, c == 0);
        frame(&mut pen, (page_w, page_h));
        let label = format!("{heading} · Contents");
        foot(
            &mut pen,
            &scene.title,
            &label,
            c + 1,
            count,
            (page_w, page_h),
        );
        surface.finish();
        // Each entry is a link to its first page.
        for (rect, target) in links {
            let destination = XyzDestination::new(target.saturating_sub(1), top_left());
            page.add_annotation(
                LinkAnnotation::new(rect, Target::Destination(Destination::Xyz(destination)))
                    .into(),
            );
        }
        page.finish();
    }
    for (k, p) in pages.iter().enumerate() {
        let number = k + lead + 1;
        let section = &sections[p.section];
        let mut page = document.start_page_with(settings()?);
        let mut surface = page.surface();
        let mut label = format!("{heading} · {}", section.title);
        match (&section.content, &p.part) {
            (Content::Drawing { tree, size_mm }, PagePart::Whole) => {
                let (x, y) = ((page_w - size_mm.0) / 2.0, (page_h - size_mm.1) / 2.0);
                draw_tree(&mut surface, tree, (x, y), *size_mm, None);
            }
            (Content::Drawing { tree, size_mm }, PagePart::Tile(tiling, t)) => {
                let tile = tiling.tiles[*t];
                let clip = (MARGIN, MARGIN, tile.w, tile.h);
                draw_tree(
                    &mut surface,
                    tree,
                    (MARGIN - tile.x, MARGIN - tile.y),
                    *size_mm,
                    Some(clip),
                );
                let mut pen = Pen {
                    surface: &mut surface,
                    fonts: &fonts,
                };
                let joins = tile_marks(&mut pen, tiling, *t, clip, |j| number - *t + j);
                label = format!(
                    "{label} · sheet {} of {} (row {}, column {}){joins}",
                    t + 1,
                    tiling.len(),
                    tile.row + 1,
                    tile.column + 1
                );
            }
            (Content::Drawing { tree, size_mm }, PagePart::Reduced) => {
                let (x, y, w, h) = fit(*size_mm, (MARGIN, MARGIN, window.0, window.1));
                draw_tree(&mut surface, tree, (x, y), (w, h), None);
                let percent = (100.0 * w / size_mm.0.max(1e-6)).floor();
                label = format!(
                    "{label} · reduced to {percent} % to fit one sheet: NOT TO SCALE (it would \
                     take more than {MAX_TILES} sheets)"
                );
            }
            (Content::Chart { tree }, _) => {
                let size = tree.size();
                let (w, h) = (f64::from(size.width()), f64::from(size.height()));
                let (x, y, w, h) = fit((w, h), (MARGIN, MARGIN, window.0, window.1));
                draw_tree(&mut surface, tree, (x, y), (w, h), None);
            }
            (
                Content::Pdf {
                    document: pdf,
                    pages: sizes,
                },
                PagePart::PdfPage(i),
            ) => {
                let (w, h) = sizes[*i];
                let (x, y, w, h) = fit(
                    (f64::from(w), f64::from(h)),
                    (MARGIN, MARGIN, window.0, window.1),
                );
                surface.push_transform(&Transform::from_translate(pt(x), pt(y)));
                if let Some(size) = Size::from_wh(pt(w), pt(h)) {
                    surface.draw_pdf_page(pdf, size, *i);
                }
                surface.pop();
                label = format!("{label} · sheet {} of {}", i + 1, sizes.len());
            }
            _ => {}
        }
        let mut pen = Pen {
            surface: &mut surface,
            fonts: &fonts,
        };
        // A drawing that fills the sheet brings its own frame; a tile has crop marks instead.
        if matches!(
            p.part,
            PagePart::Fitted | PagePart::Reduced | PagePart::PdfPage(_)
        ) {
            frame(&mut pen, (page_w, page_h));
        }
        foot(
            &mut pen,
            &scene.title,
            &label,
            number,
            count,
            (page_w, page_h),
        );
        surface.finish();
        page.finish();
    }
    // Bookmarks: the contents and each section, for a reader's sidebar.
    let mut outline = Outline::new();
    outline.push_child(OutlineNode::new(
        "Contents".into(),
        XyzDestination::new(0, top_left()),
    ));
    for (title, first, _) in &entries {
        outline.push_child(OutlineNode::new(
            title.clone(),
            XyzDestination::new(first.saturating_sub(1), top_left()),
        ));
    }
    document.set_outline(outline);
    document
        .finish()
        .map_err(|e| format!("cannot make the study pack: {e:?}"))
}

fn top_left() -> krilla::geom::Point {
    krilla::geom::Point::from_xy(0.0, 0.0)
}

/// The sections, in the order a reader studies the take.
fn sections(
    scene: &Scene,
    files: &[OutputFile],
    options: &usvg::Options,
) -> Result<Vec<Section>, String> {
    let find = |name: &str| files.iter().find(|f| f.name == name);
    let mut sections = Vec::new();
    let mut overview: Vec<&OutputFile> = files
        .iter()
        .filter(|f| f.name == "plan.svg" || sheet_of(files, &f.name).0 == "plan.svg")
        .collect();
    overview.sort_by_key(|f| sheet_of(files, &f.name).1);
    for file in overview {
        let title = continued("Overview plan".into(), sheet_of(files, &file.name).1);
        sections.push(svg_section(title, &file.bytes, options)?);
    }
    let mut beats: Vec<&OutputFile> = files
        .iter()
        .filter(|f| f.name.starts_with("beats/") && f.name.ends_with(".svg"))
        .collect();
    // A beat plan's continuation sheets (`beats/01-x-2.svg`) follow it.
    beats.sort_by(|a, b| sheet_of(files, &a.name).cmp(&sheet_of(files, &b.name)));
    for file in beats {
        let title = continued(beat_title(scene, &file.name), sheet_of(files, &file.name).1);
        sections.push(svg_section(title, &file.bytes, options)?);
    }
    if let Some(file) = find("timeline.svg") {
        sections.push(svg_section("Timeline".into(), &file.bytes, options)?);
    }
    // The shot list (`oner shots`) joins here when the build makes one: as `shots.pdf`
    // (embedded like the cue sheet) or `shots.svg` (fitted like the timeline).
    if let Some(file) = find("shots.pdf") {
        sections.push(pdf_section("Shot list".into(), &file.bytes)?);
    } else if let Some(file) = find("shots.svg") {
        sections.push(svg_section("Shot list".into(), &file.bytes, options)?);
    }
    if let Some(file) = find("cues.pdf") {
        sections.push(pdf_section("Cue sheet".into(), &file.bytes)?);
    }
    Ok(sections)
}

/// A contents title for a plan's `sheet`th sheet: the first as it is, the others
/// "(continued)" so two entries never read the same.
fn continued(title: String, sheet: usize) -> String {
    if sheet > 1 {
        format!("{title} (continued)")
    } else {
        title
    }
}

/// Which plan a file is a sheet of, and which sheet: `("plan.svg", 2)` for `plan-2.svg`
/// (a title block continued, see `plan::sheets`), `(name, 1)` for a plan's first sheet.
fn sheet_of<'a>(files: &[OutputFile], name: &'a str) -> (std::borrow::Cow<'a, str>, usize) {
    let first = || (std::borrow::Cow::Borrowed(name), 1);
    let Some((stem, k)) = name
        .strip_suffix(".svg")
        .and_then(|stem| stem.rsplit_once('-'))
    else {
        return first();
    };
    match k.parse::<usize>() {
        Ok(k) if k >= 2 && files.iter().any(|f| f.name == format!("{stem}.svg")) => {
            (std::borrow::Cow::Owned(format!("{stem}.svg")), k)
        }
        _ => first(),
    }
}

/// "2:13" for `at-2m13s.svg`, "2:13.5" for `at-2m13-5s.svg` (see `plan::at_file_name`); the
/// stem itself for any other name.
fn moment(name: &str) -> String {
    let stem = name.trim_start_matches("at-").trim_end_matches(".svg");
    let clock = stem
        .strip_suffix('s')
        .and_then(|s| s.split_once('m'))
        .filter(|(m, s)| {
            !m.is_empty()
                && !s.is_empty()
                && m.chars()
                    .chain(s.chars())
                    .all(|c| c.is_ascii_digit() || c == '-')
        })
        .map(|(m, s)| format!("{m}:{}", s.replacen('-', ".", 1)));
    clock.unwrap_or_else(|| one_line(stem))
}

/// "Beat 2: The societal" for `beats/02-the-societal.svg`.
fn beat_title(scene: &Scene, name: &str) -> String {
    let stem = name.trim_start_matches("beats/");
    let number: Option<usize> = stem.split('-').next().and_then(|n| n.parse().ok());
    match number.and_then(|n| scene.beats.get(n.wrapping_sub(1)).map(|b| (n, b))) {
        Some((n, beat)) => format!("Beat {n}: {}", one_line(&beat.title)),
        // A take without beats gets one plan of the whole take.
        None if scene.beats.is_empty() => "The whole take".to_string(),
        None => format!("Beat plan {}", one_line(stem.trim_end_matches(".svg"))),
    }
}

fn svg_section(title: String, bytes: &[u8], options: &usvg::Options) -> Result<Section, String> {
    let tree = usvg::Tree::from_data(bytes, options)
        .map_err(|e| format!("cannot read the {title} drawing: {e}"))?;
    let content = match physical_size_mm(bytes) {
        Some(size_mm) => Content::Drawing { tree, size_mm },
        None => Content::Chart { tree },
    };
    Ok(Section { title, content })
}

fn pdf_section(title: String, bytes: &[u8]) -> Result<Section, String> {
    let pdf = Pdf::new(Arc::new(bytes.to_vec()))
        .map_err(|e| format!("cannot read the {title} PDF: {e:?}"))?;
    let pages = pdf.pages().iter().map(|p| p.render_dimensions()).collect();
    Ok(Section {
        title,
        content: Content::Pdf {
            document: PdfDocument::new(Arc::new(pdf)),
            pages,
        },
    })
}

/// The root `<svg>`'s width and height when both are in millimetres (a drawing to scale).
fn physical_size_mm(bytes: &[u8]) -> Option<(f64, f64)> {
    let text = std::str::from_utf8(bytes).ok()?;
    let start = text.find("<svg")?;
    let tag = &text[start..start + text[start..].find('>')?];
    let attribute = |name: &str| -> Option<f64> {
        let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        let value = &tag[at..at + tag[at..].find('"')?];
        value.strip_suffix("mm")?.trim().parse().ok()
    };
    Some((attribute("width")?, attribute("height")?))
}

/// Only the bundled font, so the pack looks the same on every machine; the plans' font stack
/// falls through to it as its sans-serif.
fn svg_options() -> usvg::Options<'static> {
    let mut db = usvg::fontdb::Database::new();
    db.load_font_data(REGULAR.to_vec());
    db.load_font_data(BOLD.to_vec());
    let family = db
        .faces()
        .next()
        .and_then(|f| f.families.first().map(|(name, _)| name.clone()))
        .unwrap_or_else(|| "DejaVu Sans".into());
    db.set_sans_serif_family(family.clone());
    let mut options = usvg::Options {
        font_family: family,
        ..usvg::Options::default()
    };
    options.fontdb = Arc::new(db);
    options
}

/// Draws `tree` with its top left at `at` mm and `size` mm, clipped to `clip` mm if given.
fn draw_tree(
    surface: &mut krilla::surface::Surface,
    tree: &usvg::Tree,
    at: (f64, f64),
    size: (f64, f64),
    clip: Option<(f64, f64, f64, f64)>,
) {
    let clipped = clip.and_then(|(x, y, w, h)| {
        let mut p = PathBuilder::new();
        p.push_rect(Rect::from_xywh(pt(x), pt(y), pt(w), pt(h))?);
        p.finish()
    });
    if let Some(path) = &clipped {
        surface.push_clip_path(path, &FillRule::NonZero);
    }
    surface.push_transform(&Transform::from_translate(pt(at.0), pt(at.1)));
    if let Some(size) = Size::from_wh(pt(size.0), pt(size.1)) {
        let settings = SvgSettings {
            embed_text: true,
            ..SvgSettings::default()
        };
        surface.draw_svg(tree, size, settings);
    }
    surface.pop();
    if clipped.is_some() {
        surface.pop();
    }
}

/// The largest box of `size`'s proportions inside `area` (x, y, w, h), centred.
fn fit(size: (f64, f64), area: (f64, f64, f64, f64)) -> (f64, f64, f64, f64) {
    let (w, h) = (size.0.max(1e-6), size.1.max(1e-6));
    let scale = (area.2 / w).min(area.3 / h);
    let (w, h) = (w * scale, h * scale);
    (
        area.0 + (area.2 - w) / 2.0,
        area.1 + (area.3 - h) / 2.0,
        w,
        h,
    )
}

/// Crop marks round the printed window, registration marks in each strip shared with a
/// neighbour, a dashed line where the neighbour's window begins; returns ", joins page 5 on
/// the right and page 7 below" for the foot line. `page_of(j)` is tile `j`'s page number.
fn tile_marks(
    pen: &mut Pen,
    tiling: &Tiling,
    t: usize,
    window: (f64, f64, f64, f64),
    page_of: impl Fn(usize) -> usize,
) -> String {
    let tile = tiling.tiles[t];
    pen.crop_marks(window);
    // Drawing coordinates → page: the window shows the drawing from (tile.x, tile.y).
    let page = |x: f64, y: f64| (window.0 + x - tile.x, window.1 + y - tile.y);
    let mut joins = Vec::new();
    for (side, j) in tiling.neighbours(t) {
        let other = tiling.tiles[j];
        use tiles::Side;
        // The shared strip, in drawing coordinates, and where its marks go.
        let (edge, marks) = match side {
            Side::Left | Side::Right => {
                let (from, to) = if side == Side::Right {
                    (other.x, tile.x + tile.w)
                } else {
                    (tile.x, other.x + other.w)
                };
                let x = (from + to) / 2.0;
                let edge_x = if side == Side::Right { from } else { to };
                (
                    (page(edge_x, tile.y), page(edge_x, tile.y + tile.h)),
                    [
                        page(x, tile.y + tile.h * 0.2),
                        page(x, tile.y + tile.h * 0.8),
                    ],
                )
            }
            Side::Above | Side::Below => {
                let (from, to) = if side == Side::Below {
                    (other.y, tile.y + tile.h)
                } else {
                    (tile.y, other.y + other.h)
                };
                let y = (from + to) / 2.0;
                let edge_y = if side == Side::Below { from } else { to };
                (
                    (page(tile.x, edge_y), page(tile.x + tile.w, edge_y)),
                    [
                        page(tile.x + tile.w * 0.2, y),
                        page(tile.x + tile.w * 0.8, y),
                    ],
                )
            }
        };
        dashed(pen, edge.0, edge.1);
        for mark in marks {
            pen.registration_mark(mark);
        }
        joins.push(format!("page {} {}", page_of(j), side.words()));
    }
    let _ = OVERLAP_MM;
    if joins.is_empty() {
        String::new()
    } else {
        format!(" · joins {}", crate::prose::list(&joins))
    }
}

/// A dashed line: where the neighbouring sheet's window starts (trim and tape along it).
fn dashed(pen: &mut Pen, from: (f64, f64), to: (f64, f64)) {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let length = (dx * dx + dy * dy).sqrt();
    let (on, off) = (3.0, 2.0);
    let mut s = 0.0;
    while s < length {
        let e = (s + on).min(length);
        let at = |d: f64| (from.0 + dx * d / length, from.1 + dy * d / length);
        pen.line(at(s), at(e), 0.25, MUTED);
        s += on + off;
    }
}

/// The thin grey frame of a drawing sheet.
fn frame(pen: &mut Pen, (w, h): (f64, f64)) {
    let (x0, y0, x1, y1) = (FRAME, FRAME, w - FRAME, h - FRAME);
    for (a, b) in [
        ((x0, y0), (x1, y0)),
        ((x1, y0), (x1, y1)),
        ((x1, y1), (x0, y1)),
        ((x0, y1), (x0, y0)),
    ] {
        pen.line(a, b, 0.3, (0xb8, 0xb8, 0xb8));
    }
}

/// The foot line of every page: scene, pack and section on the left, the page on the right.
fn foot(pen: &mut Pen, title: &str, label: &str, number: usize, count: usize, page: (f64, f64)) {
    let y = page.1 - FOOT_BASELINE;
    let right = format!("Page {number} of {count}");
    let right_w = pen.width(true, &right, 6.5);
    let left = format!("{} · {}", one_line(title), label);
    let left = pen.fit(false, &left, 6.5, page.0 - 2.0 * MARGIN - right_w - 6.0);
    pen.text(false, 6.5, MARGIN, y, &left, MUTED);
    pen.text_right(true, 6.5, page.0 - MARGIN, y, &right, INK);
}

/// The contents page: a title block and one line per section with its first page.
/// Height of the contents' running head on its second and later pages, millimetres.
const CONTENTS_NEXT_TOP: f64 = MARGIN + 22.0;
/// One contents entry's first line, and each further wrapped line, millimetres.
const ENTRY_H: f64 = 8.5;
const ENTRY_LINE_H: f64 = 5.0;
/// The contents entries' title size, points.
const ENTRY_SIZE: f32 = 11.0;

/// The contents' introduction, which states the page count and the paper.
fn about(count: usize, paper: Paper) -> String {
    format!(
        "{count} pages on {} landscape. Plans are printed at their own scale (check the scale \
         bar); a plan larger than the sheet is tiled over several pages that overlap by {} mm \
         or more, with crop and registration marks and the pages it joins in the foot line.",
        paper.name(),
        OVERLAP_MM
    )
}

/// Where the first contents page's entries start: under the title and the introduction.
fn contents_first_top(fonts: &Fonts, paper: Paper) -> f64 {
    let (left, right) = contents_columns(paper);
    // The introduction's length hardly depends on the page count: measured with the widest.
    let lines = fonts
        .regular
        .wrap(&about(99_999, paper), 9.0, pt(right - left))
        .len();
    MARGIN + 33.0 + lines as f64 * 4.6 + 14.0
}

fn contents_columns(paper: Paper) -> (f64, f64) {
    let (page_w, _) = paper.landscape_mm();
    (MARGIN + 8.0, page_w - MARGIN - 8.0)
}

/// Each entry's title wrapped to the contents column (nothing cut).
fn entry_lines(fonts: &Fonts, paper: Paper, title: &str) -> Vec<String> {
    let (left, right) = contents_columns(paper);
    fonts
        .regular
        .wrap(title, ENTRY_SIZE, pt(right - left - 30.0))
}

/// The entries on each contents page: indexes into the entries, filled top to bottom.
fn contents_pages(fonts: &Fonts, paper: Paper, titles: &[String]) -> Vec<Vec<usize>> {
    let (_, page_h) = paper.landscape_mm();
    let bottom = page_h - MARGIN - 4.0;
    let mut pages = vec![Vec::new()];
    let mut y = contents_first_top(fonts, paper);
    for (i, title) in titles.iter().enumerate() {
        let h = ENTRY_H + (entry_lines(fonts, paper, title).len().max(1) - 1) as f64 * ENTRY_LINE_H;
        let page_is_empty = pages.last().is_none_or(Vec::is_empty);
        if y + h > bottom && !page_is_empty {
            pages.push(Vec::new());
            y = CONTENTS_NEXT_TOP;
        }
        y += h;
        if let Some(page) = pages.last_mut() {
            page.push(i);
        }
    }
    pages
}

/// One contents page: on the first, the title block and introduction; on the rest a running
/// head; then its entries with dot leaders to their pages.
#[allow(clippy::too_many_arguments)]
fn contents(
    pen: &mut Pen,
    scene: &Scene,
    heading: &str,
    paper: Paper,
    entries: &[(String, usize, usize)],
    count: usize,
    first: bool,
) -> Vec<(Rect, usize)> {
    let mut links = Vec::new();
    let (left, right) = contents_columns(paper);
    let mut y;
    if first {
        pen.text(
            true,
            9.0,
            left,
            MARGIN + 12.0,
            &heading.to_uppercase(),
            MUTED,
        );
        let facts = format!(
            "Take length {} at {} fps · {} beats · {} events",
            crate::prose::short(scene.length),
            crate::escape::number(scene.frame_rate.fps(), 3),
            scene.beats.len(),
            scene.events.len()
        );
        let facts_w = pen.width(false, &facts, 9.0);
        // A long title is set smaller (down to 14 pt) before anything is cut.
        let room = right - left - facts_w - 8.0;
        let full = one_line(&scene.title);
        let mut size = 24.0;
        while size > 14.0 && pen.width(true, &full, size) > room {
            size -= 1.0;
        }
        let title = pen.fit(true, &full, size, room);
        pen.text(true, size, left, MARGIN + 24.0, &title, INK);
        pen.text_right(false, 9.0, right, MARGIN + 24.0, &facts, MUTED);
        y = MARGIN + 33.0;
        for line in pen
            .fonts
            .regular
            .wrap(&about(count, paper), 9.0, pt(right - left))
        {
            pen.text(false, 9.0, left, y, &line, MUTED);
            y += 4.6;
        }
        y = contents_first_top(pen.fonts, paper) - 14.0;
    } else {
        let head = format!(
            "{} · {} · contents, continued",
            one_line(&scene.title),
            heading
        );
        let head = pen.fit(true, &head, 9.0, right - left);
        pen.text(true, 9.0, left, MARGIN + 8.0, &head, MUTED);
        y = CONTENTS_NEXT_TOP - 14.0;
    }
    y += 4.0;
    pen.line((left, y), (right, y), 0.4, INK);
    y += 3.0;
    pen.text(true, 8.0, left, y + 4.0, "CONTENTS", MUTED);
    pen.text_right(true, 8.0, right, y + 4.0, "PAGE", MUTED);
    y += 7.0;
    for (title, first, pages) in entries {
        let top = y + 1.5;
        y += 7.0;
        let extent = if *pages > 1 {
            format!("{first}–{}", first + pages - 1)
        } else {
            first.to_string()
        };
        let lines = entry_lines(pen.fonts, paper, title);
        let last = lines.len().saturating_sub(1);
        for (k, line) in lines.iter().enumerate() {
            pen.text(false, ENTRY_SIZE, left, y, line, INK);
            if k == last {
                let number_w = pen.width(false, &extent, ENTRY_SIZE);
                pen.text_right(false, ENTRY_SIZE, right, y, &extent, INK);
                // Dot leaders between the title and the page number.
                let from = left + pen.width(false, line, ENTRY_SIZE) + 2.0;
                let to = right - number_w - 2.0;
                let mut x = from;
                while x < to {
                    pen.circle((x, y - 0.6), 0.12, 0.24, RULE);
                    x += 1.6;
                }
            } else {
                y += ENTRY_LINE_H;
            }
        }
        y += 1.5;
        pen.line((left, y), (right, y), 0.1, RULE);
        if let Some(rect) = Rect::from_xywh(pt(left), pt(top), pt(right - left), pt(y - top)) {
            links.push((rect, *first));
        }
    }
    links
}

fn one_line(text: &str) -> String {
    crate::prose::nouns::one_line(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drawing_is_measured_in_millimetres_and_a_chart_is_not() {
        let plan = br#"<?xml version="1.0"?><svg font-family="x" height="210mm" viewBox="0 0 297 210" width="297mm">"#;
        assert_eq!(physical_size_mm(plan), Some((297.0, 210.0)));
        let chart = br#"<svg xmlns="http://www.w3.org/2000/svg" width="1500" height="761">"#;
        assert_eq!(physical_size_mm(chart), None);
        assert_eq!(physical_size_mm(b"<svg width=\"12mm\""), None);
        assert_eq!(physical_size_mm(b"not svg"), None);
        assert_eq!(physical_size_mm(&[0xff, 0xfe]), None);
    }

    #[test]
    fn a_moment_plan_is_named_by_its_time() {
        assert_eq!(moment("at-2m13s.svg"), "2:13");
        assert_eq!(moment("at-0m16-5s.svg"), "0:16.5");
        assert_eq!(moment("at-odd.svg"), "odd");
        assert_eq!(moment("at-ms.svg"), "ms");
    }

    #[test]
    fn fitting_keeps_proportions_and_centres() {
        let (x, y, w, h) = fit((200.0, 100.0), (10.0, 10.0, 100.0, 100.0));
        assert_eq!((x, w, h), (10.0, 100.0, 50.0));
        assert_eq!(y, 35.0);
        let (_, _, w, h) = fit((0.0, 0.0), (0.0, 0.0, 10.0, 10.0));
        assert!(w.is_finite() && h.is_finite());
    }
}
