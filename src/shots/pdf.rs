//! The shot list as a paginated PDF in landscape: a title, the header row repeated on every
//! page, rows that never split, page numbers, real text in the bundled face (the cue sheet
//! PDF's [`Fonts`], so both read alike and the text is selectable).

use super::{HEADERS, Setup};
use crate::cuesheet::format::Paper;
use crate::cuesheet::format::one_line;
use crate::cuesheet::format::pdf::text::{ASCENT, Fonts, Typeface};
use crate::model::Scene;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::text::TextDirection;

/// Page margin, points.
const MARGIN: f32 = 28.0;
const BODY: f32 = 7.5;
const LEADING: f32 = 9.2;
const PAD: f32 = 4.0;
const TITLE: f32 = 16.0;
const HEAD_ROW: f32 = 15.0;
const TOP: f32 = MARGIN + 40.0;
const FOOTER: f32 = 20.0;
/// Fixed widths of the first five columns, points; the rest share what is left.
const FIXED: [f32; 5] = [34.0, 34.0, 34.0, 52.0, 70.0];
const SHARES: [f32; 3] = [1.2, 1.1, 1.3];

type Colour = (u8, u8, u8);
const INK: Colour = (0x1d, 0x23, 0x30);
const MUTED: Colour = (0x5b, 0x64, 0x72);
const HEAD: Colour = (0x25, 0x2b, 0x3a);
const ZEBRA: Colour = (0xf3, 0xf5, 0xf8);
const WHITE: Colour = (0xff, 0xff, 0xff);

fn widths(page_w: f32) -> Vec<f32> {
    let spare = page_w - 2.0 * MARGIN - FIXED.iter().sum::<f32>();
    let total: f32 = SHARES.iter().sum();
    FIXED
        .iter()
        .copied()
        .chain(SHARES.iter().map(|s| spare.max(90.0) * s / total))
        .collect()
}

/// The shot list as PDF bytes.
pub fn render(scene: &Scene, setups: &[Setup], paper: Paper) -> Result<Vec<u8>, String> {
    let fonts = Fonts::load()?;
    let (page_w, page_h) = paper.landscape();
    let widths = widths(page_w);
    // Each row: its wrapped cells and its height; then rows dealt onto pages.
    let rows: Vec<(Vec<Vec<String>>, f32)> = setups
        .iter()
        .map(|s| {
            let cells: Vec<Vec<String>> = s
                .cells(scene)
                .iter()
                .zip(&widths)
                .enumerate()
                .map(|(i, (text, w))| face(&fonts, i).wrap(&one_line(text), BODY, w - 2.0 * PAD))
                .collect();
            let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let height = lines as f32 * LEADING + 2.0 * PAD;
            (cells, height)
        })
        .collect();
    let mut pages: Vec<Vec<usize>> = vec![Vec::new()];
    let mut y = TOP + HEAD_ROW;
    for (i, (_, h)) in rows.iter().enumerate() {
        let last = pages.len() - 1;
        if y + h > page_h - MARGIN - FOOTER && !pages[last].is_empty() {
            pages.push(Vec::new());
            y = TOP + HEAD_ROW;
        }
        let last = pages.len() - 1;
        pages[last].push(i);
        y += h;
    }
    let mut document = krilla::Document::new();
    document.set_metadata(
        krilla::metadata::Metadata::new()
            .title(format!("{} — shot list", one_line(&scene.title)))
            .creator("oner".into())
            .language("en".into()),
    );
    let count = pages.len();
    for (number, page_rows) in pages.iter().enumerate() {
        let settings =
            PageSettings::from_wh(page_w, page_h).ok_or("the paper size is not a page size")?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        let title = format!("{} — shot list", one_line(&scene.title));
        text(
            &mut surface,
            &fonts.bold,
            TITLE,
            MARGIN,
            MARGIN + TITLE,
            &title,
            INK,
        );
        let summary = format!(
            "{} camera setup{}, take {} at {} fps. Setup: where a camera holds; In/Out: when it \
             is there; Move: how it gets to the next.",
            setups.len(),
            if setups.len() == 1 { "" } else { "s" },
            super::short(scene.length),
            crate::escape::number(scene.frame_rate.fps(), 3)
        );
        text(
            &mut surface,
            &fonts.regular,
            BODY,
            MARGIN,
            MARGIN + TITLE + 12.0,
            &summary,
            MUTED,
        );
        rect(
            &mut surface,
            MARGIN,
            TOP,
            page_w - 2.0 * MARGIN,
            HEAD_ROW,
            HEAD,
        );
        let mut x = MARGIN;
        for (header, w) in HEADERS.iter().zip(&widths) {
            text(
                &mut surface,
                &fonts.bold,
                BODY,
                x + PAD,
                TOP + 10.0,
                header,
                WHITE,
            );
            x += w;
        }
        if setups.is_empty() {
            text(
                &mut surface,
                &fonts.regular,
                9.0,
                MARGIN + PAD,
                TOP + HEAD_ROW + 14.0,
                "No camera in the scene.",
                MUTED,
            );
        }
        let mut y = TOP + HEAD_ROW;
        for &i in page_rows {
            let (cells, h) = &rows[i];
            if i % 2 == 1 {
                rect(&mut surface, MARGIN, y, page_w - 2.0 * MARGIN, *h, ZEBRA);
            }
            let mut x = MARGIN;
            for (c, (lines, w)) in cells.iter().zip(&widths).enumerate() {
                for (k, line) in lines.iter().enumerate() {
                    let baseline = y + PAD + ASCENT * BODY + k as f32 * LEADING;
                    text(
                        &mut surface,
                        face(&fonts, c),
                        BODY,
                        x + PAD,
                        baseline,
                        line,
                        INK,
                    );
                }
                x += w;
            }
            y += h;
        }
        let footer = format!(
            "{} — shot list · page {} of {count}",
            one_line(&scene.title),
            number + 1
        );
        text(
            &mut surface,
            &fonts.regular,
            6.5,
            MARGIN,
            page_h - MARGIN,
            &footer,
            MUTED,
        );
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| format!("cannot make the PDF: {e:?}"))
}

fn face(fonts: &Fonts, column: usize) -> &Typeface {
    if column == 0 {
        &fonts.bold
    } else {
        &fonts.regular
    }
}

fn fill(colour: Colour) -> Fill {
    Fill {
        paint: rgb::Color::new(colour.0, colour.1, colour.2).into(),
        ..Fill::default()
    }
}

fn rect(surface: &mut Surface, x: f32, y: f32, w: f32, h: f32, colour: Colour) {
    let Some(r) = Rect::from_xywh(x, y, w.max(0.01), h.max(0.01)) else {
        return;
    };
    let mut path = PathBuilder::new();
    path.push_rect(r);
    if let Some(path) = path.finish() {
        surface.set_stroke(None);
        surface.set_fill(Some(fill(colour)));
        surface.draw_path(&path);
    }
}

/// Text with its baseline at `baseline`.
fn text(
    surface: &mut Surface,
    face: &Typeface,
    size: f32,
    x: f32,
    baseline: f32,
    content: &str,
    colour: Colour,
) {
    if content.is_empty() {
        return;
    }
    surface.set_stroke(None);
    surface.set_fill(Some(fill(colour)));
    surface.draw_text(
        Point::from_xy(x, baseline),
        face.font.clone(),
        size,
        content,
        false,
        TextDirection::LeftToRight,
    );
}
