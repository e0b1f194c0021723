//! Running the rules on every core: each worker takes the next rule not yet taken, the
//! heaviest first, and the findings go back in the order the rules were given, so the output
//! does not depend on which core finished first.

use super::{Context, Rule};
use crate::diagnostic::Diagnostic;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The rules that take most of a check at scale, slowest first (`examples/profile_check` on
/// the synthetic Russian-Ark scene): collisions, the camera sweep (K001 asks for it first,
/// the other K rules then read it), the pinches of M008 and M009, through-wall. Starting them
/// first keeps one core from being left with a long rule at the end.
const SLOWEST_FIRST: &[&str] = &["M007", "K001", "M008", "M003"];

/// The findings of each rule of `rules`, in the same order, the rules shared out among the
/// cores the machine has.
pub fn run_all(cx: &Context, rules: &[&dyn Rule]) -> Vec<Vec<Diagnostic>> {
    let mut queue: Vec<usize> = Vec::with_capacity(rules.len());
    for code in SLOWEST_FIRST {
        queue.extend((0..rules.len()).filter(|&i| rules[i].doc().code == *code));
    }
    let rest: Vec<usize> = (0..rules.len()).filter(|i| !queue.contains(i)).collect();
    queue.extend(rest);
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(queue.len());
    let next = AtomicUsize::new(0);
    let found: Mutex<Vec<Vec<Diagnostic>>> = Mutex::new(vec![Vec::new(); rules.len()]);
    let work = || {
        loop {
            let Some(&i) = queue.get(next.fetch_add(1, Ordering::Relaxed)) else {
                return;
            };
            let mut out = Vec::new();
            rules[i].check(cx, &mut out);
            if let Ok(mut found) = found.lock() {
                found[i] = out;
            }
        }
    };
    if workers <= 1 {
        work();
    } else {
        std::thread::scope(|scope| {
            for _ in 1..workers {
                scope.spawn(work);
            }
            work();
        });
    }
    found
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}
