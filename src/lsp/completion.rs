//! Completion: ids of the right kind where an id goes (a mark where a mark is expected),
//! field names where a field goes, enum variants, time formats and rule names.

use super::context::Cursor;
use super::document::Document;
use super::field_docs;
use super::ids::{self, Kind};
use crate::fmt::fields::Value;
use lsp_types::CompletionItemKind;

/// One suggestion: what to show, what to insert over the word before the cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub label: String,
    pub insert: String,
    pub detail: String,
    pub kind: CompletionItemKind,
}

/// The suggestions at `offset` and the byte offset where the replaced word starts.
pub fn complete(doc: &Document, offset: usize) -> (Vec<Suggestion>, usize) {
    let text = doc.text();
    // An editor's position can lie past the end (a stale version) or inside a character.
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let cursor = Cursor::at(text, offset);
    let start = cursor.word_start.min(offset);
    let field = cursor.field().map(str::to_string);
    let mut out = Vec::new();
    if cursor.expects_field_name() {
        if let Some(Value::Struct(fields)) = cursor.group_value() {
            let section = cursor
                .innermost()
                .and_then(|f| f.name.as_deref())
                .and_then(field_docs::section_for);
            for (name, _) in fields {
                let detail = field_docs::lookup(name, section)
                    .first()
                    .map(|d| {
                        d.cells
                            .iter()
                            .map(|(h, v)| format!("{h}: {v}"))
                            .collect::<Vec<_>>()
                            .join("; ")
                    })
                    .unwrap_or_default();
                out.push(Suggestion {
                    label: name.to_string(),
                    insert: format!("{name}: "),
                    detail,
                    kind: CompletionItemKind::FIELD,
                });
            }
        }
        return (out, start);
    }
    let Some(field) = field else {
        return (out, start);
    };
    let kinds = match cursor.action() {
        Some(action) => ids::action_field_kinds(action, &field),
        None => ids::field_kinds(&field),
    };
    let quoted = cursor.in_string.is_none();
    let quote = |s: &str| {
        if quoted {
            format!("\"{s}\"")
        } else {
            s.to_string()
        }
    };
    if !kinds.is_empty() {
        for (kind, id) in doc.defined_ids().iter() {
            if kinds.contains(kind) {
                out.push(Suggestion {
                    label: id.clone(),
                    insert: quote(id),
                    detail: kind.noun().to_string(),
                    kind: item_kind(*kind),
                });
            }
        }
        return (out, start);
    }
    if is_time_field(&field) {
        for (example, meaning) in TIME_FORMATS {
            out.push(Suggestion {
                label: example.to_string(),
                insert: quote(example),
                detail: meaning.to_string(),
                kind: CompletionItemKind::VALUE,
            });
        }
        if let Some(last) = previous_time(&text[..cursor.in_string.unwrap_or(offset)]) {
            out.insert(
                0,
                Suggestion {
                    label: last.clone(),
                    insert: quote(&last),
                    detail: "the time written before this one".into(),
                    kind: CompletionItemKind::VALUE,
                },
            );
        }
        return (out, start);
    }
    if matches!(field.as_str(), "allow" | "deny" | "warn") {
        for rule in crate::rules::all_names() {
            out.push(Suggestion {
                label: rule.clone(),
                insert: quote(&rule),
                detail: crate::rules::find(&rule)
                    .map(|d| d.summary)
                    .unwrap_or("")
                    .into(),
                kind: CompletionItemKind::VALUE,
            });
        }
        return (out, start);
    }
    if cursor.in_string.is_none() {
        let action = cursor.action();
        for variant in variants(&field, action) {
            out.push(Suggestion {
                label: variant.split('(').next().unwrap_or(variant).to_string(),
                insert: variant.to_string(),
                detail: field.clone(),
                kind: CompletionItemKind::ENUM_MEMBER,
            });
        }
    }
    (out, start)
}

fn item_kind(kind: Kind) -> CompletionItemKind {
    match kind {
        Kind::Room => CompletionItemKind::MODULE,
        Kind::Door | Kind::WildWall | Kind::Backing => CompletionItemKind::INTERFACE,
        Kind::Mark => CompletionItemKind::CONSTANT,
        Kind::Person => CompletionItemKind::VARIABLE,
        Kind::Prop | Kind::Furniture | Kind::Practical => CompletionItemKind::STRUCT,
    }
}

const TIME_FORMATS: &[(&str, &str)] = &[
    ("0:00", "m:ss"),
    ("0:00.5", "m:ss.s, with a fraction of a second"),
    ("0:00:00", "h:mm:ss"),
    ("00:00:00:00", "SMPTE hh:mm:ss:ff at the scene's frame rate"),
];

fn is_time_field(field: &str) -> bool {
    matches!(
        field,
        "at" | "arrive" | "until" | "standby" | "length" | "reveal" | "from"
    )
}

/// The last `at: "…"` written before the cursor.
fn previous_time(before: &str) -> Option<String> {
    let i = before.rfind("at: \"")?;
    let rest = &before[i + 5..];
    let end = rest.find('"')?;
    Some(rest[..end].to_string())
}

/// The variants (as inserted) a field takes.
fn variants(field: &str, action: Option<&str>) -> &'static [&'static str] {
    match (field, action) {
        ("action", Some("Door")) => &["Open", "Close", "Slam", "Lock", "Unlock"],
        ("kind", _) => &["Door", "Opening", "Arch", "Window"],
        ("state", _) => &["Open", "Closed", "Locked"],
        ("hinge", _) => &["Left", "Right"],
        ("dept", _) => &[
            "Lighting",
            "Sound",
            "Camera",
            "StageManagement",
            "Props",
            "Effects",
        ],
        ("pronouns", _) => &[
            "She",
            "He",
            "They",
            "Custom(subject: \"\", object: \"\", possessive: \"\")",
        ],
        ("rig", _) => &["Handheld", "Steadicam", "Gimbal", "Dolly"],
        ("role", _) => &[
            "Camera(rig: Steadicam, lens_mm: 32.0)",
            "Boom",
            "FocusPuller",
            "Other(\"\")",
        ],
        ("starts", _) => &["On(\"\")", "OnMark(\"\")", "HeldBy(\"\")"],
        ("shape", _) => &["Rect(x: 0.0, y: 0.0, w: 1.0, h: 1.0)", "Polygon([])"],
        ("pace", _) => &["Walk", "Run", "Speed(1.0)"],
        ("do", _) => &[
            "Move(who: \"\", to: \"\")",
            "Door(door: \"\", action: Open, by: \"\")",
            "Take(who: \"\", prop: \"\")",
            "Put(who: \"\", prop: \"\", on: \"\")",
            "Give(from: \"\", to: \"\", prop: \"\")",
            "Throw(who: \"\", prop: \"\", to: \"\")",
            "Break(who: \"\", prop: \"\")",
            "Line(who: \"\", says: \"\")",
            "Camera(to: \"\")",
            "Cue(dept: Lighting, what: \"\")",
        ],
        ("offstage" | "blocks_view" | "in_costume" | "on_camera" | "called" | "plural", _) => {
            &["true", "false"]
        }
        _ => &[],
    }
}
