// Starts `oner lsp` for RON files and connects VS Code's language client to it over stdio.
// Everything else (diagnostics, hover, completion, quick fixes, outline, inlay hints) is the
// server's: this file only says which program to run and for which documents.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration('oner').get('path') || 'oner';
  const serverOptions = {
    command,
    args: ['lsp'],
    transport: TransportKind.stdio,
  };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'ron' },
      { scheme: 'untitled', language: 'ron' },
    ],
  };
  client = new LanguageClient('oner', 'oner', serverOptions, clientOptions);
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
