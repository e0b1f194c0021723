//! T002 past-end (placeholder until written).

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct PastEnd;

static DOC: RuleDoc = RuleDoc {
    code: "T002",
    name: "move-ends-late",
    family: "timeline",
    level: Level::Deny,
    summary: "not written yet",
    explanation: "",
};

impl Rule for PastEnd {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}
