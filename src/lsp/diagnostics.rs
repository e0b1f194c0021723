//! Diagnostics as the user types: the one checker (`check::check_source`) on the unsaved
//! text, on a thread of its own so hover and completion never wait for it, debounced so a
//! burst of keystrokes is checked once.

use super::position::LineIndex;
use crate::diagnostic::{Diagnostic, Severity};
use lsp_server::{Message, Notification};
use lsp_types::{
    DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    PublishDiagnosticsParams, Url,
};
use std::collections::{BTreeMap, HashMap};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How long the text must rest before it is checked: shorter than a keystroke interval of
/// a fast typist, so a pause shows the answer at once.
pub const DEBOUNCE: Duration = Duration::from_millis(20);

/// The last checked version of a document and what the checker found, for code actions.
#[derive(Debug, Clone)]
pub struct Checked {
    pub version: i32,
    pub text: Arc<String>,
    pub diagnostics: Vec<Diagnostic>,
}

pub type Results = Arc<Mutex<HashMap<Url, Checked>>>;

/// Work for the checker thread.
pub enum Job {
    Check {
        uri: Url,
        version: i32,
        text: Arc<String>,
    },
    Close {
        uri: Url,
    },
}

/// Every diagnostic of a scene text: the same call `oner check` makes.
pub fn check(text: &str) -> Vec<Diagnostic> {
    let file = crate::source::SourceFile::new("scene.ron", text);
    // No extra rule levels, so no unknown rule name, so never an `Err`.
    crate::check::check_source(&file, &[]).unwrap_or_default()
}

/// One oner diagnostic in LSP terms: its exact range, severity, code; note and help follow
/// the message, the secondary labels are related information.
pub fn to_lsp(d: &Diagnostic, uri: &Url, text: &str, lines: &LineIndex) -> lsp_types::Diagnostic {
    let range = d
        .primary
        .as_ref()
        .map(|l| lines.range(text, l.span))
        .unwrap_or_default();
    let mut message = d.message.clone();
    if let Some(label) = d.primary.as_ref().filter(|l| !l.message.is_empty()) {
        message.push_str(&format!(" ({})", label.message));
    }
    if let Some(note) = &d.note {
        message.push_str(&format!("\nnote: {note}"));
    }
    if let Some(help) = &d.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    let related: Vec<DiagnosticRelatedInformation> = d
        .secondary
        .iter()
        .map(|l| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), lines.range(text, l.span)),
            message: if l.message.is_empty() {
                "see here".into()
            } else {
                l.message.clone()
            },
        })
        .collect();
    lsp_types::Diagnostic {
        range,
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(d.code.to_string())),
        code_description: None,
        source: Some("oner".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

/// Sends one message to the editor; false once the connection is gone.
pub type Publish = Box<dyn Fn(Message) -> bool + Send>;

/// Starts the checker thread. It publishes through `publish` and records each result in
/// `results`; it ends when the returned sender is dropped.
pub fn spawn_checker(
    publish: Publish,
    results: Results,
) -> std::io::Result<(mpsc::Sender<Job>, std::thread::JoinHandle<()>)> {
    let (jobs, inbox) = mpsc::channel::<Job>();
    let handle = std::thread::Builder::new()
        .name("oner-lsp-check".into())
        .spawn(move || checker_loop(&inbox, &publish, &results))?;
    Ok((jobs, handle))
}

fn checker_loop(inbox: &mpsc::Receiver<Job>, publish: &Publish, results: &Results) {
    while let Ok(first) = inbox.recv() {
        // Gather the burst: only the latest job per document is worth doing.
        let mut latest: BTreeMap<Url, Job> = BTreeMap::new();
        let mut open = true;
        let mut job = Some(first);
        while let Some(j) = job.take() {
            let uri = match &j {
                Job::Check { uri, .. } | Job::Close { uri } => uri.clone(),
            };
            latest.insert(uri, j);
            match inbox.recv_timeout(DEBOUNCE) {
                Ok(next) => job = Some(next),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => open = false,
            }
        }
        for (uri, job) in latest {
            let params = match job {
                Job::Close { .. } => {
                    if let Ok(mut r) = results.lock() {
                        r.remove(&uri);
                    }
                    PublishDiagnosticsParams::new(uri, Vec::new(), None)
                }
                Job::Check { version, text, .. } => {
                    let diagnostics = check(&text);
                    let lines = LineIndex::new(&text);
                    let lsp = diagnostics
                        .iter()
                        .map(|d| to_lsp(d, &uri, &text, &lines))
                        .collect();
                    if let Ok(mut r) = results.lock() {
                        r.insert(
                            uri.clone(),
                            Checked {
                                version,
                                text,
                                diagnostics,
                            },
                        );
                    }
                    PublishDiagnosticsParams::new(uri, lsp, Some(version))
                }
            };
            let note = Notification::new("textDocument/publishDiagnostics".into(), params);
            if !publish(Message::Notification(note)) {
                return;
            }
        }
        if !open {
            return;
        }
    }
}
