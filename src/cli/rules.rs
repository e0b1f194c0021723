//! `oner rules` and `oner explain`.

use clap::Args;

#[derive(Debug, Args)]
pub struct RulesArgs {}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A code such as `M001` or `S003`, or a rule name.
    pub code: String,
}

pub fn run_rules(_args: &RulesArgs) -> u8 {
    super::EXIT_USAGE
}

pub fn run_explain(_args: &ExplainArgs) -> u8 {
    super::EXIT_USAGE
}
