//! T001 out-of-order (placeholder until written).

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct OutOfOrder;

static DOC: RuleDoc = RuleDoc {
    code: "T001",
    name: "out-of-order",
    family: "timeline",
    level: Level::Deny,
    summary: "not written yet",
    explanation: "",
};

impl Rule for OutOfOrder {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}
