//! D002 door-reach (placeholder until written).

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct DoorReach;

static DOC: RuleDoc = RuleDoc {
    code: "D002",
    name: "door-reach",
    family: "doors",
    level: Level::Deny,
    summary: "not written yet",
    explanation: "",
};

impl Rule for DoorReach {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}
