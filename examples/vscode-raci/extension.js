// A minimal VS Code extension for `raci lsp`: it starts the server on stdio for markdown files and
// tells it when a configuration file changes. Install: `npm install` in this folder, then copy or
// link the folder into ~/.vscode/extensions/ (or run it with F5 from VS Code). See docs/editors.md.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

exports.activate = async () => {
  const [command, ...args] = vscode.workspace.getConfiguration('raci').get('command');
  const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  client = new LanguageClient(
    'raci',
    'raci',
    // Standard input and output by default: the command line already says --stdio.
    { command, args, options: { cwd, shell: process.platform === 'win32' } },
    {
      documentSelector: [{ language: 'markdown' }],
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/{raci.config.json,package.json}') },
    },
  );
  await client.start();
};

exports.deactivate = () => client?.stop();
