//! T003 duplicate-cue (placeholder until written).

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct DuplicateCue;

static DOC: RuleDoc = RuleDoc {
    code: "T003",
    name: "duplicate-cue",
    family: "timeline",
    level: Level::Deny,
    summary: "not written yet",
    explanation: "",
};

impl Rule for DuplicateCue {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}
