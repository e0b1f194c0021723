//! Field documentation for hover, read from docs/format.md's reference tables (the one
//! place fields are documented), compiled into the binary.

const FORMAT_MD: &str = include_str!("../../docs/format.md");

/// One table row about a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldDoc {
    /// The heading the table sits under (`Doors`, `Move`), backticks removed.
    pub section: String,
    /// `column: value` pairs after the first column, empty cells left out.
    pub cells: Vec<(String, String)>,
}

/// Every documented row for `field`, the one under `section` first when there is one.
pub fn lookup(field: &str, section: Option<&str>) -> Vec<FieldDoc> {
    let mut found = Vec::new();
    let mut heading = String::new();
    let mut header: Vec<String> = Vec::new();
    let mut in_reference = false;
    for line in FORMAT_MD.lines() {
        if let Some(title) = line.strip_prefix('#') {
            heading = title.trim_start_matches('#').trim().replace('`', "");
            in_reference |= line.starts_with("## Reference");
            header.clear();
            continue;
        }
        if !in_reference || !line.starts_with('|') {
            continue;
        }
        let cells: Vec<String> = line
            .trim()
            .trim_matches('|')
            .split(" | ")
            .map(|c| c.trim().to_string())
            .collect();
        if header.is_empty() {
            header = cells;
            continue;
        }
        let Some(first) = cells.first() else { continue };
        let names: Vec<&str> = first
            .split(',')
            .map(|n| n.trim().trim_matches('`'))
            .collect();
        if !names.contains(&field) {
            continue;
        }
        let cells = header
            .iter()
            .zip(cells.iter())
            .skip(1)
            .filter(|(_, v)| !v.is_empty())
            .map(|(h, v)| (h.clone(), v.clone()))
            .collect();
        found.push(FieldDoc {
            section: heading.clone(),
            cells,
        });
    }
    if let Some(section) = section {
        found.sort_by_key(|d| !d.section.eq_ignore_ascii_case(section));
        if found
            .first()
            .is_some_and(|d| d.section.eq_ignore_ascii_case(section))
        {
            found.truncate(1);
        }
    }
    found
}

/// The heading of docs/format.md that documents the fields of a group, from the field that
/// holds it or the variant it is.
pub fn section_for(field_or_variant: &str) -> Option<&'static str> {
    Some(match field_or_variant {
        "set" => "Set",
        "rooms" => "Rooms",
        "doors" => "Doors",
        "wild_walls" => "Wild walls",
        "furniture" => "Furniture",
        "practicals" => "Practicals",
        "marks" => "Marks",
        "backings" => "Backings",
        "cast" => "Cast",
        "crew" => "Crew",
        "props" => "Props",
        "beats" => "Beats",
        "timeline" => "Timeline",
        "Move" => "Move",
        "Door" => "Door",
        "Take" => "Take",
        "Put" => "Put",
        "Give" => "Give",
        "Throw" => "Throw",
        "Break" => "Break",
        "Line" => "Line",
        "Camera" => "Camera",
        "Cue" => "Cue",
        _ => return None,
    })
}

/// Markdown for a hover on a field name.
pub fn markdown(field: &str, docs: &[FieldDoc]) -> String {
    let mut out = String::new();
    for doc in docs.iter().take(3) {
        if !out.is_empty() {
            out.push_str("\n\n---\n\n");
        }
        out.push_str(&format!("**`{field}`** ({})\n", doc.section));
        for (column, value) in &doc.cells {
            out.push_str(&format!("\n- {column}: {value}"));
        }
    }
    out.push_str("\n\n(docs/format.md)");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_is_documented_under_its_section() {
        let docs = lookup("swings_into", Some("Doors"));
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].section, "Doors");
        assert!(
            docs[0]
                .cells
                .iter()
                .any(|(h, v)| h == "default" && v.contains("first"))
        );
    }

    #[test]
    fn the_same_name_in_two_sections_prefers_the_context() {
        let docs = lookup("to", Some("Throw"));
        assert_eq!(docs.len(), 1);
        assert!(docs[0].cells.iter().any(|(_, v)| v.contains("furniture")));
        assert!(lookup("to", None).len() > 1);
        assert!(lookup("no_such_field", None).is_empty());
    }
}
