//! `oner completions SHELL`: the shell's completion script for every command and option,
//! generated from the same clap definitions the parser uses, so it cannot drift.

use super::{Cli, EXIT_OK, console};
use clap::{Args, CommandFactory};
use clap_complete::Shell;

#[derive(Debug, Args)]
#[command(
    after_help = "Install (see the README):\n  bash:  oner completions bash > ~/.local/share/bash-completion/completions/oner\n  zsh:   oner completions zsh > ~/.zfunc/_oner   (with fpath+=(~/.zfunc) before compinit)\n  fish:  oner completions fish > ~/.config/fish/completions/oner.fish\n  PowerShell:  oner completions powershell >> $PROFILE\nOr for this shell only:  source <(oner completions bash)"
)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: Shell,
}

pub fn run(args: &CompletionsArgs) -> u8 {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "oner", &mut script);
    console::code(console::out_bytes(&script).map(|()| EXIT_OK))
}
