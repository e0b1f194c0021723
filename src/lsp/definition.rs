//! Go to definition and find references, for every id (rooms, doors, wild walls, furniture,
//! practicals, marks, people, props, backings).

use super::document::Document;
use crate::source::Span;

/// The span of the definition of the id at `offset`.
pub fn definition(doc: &Document, offset: usize) -> Option<Span> {
    let ids = doc.ids();
    let o = ids.at(offset)?;
    ids.definition(o.kind, &o.id).map(|d| d.span)
}

/// Every place the id at `offset` is written, the definition only if asked for.
pub fn references(doc: &Document, offset: usize, with_definition: bool) -> Vec<Span> {
    let ids = doc.ids();
    let Some(o) = ids.at(offset) else {
        return Vec::new();
    };
    ids.occurrences_of(o.kind, &o.id)
        .filter(|x| with_definition || !x.definition)
        .map(|x| x.span)
        .collect()
}
