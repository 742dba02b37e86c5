import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

/** Every name an entry module exports, types included, read from its re-exports. */
function exportedNames(entryFile: string): string[] {
  const text = readFileSync(join(ROOT, 'src', entryFile), 'utf8');
  return [...text.matchAll(/export (?:type )?\{([^}]*)\} from/g)].flatMap((match) =>
    match[1]!
      .split(',')
      .map((name) =>
        name
          .trim()
          .replace(/^type /, '')
          .replace(/^.* as /, ''),
      )
      .filter(Boolean),
  );
}

describe('docs/api.md', () => {
  const docs = readFileSync(join(ROOT, 'docs/api.md'), 'utf8');
  const sections = new Map(
    docs
      .split(/^## /m)
      .slice(1)
      .map((section) => [section.slice(0, section.indexOf('\n')), section] as const),
  );
  /** The names a section documents: the code spans before the dash of each list item. */
  const documented = (section: string) =>
    [...section.matchAll(/^- ([\s\S]*?) —\s/gm)].flatMap((item) => [...item[1]!.matchAll(/`([A-Za-z_$][\w$]*)/g)].map((name) => name[1]!));

  const entries: [string, string][] = [
    ['`responsibility-model`', 'index.ts'],
    ...['files', 'datasets', 'diff', 'format', 'site', 'remark'].map((name): [string, string] => [
      `\`responsibility-model/${name}\``,
      `entries/${name}.ts`,
    ]),
  ];

  it('has one section per entry, in the order of its table', () => {
    expect([...sections.keys()]).toEqual(entries.map(([heading]) => heading));
  });

  it.each(entries)('documents every export of %s, and nothing else', (heading, file) => {
    expect(documented(sections.get(heading) ?? '').sort()).toEqual(exportedNames(file).sort());
  });
});
