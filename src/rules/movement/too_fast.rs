//! M005 too-fast (placeholder until written).

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct TooFast;

static DOC: RuleDoc = RuleDoc {
    code: "M005",
    name: "too-fast",
    family: "movement",
    level: Level::Deny,
    summary: "not written yet",
    explanation: "",
};

impl Rule for TooFast {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}
