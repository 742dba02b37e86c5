import type { Html, List, Paragraph, PhrasingContent } from 'mdast';
import { plainText } from '../markdown/text.js';
import type { RoleDefinition } from '../schema/model.js';

/** `R - Responsible`, `R: Responsible`, `R = Responsible`, `R – Responsible`, once the markup is gone. */
const LETTER_THEN_LABEL = /^(\p{Lu})\s*[:：=–—-]\s*(\S.*)$/su;

/** A bullet list whose items each define a letter (`- **R** - Responsible`): at least two, and every item. */
export function legendFromList(list: List): RoleDefinition[] | undefined {
  const definitions: RoleDefinition[] = [];
  for (const item of list.children) {
    const [first, ...rest] = item.children;
    if (first?.type !== 'paragraph' || rest.length > 0) return undefined;
    const match = LETTER_THEN_LABEL.exec(plainText(first));
    if (!match) return undefined;
    definitions.push({ code: match[1]!, label: match[2]!.trim() });
  }
  return definitions.length >= 2 ? definitions : undefined;
}

/**
 * A paragraph whose every line starts with a letter in bold and defines it
 * (`**R** = Responsible`); the bold keeps prose such as "A: see below" out.
 */
export function legendFromParagraph(paragraph: Paragraph): RoleDefinition[] | undefined {
  const definitions: RoleDefinition[] = [];
  for (const line of linesOf(paragraph.children)) {
    const [first, ...rest] = line;
    if (first?.type !== 'strong') return undefined;
    const code = plainText(first);
    if (!/^\p{Lu}$/u.test(code)) return undefined;
    const match = /^\s*[:：=–—-]\s*(\S.*)$/su.exec(rest.map((node) => plainText(node)).join(' '));
    if (!match) return undefined;
    definitions.push({ code, label: match[1]!.trim() });
  }
  return definitions.length > 0 ? definitions : undefined;
}

/** The phrasing content of a paragraph cut at its line breaks, soft or hard. */
function linesOf(children: readonly PhrasingContent[]): PhrasingContent[][] {
  const lines: PhrasingContent[][] = [[]];
  for (const child of children) {
    if (child.type === 'break') {
      lines.push([]);
      continue;
    }
    if (child.type !== 'text' || !child.value.includes('\n')) {
      lines.at(-1)!.push(child);
      continue;
    }
    child.value.split('\n').forEach((part, index) => {
      if (index > 0) lines.push([]);
      if (part.trim() !== '') lines.at(-1)!.push({ type: 'text', value: part });
    });
  }
  return lines.filter((line) => line.length > 0);
}

/** An HTML definition list of letters: `<dl><dt>R</dt><dd>Responsible</dd>…</dl>`. */
export function legendFromHtml(html: Html): RoleDefinition[] | undefined {
  const lower = html.value.toLowerCase();
  if (!lower.includes('<dl')) return undefined;
  const definitions: RoleDefinition[] = [];
  for (let at = lower.indexOf('<dt'); at !== -1; at = lower.indexOf('<dt', at + 1)) {
    const term = elementText(html.value, lower, at, '</dt>');
    const descriptionAt = lower.indexOf('<dd', at);
    if (term === undefined || descriptionAt === -1) return undefined;
    const description = elementText(html.value, lower, descriptionAt, '</dd>');
    const code = term.trim();
    if (description === undefined || !/^\p{Lu}$/u.test(code)) return undefined;
    definitions.push({ code, label: description.replace(/\s+/gu, ' ').trim() });
  }
  return definitions.length >= 2 ? definitions : undefined;
}

/** The text of the element opened at `start` (its tags, and those inside it, left out), up to `close`. */
function elementText(html: string, lower: string, start: number, close: string): string | undefined {
  const open = html.indexOf('>', start);
  const end = lower.indexOf(close, start);
  if (open === -1 || end === -1 || open > end) return undefined;
  let text = '';
  let inTag = false;
  for (const char of html.slice(open + 1, end)) {
    if (char === '<') inTag = true;
    else if (char === '>') inTag = false;
    else if (!inTag) text += char;
  }
  return text;
}
