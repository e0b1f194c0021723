//! H003 unused-prop (placeholder until written).

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct UnusedProp;

static DOC: RuleDoc = RuleDoc {
    code: "H003",
    name: "unused-prop",
    family: "hygiene",
    level: Level::Warn,
    summary: "not written yet",
    explanation: "",
};

impl Rule for UnusedProp {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}
