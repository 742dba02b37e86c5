import { readFileSync } from 'node:fs';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkRaciDefault, { remarkRaci } from '../../src/entries/remark.js';
import { checkGuideText } from '../../src/rules/check-guide.js';
import { ROOT } from '../helpers/paths.js';
import { failingExampleGuide } from '../helpers/rule-examples.js';

async function lint(path: string, options?: Parameters<typeof remarkRaci>[0], value = readFileSync(path, 'utf8')) {
  const file = new VFile({ path, value });
  const processor = unified().use(remarkParse).use(remarkRaci, options);
  await processor.run(processor.parse(file), file);
  return file;
}

describe('responsibility-model/remark', () => {
  it('reports the same findings as raci check, as vfile messages with ruleId, source and place', async () => {
    const path = `${ROOT}fixtures/corpus/pages/cloud/nutanix/60-responsibility-sharing/guide.en-gb.md`;
    const file = await lint(path);
    const expected = checkGuideText(readFileSync(path, 'utf8'), { file: path }).findings;
    expect(file.messages.map((message) => [message.ruleId, message.source, message.reason, message.place])).toEqual(
      expected.map((finding) => [
        finding.code,
        'raci',
        finding.message,
        { start: { line: finding.line, column: finding.column }, end: { line: finding.endLine, column: finding.endColumn } },
      ]),
    );
  });

  it('errors are fatal, warnings are not, infos are neither', async () => {
    const file = await lint('guide.en-gb.md', undefined, failingExampleGuide('responsible-missing'));
    expect(file.messages.map((message) => [message.ruleId, message.fatal])).toEqual([
      ['responsible-missing', false],
      ['accountable-missing', true],
      ['responsible-missing', false],
    ]);
    const infos = await lint('guide.en-gb.md', undefined, failingExampleGuide('role-noncanonical'));
    expect(infos.messages.every((message) => message.fatal === undefined)).toBe(true);
  });

  it('takes a raci configuration as options, and rejects an invalid one', async () => {
    const file = await lint(
      'guide.en-gb.md',
      { rules: { 'accountable-multiple': 'warning' } },
      failingExampleGuide('accountable-multiple'),
    );
    expect(file.messages.map((message) => message.fatal)).toEqual([false, false]);
    expect(() =>
      unified()
        .use(remarkParse)
        .use(remarkRaci, { rules: { nope: 'off' } })
        .freeze(),
    ).toThrow('responsibility-model/remark: invalid options: rules.nope: “nope” is not a rule id');
  });

  it('leaves files that are not guides alone, and is the default export too', async () => {
    expect((await lint(`${ROOT}fixtures/README.md`)).messages).toEqual([]);
    expect(remarkRaciDefault).toBe(remarkRaci);
  });
});
