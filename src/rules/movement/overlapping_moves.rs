//! M006 overlapping-moves (placeholder until written).

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct OverlappingMoves;

static DOC: RuleDoc = RuleDoc {
    code: "M006",
    name: "overlapping-moves",
    family: "movement",
    level: Level::Deny,
    summary: "not written yet",
    explanation: "",
};

impl Rule for OverlappingMoves {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}
