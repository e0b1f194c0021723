//! P003 out-of-reach (placeholder until written).

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct OutOfReach;

static DOC: RuleDoc = RuleDoc {
    code: "P003",
    name: "out-of-reach",
    family: "props",
    level: Level::Deny,
    summary: "not written yet",
    explanation: "",
};

impl Rule for OutOfReach {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}
