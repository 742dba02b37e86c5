import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnection, HoverRequest, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { analyseDocument } from '../../src/lsp/analysis.js';
import { startServer } from '../../src/lsp/server.js';
import { guide } from '../helpers/check.js';
import { LspClient, spawnServer } from '../helpers/lsp-client.js';

const GUIDE = guide(['| Keep logs | RA | RA |']);

describe('raci lsp keeps serving', () => {
  let spawned: ReturnType<typeof spawnServer>;
  const stderr: string[] = [];

  beforeAll(async () => {
    spawned = spawnServer();
    spawned.server.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    await spawned.client.initialize();
  });

  afterAll(async () => {
    await spawned.client.shutdown();
    expect(await spawned.exited).toBe(0);
    // Nothing on stderr: no stack trace, no warning.
    expect(stderr.join('')).toBe('');
  });

  it('after a message that is not JSON', async () => {
    const body = '{"jsonrpc": "2.0", "id": 99, "method": ';
    spawned.server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const diagnostics = await spawned.client.open('file:///malformed/guide.en-gb.md', GUIDE);
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['accountable-multiple']);
    expect(spawned.client.logged.filter((message) => message.startsWith('raci: a message could not be read: '))).toHaveLength(1);
  });

  it('after a request for a document it was never given, and a hover on a line past the end', async () => {
    const hover = (uri: string, line: number) =>
      spawned.client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 3 } });
    expect(await hover('file:///nowhere/guide.md', 0)).toBeNull();
    expect(await hover('file:///malformed/guide.en-gb.md', 10_000)).toBeNull();
  });

  it('after a document of 5 MB, which it refuses to read as a guide at once', async () => {
    const huge = `${GUIDE}\n${'| Another row | RA | I |\n'.repeat(Math.ceil(5_000_000 / 24))}`;
    expect(huge.length).toBeGreaterThan(5_000_000);
    expect(await spawned.client.open('file:///big/guide.en-gb.md', huge)).toEqual([]);
    const diagnostics = await spawned.client.change('file:///malformed/guide.en-gb.md', guide(['| Keep logs | MP | RA |']));
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['role-unknown']);
  });
});

describe('the end of a session', () => {
  it('without shutdown (the editor went away): standard input closes and the server exits with code 1', async () => {
    const { client, server, exited } = spawnServer();
    await client.initialize();
    server.stdin.end();
    expect(await exited).toBe(1);
  });
});

describe('a failure inside one analysis', () => {
  it('is logged, that document gets nothing, and the others are still checked', async () => {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    startServer(connection, {
      analyse: (text, options) => {
        if (text.includes('CRASH')) throw new Error('the analysis broke');
        return analyseDocument(text, options);
      },
    });
    connection.listen();
    const client = new LspClient(toClient, toServer);
    try {
      await client.initialize();
      const logged = new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          if (client.logged.length === 0) return;
          clearInterval(poll);
          resolve();
        }, 5);
      });
      await client.openQuietly('file:///crash/guide.en-gb.md', `${GUIDE}\nCRASH\n`);
      await logged;
      expect(client.logged[0]).toMatch(/^raci: could not check file:\/\/\/crash\/guide\.en-gb\.md: Error: the analysis broke/);
      const hover = await client.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri: 'file:///crash/guide.en-gb.md' },
        position: { line: 0, character: 0 },
      });
      expect(hover).toBeNull();
      const diagnostics = await client.open('file:///fine/guide.en-gb.md', GUIDE);
      expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['accountable-multiple']);
      expect(client.published.map((params) => params.uri)).not.toContain('file:///crash/guide.en-gb.md');
    } finally {
      client.connection.dispose();
      connection.dispose();
    }
  });
});
