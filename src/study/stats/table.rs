//! The statistics as aligned plain text: what `oner stats` prints and `stats.txt` holds.

use super::Stats;
use crate::drawing::clean as one_line;
use crate::time::Time;

/// Longest cell of scene text before it is cut with an ellipsis, characters.
const MAX_CELL: usize = 28;

/// Text alignment of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Right,
}

/// A plain-text table: a header row, then rows, columns padded to their widest cell.
struct Table {
    columns: Vec<(String, Align)>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn new(columns: &[(&str, Align)]) -> Table {
        Table {
            columns: columns.iter().map(|(h, a)| (h.to_string(), *a)).collect(),
            rows: Vec::new(),
        }
    }

    fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    fn render(&self, out: &mut String) {
        let widths: Vec<usize> = (0..self.columns.len())
            .map(|c| {
                self.rows
                    .iter()
                    .filter_map(|r| r.get(c))
                    .chain(std::iter::once(&self.columns[c].0))
                    .map(|s| s.chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let headers: Vec<String> = self.columns.iter().map(|c| c.0.clone()).collect();
        for row in std::iter::once(&headers).chain(&self.rows) {
            let mut line = String::from("  ");
            for (c, width) in widths.iter().enumerate() {
                let cell = row.get(c).map_or("", String::as_str);
                let pad = width.saturating_sub(cell.chars().count());
                if c > 0 {
                    line.push_str("  ");
                }
                match self.columns[c].1 {
                    Align::Left => {
                        line.push_str(cell);
                        line.push_str(&" ".repeat(pad));
                    }
                    Align::Right => {
                        line.push_str(&" ".repeat(pad));
                        line.push_str(cell);
                    }
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
}

/// Scene text for a cell: one line, control characters gone, cut to [`MAX_CELL`].
fn cell(text: &str) -> String {
    let text = one_line(text);
    if text.chars().count() <= MAX_CELL {
        return text;
    }
    let cut: String = text.chars().take(MAX_CELL - 1).collect();
    format!("{}…", cut.trim_end())
}

fn clock(seconds: f64) -> String {
    Time::from_seconds(seconds).unwrap_or(Time::ZERO).clock()
}

fn metres(m: f64) -> String {
    format!("{m:.1} m")
}

fn section(out: &mut String, title: &str) {
    out.push('\n');
    out.push_str(title);
    out.push('\n');
}

pub fn render(stats: &Stats) -> String {
    let mut out = format!(
        "{}: statistics ({} take at {} fps)\n",
        one_line(&stats.title),
        stats.length,
        crate::escape::number(stats.frame_rate, 3)
    );

    section(&mut out, "PEOPLE");
    let mut people = Table::new(&[
        ("name", Align::Left),
        ("role", Align::Left),
        ("walked", Align::Right),
        ("top speed", Align::Right),
        ("on camera", Align::Right),
        ("", Align::Right),
    ]);
    for p in &stats.people {
        people.row(vec![
            cell(&p.name),
            cell(&p.role),
            metres(p.distance_m),
            format!("{:.1} m/s", p.top_speed_mps),
            clock(p.on_camera_seconds),
            format!("{:.0}%", p.on_camera_percent),
        ]);
    }
    people.render(&mut out);

    section(&mut out, "TIME PER ROOM");
    let rooms: Vec<(String, String)> = stats
        .rooms
        .iter()
        .filter(|r| r.occupied_seconds > 0.0)
        .map(|r| (r.id.clone(), r.name.clone()))
        .collect();
    let mut columns: Vec<(String, Align)> = vec![("name".into(), Align::Left)];
    columns.extend(rooms.iter().map(|(_, name)| (cell(name), Align::Right)));
    let mut per_room = Table {
        columns,
        rows: Vec::new(),
    };
    for p in &stats.people {
        let mut row = vec![cell(&p.name)];
        for (id, _) in &rooms {
            row.push(
                p.rooms
                    .iter()
                    .find(|r| r.room == *id)
                    .map_or_else(|| "-".to_string(), |r| clock(r.seconds)),
            );
        }
        per_room.row(row);
    }
    let mut anyone = vec!["(anyone)".to_string()];
    anyone.extend(
        stats
            .rooms
            .iter()
            .filter(|r| r.occupied_seconds > 0.0)
            .map(|r| clock(r.occupied_seconds)),
    );
    per_room.row(anyone);
    per_room.render(&mut out);

    section(&mut out, "CAMERA");
    if stats.cameras.is_empty() {
        out.push_str("  no camera in this scene\n");
    } else {
        let mut cameras = Table::new(&[
            ("name", Align::Left),
            ("rig", Align::Left),
            ("path", Align::Right),
            ("top speed", Align::Right),
            ("at", Align::Right),
            ("rig limit", Align::Right),
        ]);
        for c in &stats.cameras {
            cameras.row(vec![
                cell(&c.name),
                c.rig.clone(),
                metres(c.path_m),
                c.top_speed_mps
                    .map_or_else(|| "-".to_string(), |s| format!("{s:.2} m/s")),
                c.top_speed_at.clone().unwrap_or_else(|| "-".into()),
                format!("{:.1} m/s", c.rig_top_speed_mps),
            ]);
        }
        cameras.render(&mut out);
        for c in stats.cameras.iter().filter(|c| c.jumps > 0) {
            out.push_str(&format!(
                "  {} jumps {} time(s) with no time to travel (see `oner check`)\n",
                cell(&c.name),
                c.jumps
            ));
        }
    }

    section(&mut out, "DOORS");
    let mut doors = Table::new(&[
        ("door", Align::Left),
        ("kind", Align::Left),
        ("passages", Align::Right),
        ("opens", Align::Right),
        ("closes", Align::Right),
        ("slams", Align::Right),
        ("locks", Align::Right),
    ]);
    for d in &stats.doors {
        doors.row(vec![
            cell(&d.name),
            d.kind.clone(),
            d.passages.to_string(),
            d.opens.to_string(),
            d.closes.to_string(),
            d.slams.to_string(),
            d.locks.to_string(),
        ]);
    }
    doors.render(&mut out);

    section(&mut out, "SLAMS");
    if stats.slams.is_empty() {
        out.push_str("  none\n");
    } else {
        let mut slams = Table::new(&[
            ("at", Align::Right),
            ("door", Align::Left),
            ("by", Align::Left),
        ]);
        for s in &stats.slams {
            slams.row(vec![s.at.clone(), cell(&s.door), cell(&s.by)]);
        }
        slams.render(&mut out);
    }

    section(&mut out, "CUES");
    let cues = &stats.cues;
    let gap = &cues.longest_without_cue;
    let busy = &cues.busiest_ten_seconds;
    let per_dept: Vec<String> = cues
        .by_department
        .iter()
        .map(|d| format!("{} {}", d.dept, d.count))
        .collect();
    out.push_str(&format!(
        "  cues in the take: {} ({}), {} called\n",
        cues.count,
        per_dept.join(", "),
        cues.called
    ));
    out.push_str(&format!(
        "  longest stretch with no cue: {} to {} ({:.1} s)\n",
        gap.from, gap.to, gap.seconds
    ));
    if busy.count > 0 {
        out.push_str(&format!(
            "  busiest ten seconds: {} to {}, {} cue(s): {}\n",
            busy.from,
            busy.to,
            busy.count,
            busy.cues
                .iter()
                .map(|c| cell(c))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    } else {
        out.push_str("  busiest ten seconds: no cues\n");
    }
    out
}
