//! `oner rules` and `oner explain`.

use super::{EXIT_OK, console};
use crate::load::codes::STRUCTURE_CODES;
use crate::rules::{RULES, docs};
use clap::Args;
use serde::Serialize;

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  oner rules\n  oner rules --markdown > docs/rules.md\n  oner explain M002"
)]
pub struct RulesArgs {
    /// Print docs/rules.md (the full reference) instead of the list.
    #[arg(long, conflicts_with = "json")]
    pub markdown: bool,
    /// Print the list as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  oner explain M002\n  oner explain closed-door\n  oner explain S003"
)]
pub struct ExplainArgs {
    /// A code such as `M002` or `S003`, or a rule name such as `closed-door`.
    pub code: String,
}

#[derive(Serialize)]
struct JsonRule {
    code: &'static str,
    name: &'static str,
    family: &'static str,
    level: String,
    summary: &'static str,
}

pub fn run_rules(args: &RulesArgs) -> u8 {
    console::code(rules(args))
}

fn rules(args: &RulesArgs) -> Result<u8, u8> {
    if args.markdown {
        console::out(&docs::markdown())?;
        return Ok(EXIT_OK);
    }
    let mut rows: Vec<JsonRule> = STRUCTURE_CODES
        .iter()
        .map(|c| JsonRule {
            code: c.code,
            name: c.name,
            family: "structure",
            level: "deny".into(),
            summary: c.summary,
        })
        .collect();
    rows.extend(RULES.iter().map(|r| {
        let d = r.doc();
        JsonRule {
            code: d.code,
            name: d.name,
            family: d.family,
            level: d.level.to_string(),
            summary: d.summary,
        }
    }));
    if args.json {
        console::out_line(&serde_json::to_string_pretty(&rows).unwrap_or_default())?;
        return Ok(EXIT_OK);
    }
    let name_width = rows.iter().map(|r| r.name.len()).max().unwrap_or(0);
    let mut family = "";
    let mut text = String::new();
    for row in &rows {
        if row.family != family {
            family = row.family;
            text.push_str(&format!(
                "{}{family}\n",
                if family == "structure" { "" } else { "\n" }
            ));
        }
        text.push_str(&format!(
            "  {}  {:<name_width$}  {:<5}  {}\n",
            row.code, row.name, row.level, row.summary
        ));
    }
    text.push_str("\n`oner explain CODE` prints the long form of any code.\n");
    console::out(&text)?;
    Ok(EXIT_OK)
}

pub fn run_explain(args: &ExplainArgs) -> u8 {
    match docs::explain(args.code.trim()) {
        Some(text) => console::code(console::out(&text).map(|()| EXIT_OK)),
        None => {
            let mut names = crate::rules::all_names();
            names.extend(
                STRUCTURE_CODES
                    .iter()
                    .flat_map(|c| [c.code.to_string(), c.name.to_string()]),
            );
            let hint = crate::load::closest_name(&args.code, names.iter().map(String::as_str))
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            console::usage_error(&format!(
                "no rule or code `{}`{hint} (`oner rules` lists them)",
                crate::escape::terminal_short(&args.code, 80)
            ))
        }
    }
}
