//! The stdio framing (`Content-Length: N` headers, then N bytes of JSON), read with limits.
//! lsp-server's own stdio reader stops at the first malformed message and allocates
//! whatever length a header claims; an editor's bug or garbage on stdin must cost one
//! skipped message, never the server or its memory.

use lsp_server::{Connection, Message};
use std::io::{self, BufRead, Read, Write};

/// The longest message read: a scene file at its size limit, JSON-escaped, with room to spare.
pub const MAX_MESSAGE_BYTES: usize = 4 * crate::load::limits::MAX_FILE_BYTES as usize;

/// What reading one frame gave.
#[derive(Debug)]
pub enum Frame {
    Message(Message),
    /// A frame that is not a JSON-RPC message, with why; skipped.
    Malformed(String),
    End,
}

/// Reads one frame. Only an I/O error on the stream itself is an `Err`.
pub fn read_frame(input: &mut impl BufRead) -> io::Result<Frame> {
    let mut length: Option<usize> = None;
    let mut bad_header = None;
    let mut saw_header = false;
    loop {
        let mut line = Vec::new();
        let n = input.take(64 * 1024).read_until(b'\n', &mut line)?;
        if n == 0 {
            return Ok(if saw_header {
                Frame::Malformed("the input ended inside a header".into())
            } else {
                Frame::End
            });
        }
        let line = String::from_utf8_lossy(&line);
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            if saw_header {
                break;
            }
            continue;
        }
        saw_header = true;
        match line.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(n) => length = Some(n),
                    Err(_) => bad_header = Some(format!("bad Content-Length {:?}", value.trim())),
                }
            }
            Some(_) => {}
            None => bad_header = Some("a header line without `:`".into()),
        }
    }
    let Some(length) = length else {
        return Ok(Frame::Malformed(
            bad_header.unwrap_or_else(|| "no Content-Length header".into()),
        ));
    };
    if length > MAX_MESSAGE_BYTES {
        io::copy(&mut input.take(length as u64), &mut io::sink())?;
        return Ok(Frame::Malformed(format!(
            "a message of {length} bytes (at most {MAX_MESSAGE_BYTES} are read)"
        )));
    }
    let mut body = vec![0; length];
    input.read_exact(&mut body)?;
    Ok(match serde_json::from_slice::<Message>(&body) {
        Ok(message) => Frame::Message(message),
        Err(e) => Frame::Malformed(format!("not a JSON-RPC message: {e}")),
    })
}

/// Writes one message in its frame.
pub fn write_frame(output: &mut impl Write, message: &Message) -> io::Result<()> {
    message.write(output)
}

/// A connection over stdin and stdout, with a reader and a writer thread; the threads end
/// when stdin ends or the returned connection is dropped.
pub fn stdio() -> io::Result<(Connection, std::thread::JoinHandle<()>)> {
    let (server, client) = Connection::memory();
    let Connection {
        sender: to_server,
        receiver: from_server,
    } = client;
    std::thread::Builder::new()
        .name("oner-lsp-read".into())
        .spawn(move || {
            let stdin = io::stdin();
            let mut input = stdin.lock();
            loop {
                match read_frame(&mut input) {
                    Ok(Frame::Message(message)) => {
                        if to_server.send(message).is_err() {
                            return;
                        }
                    }
                    Ok(Frame::Malformed(why)) => {
                        let _ = writeln!(io::stderr(), "oner lsp: skipped a message: {why}");
                    }
                    Ok(Frame::End) | Err(_) => return,
                }
            }
        })?;
    let writer = std::thread::Builder::new()
        .name("oner-lsp-write".into())
        .spawn(move || {
            let stdout = io::stdout();
            let mut output = stdout.lock();
            for message in from_server {
                if write_frame(&mut output, &message).is_err() {
                    return;
                }
            }
        })?;
    Ok((server, writer))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &[u8]) -> Vec<String> {
        let mut reader = io::BufReader::new(input);
        let mut out = Vec::new();
        loop {
            match read_frame(&mut reader) {
                Ok(Frame::Message(m)) => {
                    out.push(format!("message {:?}", matches!(m, Message::Request(_))))
                }
                Ok(Frame::Malformed(why)) => out.push(format!("malformed: {why}")),
                Ok(Frame::End) => return out,
                Err(e) => {
                    out.push(format!("error: {e}"));
                    return out;
                }
            }
        }
    }

    #[test]
    fn good_messages_pass_and_garbage_is_skipped() {
        let good = r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#;
        let input = format!(
            "Content-Length: {}\r\n\r\n{good}Content-Length: 4\r\n\r\n{{{{{{{{Content-Length: 99999999999999\r\n\r\nxx",
            good.len()
        );
        let got = frames(input.as_bytes());
        assert_eq!(got[0], "message true");
        assert!(
            got[1].starts_with("malformed: not a JSON-RPC message"),
            "{got:?}"
        );
        assert!(got[2].starts_with("malformed: a message of"), "{got:?}");
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn headers_without_length_or_truncated_bodies_never_panic() {
        for input in [
            &b"garbage\r\n\r\n"[..],
            b"Content-Length: abc\r\n\r\n{}",
            b"Content-Length: 10\r\n\r\n{}",
            b"Content-Length: 2\r\n",
            b"\xff\xfe\r\n\r\n",
            b"",
        ] {
            let _ = frames(input);
        }
    }
}
