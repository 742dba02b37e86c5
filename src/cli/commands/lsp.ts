import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../../lsp/server.js';

/**
 * `raci lsp`: the language server on standard input and output. The
 * connection ends the process on the client's `exit` notification (code 0
 * after `shutdown`, 1 without) and when standard input closes.
 */
export function runLsp(version: string): void {
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  startServer(connection, { version });
  connection.listen();
}
