//! T004 standby (placeholder until written).

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct Standby;

static DOC: RuleDoc = RuleDoc {
    code: "T004",
    name: "standby",
    family: "timeline",
    level: Level::Deny,
    summary: "not written yet",
    explanation: "",
};

impl Rule for Standby {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}
