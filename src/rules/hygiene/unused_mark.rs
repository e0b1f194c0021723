//! H002 unused-mark (placeholder until written).

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct UnusedMark;

static DOC: RuleDoc = RuleDoc {
    code: "H002",
    name: "unused-mark",
    family: "hygiene",
    level: Level::Warn,
    summary: "not written yet",
    explanation: "",
};

impl Rule for UnusedMark {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}
