import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { logTo, startServer } from '../../lsp/server.js';

/**
 * `raci lsp`: the language server on standard input and output. A message
 * that cannot be read is logged and skipped. The process ends on the client's
 * `exit` notification, or when standard input closes: with code 0 after
 * `shutdown`, 1 without (the client went away).
 */
export function runLsp(version: string): void {
  const reader = new StreamMessageReader(process.stdin);
  const connection = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
  reader.onError((error) => logTo(connection, `a message could not be read: ${error.message.split('\n')[0]}`));
  const server = startServer(connection, { version });
  // A promise nobody awaited (an editor refusing a request, say) is logged; the server goes on.
  process.on('unhandledRejection', (reason) =>
    logTo(connection, `unexpected failure: ${reason instanceof Error ? reason.message : String(reason)}`),
  );
  reader.onClose(() => process.exit(server.shutdownReceived() ? 0 : 1));
  connection.listen();
}
