import { findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { createLocator } from '../util/lines.js';

/** How a configuration file is written: JSON with comments and trailing commas, or YAML. */
export type ConfigSyntax = 'json' | 'yaml';

export interface Position {
  line: number;
  column: number;
}

/** A configuration file read into a value, and where each key's value sits, for messages. */
export interface ConfigText {
  value: unknown;
  /** Line and column of the value at `path`, when the path exists. */
  positionOf(path: readonly PropertyKey[]): Position | undefined;
}

/** A file that is not valid JSON or YAML: the first problem, with its place. */
export class ConfigSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: Position,
  ) {
    super(message);
  }
}

/** "CommaExpected" → "comma expected". */
function jsoncMessage(error: ParseError): string {
  return printParseErrorCode(error.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

/**
 * A JSONC tree as a value. Keys become own properties even when named `__proto__`, so that such a key is
 * seen (and refused as an unknown rule id) instead of changing an object's prototype.
 */
function jsoncValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const object: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key === undefined || value === undefined) continue;
        Object.defineProperty(object, String(key.value), {
          value: jsoncValue(value),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return object;
    }
    case 'array':
      return (node.children ?? []).map(jsoncValue);
    default:
      return node.value;
  }
}

function readJsonc(text: string): ConfigText {
  const locate = createLocator(text);
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  const first = errors[0];
  if (first !== undefined) throw new ConfigSyntaxError(`not valid JSON: ${jsoncMessage(first)}`, locate(first.offset));
  if (tree === undefined) throw new ConfigSyntaxError('not valid JSON: empty file', { line: 1, column: 1 });
  return {
    value: jsoncValue(tree),
    positionOf(path) {
      const node = findNodeAtLocation(
        tree,
        path.map((key) => (typeof key === 'number' ? key : String(key))),
      );
      return node === undefined ? undefined : locate(node.offset);
    },
  };
}

function readYaml(text: string): ConfigText {
  const lineCounter = new LineCounter();
  // The core schema only (no custom tags); aliases are expanded at most 100 times, against alias bombs.
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'core' });
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const first = document.errors[0];
  if (first !== undefined) throw new ConfigSyntaxError(`not valid YAML: ${first.message.split('\n')[0]}`, position(first.pos[0]));
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (caught) {
    throw new ConfigSyntaxError(`not valid YAML: ${caught instanceof Error ? caught.message : String(caught)}`, { line: 1, column: 1 });
  }
  return {
    value,
    positionOf(path) {
      const node = document.getIn(path as unknown[], true);
      return (isScalar(node) || isMap(node) || isSeq(node)) && node.range ? position(node.range[0]) : undefined;
    },
  };
}

/** The value of a configuration file's text (its byte order mark already removed). */
export function readConfigText(text: string, syntax: ConfigSyntax): ConfigText {
  return syntax === 'yaml' ? readYaml(text) : readJsonc(text);
}
