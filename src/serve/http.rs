//! HTTP/1.1 over `std::net`, by hand, for the four kinds of GET `oner serve` answers.
//!
//! Only fixed routes exist ([`Route`]): `/` (the page), `/diagnostics.json`, `/events` (a
//! server-sent event stream) and `/plans/<name>` for the names of the current build's plans,
//! looked up in memory. No request ever reaches the file system, so there is no path to
//! traverse and no folder to list. Every response closes its connection (no keep-alive to
//! get wrong), request heads are capped at [`MAX_HEAD`] bytes and [`READ_TIMEOUT`], and at
//! most [`MAX_CONNECTIONS`] are served at once. Bound to a loopback address, the server
//! answers only requests whose `Host` is a loopback name, so a web page elsewhere cannot
//! read the scene through DNS rebinding.

use super::state::Snapshot;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

/// The largest request head read (request line and headers), bytes.
pub const MAX_HEAD: usize = 8 * 1024;
/// How long a client may take to send its request head.
pub const READ_TIMEOUT: Duration = Duration::from_secs(5);
/// How long a write may stall before the client is dropped.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// Connections served at once (each event stream holds one).
pub const MAX_CONNECTIONS: usize = 64;
/// How often an idle event stream sends a comment, to find clients that went away.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// What every connection reads: the current build and the event streams to tell of the next.
pub struct Shared {
    snapshot: Mutex<Arc<Snapshot>>,
    streams: Mutex<Vec<Sender<String>>>,
    /// Bound to a loopback address: only loopback `Host` names are answered.
    loopback_only: bool,
    open: AtomicUsize,
}

/// A mutex whose holder panicked still holds good data here (a whole value is swapped in).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Shared {
    pub fn new(snapshot: Snapshot, loopback_only: bool) -> Shared {
        Shared {
            snapshot: Mutex::new(Arc::new(snapshot)),
            streams: Mutex::new(Vec::new()),
            loopback_only,
            open: AtomicUsize::new(0),
        }
    }

    /// Serves `snapshot` from now on and tells every event stream its version.
    pub fn publish(&self, snapshot: Snapshot) {
        let version = snapshot.version.clone();
        *lock(&self.snapshot) = Arc::new(snapshot);
        lock(&self.streams).retain(|stream| stream.send(version.clone()).is_ok());
    }

    fn current(&self) -> Arc<Snapshot> {
        Arc::clone(&lock(&self.snapshot))
    }

    /// A new event stream: subscribed before it reads the version, so no save falls
    /// between the two unseen.
    fn subscribe(&self) -> (Receiver<String>, String) {
        let (sender, receiver) = channel();
        lock(&self.streams).push(sender);
        (receiver, self.current().version.clone())
    }
}

/// Accepts connections on `listener` on a thread of its own, each served on its own thread.
pub fn spawn(listener: TcpListener, shared: Arc<Shared>) {
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            if shared.open.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
                shared.open.fetch_sub(1, Ordering::SeqCst);
                let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
                let _ = respond(
                    &mut stream,
                    503,
                    "text/plain; charset=utf-8",
                    b"busy\n",
                    true,
                );
                continue;
            }
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || {
                // A client that hangs up mid-answer is its own business.
                let _ = serve(&mut stream, &shared);
                shared.open.fetch_sub(1, Ordering::SeqCst);
            });
        }
    });
}

/// A request as far as routing needs it.
#[derive(Debug, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    /// The path, without the query.
    pub path: String,
    pub host: Option<String>,
}

/// What a path names.
#[derive(Debug, PartialEq, Eq)]
pub enum Route {
    Page,
    Diagnostics,
    Events,
    Plan(String),
    NotFound,
}

pub fn route(path: &str) -> Route {
    match path {
        "/" | "/index.html" => Route::Page,
        "/diagnostics.json" => Route::Diagnostics,
        "/events" => Route::Events,
        _ => match path.strip_prefix("/plans/") {
            Some(name) if !name.is_empty() => Route::Plan(name.to_string()),
            _ => Route::NotFound,
        },
    }
}

/// Reads and parses a request head; `None` for anything malformed, too long or too slow.
fn read_request(stream: &mut TcpStream) -> Option<Request> {
    stream.set_read_timeout(Some(READ_TIMEOUT)).ok()?;
    let mut head = Vec::with_capacity(1024);
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        if head.len() > MAX_HEAD {
            return None;
        }
        let n = stream.read(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        head.extend_from_slice(&buf[..n]);
    }
    parse_head(&head)
}

/// Parses `GET /path?query HTTP/1.1` and the `Host` header.
pub fn parse_head(head: &[u8]) -> Option<Request> {
    let text = std::str::from_utf8(head).ok()?;
    let mut lines = text.split("\r\n");
    let mut parts = lines.next()?.split(' ');
    let (method, target, version) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || !version.starts_with("HTTP/1.") || !target.starts_with('/') {
        return None;
    }
    let path = target
        .split(['?', '#'])
        .next()
        .unwrap_or(target)
        .to_string();
    let host = lines
        .filter_map(|line| line.split_once(':'))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("host"))
        .map(|(_, value)| value.trim().to_string());
    Some(Request {
        method: method.to_string(),
        path,
        host,
    })
}

/// Whether `host` (a `Host` header: name or address, maybe a port) names this machine's
/// loopback interface.
pub fn is_loopback_host(host: &str) -> bool {
    let name = if let Some(rest) = host.strip_prefix('[') {
        rest.split(']').next().unwrap_or("")
    } else {
        host.rsplit_once(':').map_or(host, |(name, _)| name)
    };
    let name = name.to_ascii_lowercase();
    name == "localhost"
        || name.ends_with(".localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

fn serve(stream: &mut TcpStream, shared: &Shared) -> std::io::Result<()> {
    stream.set_write_timeout(Some(WRITE_TIMEOUT))?;
    let text = "text/plain; charset=utf-8";
    let Some(request) = read_request(stream) else {
        return respond(stream, 400, text, b"bad request\n", true);
    };
    let head_only = request.method == "HEAD";
    if request.method != "GET" && !head_only {
        return respond(stream, 405, text, b"only GET and HEAD\n", head_only);
    }
    if shared.loopback_only && !request.host.as_deref().is_some_and(is_loopback_host) {
        return respond(
            stream,
            403,
            text,
            b"this server answers localhost only\n",
            head_only,
        );
    }
    let snapshot = shared.current();
    match route(&request.path) {
        Route::Page => respond(
            stream,
            200,
            "text/html; charset=utf-8",
            &snapshot.page,
            head_only,
        ),
        Route::Diagnostics => respond(
            stream,
            200,
            "application/json",
            &snapshot.diagnostics,
            head_only,
        ),
        Route::Plan(name) => match snapshot.plans.get(&name) {
            Some(svg) => respond(stream, 200, "image/svg+xml", svg, head_only),
            None => respond(stream, 404, text, b"not found\n", head_only),
        },
        Route::Events if head_only => respond(stream, 200, "text/event-stream", b"", true),
        Route::Events => {
            drop(snapshot);
            events(stream, shared)
        }
        Route::NotFound => respond(stream, 404, text, b"not found\n", head_only),
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Service Unavailable",
    }
}

/// Writes a whole response and closes.
fn respond(
    stream: &mut TcpStream,
    status: u16,
    content_type: &str,
    body: &[u8],
    head_only: bool,
) -> std::io::Result<()> {
    let mut out = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n\
         Referrer-Policy: no-referrer\r\nConnection: close\r\n",
        reason(status),
        body.len()
    )
    .into_bytes();
    if status == 405 {
        out.extend_from_slice(b"Allow: GET, HEAD\r\n");
    }
    out.extend_from_slice(b"\r\n");
    if !head_only {
        out.extend_from_slice(body);
    }
    stream.write_all(&out)?;
    stream.flush()
}

/// `/events`: `hello` with the current version at once, `reload` with each new one, a
/// comment now and then to notice a client that left.
fn events(stream: &mut TcpStream, shared: &Shared) -> std::io::Result<()> {
    let (saves, version) = shared.subscribe();
    stream.write_all(
        format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\
             X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n\
             retry: 500\n\nevent: hello\ndata: {version}\n\n"
        )
        .as_bytes(),
    )?;
    stream.flush()?;
    loop {
        let message = match saves.recv_timeout(KEEP_ALIVE) {
            Ok(version) => format!("event: reload\ndata: {version}\n\n"),
            Err(RecvTimeoutError::Timeout) => ": still here\n\n".to_string(),
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        };
        stream.write_all(message.as_bytes())?;
        stream.flush()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_fixed_routes_exist() {
        assert_eq!(route("/"), Route::Page);
        assert_eq!(route("/events"), Route::Events);
        assert_eq!(route("/plans/plan.svg"), Route::Plan("plan.svg".into()));
        for path in [
            "/plans/",
            "/plans",
            "/../etc/passwd",
            "/scene.ron",
            "/diagnostics.json/",
        ] {
            assert_eq!(route(path), Route::NotFound, "{path}");
        }
    }

    #[test]
    fn request_heads_parse_strictly() {
        let r = parse_head(b"GET /plans/plan.svg?x=1 HTTP/1.1\r\nhost: 127.0.0.1:8\r\n\r\n");
        assert_eq!(
            r,
            Some(Request {
                method: "GET".into(),
                path: "/plans/plan.svg".into(),
                host: Some("127.0.0.1:8".into()),
            })
        );
        assert_eq!(parse_head(b"GET http://evil/ HTTP/1.1\r\n\r\n"), None);
        assert_eq!(parse_head(b"GET / HTTP/1.1 extra\r\n\r\n"), None);
        assert_eq!(parse_head(b"\xff\xfe"), None);
    }

    #[test]
    fn only_loopback_hosts_are_local() {
        for host in [
            "localhost:8080",
            "127.0.0.1:1",
            "[::1]:3",
            "LOCALHOST",
            "a.localhost:1",
        ] {
            assert!(is_loopback_host(host), "{host}");
        }
        for host in [
            "evil.example:80",
            "192.168.1.2:80",
            "localhost.evil.example",
            "",
        ] {
            assert!(!is_loopback_host(host), "{host}");
        }
    }
}
