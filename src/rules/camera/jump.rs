//! K001 jump (placeholder until written).

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct Jump;

static DOC: RuleDoc = RuleDoc {
    code: "K001",
    name: "jump",
    family: "camera",
    level: Level::Deny,
    summary: "not written yet",
    explanation: "",
};

impl Rule for Jump {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}
