// A minimal VS Code client for `apierrlint lsp`: it starts the server for Go
// files and lets vscode-languageclient do the rest (diagnostics, quick fixes).
// The Go extension (gopls) keeps working beside it.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function serverOptions() {
  const cfg = vscode.workspace.getConfiguration('apierrlint');
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  const root = folder ? folder.uri.fsPath : undefined;
  const args = cfg.get('args', []).map((a) => (root ? a.split('${workspaceFolder}').join(root) : a));
  return {
    command: cfg.get('path', 'apierrlint'),
    args: ['lsp', ...args],
    options: root ? { cwd: root } : {},
  };
}

async function activate(context) {
  client = new LanguageClient('apierrlint', 'apierrlint', serverOptions(), {
    documentSelector: [{ scheme: 'file', language: 'go' }],
  });
  context.subscriptions.push(
    vscode.commands.registerCommand('apierrlint.restart', async () => {
      await client.stop();
      client = new LanguageClient('apierrlint', 'apierrlint', serverOptions(), {
        documentSelector: [{ scheme: 'file', language: 'go' }],
      });
      await client.start();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('apierrlint')) {
        vscode.commands.executeCommand('apierrlint.restart');
      }
    }),
  );
  await client.start();
}

async function deactivate() {
  if (client) {
    await client.stop();
  }
}

module.exports = { activate, deactivate };
