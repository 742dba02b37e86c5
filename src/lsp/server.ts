import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Connection,
  DidChangeWatchedFilesNotification,
  type InitializeResult,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckResult } from '../rules/check-guide.js';
import { ConfigFileError, type LoadedConfig, loadConfig } from '../rules/config-file.js';
import { safeFixEdits } from '../rules/fix.js';
import type { TextEdit as FindingEdit } from '../schema/finding.js';
import { type AnalysisOptions, analyseDocument, type DocumentAnalysis } from './analysis.js';
import { codeActions, FIX_ALL_KIND } from './code-actions.js';
import { documentDiagnostics } from './diagnostics.js';
import { hoverAt } from './hover.js';
import { documentSymbols } from './symbols.js';

export interface ServerOptions {
  /** Least time between two checks of one document while it is being typed in; the first change is checked at once. */
  throttleMs?: number;
  /** How a document is read; replaced only to see how the server copes when it fails. */
  analyse?: (text: string, options: AnalysisOptions) => DocumentAnalysis;
  /** The server's name and version, for the editor's log. */
  version?: string;
}

interface Reading {
  version: number;
  analysis: DocumentAnalysis;
  options: AnalysisOptions;
  /** The edits `raci check --fix` would make, worked out when code actions are first asked for. */
  safeEdits?: ReadonlySet<FindingEdit>;
}

const DEFAULT_THROTTLE_MS = 150;

/** Markdown by language or by name: the only documents the server reads. */
function isMarkdown(document: TextDocument): boolean {
  return document.languageId === 'markdown' || /\.(?:md|markdown)$/i.test(document.uri);
}

function filePath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** A line in the editor's log of the server; nothing when the connection is already gone. */
export function logTo(connection: Connection, message: string): void {
  try {
    connection.console.error(`raci: ${message}`);
  } catch {
    // The client has gone: there is no one left to tell.
  }
}

function describe(caught: unknown): string {
  return caught instanceof Error ? (caught.stack ?? caught.message) : String(caught);
}

/**
 * The language server of `raci lsp` on a connection: the findings of
 * `raci check` for open guides, their safe fixes and `raci-disable` comments
 * as code actions, hovers on role and activity cells, and the numbered
 * outline. It reads configuration files and never writes any file; a failure
 * while answering one request is logged and answered with nothing.
 */
export function startServer(connection: Connection, options: ServerOptions = {}): { shutdownReceived: () => boolean } {
  const throttleMs = options.throttleMs ?? DEFAULT_THROTTLE_MS;
  const analyse = options.analyse ?? analyseDocument;
  const documents = new TextDocuments(TextDocument);
  const readings = new Map<string, Reading>();
  const schedules = new Map<string, { timer?: NodeJS.Timeout; lastRun: number }>();
  const configs = new Map<string, Promise<LoadedConfig>>();
  const reportedConfigErrors = new Set<string>();

  const log = (message: string) => logTo(connection, message);

  /** The configuration `raci check` would use for the file, looked up from its folder as the command looks from its own. */
  const configFor = (file: string | undefined): Promise<LoadedConfig> => {
    if (file === undefined) return Promise.resolve({ config: undefined, source: undefined, warnings: [] });
    const folder = dirname(file);
    let found = configs.get(folder);
    if (!found) {
      found = loadConfig(undefined, folder).catch((caught: unknown) => {
        const message = caught instanceof ConfigFileError ? caught.message : describe(caught);
        if (!reportedConfigErrors.has(message)) {
          reportedConfigErrors.add(message);
          log(`${message}; checking with the default severities`);
          // A notification: a request would wait for an answer some editors never give.
          void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `raci: ${message}` });
        }
        return { config: undefined, source: undefined, warnings: [] };
      });
      configs.set(folder, found);
    }
    return found;
  };

  /** The reading of the document as it is now, from the cache when its version has not changed; undefined when reading it failed. */
  const readingOf = async (document: TextDocument): Promise<Reading | undefined> => {
    const cached = readings.get(document.uri);
    if (cached?.version === document.version) return cached;
    const file = filePath(document.uri);
    const { config } = await configFor(file);
    const current = documents.get(document.uri);
    if (current?.version !== document.version) return current ? readingOf(current) : undefined;
    const analysisOptions: AnalysisOptions = { ...(file !== undefined ? { file } : {}), ...(config ? { config } : {}) };
    try {
      const reading = { version: document.version, analysis: analyse(document.getText(), analysisOptions), options: analysisOptions };
      readings.set(document.uri, reading);
      return reading;
    } catch (caught) {
      log(`could not check ${document.uri}: ${describe(caught)}`);
      return undefined;
    }
  };

  const validate = async (uri: string): Promise<void> => {
    const document = documents.get(uri);
    if (!document || !isMarkdown(document)) return;
    const reading = await readingOf(document);
    // A newer change is on its way, or the document was closed meanwhile.
    if (!reading || documents.get(uri)?.version !== reading.version) return;
    await connection.sendDiagnostics({ uri, version: reading.version, diagnostics: documentDiagnostics(reading.analysis, uri) });
  };

  /** At once after a pause; while typing goes on, at most once per `throttleMs`, the last change always included. */
  const schedule = (uri: string): void => {
    const state = schedules.get(uri) ?? { lastRun: Number.NEGATIVE_INFINITY };
    schedules.set(uri, state);
    if (state.timer) return;
    const wait = Math.max(0, state.lastRun + throttleMs - performance.now());
    state.timer = setTimeout(() => {
      state.timer = undefined;
      state.lastRun = performance.now();
      validate(uri).catch((caught: unknown) => log(`could not report on ${uri}: ${describe(caught)}`));
    }, wait);
  };

  const forget = (uri: string): void => {
    clearTimeout(schedules.get(uri)?.timer);
    schedules.delete(uri);
    readings.delete(uri);
  };

  /** A request's answer, or `fallback` (logged) when working it out fails. */
  const guarded =
    <Params, Result>(name: string, handler: (params: Params) => Promise<Result>, fallback: Result) =>
    async (params: Params): Promise<Result> => {
      try {
        return await handler(params);
      } catch (caught) {
        log(`${name} failed: ${describe(caught)}`);
        return fallback;
      }
    };

  const guideReading = async (uri: string): Promise<Reading | undefined> => {
    const document = documents.get(uri);
    return document && isMarkdown(document) ? readingOf(document) : undefined;
  };

  let watchesConfiguration = false;
  connection.onInitialize(({ capabilities }): InitializeResult => {
    watchesConfiguration = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
        hoverProvider: true,
        documentSymbolProvider: { label: 'Responsibility model' },
      },
      serverInfo: { name: 'raci', ...(options.version !== undefined ? { version: options.version } : {}) },
    };
  });

  // Where the editor can watch files for the server, it is asked to report the configuration files.
  connection.onInitialized(() => {
    if (!watchesConfiguration) return;
    connection.client
      .register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/{raci.config.json,raci.config.yaml,raci.config.yml,package.json}' }],
      })
      .catch((caught: unknown) => log(`could not watch the configuration files: ${describe(caught)}`));
  });

  documents.onDidChangeContent(({ document }) => schedule(document.uri));
  documents.onDidClose(({ document }) => {
    forget(document.uri);
    if (isMarkdown(document)) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  // A configuration file changed: every open guide is checked again with what is now found.
  connection.onDidChangeWatchedFiles(() => {
    configs.clear();
    reportedConfigErrors.clear();
    readings.clear();
    for (const document of documents.all()) schedule(document.uri);
  });

  connection.onHover(
    guarded(
      'hover',
      async ({ textDocument, position }) => {
        const reading = await guideReading(textDocument.uri);
        return (reading && hoverAt(reading.analysis, position)) ?? null;
      },
      null,
    ),
  );

  connection.onDocumentSymbol(
    guarded(
      'document symbols',
      async ({ textDocument }) => {
        const reading = await guideReading(textDocument.uri);
        return reading ? documentSymbols(reading.analysis) : [];
      },
      [],
    ),
  );

  connection.onCodeAction(
    guarded(
      'code actions',
      async ({ textDocument, range, context }) => {
        const reading = await guideReading(textDocument.uri);
        if (!reading) return [];
        const { result } = reading.analysis;
        reading.safeEdits ??= new Set(safeFixEdits(result.text, result.findings));
        const recheck = (text: string): CheckResult => analyse(text, reading.options).result;
        const actions = codeActions({ analysis: reading.analysis, uri: textDocument.uri, range, safeEdits: reading.safeEdits, recheck });
        // The kinds the editor asked for (`source.fixAll` on save), each with the kinds below it.
        const only = context.only;
        return only ? actions.filter(({ kind = '' }) => only.some((asked) => kind === asked || kind.startsWith(`${asked}.`))) : actions;
      },
      [],
    ),
  );

  let shutdownReceived = false;
  connection.onShutdown(() => {
    shutdownReceived = true;
    for (const uri of schedules.keys()) forget(uri);
  });

  documents.listen(connection);
  return { shutdownReceived: () => shutdownReceived };
}
