import type { Yaml } from 'mdast';
import { isMap, isScalar, parseDocument } from 'yaml';
import { createDiagnostic, quote, type Span, spanOf } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../schema/model.js';

export interface FrontMatter {
  data: Record<string, unknown>;
  diagnostics: Diagnostic[];
  /** Where each top-level key is written, so a diagnostic about a value can point at its line. */
  keySpans: Map<string, Span>;
}

/** Aliases are legitimate YAML but a handful is all a guide needs; more is an alias bomb. */
const MAX_ALIAS_COUNT = 100;

/**
 * Reads the YAML front matter with the `yaml` package. Values are made
 * JSON-safe (the model must serialise), and keys such as `__proto__` stay
 * ordinary own properties.
 */
export function readFrontMatter(node: Yaml | undefined): FrontMatter {
  if (!node) return { data: {}, diagnostics: [], keySpans: new Map() };
  // The value starts on the line after the opening `---`.
  const firstValueLine = (node.position?.start.line ?? 1) + 1;
  // The yaml package reads only LF and CRLF as line breaks; a guide saved with lone CRs must read the same.
  const yamlText = node.value.replace(/\r\n?/g, '\n');
  const document = parseDocument(yamlText, { prettyErrors: true, uniqueKeys: false });
  const [error] = document.errors;
  if (error) {
    const line = firstValueLine + (error.linePos?.[0].line ?? 1) - 1;
    const column = error.linePos?.[0].col ?? 1;
    return {
      data: {},
      keySpans: new Map(),
      diagnostics: [
        createDiagnostic(
          'front-matter-invalid',
          `The front matter is not valid YAML: ${firstLine(error.message).replace(/ at line \d+, column \d+:?$/, '')}`,
          {
            line,
            column,
            endLine: line,
            endColumn: column + 1,
          },
        ),
      ],
    };
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (caught) {
    return {
      data: {},
      keySpans: new Map(),
      diagnostics: [
        createDiagnostic(
          'front-matter-invalid',
          `The front matter could not be read: ${firstLine(caught instanceof Error ? caught.message : String(caught))}`,
          spanOf(node.position),
        ),
      ],
    };
  }
  if (value === null || value === undefined) return { data: {}, diagnostics: [], keySpans: new Map() };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return {
      data: {},
      keySpans: new Map(),
      diagnostics: [
        createDiagnostic(
          'front-matter-invalid',
          'The front matter must be a mapping of keys to values (`title: …`).',
          spanOf(node.position),
        ),
      ],
    };
  }
  const dropped: string[] = [];
  const data = toJsonSafe(value, 0, '', dropped) as Record<string, unknown>;
  const spans = keySpans(document.contents, yamlText, firstValueLine);
  const diagnostics = dropped.map((path) =>
    createDiagnostic(
      'front-matter-key-ignored',
      `The front matter key ${quote(path)} is ignored: \`__proto__\` would change the prototype of the object any consumer copies the metadata into.`,
      // At the top-level key it is under.
      spans.get(path.split(/[.[]/)[0]!) ?? spanOf(node.position),
    ),
  );
  return { data, diagnostics, keySpans: spans };
}

function keySpans(contents: unknown, yamlText: string, firstValueLine: number): Map<string, Span> {
  const spans = new Map<string, Span>();
  if (!isMap(contents)) return spans;
  for (const pair of contents.items) {
    const key = pair.key;
    if (!isScalar(key) || !key.range) continue;
    const before = yamlText.slice(0, key.range[0]);
    const line = firstValueLine + (before.match(/\n/g)?.length ?? 0);
    const column = key.range[0] - before.lastIndexOf('\n');
    const valueEnd = isScalar(pair.value) && pair.value.range ? pair.value.range[1] : key.range[1];
    spans.set(String(key.value), { line, column, endLine: line, endColumn: column + (valueEnd - key.range[0]) });
  }
  return spans;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

/**
 * A JSON-safe deep copy whose objects only have own, data properties. A
 * `__proto__` key is left out (and its path recorded in `dropped`): kept as an
 * own property, it would still set the prototype of any object that a consumer
 * assigns the metadata into (`Object.assign`, a for-in copy).
 */
function toJsonSafe(value: unknown, depth: number, path: string, dropped: string[]): unknown {
  if (depth > 64) return null;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map((item, index) => toJsonSafe(item, depth + 1, `${path}[${index}]`, dropped));
  if (value instanceof Map)
    return toJsonSafe(Object.fromEntries([...value].map(([key, item]) => [String(key), item])), depth, path, dropped);
  if (value instanceof Set) return [...value].map((item, index) => toJsonSafe(item, depth + 1, `${path}[${index}]`, dropped));
  if (typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const keyPath = path === '' ? key : `${path}.${key}`;
      if (key === '__proto__') {
        dropped.push(keyPath);
        continue;
      }
      Object.defineProperty(copy, key, {
        value: toJsonSafe((value as Record<string, unknown>)[key], depth + 1, keyPath, dropped),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return copy;
  }
  return null;
}
