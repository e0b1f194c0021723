//! P002 not-holding (placeholder until written).

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct NotHolding;

static DOC: RuleDoc = RuleDoc {
    code: "P002",
    name: "not-holding",
    family: "props",
    level: Level::Deny,
    summary: "not written yet",
    explanation: "",
};

impl Rule for NotHolding {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}
