//! Standard output and standard error, written whole and checked: what a failed write means.
//!
//! Every write of the command line goes through here, never through `println!`/`eprintln!`
//! (which panic when the stream fails). A closed pipe (`oner build … | head -1`) is the
//! reader saying "enough": the command stops quietly with exit 0, as `grep` and `rg` do. Any
//! other failure (a full disk behind a redirect) stops it with exit 2 and says so on stderr
//! when stderr can still take a line. The error value is the exit code to stop with, like
//! the rest of `cli` (`Result<_, u8>`).

use super::{EXIT_OK, EXIT_USAGE};
use std::io::{ErrorKind, Write};

/// What a failed write to `stream` (`standard output` or `standard error`) ends in.
pub(super) fn failed(stream: &str, error: &std::io::Error) -> u8 {
    if error.kind() == ErrorKind::BrokenPipe {
        return EXIT_OK;
    }
    // Best effort: when stderr itself is what failed, this fails too, and the code says it.
    let _ = writeln!(
        std::io::stderr().lock(),
        "error: cannot write to {stream}: {error}"
    );
    EXIT_USAGE
}

/// Writes `bytes` to stdout and flushes them.
pub fn out_bytes(bytes: &[u8]) -> Result<(), u8> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|e| failed("standard output", &e))
}

/// Writes `text` to stdout as it is (it carries its own newlines).
pub fn out(text: &str) -> Result<(), u8> {
    out_bytes(text.as_bytes())
}

/// Writes one line to stdout.
pub fn out_line(text: &str) -> Result<(), u8> {
    out_bytes(format!("{text}\n").as_bytes())
}

/// Writes `bytes` to stderr in one call (stderr is unbuffered: many small writes would each
/// be a system call).
pub fn err_bytes(bytes: &[u8]) -> Result<(), u8> {
    let mut err = std::io::stderr().lock();
    err.write_all(bytes)
        .and_then(|()| err.flush())
        .map_err(|e| failed("standard error", &e))
}

/// Writes one line to stderr.
pub fn err_line(text: &str) -> Result<(), u8> {
    err_bytes(format!("{text}\n").as_bytes())
}

/// Says `error: {message}` on stderr and gives the exit code for "cannot run" (2), or the
/// code a failing stderr ends in.
pub fn usage_error(message: &str) -> u8 {
    match err_line(&format!("error: {message}")) {
        Ok(()) => EXIT_USAGE,
        Err(code) => code,
    }
}

/// A command's outcome either way: the code it finished with or the code it stopped with.
pub fn code(outcome: Result<u8, u8>) -> u8 {
    match outcome {
        Ok(code) | Err(code) => code,
    }
}
