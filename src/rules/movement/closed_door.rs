//! M002 closed-door (placeholder until written).

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct ClosedDoor;

static DOC: RuleDoc = RuleDoc {
    code: "M002",
    name: "closed-door",
    family: "movement",
    level: Level::Deny,
    summary: "not written yet",
    explanation: "",
};

impl Rule for ClosedDoor {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}
