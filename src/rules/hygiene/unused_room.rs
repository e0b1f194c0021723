//! H001 unused-room (placeholder until written).

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct UnusedRoom;

static DOC: RuleDoc = RuleDoc {
    code: "H001",
    name: "unused-room",
    family: "hygiene",
    level: Level::Warn,
    summary: "not written yet",
    explanation: "",
};

impl Rule for UnusedRoom {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}
