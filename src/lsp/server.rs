//! The server loop: the LSP lifecycle (initialize, shutdown, exit), open documents, and one
//! handler per request. Requests are answered on this thread from the document's lazily
//! derived data; checking runs on the checker thread, so a slow check never delays a hover.

use super::diagnostics::{self, Job, Results};
use super::document::Document;
use super::{actions, completion, definition, hints, hover, symbols};
use crate::source::Span;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::*;
use std::collections::HashMap;
use std::sync::mpsc;

/// What the server can do, as `initialize` answers.
pub fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(PositionEncodingKind::UTF16),
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec!["\"".into(), ":".into(), "(".into(), ",".into()]),
            ..Default::default()
        }),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..Default::default()
        })),
        document_symbol_provider: Some(OneOf::Left(true)),
        inlay_hint_provider: Some(OneOf::Left(true)),
        ..Default::default()
    }
}

struct Server {
    docs: HashMap<Url, Document>,
    results: Results,
    jobs: mpsc::Sender<Job>,
}

/// Serves one client on `connection` until `exit` or the end of input. The exit code is 0
/// after a proper shutdown, 1 otherwise (as the protocol asks).
pub fn serve(connection: &Connection) -> u8 {
    let results = Results::default();
    let sender = connection.sender.clone();
    let publish: diagnostics::Publish = Box::new(move |m| sender.send(m).is_ok());
    let Ok((jobs, checker)) = diagnostics::spawn_checker(publish, results.clone()) else {
        eprintln!("oner lsp: cannot start the checker thread");
        return 2;
    };
    let mut server = Server {
        docs: HashMap::new(),
        results,
        jobs,
    };
    let mut initialized = false;
    let mut shutting_down = false;
    let mut code = 1;
    let reply = |response: Response| {
        let _ = connection.sender.send(Message::Response(response));
    };
    for message in &connection.receiver {
        match message {
            Message::Request(request) => {
                if !initialized {
                    if request.method == "initialize" {
                        initialized = true;
                        let result = InitializeResult {
                            capabilities: capabilities(),
                            server_info: Some(ServerInfo {
                                name: "oner".into(),
                                version: Some(env!("CARGO_PKG_VERSION").into()),
                            }),
                        };
                        reply(Response::new_ok(request.id, result));
                    } else {
                        reply(Response::new_err(
                            request.id,
                            ErrorCode::ServerNotInitialized as i32,
                            "the server is not initialized yet".into(),
                        ));
                    }
                    continue;
                }
                if shutting_down {
                    reply(Response::new_err(
                        request.id,
                        ErrorCode::InvalidRequest as i32,
                        "the server is shutting down".into(),
                    ));
                    continue;
                }
                if request.method == "shutdown" {
                    shutting_down = true;
                    reply(Response::new_ok(request.id, ()));
                    continue;
                }
                let id = request.id.clone();
                let answer = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    server.request(request)
                }));
                reply(answer.unwrap_or_else(|_| {
                    Response::new_err(
                        id,
                        ErrorCode::InternalError as i32,
                        "oner lsp failed on this request".into(),
                    )
                }));
            }
            Message::Notification(note) => {
                if note.method == "exit" {
                    code = if shutting_down { 0 } else { 1 };
                    break;
                }
                if initialized {
                    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        server.notification(note)
                    }));
                }
            }
            Message::Response(_) => {}
        }
    }
    drop(server);
    let _ = checker.join();
    code
}

/// Parses a request's params, or answers InvalidParams.
fn params<P: serde::de::DeserializeOwned>(request: &Request) -> Result<P, Response> {
    serde_json::from_value(request.params.clone()).map_err(|e| {
        Response::new_err(
            request.id.clone(),
            ErrorCode::InvalidParams as i32,
            format!("invalid params for {}: {e}", request.method),
        )
    })
}

fn ok<R: serde::Serialize>(id: RequestId, result: R) -> Response {
    Response::new_ok(id, result)
}

impl Server {
    fn request(&mut self, request: Request) -> Response {
        let id = request.id.clone();
        let answer = match request.method.as_str() {
            "textDocument/hover" => params::<HoverParams>(&request).map(|p| {
                let pos = p.text_document_position_params;
                ok(id.clone(), self.hover(&pos.text_document.uri, pos.position))
            }),
            "textDocument/definition" => params::<GotoDefinitionParams>(&request).map(|p| {
                let pos = p.text_document_position_params;
                let uri = pos.text_document.uri;
                let location = self.doc(&uri).and_then(|doc| {
                    let offset = doc.lines.offset(doc.text(), pos.position);
                    let span = definition::definition(doc, offset)?;
                    Some(GotoDefinitionResponse::Scalar(Location::new(
                        uri.clone(),
                        doc.lines.range(doc.text(), span),
                    )))
                });
                ok(id.clone(), location)
            }),
            "textDocument/references" => params::<ReferenceParams>(&request).map(|p| {
                let pos = p.text_document_position;
                let uri = pos.text_document.uri;
                let locations: Option<Vec<Location>> = self.doc(&uri).map(|doc| {
                    let offset = doc.lines.offset(doc.text(), pos.position);
                    definition::references(doc, offset, p.context.include_declaration)
                        .into_iter()
                        .map(|span| Location::new(uri.clone(), doc.lines.range(doc.text(), span)))
                        .collect()
                });
                ok(id.clone(), locations)
            }),
            "textDocument/completion" => params::<CompletionParams>(&request).map(|p| {
                let pos = p.text_document_position;
                ok(
                    id.clone(),
                    self.completion(&pos.text_document.uri, pos.position),
                )
            }),
            "textDocument/codeAction" => params::<CodeActionParams>(&request)
                .map(|p| ok(id.clone(), self.code_actions(&p.text_document.uri, p.range))),
            "textDocument/documentSymbol" => params::<DocumentSymbolParams>(&request).map(|p| {
                let symbols = self
                    .doc(&p.text_document.uri)
                    .and_then(symbols::symbols)
                    .map(DocumentSymbolResponse::Nested);
                ok(id.clone(), symbols)
            }),
            "textDocument/inlayHint" => params::<InlayHintParams>(&request)
                .map(|p| ok(id.clone(), self.inlay_hints(&p.text_document.uri, p.range))),
            other => Err(Response::new_err(
                id.clone(),
                ErrorCode::MethodNotFound as i32,
                format!("oner lsp does not handle {other}"),
            )),
        };
        answer.unwrap_or_else(|error| error)
    }

    fn notification(&mut self, note: Notification) {
        match note.method.as_str() {
            "textDocument/didOpen" => {
                if let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(note.params) {
                    let d = p.text_document;
                    self.set(d.uri, Document::new(d.version, d.text));
                }
            }
            "textDocument/didChange" => {
                if let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(note.params) {
                    let uri = p.text_document.uri;
                    let Some(old) = self.docs.get(&uri) else {
                        return;
                    };
                    let mut text = old.text().to_string();
                    for change in p.content_changes {
                        match change.range {
                            // Full sync (what we ask for): the whole new text.
                            None => text = change.text,
                            // A client sending ranges anyway: apply them in order.
                            Some(range) => {
                                let lines = super::position::LineIndex::new(&text);
                                let start = lines.offset(&text, range.start);
                                let end = lines.offset(&text, range.end).max(start);
                                text.replace_range(start..end, &change.text);
                            }
                        }
                    }
                    let next = old.next(p.text_document.version, text);
                    self.set(uri, next);
                }
            }
            "textDocument/didClose" => {
                if let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(note.params) {
                    let uri = p.text_document.uri;
                    self.docs.remove(&uri);
                    let _ = self.jobs.send(Job::Close { uri });
                }
            }
            _ => {}
        }
    }

    fn set(&mut self, uri: Url, doc: Document) {
        let _ = self.jobs.send(Job::Check {
            uri: uri.clone(),
            version: doc.version,
            text: std::sync::Arc::clone(&doc.text),
        });
        self.docs.insert(uri, doc);
    }

    fn doc(&self, uri: &Url) -> Option<&Document> {
        self.docs.get(uri)
    }

    fn hover(&self, uri: &Url, position: Position) -> Option<Hover> {
        let doc = self.doc(uri)?;
        let offset = doc.lines.offset(doc.text(), position);
        let (markdown, span) = hover::hover(doc, offset)?;
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: markdown,
            }),
            range: Some(doc.lines.range(doc.text(), span)),
        })
    }

    fn completion(&self, uri: &Url, position: Position) -> Option<CompletionResponse> {
        let doc = self.doc(uri)?;
        let offset = doc.lines.offset(doc.text(), position);
        let (suggestions, start) = completion::complete(doc, offset);
        let range = doc.lines.range(doc.text(), Span::new(start, offset));
        let items = suggestions
            .into_iter()
            .map(|s| CompletionItem {
                label: s.label,
                kind: Some(s.kind),
                detail: (!s.detail.is_empty()).then_some(s.detail),
                text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(range, s.insert))),
                ..Default::default()
            })
            .collect();
        Some(CompletionResponse::Array(items))
    }

    fn code_actions(&self, uri: &Url, range: Range) -> Option<Vec<CodeActionOrCommand>> {
        let doc = self.doc(uri)?;
        let text = doc.text();
        let wanted = Span::new(
            doc.lines.offset(text, range.start),
            doc.lines.offset(text, range.end),
        );
        // The checker's answer for this very version, else a check now.
        let checked = self.results.lock().ok().and_then(|r| {
            r.get(uri)
                .filter(|c| c.version == doc.version && *c.text == *doc.text)
                .cloned()
        });
        let found = match checked {
            Some(c) => c.diagnostics,
            None => diagnostics::check(text),
        };
        let mut out = Vec::new();
        for d in &found {
            let Some(primary) = &d.primary else { continue };
            if primary.span.end < wanted.start || primary.span.start > wanted.end {
                continue;
            }
            for fix in actions::fixes(doc, d) {
                let edits = fix
                    .edits
                    .into_iter()
                    .map(|(span, new_text)| TextEdit::new(doc.lines.range(text, span), new_text))
                    .collect();
                out.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: fix.title,
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostics::to_lsp(d, uri, text, &doc.lines)]),
                    edit: Some(WorkspaceEdit {
                        changes: Some(HashMap::from([(uri.clone(), edits)])),
                        ..Default::default()
                    }),
                    is_preferred: Some(true),
                    ..Default::default()
                }));
            }
        }
        Some(out)
    }

    fn inlay_hints(&self, uri: &Url, range: Range) -> Option<Vec<InlayHint>> {
        let doc = self.doc(uri)?;
        let text = doc.text();
        let span = Span::new(
            doc.lines.offset(text, range.start),
            doc.lines.offset(text, range.end),
        );
        Some(
            hints::hints(doc, span)
                .into_iter()
                .map(|h| InlayHint {
                    position: doc.lines.position(text, h.at),
                    label: InlayHintLabel::String(h.label),
                    kind: None,
                    text_edits: None,
                    tooltip: None,
                    padding_left: Some(true),
                    padding_right: None,
                    data: None,
                })
                .collect(),
        )
    }
}
