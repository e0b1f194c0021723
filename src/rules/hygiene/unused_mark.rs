//! H002 unused-mark: a mark nothing refers to.

use crate::diagnostic::Diagnostic;
use crate::model::{Action, FacingTarget, PlaceRef, PropPlace};
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct UnusedMark;

static DOC: RuleDoc = RuleDoc {
    code: "H002",
    name: "unused-mark",
    family: "hygiene",
    level: Level::Warn,
    summary: "a mark nobody starts on, moves to, faces or puts a prop on",
    explanation: "### What it checks\nThat every mark is used: someone starts on it, a move or \
camera move goes to it, someone faces it at the start, a prop starts on it, or a prop is put or \
thrown onto it.\n\n\
### Why it matters\nEvery mark becomes tape on the studio floor. Unused tape confuses actors and \
operators at rehearsal, and an unused mark often means a move names the wrong one (a typo that \
still names *a* mark).\n\n\
### Example\n```ron\nmarks: {\n    \"kettle\": (room: \"kitchen\", at: (1.0, 1.5)),\n\
\x20   \"kettle-old\": (room: \"kitchen\", at: (1.2, 1.5)),   // left over from an earlier plan\n},\n```\n\n\
### Fix\nRemove the mark, or check whether a move meant to go to it names another mark.",
};

impl Rule for UnusedMark {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let scene = cx.scene;
        let mut used = vec![false; scene.marks.len()];
        for person in &scene.people {
            used[person.starts_at.index()] = true;
            if let Some(FacingTarget::Mark(m)) = person.facing {
                used[m.index()] = true;
            }
        }
        for prop in &scene.props {
            if let PropPlace::OnMark(m) = prop.starts {
                used[m.index()] = true;
            }
        }
        for event in &scene.events {
            if let Some(m) = event.action.travel() {
                used[m.to.index()] = true;
            }
            if let Action::Put {
                on: PlaceRef::Mark(m),
                ..
            }
            | Action::Throw {
                to: PlaceRef::Mark(m),
                ..
            } = event.action
            {
                used[m.index()] = true;
            }
        }
        for (i, mark) in scene.marks.iter().enumerate() {
            if used[i] {
                continue;
            }
            out.push(
                DOC.diagnostic(format!("mark `{}` is never used", mark.id))
                    .at(cx.spans.key_span(&mark.path), "nobody starts on, goes to or faces this mark, and no prop is set on it")
                    .note("every mark becomes tape on the floor; an unused one confuses rehearsal, and often means a move names the wrong mark")
                    .help(format!(
                        "remove `{}` from `marks`, or check that the move meant to end here names it",
                        mark.id
                    )),
            );
        }
    }
}
