import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseResponsibilityModelFile } from '../../src/entries/files.js';
import { renderPlainText } from '../../src/entries/format.js';
import { listActivities } from '../../src/index.js';
import { FIXTURES } from '../helpers/paths.js';

const HOSTED_EXCHANGE = join(
  FIXTURES,
  'corpus/pages/web_cloud/email_and_collaborative_solutions/microsoft_exchange/responsibility-model/guide.en-gb.md',
);
const WEB_PAGE_TEXT = join(FIXTURES, 'seeds/001_514f2ce405c8b41d.txt');

/** The section headings and activity lines of the page text: from "1. …" up to "Go further", minus table headers. */
function pageLines(text: string): string[] {
  const lines = text.split('\n').map((line) => line.trim());
  const start = lines.findIndex((line) => /^1\. /.test(line));
  const end = lines.indexOf('Go further');
  const tableHeader = lines.find((line) => line.startsWith('Activity '));
  return lines.slice(start, end).filter((line) => line !== '' && line !== tableHeader);
}

describe('renderPlainText', () => {
  it('reproduces every section heading and activity line of the Hosted Exchange web page, in order', async () => {
    const model = await parseResponsibilityModelFile(HOSTED_EXCHANGE);
    const rendered = renderPlainText(model)
      .split('\n')
      .filter((line) => line !== '');
    const expected = pageLines(readFileSync(WEB_PAGE_TEXT, 'utf8'));
    const firstSection = rendered.indexOf(expected[0]!);
    expect(expected).toContain('Deliver PST file following client request A RI');
    expect(expected.length).toBeGreaterThan(60);
    expect(rendered.slice(firstSection)).toEqual(expected);
  });

  it('writes each activity once, in model order, with its non-empty cells as written', async () => {
    const model = await parseResponsibilityModelFile(HOSTED_EXCHANGE);
    const rendered = renderPlainText(model);
    const activityLines = listActivities(model).map((activity) =>
      [activity.text, ...Object.values(activity.cells).filter(Boolean)].join(' '),
    );
    let from = 0;
    for (const line of activityLines) {
      const at = rendered.indexOf(`${line}\n`, from);
      expect(at, line).toBeGreaterThanOrEqual(from);
      from = at + line.length;
    }
    expect(rendered).toContain('Administrate domain, mailboxes, distribution groups, etc. RA IR');
  });
});
