//! D001 door-state (placeholder until written).

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct DoorStateRule;

static DOC: RuleDoc = RuleDoc {
    code: "D001",
    name: "door-state",
    family: "doors",
    level: Level::Deny,
    summary: "not written yet",
    explanation: "",
};

impl Rule for DoorStateRule {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}
