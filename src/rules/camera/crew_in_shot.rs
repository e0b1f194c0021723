//! K003 crew-in-shot (placeholder until written).

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct CrewInShot;

static DOC: RuleDoc = RuleDoc {
    code: "K003",
    name: "crew-in-shot",
    family: "camera",
    level: Level::Deny,
    summary: "not written yet",
    explanation: "",
};

impl Rule for CrewInShot {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}
