//! K002 line-off-camera (placeholder until written).

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct LineOffCamera;

static DOC: RuleDoc = RuleDoc {
    code: "K002",
    name: "line-off-camera",
    family: "camera",
    level: Level::Deny,
    summary: "not written yet",
    explanation: "",
};

impl Rule for LineOffCamera {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}
