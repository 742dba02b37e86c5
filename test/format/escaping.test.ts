import fc from 'fast-check';
import type { Nodes, Root } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { compareLocales } from '../../src/compare/compare-locales.js';
import { diffModels } from '../../src/compare/diff-models.js';
import { renderDiffMarkdown } from '../../src/format/diff-markdown.js';
import { renderDiffText } from '../../src/format/diff-text.js';
import { renderDriftMarkdown, renderDriftText } from '../../src/format/drift.js';
import { renderGithub } from '../../src/format/github.js';
import { renderGithubSummary } from '../../src/format/github-summary.js';
import { renderGitlab } from '../../src/format/gitlab.js';
import { renderJson } from '../../src/format/json.js';
import { renderJunit } from '../../src/format/junit.js';
import { escapeMarkdown, inlineCode } from '../../src/format/markdown-escape.js';
import { renderPlainText } from '../../src/format/plain-text.js';
import type { ReportInput } from '../../src/format/report-input.js';
import { renderSarif } from '../../src/format/sarif.js';
import { renderStylish } from '../../src/format/stylish.js';
import { listActivities } from '../../src/model/list-activities.js';
import { safeParseResponsibilityModel } from '../../src/parse/parse.js';
import { localeFromPath } from '../../src/read/locale.js';
import { checkGuideText } from '../../src/rules/check-guide.js';
import { escapeControlCharacters } from '../../src/util/control-characters.js';
import { splitLines } from '../../src/util/lines.js';
import {
  COMMAND_FILE_NAME,
  commandLines,
  expectInert,
  HOSTILE_ACTIVITY,
  hostileGuide,
  INJECTED_COMMAND,
  LEADING_COMMAND_FILE_NAME,
  RAW_CONTROL,
  withoutColours,
} from '../helpers/injection.js';

const SEED = 21;
const ZERO_WIDTH_SPACE = /\u200b/g;

function checked(file: string): ReportInput {
  const text = hostileGuide();
  const result = checkGuideText(text, { file });
  return { files: [{ file, findings: result.findings, lines: splitLines(text) }], skipped: 0, baselined: 0 };
}

const INPUT: ReportInput = {
  ...checked(COMMAND_FILE_NAME),
  files: [...checked(COMMAND_FILE_NAME).files, ...checked(LEADING_COMMAND_FILE_NAME).files],
};

function model(activity = HOSTILE_ACTIVITY, file = COMMAND_FILE_NAME, customer = 'R') {
  const locale = localeFromPath(file);
  return safeParseResponsibilityModel(hostileGuide(activity, customer), { file, ...(locale ? { locale } : {}) }).model;
}

/** The hostile activity as the parser reads it (`&amp;` is `&`). */
const ACTIVITY_TEXT = listActivities(model())[0]!.text;

function markdownTree(markdown: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(markdown);
}

function nodesOf(tree: Root, type: string): Nodes[] {
  const found: Nodes[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === type) found.push(node);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return found;
}

/** What a reader of the rendered markdown sees, without the zero-width spaces that stop mentions and references. */
function renderedText(node: Nodes): string {
  return textOf(node).replace(ZERO_WIDTH_SPACE, '');
}

describe('the check formats quote hostile file names and guide text', () => {
  it('the guide gives a finding quoting the hostile activity, so every format prints it', () => {
    expect(INPUT.files[0]!.findings.some((finding) => finding.message.includes('PWNED'))).toBe(true);
  });

  it('stylish, with or without colours: no raw control character from the input, no command line', () => {
    const plain = renderStylish(INPUT, { color: false });
    expectInert(plain);
    expect(plain.split('\n')[0]).toBe(`x\\n${INJECTED_COMMAND}.md`);
    expect(plain).toContain('\\x3a:stop-commands::pwned.md');
    expect(plain).toContain('Title \\x1b]0;PWNED\\x07 set, clipboard \\x1b]52;c;cm0gLXJmIH4=\\x07 written \\x9b2J\\x7f');
    const coloured = renderStylish(INPUT, { color: true });
    // Only the colours' own escapes are left.
    expect(withoutColours(coloured)).toBe(plain);
  });

  it('stylish: the carets stay under the span when the line holds escaped controls', () => {
    const frame = renderStylish(INPUT, { color: false }).split('\n');
    const source = frame.findIndex((line) => line.startsWith('    17 |'));
    const caretColumn = frame[source + 1]!.indexOf('^');
    expect(frame[source]!.slice(caretColumn, caretColumn + 2)).toBe('AR');
    const hostile = frame.findIndex((line) => line.startsWith('    16 |') && line.includes('PWNED'));
    expect(hostile).toBeGreaterThan(0);
  });

  it('github: GitHub escaping in properties and messages, other controls shown, one command per finding', () => {
    const output = renderGithub(INPUT);
    expect(output).not.toMatch(RAW_CONTROL);
    const lines = output.split('\n');
    expect(commandLines(output)).toEqual(lines.filter((line) => /^::(error|warning|notice) file=/.test(line)));
    expect(lines.filter((line) => line.startsWith('::')).length).toBe(lines.length - 1);
    expect(output).toContain(`file=x%0A%3A%3Aerror file=README.md%2Cline=1%2Ctitle=Injected%3A%3ASecurity review passed.md,line=`);
    expect(output).toContain('\\x1b]0;PWNED\\x07');
  });

  it('junit: line breaks and C1 controls as character references, C0 controls left out; no command line', () => {
    const output = renderJunit(INPUT);
    expectInert(output);
    expect(output).toContain('name="x&#10;::error file=README.md');
    expect(output).toContain('&#155;2J&#127;');
  });

  it('json, gitlab and sarif: no raw control character, the same strings once parsed', () => {
    for (const output of [renderJson(INPUT), renderGitlab(INPUT), renderSarif(INPUT, { version: '1.0.0' })]) {
      expectInert(output);
      expect(output).toContain('\\u001b]0;PWNED\\u0007');
      expect(JSON.stringify(JSON.parse(output))).toContain(JSON.stringify(ACTIVITY_TEXT).slice(1, -1));
    }
  });
});

describe('the text outputs of a guide, a diff and a drift', () => {
  it('plain text: the hostile title and activity shown escaped', () => {
    const output = renderPlainText(model(`${INJECTED_COMMAND} ${HOSTILE_ACTIVITY}`));
    expectInert(output);
    expect(output).toContain('Guide \\x1b]0;PWNED\\x07');
    expect(output).toContain('\\x3a:error file=README.md');
  });

  it('diff text: labels and activity text shown escaped', () => {
    const diff = diffModels(model('Keep audit logs'), model(`${INJECTED_COMMAND} ${HOSTILE_ACTIVITY}`), {
      oldLabel: COMMAND_FILE_NAME,
      newLabel: LEADING_COMMAND_FILE_NAME,
    });
    for (const color of [false, true]) {
      const output = withoutColours(renderDiffText(diff, { color }));
      expectInert(output);
      expect(output).toContain(`--- x\\n${INJECTED_COMMAND}.md`);
      expect(output).toContain('+ \\x3a:error file=README.md');
    }
  });

  it('drift text: the folder and the rows shown escaped', () => {
    const english = model(HOSTILE_ACTIVITY, `${COMMAND_FILE_NAME}/guide.en-gb.md`);
    const french = model('Autre chose', `${COMMAND_FILE_NAME}/guide.fr-fr.md`, 'RA');
    const comparison = compareLocales([
      { model: english, file: `${COMMAND_FILE_NAME}/guide.en-gb.md` },
      { model: french, file: `${COMMAND_FILE_NAME}/guide.fr-fr.md` },
    ]);
    expect(comparison.translations[0]!.findings.length).toBeGreaterThan(0);
    const output = renderDriftText([comparison]);
    expectInert(output);
    expect(output).toContain('PWNED');
  });
});

describe('markdown outputs: GitHub-flavoured, read back with remark', () => {
  const HOSTILE_NAME = 'a `` b`\n# Heading @admin\n<img src=x>.md';

  it('escapeMarkdown: the rendered text is the text, one line, controls shown; no markup, mention or reference', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            'a',
            ' ',
            '@',
            '#',
            '1',
            '&',
            ';',
            '<',
            '>',
            '`',
            '*',
            '_',
            '~',
            '[',
            ']',
            '(',
            ')',
            '|',
            '\\',
            '!',
            '$',
            ':',
            '\u001b',
            '-',
            '=',
          ),
        }),
        (text) => {
          const tree = markdownTree(`x ${escapeMarkdown(text)} y`);
          expect(renderedText(tree)).toBe(`x ${escapeControlCharacters(text)} y`);
          expect(tree.children.map((node) => node.type)).toEqual(['paragraph']);
          const inline = (tree.children[0] as { children: Nodes[] }).children;
          expect(inline.map((node) => node.type)).toEqual(['text']);
          expect(escapeMarkdown(text)).not.toMatch(/@[\p{L}\p{N}_-]|#\p{N}/u);
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('escapeMarkdown: inside a table cell too', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '|', '\\', '`', '&', '<', ':', '-') }), (text) => {
        fc.pre(text.trim() !== '');
        const tree = markdownTree(`| A | B |\n| --- | --- |\n| x ${escapeMarkdown(text)} y | z |`);
        const cells = nodesOf(tree, 'tableCell');
        expect(cells.map(renderedText)).toEqual(['A', 'B', `x ${text} y`, 'z']);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('escapeMarkdown: a line break is a space', () => {
    expect(renderedText(markdownTree(escapeMarkdown('one\n# two\r\n- three')))).toBe('one # two - three');
  });

  it('inlineCode: the code is the text, with controls shown, whatever backticks and spaces it holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '`', '\n', '#', '@', '\u001b') }), (text) => {
        fc.pre(text.trim() !== '');
        const tree = markdownTree(`x ${inlineCode(text)} y`);
        const codes = nodesOf(tree, 'inlineCode');
        expect(codes.map((node) => (node as { value: string }).value)).toEqual([escapeControlCharacters(text)]);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('diff markdown: hostile labels stay in their code spans, activity text comes back as written', () => {
    const diff = diffModels(model('Keep audit logs'), model(`${INJECTED_COMMAND} ${HOSTILE_ACTIVITY} \\*em\\* $x$`), {
      oldLabel: HOSTILE_NAME,
      newLabel: COMMAND_FILE_NAME,
    });
    const activity = diff.activities.find((change) => change.new?.text.includes('PWNED'))!.new!.text;
    expect(activity).toContain('<b>bold</b> *em* $x$');
    const tree = markdownTree(renderDiffMarkdown(diff));
    expect(nodesOf(tree, 'html')).toEqual([]);
    expect(nodesOf(tree, 'link')).toEqual([]);
    expect(nodesOf(tree, 'heading').map(renderedText)).toEqual([
      `Responsibility model diff: Guide ${escapeControlCharacters('\u001b]0;PWNED\u0007')}`,
      '1 Run',
    ]);
    expect(
      nodesOf(tree, 'inlineCode')
        .map((node) => (node as { value: string }).value)
        .slice(0, 2),
    ).toEqual([escapeControlCharacters(HOSTILE_NAME), escapeControlCharacters(COMMAND_FILE_NAME)]);
    const items = nodesOf(tree, 'listItem').map(renderedText);
    expect(items.some((item) => item.includes(escapeControlCharacters(activity)))).toBe(true);
  });

  it('drift markdown and the job summary: the same', () => {
    const file = `${HOSTILE_NAME}/guide.en-gb.md`;
    const english = model(HOSTILE_ACTIVITY, file);
    const french = model('Autre chose', `${HOSTILE_NAME}/guide.fr-fr.md`, 'RA');
    const comparison = compareLocales([
      { model: english, file },
      { model: french, file: `${HOSTILE_NAME}/guide.fr-fr.md` },
    ]);
    const summary = renderGithubSummary(checked(HOSTILE_NAME));
    for (const markdown of [renderDriftMarkdown([comparison]), summary]) {
      const tree = markdownTree(markdown);
      expect(nodesOf(tree, 'html')).toEqual([]);
      expect(nodesOf(tree, 'link')).toEqual([]);
      expect(nodesOf(tree, 'heading').length).toBe(1);
      expect(renderedText(tree)).toContain(escapeControlCharacters(ACTIVITY_TEXT));
    }
    // In a table cell a line break of the name is a space.
    expect(nodesOf(markdownTree(summary), 'tableCell').map(renderedText)).toContain(HOSTILE_NAME.replace(/\n/g, ' '));
  });
});
