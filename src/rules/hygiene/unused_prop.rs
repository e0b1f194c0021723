//! H003 unused-prop: a prop no event touches.

use crate::diagnostic::Diagnostic;
use crate::model::Action;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct UnusedProp;

static DOC: RuleDoc = RuleDoc {
    code: "H003",
    name: "unused-prop",
    family: "hygiene",
    level: Level::Warn,
    summary: "a prop no event takes, puts, gives, throws or breaks",
    explanation: "### What it checks\nThat every prop in `props` is handled by at least one \
event: `Take`, `Put`, `Give`, `Throw` or `Break`.\n\n\
### Why it matters\nThe props list is the props department's tracking sheet: each entry is \
something to source, set and reset between takes. One that nothing in the timeline touches is \
set dressing at most, or business that was cut (or a typo'd event that names another prop).\n\n\
### Example\n```ron\nprops: {\n    \"mug\": (name: \"Coffee mug\", starts: On(\"counter\")),\n\
\x20   \"newspaper\": (name: \"Newspaper\", starts: On(\"sofa\")),   // nobody picks it up\n},\n```\n\n\
### Fix\nRemove the prop (set dressing does not need an entry), or add the business that uses it.",
};

impl Rule for UnusedProp {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let mut used = vec![false; cx.scene.props.len()];
        for event in &cx.scene.events {
            match event.action {
                Action::Take { prop, .. }
                | Action::Put { prop, .. }
                | Action::Give { prop, .. }
                | Action::Throw { prop, .. }
                | Action::Break { prop, .. } => used[prop.index()] = true,
                _ => {}
            }
        }
        for (i, prop) in cx.scene.props.iter().enumerate() {
            if used[i] {
                continue;
            }
            out.push(
                DOC.diagnostic(format!("prop `{}` is never used", prop.id))
                    .at(cx.spans.key_span(&prop.path), "no event handles this prop")
                    .note("each prop is something props must source, set and reset between takes; one nothing touches is dressing at most")
                    .help(format!(
                        "remove `{}` from `props` (set dressing needs no entry), or add the business that uses it, e.g. `Take(who: …, prop: \"{}\")`",
                        prop.id, prop.id
                    )),
            );
        }
    }
}
