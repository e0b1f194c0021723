//! D003 rig-width (placeholder until written).

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct RigWidth;

static DOC: RuleDoc = RuleDoc {
    code: "D003",
    name: "rig-width",
    family: "doors",
    level: Level::Deny,
    summary: "not written yet",
    explanation: "",
};

impl Rule for RigWidth {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}
