//! `oner man`: the manual pages in roff, from the same clap definitions as `--help`.

use super::{Cli, EXIT_OK, console};
use clap::{Args, CommandFactory};
use std::path::PathBuf;

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  oner man | man -l -\n  oner man check | man -l -\n  oner man --dir ~/.local/share/man/man1     (oner.1 and oner-COMMAND.1 for every command)"
)]
pub struct ManArgs {
    /// A command's page (`oner-check(1)`) instead of oner's own.
    #[arg(value_name = "COMMAND", conflicts_with = "dir")]
    pub command: Option<String>,
    /// Write every page (oner.1, oner-check.1, ...) into this folder instead of printing one.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

pub fn run(args: &ManArgs) -> u8 {
    let mut command = Cli::command();
    // Building fills in each subcommand's full name (`oner-check`) for its page's title.
    command.build();
    if let Some(dir) = &args.dir {
        return write_all(&command, dir);
    }
    let page = match &args.command {
        None => command,
        Some(name) => match command.find_subcommand(name) {
            Some(sub) => sub.clone(),
            None => {
                let names: Vec<&str> = pages(&command).skip(1).map(|(n, _)| n).collect();
                return console::usage_error(&format!(
                    "no command `{}`; the commands are: {}",
                    crate::escape::terminal_short(name, 40),
                    names.join(", ")
                ));
            }
        },
    };
    match render(page) {
        Ok(roff) => console::code(console::out_bytes(&roff).map(|()| EXIT_OK)),
        Err(message) => console::usage_error(&message),
    }
}

/// oner's own page, then one per command (not clap's `help`), each with its page name.
fn pages(command: &clap::Command) -> impl Iterator<Item = (&str, &clap::Command)> {
    std::iter::once(("oner", command)).chain(
        command
            .get_subcommands()
            .filter(|c| c.get_name() != "help")
            .map(|c| (c.get_name(), c)),
    )
}

fn render(page: clap::Command) -> Result<Vec<u8>, String> {
    let mut roff = Vec::new();
    // Every page's footer names oner and its version (a subcommand has no version of its own).
    clap_mangen::Man::new(page)
        .source(format!("oner {}", env!("CARGO_PKG_VERSION")))
        .render(&mut roff)
        .map_err(|e| format!("cannot render the manual page: {e}"))?;
    Ok(roff)
}

fn write_all(command: &clap::Command, dir: &std::path::Path) -> u8 {
    let mut written = Vec::new();
    for (name, page) in pages(command) {
        let file = if name == "oner" {
            "oner.1".to_string()
        } else {
            format!("oner-{name}.1")
        };
        let path = dir.join(&file);
        let roff = match render(page.clone()) {
            Ok(roff) => roff,
            Err(message) => return console::usage_error(&message),
        };
        if let Err(message) = crate::output::write_atomic(&path, &roff) {
            return console::usage_error(&message);
        }
        written.push(file);
    }
    let shown = crate::escape::terminal(&dir.display().to_string()).into_owned();
    console::code(
        console::err_line(&format!("wrote {} pages into {shown}", written.len())).map(|()| EXIT_OK),
    )
}
