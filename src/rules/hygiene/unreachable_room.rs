//! H004 unreachable-room (placeholder until written).

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct UnreachableRoom;

static DOC: RuleDoc = RuleDoc {
    code: "H004",
    name: "unreachable-room",
    family: "hygiene",
    level: Level::Warn,
    summary: "not written yet",
    explanation: "",
};

impl Rule for UnreachableRoom {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}
