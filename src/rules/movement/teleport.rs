//! M001 teleport (placeholder until written).

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct Teleport;

static DOC: RuleDoc = RuleDoc {
    code: "M001",
    name: "teleport",
    family: "movement",
    level: Level::Deny,
    summary: "not written yet",
    explanation: "",
};

impl Rule for Teleport {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}
