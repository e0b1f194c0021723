//! E001 out-of-earshot (placeholder until written).

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct OutOfEarshot;

static DOC: RuleDoc = RuleDoc {
    code: "E001",
    name: "out-of-earshot",
    family: "presence",
    level: Level::Deny,
    summary: "not written yet",
    explanation: "",
};

impl Rule for OutOfEarshot {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}
