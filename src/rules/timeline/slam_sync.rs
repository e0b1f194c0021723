//! T005 slam-sync (placeholder until written).

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct SlamSync;

static DOC: RuleDoc = RuleDoc {
    code: "T005",
    name: "slam-sync",
    family: "timeline",
    level: Level::Deny,
    summary: "not written yet",
    explanation: "",
};

impl Rule for SlamSync {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}
