//! A plain-text table for the terminal, wrapped to a width: fixed columns (numbers, times)
//! keep their width, text columns share the rest and wrap at word boundaries.

use super::{beat_band, one_line};
use crate::cuesheet::sheet::{Column, Sheet};

/// Spaces between columns.
const GAP: usize = 2;
/// The narrowest a text column gets before the table is allowed to overflow.
const MIN_TEXT: usize = 6;
/// A text column is kept at least as wide as its longest word up to this many characters.
const MAX_WORD: usize = 14;

/// The sheet as a table at most `width` characters wide (when it can be).
pub fn render(sheet: &Sheet, width: usize) -> String {
    let columns = sheet.banded_columns();
    let mut out = String::new();
    out.push_str(&format!(
        "{} — {}\n",
        one_line(&sheet.title),
        one_line(&sheet.heading())
    ));
    let mut summary = sheet.summary();
    if let Some(name) = &sheet.source_name {
        summary.push_str(&format!(" · from {}", one_line(name)));
    }
    out.push_str(&summary);
    out.push_str("\n\n");
    if sheet.rows.is_empty() {
        out.push_str("No cues.\n");
        return out;
    }
    let cells: Vec<Vec<String>> = sheet
        .rows
        .iter()
        .map(|row| {
            columns
                .iter()
                .map(|&c| one_line(&sheet.cell(row, c)))
                .collect()
        })
        .collect();
    let natural: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            cells
                .iter()
                .map(|r| chars(&r[i]))
                .chain([chars(c.header())])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let longest_word: Vec<usize> = (0..columns.len())
        .map(|i| {
            cells
                .iter()
                .flat_map(|r| r[i].split(' ').map(chars))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let widths = fit(&columns, &natural, &longest_word, width);
    let header: Vec<String> = columns.iter().map(|c| c.header().to_string()).collect();
    push_row(&mut out, &header, &widths);
    let rule: Vec<String> = widths.iter().map(|&w| "─".repeat(w)).collect();
    push_row(&mut out, &rule, &widths);
    let table_width: usize = widths.iter().sum::<usize>() + GAP * (widths.len() - 1);
    for (i, row) in cells.iter().enumerate() {
        if let Some(band) = beat_band(sheet, i) {
            let band = format!("── {band} ");
            let fill = table_width.saturating_sub(chars(&band));
            out.push_str(&format!("{band}{}\n", "─".repeat(fill)));
        }
        push_row(&mut out, row, &widths);
    }
    out
}

fn chars(text: &str) -> usize {
    text.chars().count()
}

/// How wide a text column wants to be relative to the others when space is short.
fn weight(column: Column) -> Option<usize> {
    match column {
        Column::What => Some(4),
        Column::Notes => Some(3),
        Column::Where | Column::Who | Column::Beat => Some(1),
        _ => None,
    }
}

/// Column widths: natural widths if they fit; else each text column starts at its longest
/// word (within [`MIN_TEXT`]..=[`MAX_WORD`], so short names do not break mid-word) and the
/// space left goes to the columns still short of their natural width, by weight.
fn fit(columns: &[Column], natural: &[usize], longest_word: &[usize], width: usize) -> Vec<usize> {
    let total: usize = natural.iter().sum::<usize>() + GAP * (columns.len() - 1);
    if total <= width {
        return natural.to_vec();
    }
    let mut widths: Vec<usize> = (0..columns.len())
        .map(|i| match weight(columns[i]) {
            Some(_) => longest_word[i].clamp(MIN_TEXT, MAX_WORD).min(natural[i]),
            None => natural[i],
        })
        .collect();
    let used: usize = widths.iter().sum::<usize>() + GAP * (columns.len() - 1);
    let mut left = width.saturating_sub(used);
    let mut open: Vec<usize> = (0..columns.len())
        .filter(|&i| weight(columns[i]).is_some() && widths[i] < natural[i])
        .collect();
    // Water-filling: columns that need less than their share take what they need.
    while left > 0 && !open.is_empty() {
        let weights: usize = open.iter().filter_map(|&i| weight(columns[i])).sum();
        let share = |i: usize| left * weight(columns[i]).unwrap_or(0) / weights.max(1);
        let satisfied: Vec<usize> = open
            .iter()
            .copied()
            .filter(|&i| natural[i] - widths[i] <= share(i))
            .collect();
        if satisfied.is_empty() {
            for &i in &open {
                widths[i] += share(i);
            }
            break;
        }
        for i in satisfied {
            left -= natural[i] - widths[i];
            widths[i] = natural[i];
            open.retain(|&j| j != i);
        }
    }
    widths
}

/// Appends one table row, each cell wrapped to its column.
fn push_row(out: &mut String, cells: &[String], widths: &[usize]) {
    let wrapped: Vec<Vec<String>> = cells
        .iter()
        .zip(widths)
        .map(|(text, &w)| wrap(text, w))
        .collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
    for line in 0..height {
        let mut text = String::new();
        for (i, lines) in wrapped.iter().enumerate() {
            let cell = lines.get(line).map(String::as_str).unwrap_or("");
            text.push_str(cell);
            if i + 1 < wrapped.len() {
                text.push_str(&" ".repeat(widths[i] - chars(cell) + GAP));
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    }
}

/// Word-wraps `text` to lines of at most `width` characters, splitting longer words.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let mut word: Vec<char> = word.chars().collect();
        loop {
            let used = chars(&line);
            if used == 0 && word.len() > width {
                let rest = word.split_off(width);
                lines.push(word.iter().collect());
                word = rest;
            } else if used == 0 {
                line.extend(word.iter());
                break;
            } else if used + 1 + word.len() <= width {
                line.push(' ');
                line.extend(word.iter());
                break;
            } else {
                lines.push(std::mem::take(&mut line));
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_words_and_splits_long_ones() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 5), [""]);
        assert_eq!(wrap("a bb", 1), ["a", "b", "b"]);
    }
}
