//! `oner lsp`: a Language Server Protocol server over stdio for scene files.
//!
//! Diagnostics come from the one checker (`check::check_source`) on the unsaved text, on a
//! thread of their own, debounced; everything else answers from the document's raw parse
//! (`ids.rs`: every id, defined and used, with its span) and, where the take's state is
//! needed (hover on a moment, inlay hints), from the simulation of a valid scene.
//! Positions are converted between oner's byte spans and LSP's UTF-16 columns in
//! `position.rs`. Built on lsp-server and lsp-types (ARCHITECTURE.md says why).

pub mod actions;
pub mod completion;
pub mod context;
pub mod definition;
pub mod diagnostics;
pub mod document;
pub mod field_docs;
pub mod hints;
pub mod hover;
pub mod ids;
pub mod position;
pub mod server;
pub mod symbols;
pub mod transport;

/// Runs the server on stdin and stdout until the client says `exit`; the exit code.
pub fn run_stdio() -> u8 {
    let (connection, writer) = match transport::stdio() {
        Ok(pair) => pair,
        Err(e) => {
            eprintln!("oner lsp: cannot start: {e}");
            return 2;
        }
    };
    let code = server::serve(&connection);
    // Dropping the connection ends the writer once it has written everything queued.
    drop(connection);
    let _ = writer.join();
    code
}
