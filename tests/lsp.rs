//! `oner lsp` driven over stdio as an editor drives it: initialize, open, change, ask, fix,
//! shut down. On the study scene and on broken copies of it.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(60);
const URI: &str = "file:///tmp/oner-lsp-test/we-cry-together.ron";

struct Client {
    child: Child,
    stdin: ChildStdin,
    inbox: mpsc::Receiver<Value>,
    /// Notifications that arrived while waiting for something else.
    notes: Vec<Value>,
    next_id: i64,
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length: ") {
            length = v.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("oner"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start oner lsp");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, inbox) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if tx.send(message).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            inbox,
            notes: Vec::new(),
            next_id: 1,
        }
    }

    fn send_raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).expect("write to the server");
        self.stdin.flush().expect("flush");
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        self.send_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// The whole response to a request (`result` or `error`).
    fn call(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let message = self.inbox.recv_timeout(WAIT).expect("an answer in time");
            if message.get("id") == Some(&json!(id)) {
                return message;
            }
            self.notes.push(message);
        }
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.call(method, params);
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        response["result"].clone()
    }

    /// The diagnostics published for `version` of the test document.
    fn diagnostics(&mut self, version: i64) -> Vec<Value> {
        let is_ours = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == URI
                && m["params"]["version"] == version
        };
        if let Some(i) = self.notes.iter().position(is_ours) {
            let m = self.notes.remove(i);
            return m["params"]["diagnostics"]
                .as_array()
                .cloned()
                .unwrap_or_default();
        }
        loop {
            let message = self.inbox.recv_timeout(WAIT).expect("diagnostics in time");
            if is_ours(&message) {
                return message["params"]["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
            }
            self.notes.push(message);
        }
    }

    fn initialize(&mut self) -> Value {
        let result = self.request(
            "initialize",
            json!({"processId": null, "rootUri": null, "capabilities": {}}),
        );
        self.notify("initialized", json!({}));
        result
    }

    fn open(&mut self, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": URI, "languageId": "ron", "version": 1, "text": text}}),
        );
    }

    fn change(&mut self, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": [{"text": text}]}),
        );
    }

    fn at(&mut self, method: &str, position: Value, extra: Value) -> Value {
        let mut params = json!({"textDocument": {"uri": URI}, "position": position});
        if let (Some(p), Some(e)) = (params.as_object_mut(), extra.as_object()) {
            p.extend(e.clone());
        }
        self.request(method, params)
    }

    /// Shuts down properly; the exit code.
    fn finish(mut self) -> i32 {
        let result = self.request("shutdown", Value::Null);
        assert_eq!(result, Value::Null);
        self.notify("exit", Value::Null);
        let status = self.child.wait().expect("the server exits");
        status.code().unwrap_or(-1)
    }
}

fn study() -> String {
    std::fs::read_to_string(super::common::repo("scenes/we-cry-together.ron")).expect("study scene")
}

/// The LSP position (0-based line, UTF-16 column) of the `n`th occurrence of `needle`,
/// plus `inside` characters.
fn position_of(text: &str, needle: &str, n: usize, inside: usize) -> Value {
    let (offset, _) = text
        .match_indices(needle)
        .nth(n)
        .expect("needle in the text");
    let offset = offset + inside;
    let line = text[..offset].matches('\n').count();
    let line_start = text[..offset].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let character: usize = text[line_start..offset].encode_utf16().count();
    json!({"line": line, "character": character})
}

fn offset_of(text: &str, position: &Value) -> usize {
    let line = position["line"].as_u64().unwrap_or(0) as usize;
    let character = position["character"].as_u64().unwrap_or(0) as usize;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character || c == '\n' {
            return start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// Applies a code action's edits (for `URI`) to `text`.
fn apply(text: &str, action: &Value) -> String {
    let mut edits: Vec<(usize, usize, String)> = action["edit"]["changes"][URI]
        .as_array()
        .expect("edits for the document")
        .iter()
        .map(|e| {
            (
                offset_of(text, &e["range"]["start"]),
                offset_of(text, &e["range"]["end"]),
                e["newText"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    for (start, end, new) in edits {
        out.replace_range(start..end, &new);
    }
    out
}

fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect()
}

fn code_actions(client: &mut Client, diagnostic: &Value) -> Vec<Value> {
    let result = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": URI},
            "range": diagnostic["range"],
            "context": {"diagnostics": [diagnostic]},
        }),
    );
    result.as_array().cloned().unwrap_or_default()
}

#[test]
fn the_study_scene_answers_every_request() {
    let text = study();
    let mut client = Client::start();
    let init = client.initialize();
    let caps = &init["capabilities"];
    for cap in [
        "hoverProvider",
        "definitionProvider",
        "referencesProvider",
        "completionProvider",
        "codeActionProvider",
        "documentSymbolProvider",
        "inlayHintProvider",
    ] {
        assert!(!caps[cap].is_null(), "capability {cap} missing: {caps}");
    }
    client.open(&text);
    assert_eq!(
        client.diagnostics(1),
        Vec::<Value>::new(),
        "the study scene checks clean"
    );

    // Hover on a mark used in a move: what it is and where it is defined.
    let on_fridge = position_of(&text, "to: \"k-fridge\"", 0, 6);
    let hover = client.at("textDocument/hover", on_fridge.clone(), json!({}));
    let value = hover["contents"]["value"].as_str().unwrap_or("");
    assert!(value.contains("**mark** `k-fridge`"), "{value}");
    let def_line = text[..text.find("\"k-fridge\": (").unwrap_or(0)]
        .matches('\n')
        .count()
        + 1;
    assert!(
        value.contains(&format!("defined on line {def_line}")),
        "{value}"
    );

    // Definition and references.
    let def = client.at("textDocument/definition", on_fridge.clone(), json!({}));
    assert_eq!(def["uri"], URI);
    assert_eq!(
        def["range"]["start"],
        position_of(&text, "\"k-fridge\": (", 0, 0)
    );
    let refs = client.at(
        "textDocument/references",
        on_fridge.clone(),
        json!({"context": {"includeDeclaration": true}}),
    );
    let uses = text.matches("\"k-fridge\"").count();
    assert_eq!(refs.as_array().map(Vec::len), Some(uses));

    // Hover on a door in `via`: its definition as written, spread over lines.
    let hover = client.at(
        "textDocument/hover",
        position_of(&text, "via: [\"front-door\"]", 0, 8),
        json!({}),
    );
    let value = hover["contents"]["value"].as_str().unwrap_or("");
    assert!(value.starts_with("**door** `front-door`"), "{value}");
    assert!(
        value.contains("name: \"Front door\",\nkind: Door,"),
        "the group as written: {value}"
    );
    assert!(value.contains("used 5 times"), "{value}");

    // Hover on a timeline entry (not on an id): the state of the take then, as `oner at`.
    let entry = position_of(&text, "From the landing", 0, 3);
    let hover = client.at("textDocument/hover", entry, json!({}));
    let value = hover["contents"]["value"].as_str().unwrap_or("");
    let at = super::common::oner(&["at", "scenes/we-cry-together.ron", "1:38", "--ids"])
        .output()
        .expect("oner at");
    let expected = String::from_utf8_lossy(&at.stdout);
    assert!(value.contains("Who is where"), "{value}");
    assert!(
        value.contains(expected.lines().next().unwrap_or("?")),
        "{value}\n---\n{expected}"
    );

    // Hover on a field name: its docs from docs/format.md.
    let hover = client.at(
        "textDocument/hover",
        position_of(&text, "swings_into", 0, 3),
        json!({}),
    );
    let value = hover["contents"]["value"].as_str().unwrap_or("");
    assert!(
        value.contains("**`swings_into`** (Doors)") && value.contains("Room the leaf swings into"),
        "{value}"
    );

    // Completion: marks where a mark goes, people where a person goes, field names, variants.
    let labels = |result: &Value| -> Vec<String> {
        result
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|i| i["label"].as_str().unwrap_or("").to_string())
                    .collect()
            })
            .unwrap_or_default()
    };
    let marks = labels(&client.at(
        "textDocument/completion",
        position_of(&text, "to: \"k-fridge\"", 0, 6),
        json!({}),
    ));
    assert!(
        marks.contains(&"k-fridge".to_string()) && marks.contains(&"stage-pull".to_string()),
        "{marks:?}"
    );
    assert!(
        !marks.contains(&"him".to_string()) && !marks.contains(&"living".to_string()),
        "{marks:?}"
    );
    let people = labels(&client.at(
        "textDocument/completion",
        position_of(&text, "who: \"her\"", 0, 6),
        json!({}),
    ));
    assert_eq!(people, ["him", "her", "cam", "boom"]);
    let actions = labels(&client.at(
        "textDocument/completion",
        position_of(&text, "action: Open", 0, 8),
        json!({}),
    ));
    assert!(actions.contains(&"Slam".to_string()), "{actions:?}");
    let fields = labels(&client.at(
        "textDocument/completion",
        position_of(&text, "arrive: \"0:25\"", 0, 0),
        json!({}),
    ));
    assert!(
        fields.contains(&"pace".to_string()) && fields.contains(&"via".to_string()),
        "{fields:?}"
    );

    // The outline: beats, and the timeline grouped by beat.
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": URI}}),
    );
    let names: Vec<&str> = symbols
        .as_array()
        .map(|a| a.iter().filter_map(|s| s["name"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(names, ["set", "cast", "crew", "props", "beats", "timeline"]);
    let timeline = &symbols[5]["children"];
    assert_eq!(timeline[1]["name"], "2:00 The societal");
    assert!(
        timeline[0]["children"][0]["name"]
            .as_str()
            .unwrap_or("")
            .starts_with("0:00 Cue StageManagement 1")
    );

    // Inlay hints: computed speeds (every move here states its arrival).
    let end = position_of(&text, "\n)", 0, 2);
    let hints = client.request(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": URI}, "range": {"start": {"line": 0, "character": 0}, "end": end}}),
    );
    let hints = hints.as_array().cloned().unwrap_or_default();
    assert!(hints.len() > 30, "{hints:?}");
    let first = &hints[0];
    assert_eq!(
        first["position"],
        position_of(&text, "to: \"k-fridge\"", 0, 14)
    );
    assert!(
        first["label"].as_str().unwrap_or("").ends_with(" m/s"),
        "{first}"
    );

    assert_eq!(client.finish(), 0);
}

#[test]
fn a_misspelt_id_is_underlined_exactly_and_fixed_by_its_code_action() {
    let text = study();
    let mut client = Client::start();
    client.initialize();
    client.open(&text);
    assert!(client.diagnostics(1).is_empty());
    // Misspell a mark on a line that also holds non-ASCII text before it.
    let line = "(at: \"0:22\", do: Move(who: \"her\", to: \"k-fridge\", arrive: \"0:25\")),";
    let broken_line = format!("/* é🎬 */ {}", line.replace("k-fridge", "k-fridg"));
    let broken = text.replacen(line, &broken_line, 1);
    client.change(2, &broken);
    let diagnostics = client.diagnostics(2);
    assert_eq!(codes(&diagnostics), ["S003"], "{diagnostics:?}");
    let d = &diagnostics[0];
    assert_eq!(d["severity"], 1);
    assert_eq!(
        d["range"]["start"],
        position_of(&broken, "\"k-fridg\"", 0, 0)
    );
    assert_eq!(d["range"]["end"], position_of(&broken, "\"k-fridg\"", 0, 9));
    assert!(
        d["message"]
            .as_str()
            .unwrap_or("")
            .contains("help: did you mean `k-fridge`?")
    );

    let actions = code_actions(&mut client, d);
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert_eq!(actions[0]["title"], "Change `k-fridg` to `k-fridge`");
    let fixed = apply(&broken, &actions[0]);
    assert_eq!(
        fixed,
        text.replacen(line, &format!("/* é🎬 */ {line}"), 1),
        "only the id changed"
    );
    client.change(3, &fixed);
    assert!(client.diagnostics(3).is_empty());
    assert_eq!(client.finish(), 0);
}

#[test]
fn a_walk_through_a_closed_door_gets_the_door_opened_in_time() {
    let text = study();
    let open =
        "        (at: \"1:34\", do: Door(door: \"front-door\", action: Open, by: \"her\")),\n";
    assert!(text.contains(open));
    let broken = text.replacen(open, "", 1);
    let mut client = Client::start();
    client.initialize();
    client.open(&broken);
    let diagnostics = client.diagnostics(1);
    let m002: Vec<&Value> = diagnostics.iter().filter(|d| d["code"] == "M002").collect();
    // Out through the door and back in: both walks meet it closed.
    assert_eq!(m002.len(), 2, "{diagnostics:?}");
    let actions = code_actions(&mut client, m002[0]);
    let add = actions
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .unwrap_or("")
                .starts_with("Add `Door(door: \"front-door\", action: Open, by: \"her\")`")
        })
        .unwrap_or_else(|| panic!("no door action in {actions:?}"));
    let fixed = apply(&broken, add);
    // One new line, in time order, indented like its neighbours; nothing else changed.
    assert!(
        fixed.contains(
            "        (at: \"1:35.8\", do: Door(door: \"front-door\", action: Open, by: \"her\")),\n"
        ),
        "{fixed}"
    );
    assert!(
        fixed.contains("arrive: \"1:37\")),\n        (at: \"1:35.8\", do: Door("),
        "right after the walk it opens for"
    );
    assert_eq!(fixed.lines().count(), text.lines().count());
    client.change(2, &fixed);
    let after = client.diagnostics(2);
    assert!(!codes(&after).contains(&"M002".to_string()), "{after:?}");
    assert!(
        after.iter().all(|d| d["severity"] != 1),
        "no errors left: {after:?}"
    );
    assert_eq!(client.finish(), 0);
}

#[test]
fn an_arrival_too_soon_is_retimed_to_the_earliest_feasible() {
    let text = study();
    let line = "(at: \"1:14\", do: Move(who: \"her\", to: \"l-chase\", arrive: \"1:16\")),";
    assert!(text.contains(line));
    let broken = text.replacen(line, &line.replace("\"1:16\"", "\"1:14.2\""), 1);
    let mut client = Client::start();
    client.initialize();
    client.open(&broken);
    let diagnostics = client.diagnostics(1);
    let m005: Vec<&Value> = diagnostics.iter().filter(|d| d["code"] == "M005").collect();
    assert_eq!(m005.len(), 1, "{diagnostics:?}");
    let actions = code_actions(&mut client, m005[0]);
    assert_eq!(actions.len(), 1, "{actions:?}");
    let fixed = apply(&broken, &actions[0]);
    client.change(2, &fixed);
    let after = client.diagnostics(2);
    assert!(!codes(&after).contains(&"M005".to_string()), "{after:?}");
    assert_eq!(client.finish(), 0);
}

#[test]
fn garbage_and_bad_requests_never_bring_the_server_down() {
    let mut client = Client::start();
    // Before initialize: refused, not fatal.
    let early = client.call("textDocument/hover", json!({}));
    assert_eq!(early["error"]["code"], -32002);
    client.send_raw(b"Content-Length: 3\r\n\r\n{{{");
    client.send_raw(b"no header at all\r\n\r\n");
    client.send_raw(b"Content-Length: 99999999999\r\n\r\n");
    // The huge message above swallows what follows until its length: end it by reopening.
    drop(client);

    let mut client = Client::start();
    client.send_raw(b"Content-Length: 3\r\n\r\n{{{");
    client.send_raw(b"Content-Length: 2\r\n\r\n[]");
    client.initialize();
    let bad = client.call("textDocument/hover", json!({"textDocument": 5}));
    assert_eq!(bad["error"]["code"], -32602);
    let unknown = client.call("oner/nothing", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);
    // Requests about documents never opened, and positions far outside the text.
    let nothing = client.at(
        "textDocument/hover",
        json!({"line": 9999, "character": 9999}),
        json!({}),
    );
    assert!(nothing.is_null());
    client.open("(((\u{0}\"é");
    let diagnostics = client.diagnostics(1);
    assert_eq!(codes(&diagnostics), ["S001"]);
    for method in [
        "textDocument/hover",
        "textDocument/completion",
        "textDocument/definition",
    ] {
        let response = client.call(
            method,
            json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 99}}),
        );
        assert!(response.get("error").is_none(), "{method}: {response}");
    }
    assert_eq!(client.finish(), 0);
}
