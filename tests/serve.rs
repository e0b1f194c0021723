//! `oner watch` and `oner serve`: the served state without a socket, then the real binary
//! over real sockets, following real saves. Every wait has a generous timeout and no test
//! asserts on how long anything took (the end-to-end script measures that, in a browser).

use crate::common::{read, repo};
use oner::serve::state::Site;
use oner::source::SourceFile;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

/// Long enough for a loaded CI machine; only a broken watch ever waits this long.
const PATIENCE: Duration = Duration::from_secs(60);

fn tutorial() -> String {
    read(&repo("scenes/tutorial.ron"))
}

/// The tutorial with Ana's first walk due too soon: M005 (and the whip pan K001) at 0:06.
fn too_fast() -> String {
    let text = tutorial().replacen("arrive: \"0:12\"", "arrive: \"0:07\"", 1);
    assert_ne!(text, tutorial());
    text
}

/// The tutorial with an unknown mark: it no longer loads (S003).
fn unknown_mark(id: &str) -> String {
    let text = tutorial().replacen("to: \"pantry\"", &format!("to: \"{id}\""), 1);
    assert_ne!(text, tutorial());
    text
}

fn json(bytes: &[u8]) -> serde_json::Value {
    serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("{e}"))
}

fn codes(report: &serde_json::Value) -> Vec<String> {
    report["diagnostics"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|d| d["code"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

// ---- The served state, no socket ----

#[test]
fn a_rule_error_is_placed_at_its_time_and_on_the_floor() {
    let mut site = Site::new();
    let clean = site.update(&SourceFile::new("t.ron", tutorial()), None);
    assert_eq!(clean.generation, 1);
    assert!(codes(&json(&clean.diagnostics)).is_empty());
    let snap = site.update(&SourceFile::new("t.ron", too_fast()), None);
    let report = json(&snap.diagnostics);
    assert_eq!(report["generation"], 2);
    assert_eq!(report["stale"], false);
    let m005 = report["diagnostics"]
        .as_array()
        .and_then(|l| l.iter().find(|d| d["code"] == "M005"))
        .unwrap_or_else(|| panic!("no M005 in {report}"));
    assert_eq!(m005["at"], 6.0);
    // Ana at 0:06, where the walk starts: her mark `kettle` at (1, 1.5).
    assert_eq!(m005["point"], serde_json::json!([1.0, 1.5]));
    let page = String::from_utf8_lossy(&snap.page);
    assert!(page.contains("id=\"plan\"") && page.contains("id=\"oner-live\""));
    assert!(page.contains("connect-src 'self'"));
    assert!(snap.plans.contains_key("plan.svg"));
}

#[test]
fn a_rule_that_knows_its_moment_places_the_diagnostic_there() {
    // Ana reaches the closed pantry door at 0:09.0, three seconds into her walk.
    let text = read(&repo("tests/fixtures/rules/M002.ron"));
    let snap = Site::new().update(&SourceFile::new("M002.ron", text), None);
    let report = json(&snap.diagnostics);
    assert_eq!(codes(&report), ["M002"]);
    // 0:09.0 as the message rounds it.
    let at = report["diagnostics"][0]["at"].as_f64().unwrap_or(-1.0);
    assert!((at - 9.0).abs() < 0.05, "{at}");
    assert_eq!(
        report["diagnostics"][0]["point"],
        serde_json::json!([4.0, 0.8])
    );
}

#[test]
fn a_scene_that_stops_loading_keeps_the_last_good_page_and_plans() {
    let mut site = Site::new();
    site.update(&SourceFile::new("t.ron", tutorial()), None);
    let snap = site.update(&SourceFile::new("t.ron", unknown_mark("pantryy")), None);
    let report = json(&snap.diagnostics);
    assert_eq!(codes(&report), ["S003"]);
    assert_eq!(report["stale"], true);
    // The spans are the new text's: no moment from the old scene.
    assert_eq!(report["diagnostics"][0]["point"], serde_json::Value::Null);
    assert!(String::from_utf8_lossy(&snap.page).contains("id=\"plan\""));
    assert!(snap.plans.contains_key("plan.svg"));
}

#[test]
fn a_scene_that_never_loaded_gets_a_page_of_its_errors() {
    let mut site = Site::new();
    let snap = site.update(&SourceFile::new("<i>x</i>.ron", "Scene(".to_string()), None);
    let page = String::from_utf8_lossy(&snap.page);
    assert!(page.contains("oner-bare") && page.contains("id=\"oner-live\""));
    assert!(page.contains("&lt;i&gt;x&lt;/i&gt;.ron") && !page.contains("<i>x"));
    assert_eq!(codes(&json(&snap.diagnostics)), ["S001"]);
    assert!(snap.plans.is_empty());
    let gone = site.unreadable("t.ron", "No such file");
    assert_eq!(json(&gone.diagnostics)["problem"], "No such file");
}

#[test]
fn hostile_text_in_a_diagnostic_cannot_close_the_script_element() {
    let mut site = Site::new();
    site.update(&SourceFile::new("t.ron", tutorial()), None);
    let snap = site.update(
        &SourceFile::new("t.ron", unknown_mark("</script><b id=pwn>")),
        None,
    );
    let page = String::from_utf8_lossy(&snap.page);
    assert!(
        !page.contains("<b id=pwn>"),
        "scene text reached the page raw"
    );
    assert!(page.contains("\\u003c/script\\u003e\\u003cb id=pwn\\u003e"));
    // The JSON endpoint keeps the text exactly.
    assert!(String::from_utf8_lossy(&snap.diagnostics).contains("</script><b id=pwn>"));
}

// ---- The binary ----

/// A running `oner` that is stopped with Ctrl-C (SIGINT) when dropped, if not before.
struct Running {
    child: Child,
}

impl Running {
    fn start(args: &[&str]) -> Running {
        let child = Command::new(assert_cmd::cargo::cargo_bin("oner"))
            .args(args)
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("{e}"));
        Running { child }
    }

    /// Sends Ctrl-C and gives the exit code.
    fn interrupt(mut self) -> Option<i32> {
        let status = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(status.success());
        self.child.wait().ok().and_then(|s| s.code())
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The lines of a stream, on a thread, so a test can wait for one with a timeout.
fn lines(stream: impl Read + Send + 'static) -> Receiver<String> {
    let (send, receive) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { break };
            if send.send(line).is_err() {
                break;
            }
        }
    });
    receive
}

/// Waits for a line containing `needle`; every line seen is returned for the failure text.
fn wait_for(lines: &Receiver<String>, needle: &str) -> String {
    let mut seen = Vec::new();
    let deadline = std::time::Instant::now() + PATIENCE;
    while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
        match lines.recv_timeout(left) {
            Ok(line) if line.contains(needle) => return line,
            Ok(line) => seen.push(line),
            Err(_) => break,
        }
    }
    panic!("no line with {needle:?}; saw {seen:#?}")
}

/// Saves as vim does: a new file renamed over the old.
fn save_by_rename(path: &Path, text: &str) {
    let staged = path.with_extension("ron.tmp~");
    std::fs::write(&staged, text).unwrap_or_else(|e| panic!("{e}"));
    std::fs::rename(&staged, path).unwrap_or_else(|e| panic!("{e}"));
}

#[cfg(unix)]
#[test]
fn watch_prints_the_new_diagnostics_after_each_save_and_ctrl_c_exits_0() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let scene = dir.path().join("tutorial.ron");
    std::fs::write(&scene, tutorial()).unwrap_or_else(|e| panic!("{e}"));
    let path = scene.to_string_lossy().into_owned();
    let mut running = Running::start(&["watch", &path, "--format", "json"]);
    let out = lines(
        running
            .child
            .stdout
            .take()
            .unwrap_or_else(|| panic!("stdout")),
    );
    let err = lines(
        running
            .child
            .stderr
            .take()
            .unwrap_or_else(|| panic!("stderr")),
    );
    wait_for(&err, "watching");
    // Saved in place.
    std::fs::write(&scene, too_fast()).unwrap_or_else(|e| panic!("{e}"));
    let line = wait_for(&out, "\"M005\"");
    assert_eq!(json(line.as_bytes())["severity"], "error");
    wait_for(&err, "watching");
    // Gone for a moment (an editor between delete and write), then back, broken, by rename.
    std::fs::remove_file(&scene).unwrap_or_else(|e| panic!("{e}"));
    wait_for(&err, "waiting for it to be saved");
    save_by_rename(&scene, &unknown_mark("pantryy"));
    let line = wait_for(&out, "\"S003\"");
    assert!(line.contains("did you mean `pantry`"), "{line}");
    wait_for(&err, "watching");
    assert_eq!(running.interrupt(), Some(0));
}

#[cfg(unix)]
#[test]
fn watch_build_rebuilds_the_folder_on_each_save_and_refuses_a_broken_scene() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let scene = dir.path().join("tutorial.ron");
    let out = dir.path().join("out");
    std::fs::write(&scene, tutorial()).unwrap_or_else(|e| panic!("{e}"));
    let path = scene.to_string_lossy().into_owned();
    let out_arg = out.to_string_lossy().into_owned();
    let mut running = Running::start(&["watch", &path, "--build", "-o", &out_arg]);
    let stdout = lines(
        running
            .child
            .stdout
            .take()
            .unwrap_or_else(|| panic!("stdout")),
    );
    let stderr = lines(
        running
            .child
            .stderr
            .take()
            .unwrap_or_else(|| panic!("stderr")),
    );
    wait_for(&stdout, "built ");
    assert!(read(&out.join("index.html")).contains("Tutorial: Coffee"));
    // A scene with errors is not built: the folder keeps the last build.
    save_by_rename(&scene, &too_fast());
    wait_for(&stderr, "not building");
    assert!(read(&out.join("index.html")).contains("Tutorial: Coffee"));
    save_by_rename(
        &scene,
        &tutorial().replacen("Tutorial: Coffee", "Tutorial: Tea", 1),
    );
    wait_for(&stdout, "built ");
    assert!(read(&out.join("index.html")).contains("Tutorial: Tea"));
    assert_eq!(running.interrupt(), Some(0));
}

/// One HTTP/1.1 GET over a raw socket: the status line, the headers (lower-cased names)
/// and the body.
fn get(base: &str, path: &str, host: Option<&str>, method: &str) -> (String, String, Vec<u8>) {
    let address = base.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = TcpStream::connect(address).unwrap_or_else(|e| panic!("{e}"));
    stream
        .set_read_timeout(Some(PATIENCE))
        .unwrap_or_else(|e| panic!("{e}"));
    let host = host.unwrap_or(address);
    write!(stream, "{method} {path} HTTP/1.1\r\nHost: {host}\r\n\r\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let mut response = Vec::new();
    stream
        .read_to_end(&mut response)
        .unwrap_or_else(|e| panic!("{e}"));
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no head in {}", String::from_utf8_lossy(&response)));
    let head = String::from_utf8_lossy(&response[..split]).to_ascii_lowercase();
    let status = head.lines().next().unwrap_or_default().to_string();
    (status, head, response[split + 4..].to_vec())
}

/// Reads an event stream until an event of `name` arrives; its data.
fn next_event(stream: &Receiver<String>, name: &str) -> String {
    wait_for(stream, &format!("event: {name}"));
    wait_for(stream, "data: ")
        .trim_start_matches("data: ")
        .to_string()
}

#[cfg(unix)]
#[test]
fn serve_answers_its_routes_and_streams_a_reload_after_each_save() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let scene = dir.path().join("tutorial.ron");
    std::fs::write(&scene, tutorial()).unwrap_or_else(|e| panic!("{e}"));
    let path = scene.to_string_lossy().into_owned();
    let mut running = Running::start(&["serve", &path, "--port", "0"]);
    let out = lines(
        running
            .child
            .stdout
            .take()
            .unwrap_or_else(|| panic!("stdout")),
    );
    let url_line = wait_for(&out, "http://127.0.0.1:");
    let base = url_line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("{url_line}"))
        .to_string();

    let (status, head, page) = get(&base, "/", None, "GET");
    assert_eq!(status, "http/1.1 200 ok");
    assert!(head.contains("content-type: text/html; charset=utf-8"));
    let page = String::from_utf8_lossy(&page);
    assert!(page.contains("id=\"oner-live\"") && page.contains("new EventSource('/events')"));
    let (_, head, body) = get(&base, "/diagnostics.json", None, "GET");
    assert!(head.contains("content-type: application/json"));
    assert_eq!(json(&body)["generation"], 1);
    let (status, head, svg) = get(&base, "/plans/plan.svg", None, "GET");
    assert_eq!(status, "http/1.1 200 ok");
    assert!(head.contains("content-type: image/svg+xml"));
    roxmltree::Document::parse(&String::from_utf8_lossy(&svg)).unwrap_or_else(|e| panic!("{e}"));
    for missing in [
        "/plans/../../../etc/passwd",
        "/plans/%2e%2e/tutorial.ron",
        "/tutorial.ron",
        "/plans/",
        "/plans",
        "/beats/",
    ] {
        assert_eq!(
            get(&base, missing, None, "GET").0,
            "http/1.1 404 not found",
            "{missing}"
        );
    }
    assert_eq!(
        get(&base, "/", None, "POST").0,
        "http/1.1 405 method not allowed"
    );
    assert_eq!(
        get(&base, "/diagnostics.json", Some("evil.example:80"), "GET").0,
        "http/1.1 403 forbidden"
    );
    let (status, _, body) = get(&base, "/", None, "HEAD");
    assert_eq!((status.as_str(), body.len()), ("http/1.1 200 ok", 0));

    // Subscribe, then save: a reload with the next generation, then the new diagnostics.
    let address = base.trim_start_matches("http://").trim_end_matches('/');
    let mut events = TcpStream::connect(address).unwrap_or_else(|e| panic!("{e}"));
    write!(events, "GET /events HTTP/1.1\r\nHost: {address}\r\n\r\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let events = lines(events);
    wait_for(&events, "Content-Type: text/event-stream");
    assert!(next_event(&events, "hello").ends_with(".1"));
    save_by_rename(&scene, &too_fast());
    assert!(next_event(&events, "reload").ends_with(".2"));
    let report = json(&get(&base, "/diagnostics.json", None, "GET").2);
    assert!(codes(&report).contains(&"M005".to_string()), "{report}");

    std::fs::write(&scene, unknown_mark("pantryy")).unwrap_or_else(|e| panic!("{e}"));
    assert!(next_event(&events, "reload").ends_with(".3"));
    let report = json(&get(&base, "/diagnostics.json", None, "GET").2);
    assert_eq!(codes(&report), ["S003"]);
    assert_eq!(report["stale"], true);
    let page = String::from_utf8_lossy(&get(&base, "/", None, "GET").2).into_owned();
    assert!(
        page.contains("id=\"plan\""),
        "a broken scene must keep the last good plan"
    );
    assert_eq!(
        get(&base, "/plans/plan.svg", None, "GET").0,
        "http/1.1 200 ok"
    );

    assert_eq!(running.interrupt(), Some(0));
}

#[test]
fn serve_refuses_a_port_it_cannot_bind() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("{e}"));
    let port = taken
        .local_addr()
        .unwrap_or_else(|e| panic!("{e}"))
        .port()
        .to_string();
    let scene = repo("scenes/tutorial.ron");
    let output = crate::common::oner(&["serve", &scene.to_string_lossy(), "--port", &port])
        .timeout(PATIENCE)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot listen on 127.0.0.1:"), "{stderr}");
}
