//! K004 wild-wall (placeholder until written).

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct WildWall;

static DOC: RuleDoc = RuleDoc {
    code: "K004",
    name: "wild-wall",
    family: "camera",
    level: Level::Deny,
    summary: "not written yet",
    explanation: "",
};

impl Rule for WildWall {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}
