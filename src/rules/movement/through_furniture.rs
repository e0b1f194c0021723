//! M004 through-furniture (placeholder until written).

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct ThroughFurniture;

static DOC: RuleDoc = RuleDoc {
    code: "M004",
    name: "through-furniture",
    family: "movement",
    level: Level::Deny,
    summary: "not written yet",
    explanation: "",
};

impl Rule for ThroughFurniture {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}
