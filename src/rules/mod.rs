//! The continuity rules: a registry of documented checks over a scene and its simulation.

use std::fmt;

/// How a rule's findings are reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Not reported.
    Allow,
    /// Reported as a warning (exit code 0).
    Warn,
    /// Reported as an error (exit code 1).
    Deny,
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Level::Allow => "allow",
            Level::Warn => "warn",
            Level::Deny => "deny",
        })
    }
}

/// The documentation every rule carries.
#[derive(Debug, Clone, Copy)]
pub struct RuleDoc {
    pub code: &'static str,
    pub name: &'static str,
    pub level: Level,
    pub summary: &'static str,
    pub explanation: &'static str,
}

/// All rules, in code order.
pub static RULES: &[RuleDoc] = &[];

/// A rule by code (`C001`) or name (`teleport`), case-insensitive.
pub fn find(name: &str) -> Option<&'static RuleDoc> {
    RULES
        .iter()
        .find(|r| r.code.eq_ignore_ascii_case(name) || r.name.eq_ignore_ascii_case(name))
}

/// Every code and name, for "did you mean".
pub fn all_names() -> Vec<String> {
    RULES
        .iter()
        .flat_map(|r| [r.code.to_string(), r.name.to_string()])
        .collect()
}
