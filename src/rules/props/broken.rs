//! P004 broken (placeholder until written).

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct Broken;

static DOC: RuleDoc = RuleDoc {
    code: "P004",
    name: "broken",
    family: "props",
    level: Level::Deny,
    summary: "not written yet",
    explanation: "",
};

impl Rule for Broken {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}
