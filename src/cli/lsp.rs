//! `oner lsp`: the language server, over stdin and stdout.

use clap::Args;

#[derive(Debug, Args)]
pub struct LspArgs {
    /// Accepted for editors that pass it (VS Code's language client does); stdio is the
    /// only transport.
    #[arg(long)]
    pub stdio: bool,
}

pub fn run(_args: &LspArgs) -> u8 {
    crate::lsp::run_stdio()
}
