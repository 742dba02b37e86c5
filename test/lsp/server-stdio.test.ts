import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CodeAction,
  CodeActionRequest,
  type Diagnostic,
  DidChangeWatchedFilesNotification,
  type DocumentSymbol,
  DocumentSymbolRequest,
  FileChangeType,
  HoverRequest,
  type MarkupContent,
} from 'vscode-languageserver/node';
import { guide } from '../helpers/check.js';
import { type LspClient, spawnServer } from '../helpers/lsp-client.js';
import { CORPUS, ROOT } from '../helpers/paths.js';
import { scratchFolder } from '../helpers/scratch.js';

const NUTANIX = join(ROOT, CORPUS, 'cloud/nutanix/60-responsibility-sharing/guide.en-gb.md');
const KUBERNETES = join(ROOT, CORPUS, 'platform/kubernetes-k8s/responsibility-model/guide.en-gb.md');
const uriOf = (path: string) => pathToFileURL(path).href;

/** The 0-based line of the first line of `text` that contains `needle`, and where `needle` starts in it. */
function find(text: string, needle: string): { line: number; character: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((candidate) => candidate.includes(needle));
  expect(line, needle).toBeGreaterThanOrEqual(0);
  return { line, character: lines[line]!.indexOf(needle) };
}

const hoverText = async (client: LspClient, uri: string, position: { line: number; character: number }) => {
  const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  return (hover?.contents as MarkupContent | undefined)?.value;
};

const codeActionsAt = (client: LspClient, uri: string, position: { line: number; character: number }) =>
  client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: { start: position, end: position },
    context: { diagnostics: [] },
  }) as Promise<CodeAction[]>;

describe('raci lsp --stdio, driven by a JSON-RPC client', () => {
  let client: LspClient;
  let exited: Promise<number | null>;
  const nutanix = readFileSync(NUTANIX, 'utf8');
  const kubernetes = readFileSync(KUBERNETES, 'utf8');

  beforeAll(async () => {
    ({ client, exited } = spawnServer());
    const { capabilities, serverInfo } = await client.initialize();
    expect(serverInfo?.name).toBe('raci');
    expect(capabilities.hoverProvider).toBe(true);
    expect(capabilities.documentSymbolProvider).toBeTruthy();
    expect(capabilities.codeActionProvider).toBeTruthy();
  });

  afterAll(async () => {
    await client.shutdown();
    // `exit` after `shutdown`: the process ends by itself, with code 0.
    expect(await exited).toBe(0);
  });

  let diagnostics: Diagnostic[];

  it('publishes the findings of raci check when a guide is opened: the MP cell and the two accountable parties', async () => {
    diagnostics = await client.open(uriOf(NUTANIX), nutanix);
    const mp = find(nutanix, '| MP |');
    const roleUnknown = diagnostics.find((diagnostic) => diagnostic.code === 'role-unknown');
    expect(roleUnknown).toMatchObject({
      severity: 1,
      source: 'raci',
      range: { start: { line: mp.line, character: mp.character + 2 }, end: { line: mp.line, character: mp.character + 4 } },
    });
    expect(roleUnknown?.message).toContain('“MP”');
    expect(roleUnknown?.codeDescription?.href).toMatch(/^file:.*\/docs\/diagnostics\.md#codes$/);

    const doubleA = diagnostics.filter((diagnostic) => diagnostic.code === 'accountable-multiple');
    expect(doubleA).toHaveLength(2);
    const hardware = find(nutanix, 'Handle hardware and network incidents');
    const [first] = doubleA;
    expect(first?.range.start.line).toBe(hardware.line);
    expect(first?.codeDescription?.href).toMatch(/\/docs\/rules\.md#accountable-multiple$/);
    // Each accountable cell is a related place: the Customer's AI and OVHcloud's RA.
    const row = nutanix.split('\n')[hardware.line]!;
    expect(
      first?.relatedInformation?.map((related) => [
        related.message,
        row.slice(related.location.range.start.character, related.location.range.end.character),
      ]),
    ).toEqual([
      ['Customer “AI” is accountable (A) here', 'AI'],
      ['OVHcloud “RA” is accountable (A) here', 'RA'],
    ]);
    expect(diagnostics.find((diagnostic) => diagnostic.code === 'date-ambiguous')?.severity).toBe(2);
  });

  it('checks the guide again when it changes', async () => {
    const fixed = nutanix.replace(
      '| Monitor physical resource performance | MP | R |',
      '| Monitor physical resource performance | A | R |',
    );
    expect(fixed).not.toBe(nutanix);
    const after = await client.change(uriOf(NUTANIX), fixed);
    expect(after.map((diagnostic) => diagnostic.code)).not.toContain('role-unknown');
    expect(after).toHaveLength(diagnostics.length - 1);
  });

  it('offers the fix raci check --fix makes on the IR cell of the Kubernetes guide, and a comment that silences it', async () => {
    const uri = uriOf(KUBERNETES);
    await client.open(uri, kubernetes);
    const ir = find(kubernetes, '| IR |');
    const actions = await codeActionsAt(client, uri, { line: ir.line, character: ir.character + 3 });
    const fix = actions.find((action) => action.kind === 'quickfix' && action.isPreferred);
    expect(fix?.title).toBe('Write “RI” (role-noncanonical)');
    expect(fix?.diagnostics?.map((diagnostic) => diagnostic.code)).toEqual(['role-noncanonical']);
    expect(fix?.edit?.changes?.[uri]).toEqual([
      {
        range: { start: { line: ir.line, character: ir.character + 2 }, end: { line: ir.line, character: ir.character + 4 } },
        newText: 'RI',
      },
    ]);
    const silence = actions.find((action) => action.title.startsWith('Silence role-noncanonical'));
    const [comment] = silence?.edit?.changes?.[uri] ?? [];
    expect(comment?.newText).toBe(' <!-- raci-disable-line role-noncanonical -->');
    // At the end of the activity cell, before its closing pipe.
    const row = kubernetes.split('\n')[ir.line]!;
    expect(row.slice(0, comment!.range.start.character)).toBe('| Decide which Kubenetes version to use');
  });

  it('offers no fix where raci check --fix makes none (an unknown letter)', async () => {
    const uri = uriOf(NUTANIX);
    await client.change(uri, nutanix);
    const mp = find(nutanix, '| MP |');
    const actions = await codeActionsAt(client, uri, { line: mp.line, character: mp.character + 2 });
    expect(actions.filter((action) => action.isPreferred)).toEqual([]);
    expect(actions.map((action) => action.title)).toEqual([`Silence role-unknown on line ${mp.line + 1} (raci-disable comment)`]);
  });

  it('spells out the letters of a role cell with the legend of the guide, and gives an activity its id and section path', async () => {
    const uri = uriOf(NUTANIX);
    const hardware = find(nutanix, 'Handle hardware and network incidents');
    const row = nutanix.split('\n')[hardware.line]!;
    expect(await hoverText(client, uri, { line: hardware.line, character: row.indexOf('|RA |') + 2 })).toBe(
      '**RA** — OVHcloud: is in charge of carrying out the process, guarantees the successful completion of the process',
    );
    expect(await hoverText(client, uri, { line: hardware.line, character: 10 })).toMatch(
      /^Activity \*\*\d+(?:\.\d+)*#\d+\*\* · \d+\. [^›]+ › /,
    );
    const mp = find(nutanix, '| MP |');
    expect(await hoverText(client, uri, { line: mp.line, character: mp.character + 3 })).toBe(
      '**MP** — Customer: no role; M, P are not RACI letters',
    );
    expect(await hoverText(client, uri, { line: 0, character: 0 })).toBeUndefined();
  });

  it('lists the phases, sections and subsections as nested symbols', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri: uriOf(NUTANIX) },
    })) as DocumentSymbol[];
    const outline = (list: DocumentSymbol[] | undefined, depth = 0): string[] =>
      (list ?? []).flatMap((symbol) => [`${'  '.repeat(depth)}${symbol.name}`, ...outline(symbol.children, depth + 1)]);
    const headings = nutanix
      .split('\n')
      .filter((line) => /^#{3,}\s+\**\d/.test(line))
      .map((line) => line.replace(/^#+/, '').replaceAll('**', '').trim())
      // Nested by the numbering, whatever the heading's level (this guide writes 3.2.2 one level up).
      .map((title) => `${'  '.repeat(title.split(' ')[0]!.split('.').filter(Boolean).length - 1)}${title}`);
    expect(outline(symbols)).toEqual(headings);
    // Each symbol spans its heading and what follows, up to the next heading of its level.
    const [first, second] = symbols;
    expect(first?.selectionRange.start.line).toBe(find(nutanix, `### ${headings[0]!}`).line);
    expect(first?.range.end.line).toBeLessThan(second!.range.start.line);
  });

  it('gives a markdown document that is not a guide no diagnostics, and clears a guide’s when it is closed', async () => {
    const readme = uriOf(join(ROOT, 'README.md'));
    expect(await client.open(readme, readFileSync(join(ROOT, 'README.md'), 'utf8'))).toEqual([]);
    expect(await client.close(uriOf(NUTANIX))).toEqual([]);
  });

  it('checks a guide with the configuration found from its folder, as raci check finds it', async () => {
    const folder = scratchFolder('raci-lsp-config-');
    mkdirSync(join(folder, '.git'));
    writeFileSync(
      join(folder, 'raci.config.json'),
      JSON.stringify({ rules: { 'accountable-multiple': 'off', 'role-unknown': 'warning' } }),
    );
    const path = join(folder, 'guide.en-gb.md');
    const text = guide(['| Keep logs | RA | RA |', '| Watch | MP | RA |']);
    writeFileSync(path, text);
    const found = await client.open(uriOf(path), text);
    expect(found.map((diagnostic) => [diagnostic.code, diagnostic.severity])).toEqual([['role-unknown', 2]]);
    // The server reads the folder and writes nothing to it.
    expect(readFileSync(path, 'utf8')).toBe(text);

    // The editor reports the configuration changed: the guide is checked again with the new one.
    writeFileSync(join(folder, 'raci.config.json'), JSON.stringify({ rules: {} }));
    const again = client.diagnosticsFor(uriOf(path), (params) => params.diagnostics.length === 2);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: uriOf(join(folder, 'raci.config.json')), type: FileChangeType.Changed }],
    });
    expect((await again).diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity])).toEqual([
      ['accountable-multiple', 1],
      ['role-unknown', 1],
    ]);
  });

  it('tells the user once about a configuration that is not valid, and checks with the default severities', async () => {
    const folder = scratchFolder('raci-lsp-config-');
    mkdirSync(join(folder, '.git'));
    writeFileSync(join(folder, 'raci.config.json'), JSON.stringify({ rules: { 'acountable-multiple': 'off' } }));
    const text = guide(['| Keep logs | RA | RA |']);
    const first = await client.open(uriOf(join(folder, 'one.en-gb.md')), text);
    await client.open(uriOf(join(folder, 'two.en-gb.md')), text);
    expect(first.map((diagnostic) => [diagnostic.code, diagnostic.severity])).toEqual([['accountable-multiple', 1]]);
    const about = client.shown.filter((message) => message.includes('raci.config.json'));
    expect(about).toEqual([
      `raci: ${join(folder, 'raci.config.json')}:1:33: invalid configuration: rules.acountable-multiple: “acountable-multiple” is not a rule id; did you mean “accountable-multiple”?`,
    ]);
  });

  it('answers only the kinds of code action the editor asks for', async () => {
    const uri = uriOf(KUBERNETES);
    const ir = find(kubernetes, '| IR |');
    const position = { line: ir.line, character: ir.character + 3 };
    const onSave = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: position, end: position },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    expect(onSave.map((action) => action.kind)).toEqual(['source.fixAll.raci']);
  });
});
