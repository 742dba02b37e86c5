import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDiagnosticsDoc, renderDocs, renderRulesDoc } from '../../src/rules/docs.js';
import { DIRECTIVES, RULES } from '../../src/rules/rule-table.js';
import { DIAGNOSTIC_CODE_IDS, DIAGNOSTIC_CODES } from '../../src/schema/codes.js';
import { showBidiControls } from '../../src/util/control-characters.js';
import { ROOT } from '../helpers/paths.js';

describe('the generated documents', () => {
  for (const { path, content } of renderDocs()) {
    it(`${path} is up to date (npm run docs)`, () => {
      const written = readFileSync(join(ROOT, path), 'utf8');
      // Outside CI the stale file is rewritten, to review with git diff; the test fails all the same.
      if (written !== content && !process.env['CI']) writeFileSync(join(ROOT, path), content);
      expect(written === content, `${path} is stale: run npm run docs and commit it`).toBe(true);
    });
  }
});

describe('docs/diagnostics.md', () => {
  const doc = renderDiagnosticsDoc();
  const rows = [...doc.matchAll(/^\| (?:`([a-z0-9-]+)`|\[`([a-z0-9-]+)`\]\(rules\.md#([a-z0-9-]+)\)) \| (\w+) \| (\w+) \|/gm)];

  it('lists every code once, with its source and default severity', () => {
    expect(rows.map((row) => row[1] ?? row[2])).toEqual(DIAGNOSTIC_CODE_IDS);
    for (const row of rows) {
      const code = (row[1] ?? row[2]) as keyof typeof DIAGNOSTIC_CODES;
      expect([row[4], row[5]], code).toEqual([DIAGNOSTIC_CODES[code].source, DIAGNOSTIC_CODES[code].severity]);
    }
  });

  it('links each rule and comment check to its section of rules.md, and no parser code', () => {
    const rulesDoc = renderRulesDoc();
    const linked = rows.filter((row) => row[2] !== undefined);
    expect(linked.map((row) => row[2])).toEqual([...RULES, ...DIRECTIVES].map((rule) => rule.id));
    for (const row of linked) {
      expect(row[3]).toBe(row[2]);
      expect(rulesDoc).toContain(`\n## ${row[2]}\n`);
    }
  });
});

describe('docs/rules.md', () => {
  const doc = renderRulesDoc();

  it('has one section per rule and comment check, with every example and its findings', () => {
    const documented = [...RULES, ...DIRECTIVES];
    documented.forEach((rule, index) => {
      // Up to the next rule's heading: examples have headings of their own.
      const next = documented[index + 1];
      const section = doc.slice(doc.indexOf(`\n## ${rule.id}\n`), next ? doc.indexOf(`\n## ${next.id}\n`) : undefined);
      expect(section).not.toBe('');
      expect(section).toContain(`Default severity: **${DIAGNOSTIC_CODES[rule.id].severity}**`);
      expect(section).toContain(DIAGNOSTIC_CODES[rule.id].summary);
      for (const example of rule.examples) {
        // Bidirectional controls are shown as `<U+202E>` tokens in the documentation.
        expect(section).toContain(`\`\`\`markdown\n${showBidiControls(example.markdown)}\n\`\`\``);
        for (const finding of example.findings) expect(section).toContain(finding);
        if (example.fixed !== undefined) expect(section).toContain(`\`\`\`markdown\n${example.fixed}\n\`\`\``);
      }
    });
  });
});
