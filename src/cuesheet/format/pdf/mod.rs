//! A paginated PDF cue sheet in landscape: a title block, the header row repeated on every
//! page, rows banded by beat and striped, department colour chips, page numbers, and real
//! (selectable, extractable) text in the bundled font.
//!
//! Laid out in two passes: [`layout`] measures and wraps every cell and deals rows onto
//! pages (a row never splits, a beat band never ends a page); [`draw`] paints each page with
//! krilla, which embeds the font's used glyphs with a Unicode map.

pub mod text;

use super::{Paper, beat_band, dept_colour};
use crate::cuesheet::Source;
use crate::cuesheet::sheet::{Call, Column, Row, Sheet};
use crate::model::Department;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::TextDirection;
use text::{ASCENT, DESCENT, Fonts, Typeface};

/// Page margin, points.
const MARGIN: f32 = 28.0;
/// Body text size and line pitch, points.
const BODY: f32 = 7.5;
const LEADING: f32 = 9.2;
/// Cell padding, points.
const PAD_X: f32 = 4.0;
const PAD_Y: f32 = 3.0;
/// Heights of the parts of a page, points.
const HEADER_ROW: f32 = 15.0;
const BAND: f32 = 14.0;
const TITLE_BLOCK: f32 = 74.0;
const RUNNING_HEAD: f32 = 24.0;
const FOOTER: f32 = 20.0;
/// Most lines one cell shows; the rest is cut with an ellipsis so a row fits on a page.
const MAX_LINES: usize = 24;
/// The narrowest a text column gets, points.
const MIN_TEXT: f32 = 44.0;
/// Department chips: text size and height, points.
const CHIP_TEXT: f32 = 6.5;
const CHIP_HEIGHT: f32 = 10.0;

type Colour = (u8, u8, u8);
const INK: Colour = (0x1d, 0x23, 0x30);
const MUTED: Colour = (0x5b, 0x64, 0x72);
const DERIVED_INK: Colour = (0x3f, 0x47, 0x56);
const RULE: Colour = (0xd5, 0xd9, 0xe0);
const ZEBRA: Colour = (0xf3, 0xf5, 0xf8);
const HEAD: Colour = (0x25, 0x2b, 0x3a);
const BAND_FILL: Colour = (0xe6, 0xe9, 0xef);
const GO: Colour = (0xb4, 0x23, 0x18);
const WHITE: Colour = (0xff, 0xff, 0xff);

/// The sheet as PDF bytes on `paper` in landscape.
pub fn render(sheet: &Sheet, paper: Paper) -> Result<Vec<u8>, String> {
    let fonts = Fonts::load()?;
    let layout = layout(sheet, &fonts, paper);
    draw(sheet, &fonts, &layout, paper)
}

/// Something placed on a page below the header row.
enum Item {
    Band(String),
    Row {
        index: usize,
        /// Wrapped lines per column.
        lines: Vec<Vec<String>>,
        height: f32,
        stripe: bool,
    },
}

impl Item {
    fn height(&self) -> f32 {
        match self {
            Item::Band(_) => BAND,
            Item::Row { height, .. } => *height,
        }
    }
}

struct Layout {
    columns: Vec<Column>,
    widths: Vec<f32>,
    /// Per page: items with the y of their top edge.
    pages: Vec<Vec<(f32, Item)>>,
}

/// How much of the spare width a text column takes; `None` for fixed columns.
fn weight(column: Column) -> Option<f32> {
    match column {
        Column::What => Some(4.0),
        Column::Notes => Some(3.5),
        Column::Where | Column::Who | Column::Beat => Some(1.3),
        _ => None,
    }
}

fn cell_face(fonts: &Fonts, column: Column) -> &Typeface {
    match column {
        Column::Number | Column::Call => &fonts.bold,
        _ => &fonts.regular,
    }
}

fn chip_width(fonts: &Fonts) -> f32 {
    fonts.bold.width("PROPS", CHIP_TEXT) + 8.0
}

fn layout(sheet: &Sheet, fonts: &Fonts, paper: Paper) -> Layout {
    let (page_w, page_h) = paper.landscape();
    let columns = sheet.banded_columns();
    let widths = column_widths(sheet, fonts, &columns, page_w - 2.0 * MARGIN);
    let mut items = Vec::new();
    let mut stripe = false;
    for (index, row) in sheet.rows.iter().enumerate() {
        if let Some(band) = beat_band(sheet, index) {
            items.push(Item::Band(band));
            stripe = false;
        }
        let lines: Vec<Vec<String>> = columns
            .iter()
            .zip(&widths)
            .map(|(&column, &width)| {
                if column == Column::Dept {
                    return vec![row.dept.abbreviation().to_string()];
                }
                let face = cell_face(fonts, column);
                let text = crate::escape::strip_control(&sheet.cell(row, column));
                let mut lines = face.wrap(&text, BODY, width - 2.0 * PAD_X);
                if lines.len() > MAX_LINES {
                    lines.truncate(MAX_LINES);
                    if let Some(last) = lines.last_mut() {
                        last.push('…');
                    }
                }
                lines
            })
            .collect();
        let count = lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
        items.push(Item::Row {
            index,
            lines,
            height: count as f32 * LEADING + 2.0 * PAD_Y,
            stripe,
        });
        stripe = !stripe;
    }
    let bottom = page_h - MARGIN - FOOTER;
    let mut pages: Vec<Vec<(f32, Item)>> = vec![Vec::new()];
    let mut y = MARGIN + TITLE_BLOCK + HEADER_ROW;
    let mut items = items.into_iter().peekable();
    while let Some(item) = items.next() {
        // A band keeps with the row after it.
        let need = item.height()
            + match (&item, items.peek()) {
                (Item::Band(_), Some(next)) => next.height(),
                _ => 0.0,
            };
        let page_has_items = pages.last().is_some_and(|p| !p.is_empty());
        if y + need > bottom && page_has_items {
            pages.push(Vec::new());
            y = MARGIN + RUNNING_HEAD + HEADER_ROW;
        }
        let height = item.height();
        if let Some(page) = pages.last_mut() {
            page.push((y, item));
        }
        y += height;
    }
    Layout {
        columns,
        widths,
        pages,
    }
}

/// Fixed columns as wide as their widest cell; text columns share the rest by weight, none
/// wider than it needs until every one is satisfied, then the spare goes to the widest.
fn column_widths(sheet: &Sheet, fonts: &Fonts, columns: &[Column], total: f32) -> Vec<f32> {
    let natural: Vec<f32> = columns
        .iter()
        .map(|&column| {
            let header = fonts.bold.width(column.header(), BODY);
            let cells = sheet.rows.iter().map(|row| {
                if column == Column::Dept {
                    return chip_width(fonts);
                }
                let face = cell_face(fonts, column);
                let text = sheet.cell(row, column);
                text.lines()
                    .map(|line| face.width(&super::one_line(line), BODY))
                    .fold(0.0, f32::max)
            });
            cells.fold(header, f32::max) + 2.0 * PAD_X
        })
        .collect();
    let mut widths = natural.clone();
    let fixed: f32 = columns
        .iter()
        .zip(&natural)
        .filter(|(c, _)| weight(**c).is_none())
        .map(|(_, w)| w)
        .sum();
    let mut left = (total - fixed).max(0.0);
    let mut open: Vec<usize> = (0..columns.len())
        .filter(|&i| weight(columns[i]).is_some())
        .collect();
    loop {
        let weights: f32 = open.iter().filter_map(|&i| weight(columns[i])).sum();
        if open.is_empty() || weights <= 0.0 {
            break;
        }
        let share = |i: usize| left * weight(columns[i]).unwrap_or(0.0) / weights;
        let satisfied: Vec<usize> = open
            .iter()
            .copied()
            .filter(|&i| natural[i] <= share(i))
            .collect();
        if satisfied.is_empty() {
            for &i in &open {
                widths[i] = share(i).max(MIN_TEXT);
            }
            left = 0.0;
            break;
        }
        for i in satisfied {
            widths[i] = natural[i];
            left -= natural[i];
            open.retain(|&j| j != i);
        }
    }
    // Everything fitted with room to spare: widen the text columns to fill the page.
    if open.is_empty() && left > 0.0 {
        let weights: f32 = columns.iter().filter_map(|&c| weight(c)).sum();
        for (i, &column) in columns.iter().enumerate() {
            if let Some(w) = weight(column) {
                widths[i] += left * w / weights;
            }
        }
    }
    widths
}

fn draw(sheet: &Sheet, fonts: &Fonts, layout: &Layout, paper: Paper) -> Result<Vec<u8>, String> {
    let (page_w, page_h) = paper.landscape();
    let mut document = krilla::Document::new();
    let title = format!("{} — {}", super::one_line(&sheet.title), sheet.heading());
    document.set_metadata(
        krilla::metadata::Metadata::new()
            .title(title)
            .creator("oner".into())
            .language("en".into()),
    );
    let count = layout.pages.len();
    for (number, items) in layout.pages.iter().enumerate() {
        let settings =
            PageSettings::from_wh(page_w, page_h).ok_or("the paper size is not a page size")?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        let mut pen = Pen {
            surface: &mut surface,
            fonts,
        };
        let top = if number == 0 {
            pen.title_block(sheet, page_w);
            MARGIN + TITLE_BLOCK
        } else {
            pen.running_head(sheet, page_w);
            MARGIN + RUNNING_HEAD
        };
        pen.header_row(layout, top);
        if sheet.rows.is_empty() && number == 0 {
            pen.text(
                &fonts.regular,
                9.0,
                MARGIN + PAD_X,
                top + HEADER_ROW + 14.0,
                "No cues.",
                MUTED,
            );
        }
        for (y, item) in items {
            match item {
                Item::Band(text) => pen.band(text, *y, page_w),
                Item::Row {
                    index,
                    lines,
                    height,
                    stripe,
                } => pen.row(layout, &sheet.rows[*index], lines, *y, *height, *stripe),
            }
        }
        pen.footer(sheet, number + 1, count, page_w, page_h);
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| format!("cannot make the PDF: {e:?}"))
}

/// Draws on one page.
struct Pen<'a, 'b, 'c> {
    surface: &'a mut Surface<'b>,
    fonts: &'c Fonts,
}

fn fill(colour: Colour) -> Fill {
    Fill {
        paint: rgb::Color::new(colour.0, colour.1, colour.2).into(),
        ..Fill::default()
    }
}

impl Pen<'_, '_, '_> {
    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, colour: Colour) {
        let Some(rect) = Rect::from_xywh(x, y, w.max(0.01), h.max(0.01)) else {
            return;
        };
        let mut path = PathBuilder::new();
        path.push_rect(rect);
        if let Some(path) = path.finish() {
            self.surface.set_stroke(None);
            self.surface.set_fill(Some(fill(colour)));
            self.surface.draw_path(&path);
        }
    }

    fn rounded(&mut self, x: f32, y: f32, w: f32, h: f32, r: f32, colour: Colour) {
        let k = 0.5523 * r;
        let mut p = PathBuilder::new();
        p.move_to(x + r, y);
        p.line_to(x + w - r, y);
        p.cubic_to(x + w - r + k, y, x + w, y + r - k, x + w, y + r);
        p.line_to(x + w, y + h - r);
        p.cubic_to(x + w, y + h - r + k, x + w - r + k, y + h, x + w - r, y + h);
        p.line_to(x + r, y + h);
        p.cubic_to(x + r - k, y + h, x, y + h - r + k, x, y + h - r);
        p.line_to(x, y + r);
        p.cubic_to(x, y + r - k, x + r - k, y, x + r, y);
        p.close();
        if let Some(path) = p.finish() {
            self.surface.set_stroke(None);
            self.surface.set_fill(Some(fill(colour)));
            self.surface.draw_path(&path);
        }
    }

    fn line(&mut self, x0: f32, y0: f32, x1: f32, y1: f32, width: f32, colour: Colour) {
        let mut p = PathBuilder::new();
        p.move_to(x0, y0);
        p.line_to(x1, y1);
        if let Some(path) = p.finish() {
            self.surface.set_fill(None);
            self.surface.set_stroke(Some(Stroke {
                paint: rgb::Color::new(colour.0, colour.1, colour.2).into(),
                width,
                ..Stroke::default()
            }));
            self.surface.draw_path(&path);
            self.surface.set_stroke(None);
        }
    }

    /// Text with its baseline at `baseline`.
    fn text(&mut self, face: &Typeface, size: f32, x: f32, baseline: f32, text: &str, c: Colour) {
        if text.is_empty() {
            return;
        }
        self.surface.set_stroke(None);
        self.surface.set_fill(Some(fill(c)));
        self.surface.draw_text(
            Point::from_xy(x, baseline),
            face.font.clone(),
            size,
            text,
            false,
            TextDirection::LeftToRight,
        );
    }

    fn title_block(&mut self, sheet: &Sheet, page_w: f32) {
        let fonts = self.fonts;
        let right = page_w - MARGIN;
        // Facts on the right, laid out from the right edge.
        let fps = crate::escape::number(sheet.frame_rate.value(), 3);
        let mut facts = vec![
            ("TAKE", sheet.time(sheet.length)),
            ("FRAME RATE", format!("{fps} fps")),
            ("CUES", sheet.cue_count.to_string()),
        ];
        if let Some(name) = &sheet.source_name {
            let name = fonts.bold.fit(&super::one_line(name), 10.0, 180.0);
            facts.push(("GENERATED FROM", name));
        }
        let mut x = right;
        for (label, value) in facts.iter().rev() {
            let w = fonts
                .bold
                .width(value, 10.0)
                .max(fonts.regular.width(label, 6.0));
            x -= w;
            self.text(&fonts.regular, 6.0, x, MARGIN + 8.0, label, MUTED);
            self.text(&fonts.bold, 10.0, x, MARGIN + 22.0, value, INK);
            x -= 18.0;
        }
        let room = (x - MARGIN - 12.0).max(120.0);
        let title = fonts.bold.fit(&super::one_line(&sheet.title), 17.0, room);
        self.text(
            &fonts.bold,
            17.0,
            MARGIN,
            MARGIN + 17.0 * ASCENT,
            &title,
            INK,
        );
        let heading = fonts
            .regular
            .fit(&super::one_line(&sheet.heading()), 10.0, room);
        self.text(&fonts.regular, 10.0, MARGIN, MARGIN + 31.0, &heading, MUTED);
        self.line(MARGIN, MARGIN + 39.0, right, MARGIN + 39.0, 1.5, HEAD);
        // Legend: the department chips, and what given and derived mean.
        let mut x = MARGIN;
        let y = MARGIN + 46.0;
        for dept in Department::ALL {
            self.chip(dept, x, y);
            x += chip_width(fonts) + 4.0;
            let name = crate::cuesheet::filter::full_name(dept);
            self.text(&fonts.regular, 7.5, x, y + 7.5, name, INK);
            x += fonts.regular.width(name, 7.5) + 12.0;
        }
        let note = "given: written in the scene · derived: implied by the staging";
        let w = fonts.regular.width(note, 7.5);
        self.text(&fonts.regular, 7.5, right - w, y + 7.5, note, MUTED);
    }

    fn running_head(&mut self, sheet: &Sheet, page_w: f32) {
        let fonts = self.fonts;
        let title = super::one_line(&sheet.title);
        let title = fonts.bold.fit(&title, 9.0, page_w / 2.0);
        self.text(&fonts.bold, 9.0, MARGIN, MARGIN + 9.0, &title, INK);
        let x = MARGIN + fonts.bold.width(&title, 9.0) + 8.0;
        let heading = fonts
            .regular
            .fit(&super::one_line(&sheet.heading()), 9.0, page_w / 3.0);
        self.text(&fonts.regular, 9.0, x, MARGIN + 9.0, &heading, MUTED);
        let continued = "continued";
        let w = fonts.regular.width(continued, 8.0);
        self.text(
            &fonts.regular,
            8.0,
            page_w - MARGIN - w,
            MARGIN + 9.0,
            continued,
            MUTED,
        );
        self.line(
            MARGIN,
            MARGIN + 15.0,
            page_w - MARGIN,
            MARGIN + 15.0,
            0.8,
            HEAD,
        );
    }

    fn header_row(&mut self, layout: &Layout, top: f32) {
        let total: f32 = layout.widths.iter().sum();
        self.rect(MARGIN, top, total, HEADER_ROW, HEAD);
        let mut x = MARGIN;
        for (column, width) in layout.columns.iter().zip(&layout.widths) {
            let label = self
                .fonts
                .bold
                .fit(column.header(), BODY, width - 2.0 * PAD_X);
            let baseline = top + (HEADER_ROW + BODY * (ASCENT - DESCENT)) / 2.0;
            self.text(&self.fonts.bold, BODY, x + PAD_X, baseline, &label, WHITE);
            x += width;
        }
    }

    fn band(&mut self, text: &str, y: f32, page_w: f32) {
        self.rect(MARGIN, y, page_w - 2.0 * MARGIN, BAND, BAND_FILL);
        self.line(MARGIN, y, page_w - MARGIN, y, 0.6, (0x9a, 0xa3, 0xb2));
        let text = self
            .fonts
            .bold
            .fit(text, 8.0, page_w - 2.0 * MARGIN - 2.0 * PAD_X);
        let baseline = y + (BAND + 8.0 * (ASCENT - DESCENT)) / 2.0;
        self.text(&self.fonts.bold, 8.0, MARGIN + PAD_X, baseline, &text, INK);
    }

    fn chip(&mut self, dept: Department, x: f32, y: f32) {
        let w = chip_width(self.fonts);
        self.rounded(x, y, w, CHIP_HEIGHT, 2.0, dept_colour(dept));
        let label = dept.abbreviation();
        let tw = self.fonts.bold.width(label, CHIP_TEXT);
        let baseline = y + (CHIP_HEIGHT + CHIP_TEXT * (ASCENT - DESCENT)) / 2.0;
        self.text(
            &self.fonts.bold,
            CHIP_TEXT,
            x + (w - tw) / 2.0,
            baseline,
            label,
            WHITE,
        );
    }

    fn row(
        &mut self,
        layout: &Layout,
        row: &Row,
        lines: &[Vec<String>],
        y: f32,
        height: f32,
        stripe: bool,
    ) {
        let total: f32 = layout.widths.iter().sum();
        if stripe {
            self.rect(MARGIN, y, total, height, ZEBRA);
        }
        self.line(MARGIN, y + height, MARGIN + total, y + height, 0.4, RULE);
        let quiet = matches!(row.call, Some(Call::Warning | Call::Standby));
        let mut x = MARGIN;
        for ((&column, width), cell) in layout.columns.iter().zip(&layout.widths).zip(lines) {
            let first_baseline = y + PAD_Y + (LEADING + BODY * (ASCENT - DESCENT)) / 2.0;
            if column == Column::Dept {
                let chip_y = y + PAD_Y + (LEADING - CHIP_HEIGHT) / 2.0;
                self.chip(row.dept, x + PAD_X, chip_y);
                x += width;
                continue;
            }
            let colour = match column {
                _ if quiet => MUTED,
                Column::Call if row.call == Some(Call::Go) => GO,
                Column::Source => MUTED,
                Column::What if row.source == Source::Derived => DERIVED_INK,
                _ => INK,
            };
            let face = cell_face(self.fonts, column);
            for (k, line) in cell.iter().enumerate() {
                let baseline = first_baseline + k as f32 * LEADING;
                self.text(face, BODY, x + PAD_X, baseline, line, colour);
            }
            x += width;
        }
    }

    fn footer(&mut self, sheet: &Sheet, number: usize, count: usize, page_w: f32, page_h: f32) {
        let fonts = self.fonts;
        let y = page_h - MARGIN - 10.0;
        self.line(MARGIN, y, page_w - MARGIN, y, 0.5, RULE);
        let mut left = format!(
            "oner · {} · {}",
            super::one_line(&sheet.title),
            sheet.summary()
        );
        if let Some(name) = &sheet.source_name {
            left.push_str(&format!(" · generated from {}", super::one_line(name)));
        }
        let left = fonts.regular.fit(&left, 7.0, page_w * 0.7);
        self.text(&fonts.regular, 7.0, MARGIN, page_h - MARGIN, &left, MUTED);
        let page = format!("Page {number} of {count}");
        let w = fonts.bold.width(&page, 7.5);
        self.text(
            &fonts.bold,
            7.5,
            page_w - MARGIN - w,
            page_h - MARGIN,
            &page,
            INK,
        );
    }
}
