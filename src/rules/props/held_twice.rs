//! P005 held-twice (placeholder until written).

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct HeldTwice;

static DOC: RuleDoc = RuleDoc {
    code: "P005",
    name: "held-twice",
    family: "props",
    level: Level::Deny,
    summary: "not written yet",
    explanation: "",
};

impl Rule for HeldTwice {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}
