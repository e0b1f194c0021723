//! P001 not-there (placeholder until written).

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct NotThere;

static DOC: RuleDoc = RuleDoc {
    code: "P001",
    name: "not-there",
    family: "props",
    level: Level::Deny,
    summary: "not written yet",
    explanation: "",
};

impl Rule for NotThere {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}
