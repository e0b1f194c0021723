//! Document symbols: the outline. The set, cast, crew and props by id; the beats; the
//! timeline grouped by beat, each entry named by its time and what happens.

use super::document::Document;
use crate::locate::SourcePath;
use crate::raw::Action;
use crate::source::Span;
use lsp_types::{DocumentSymbol, SymbolKind};

/// The outline of the document, or `None` while it does not parse.
pub fn symbols(doc: &Document) -> Option<Vec<DocumentSymbol>> {
    let parsed = doc.parsed()?;
    let raw = &parsed.raw;
    let spans = &parsed.spans;
    let text = doc.text();
    let symbol = |name: String, detail: Option<String>, kind, span: Span, children| {
        let range = doc.lines.range(text, span);
        #[allow(deprecated)]
        DocumentSymbol {
            name: if name.trim().is_empty() {
                "(blank)".into()
            } else {
                name
            },
            detail,
            kind,
            tags: None,
            deprecated: None,
            range,
            selection_range: range,
            children,
        }
    };
    let root = SourcePath::root();
    let mut out = Vec::new();

    let set = root.field("set");
    let mut set_children = Vec::new();
    let id_maps: [(&str, Vec<&str>, SymbolKind); 2] = [
        (
            "rooms",
            raw.set.rooms.0.iter().map(|(id, _)| id.as_str()).collect(),
            SymbolKind::MODULE,
        ),
        (
            "marks",
            raw.set.marks.0.iter().map(|(id, _)| id.as_str()).collect(),
            SymbolKind::CONSTANT,
        ),
    ];
    for (field, ids, kind) in id_maps {
        let path = set.field(field);
        let children = ids
            .iter()
            .map(|id| {
                symbol(
                    id.to_string(),
                    None,
                    kind,
                    spans.key_span(&path.key(id)),
                    None,
                )
            })
            .collect();
        set_children.push(symbol(
            field.into(),
            None,
            SymbolKind::NAMESPACE,
            spans.span(&path),
            Some(children),
        ));
    }
    let id_lists: [(&str, Vec<&str>); 3] = [
        (
            "doors",
            raw.set.doors.iter().map(|d| d.id.as_str()).collect(),
        ),
        (
            "wild_walls",
            raw.set.wild_walls.iter().map(|w| w.id.as_str()).collect(),
        ),
        (
            "furniture",
            raw.set.furniture.iter().map(|f| f.id.as_str()).collect(),
        ),
    ];
    for (field, ids) in id_lists {
        let path = set.field(field);
        let children = ids
            .iter()
            .enumerate()
            .map(|(i, id)| {
                symbol(
                    id.to_string(),
                    None,
                    SymbolKind::OBJECT,
                    spans.span(&path.index(i)),
                    None,
                )
            })
            .collect();
        set_children.push(symbol(
            field.into(),
            None,
            SymbolKind::NAMESPACE,
            spans.span(&path),
            Some(children),
        ));
    }
    out.push(symbol(
        "set".into(),
        None,
        SymbolKind::NAMESPACE,
        spans.span(&set),
        Some(set_children),
    ));

    for (field, ids) in [
        (
            "cast",
            raw.cast
                .0
                .iter()
                .map(|(id, c)| (id, Some(c.name.clone())))
                .collect::<Vec<_>>(),
        ),
        (
            "crew",
            raw.crew
                .0
                .iter()
                .map(|(id, c)| (id, c.name.clone()))
                .collect(),
        ),
        (
            "props",
            raw.props
                .0
                .iter()
                .map(|(id, p)| (id, Some(p.name.clone())))
                .collect(),
        ),
    ] {
        if ids.is_empty() {
            continue;
        }
        let path = root.field(field);
        let children = ids
            .into_iter()
            .map(|(id, name)| {
                symbol(
                    id.clone(),
                    name,
                    SymbolKind::VARIABLE,
                    spans.key_span(&path.key(id)),
                    None,
                )
            })
            .collect();
        out.push(symbol(
            field.into(),
            None,
            SymbolKind::NAMESPACE,
            spans.span(&path),
            Some(children),
        ));
    }

    let beats = root.field("beats");
    if !raw.beats.is_empty() {
        let children = raw
            .beats
            .iter()
            .enumerate()
            .map(|(i, b)| {
                symbol(
                    b.title.clone(),
                    Some(b.at.clone()),
                    SymbolKind::EVENT,
                    spans.span(&beats.index(i)),
                    None,
                )
            })
            .collect();
        out.push(symbol(
            "beats".into(),
            None,
            SymbolKind::NAMESPACE,
            spans.span(&beats),
            Some(children),
        ));
    }

    let timeline = root.field("timeline");
    if !raw.timeline.is_empty() {
        let rate = crate::time::FrameRate::new(raw.frame_rate)
            .or_else(|| crate::time::FrameRate::new(24.0));
        let seconds = |at: &str| {
            rate.and_then(|r| crate::time::parse(at, r).ok())
                .map(|t| t.seconds())
                .unwrap_or(f64::NEG_INFINITY)
        };
        let beat_starts: Vec<f64> = raw.beats.iter().map(|b| seconds(&b.at)).collect();
        // Group entries by the beat they fall in (by time); entries before the first beat,
        // or in a scene without beats, stand on their own.
        let mut groups: Vec<(Option<usize>, Vec<usize>)> = Vec::new();
        for (i, event) in raw.timeline.iter().enumerate() {
            let t = seconds(&event.at);
            let beat = beat_starts.iter().rposition(|&s| s <= t);
            match groups.last_mut() {
                Some((b, entries)) if *b == beat => entries.push(i),
                _ => groups.push((beat, vec![i])),
            }
        }
        let entry = |i: usize| {
            let e = &raw.timeline[i];
            symbol(
                format!("{} {}", e.at, summary(&e.action)),
                e.note.clone(),
                SymbolKind::EVENT,
                spans.span(&timeline.index(i)),
                None,
            )
        };
        let mut children = Vec::new();
        for (beat, entries) in groups {
            match beat.and_then(|b| raw.beats.get(b)) {
                Some(b) => {
                    let first = spans.span(&timeline.index(entries[0]));
                    let last = spans.span(&timeline.index(entries[entries.len() - 1]));
                    let grouped = entries.into_iter().map(entry).collect();
                    children.push(symbol(
                        format!("{} {}", b.at, b.title),
                        Some("beat".into()),
                        SymbolKind::NAMESPACE,
                        Span::new(first.start, last.end),
                        Some(grouped),
                    ));
                }
                None => children.extend(entries.into_iter().map(entry)),
            }
        }
        out.push(symbol(
            "timeline".into(),
            None,
            SymbolKind::NAMESPACE,
            spans.span(&timeline),
            Some(children),
        ));
    }
    Some(out)
}

/// A few words for an event: its kind, who, and where to.
pub fn summary(action: &Action) -> String {
    match action {
        Action::Move(m) => format!("Move {} → {}", m.who, m.to),
        Action::Door(d) => format!("Door {} {:?} by {}", d.door, d.action, d.by),
        Action::Take(t) => format!("Take {} {}", t.who, t.prop),
        Action::Put(p) => format!("Put {} {} on {}", p.who, p.prop, p.on),
        Action::Give(g) => format!("Give {} {} → {}", g.prop, g.from, g.to),
        Action::Throw(t) => format!("Throw {} {} → {}", t.who, t.prop, t.to),
        Action::Break(b) => format!("Break {} {}", b.who, b.prop),
        Action::Line(l) => format!("Line {}: {}", l.who, shorten(&l.says, 40)),
        Action::Camera(c) => {
            let mut s = "Camera".to_string();
            if let Some(to) = &c.to {
                s.push_str(&format!(" → {to}"));
            }
            if !c.frame.is_empty() {
                s.push_str(&format!(" frame {}", c.frame.join(", ")));
            }
            s
        }
        Action::Cue(c) => format!(
            "Cue {:?} {}: {}",
            c.dept,
            c.number.as_deref().unwrap_or("-"),
            shorten(&c.what, 40)
        ),
    }
}

fn shorten(text: &str, max: usize) -> String {
    let one_line = text.replace(['\n', '\r'], " ");
    if one_line.chars().count() <= max {
        return one_line;
    }
    let cut: String = one_line.chars().take(max - 1).collect();
    format!("{cut}…")
}
