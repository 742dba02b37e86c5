import type { Nodes, PhrasingContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { Link } from '../schema/model.js';

/**
 * Pandoc-style attribute lists that the OVHcloud docs put after links
 * (`[x](url){.external}`); the help-center page does not show them.
 */
const ATTRIBUTE_LIST = /\{\s*[.#][\w-]+(?:\s+[.#][\w-]+)*\s*\}/g;

/** `text` without its attribute lists. */
export function stripAttributeLists(text: string): string {
  return text.includes('{') ? text.replace(ATTRIBUTE_LIST, '') : text;
}

/** Whitespace other than a single space: only then is there anything to collapse. */
const COLLAPSIBLE = /[^\S ]| {2}/;

/** Whitespace collapsed and trimmed. */
export function collapseWhitespace(text: string): string {
  // Most cells are short and clean; the test is about twice as fast as the replace.
  return COLLAPSIBLE.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

/** The text of a node as a reader sees it: no markup, no attribute lists, no HTML comments, single spaces. */
export function plainText(node: Nodes): string {
  const text = textContent(node);
  return collapseWhitespace(stripAttributeLists(text));
}

const HTML_COMMENT = /^<!--[\s\S]*-->$/;

/**
 * `mdast-util-to-string` with image alts, leaving out the HTML comments
 * written directly in the node: a page never shows them, and a writer may put
 * one in a cell (`<!-- raci-disable-line … -->`). The library recurses once
 * per level of inline markup; the parser's `maxInlineMarkers` limit keeps that
 * depth far below the stack's size.
 */
function textContent(root: Nodes): string {
  if (!('children' in root)) return mdastToString(root, { includeImageAlt: true });
  let text = '';
  for (const child of root.children) {
    if (child.type === 'html' && HTML_COMMENT.test(child.value.trim())) continue;
    text += mdastToString(child, { includeImageAlt: true });
  }
  return text;
}

/**
 * Heading text without the markers of bold that did not close: remark reads
 * `**3.1.3. Monitoring **` literally, because a closing `**` may not follow a space.
 */
export function headingText(node: Nodes): string {
  return withoutTrailingMarkers(plainText(node).replace(/^[*_]+\s*/, ''));
}

/**
 * `text` without a final run of `*` or `_` and the whitespace before it. A
 * loop, because `/\s*[*_]+$/` tries every start in a long run and backtracks
 * quadratically.
 */
function withoutTrailingMarkers(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '*' || text[end - 1] === '_')) end--;
  if (end === text.length) return text;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/**
 * `text` without its HTML comments (`<!-- … -->`), as `/<!--[\s\S]*?-->/g`
 * would remove them but in linear time: that pattern rescans the rest of the
 * text from every unclosed `<!--`.
 */
export function stripHtmlComments(text: string): string {
  let result = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('<!--', from);
    if (open === -1) break;
    const close = text.indexOf('-->', open + 4);
    if (close === -1) break;
    result += text.slice(from, open);
    from = close + 3;
  }
  return result + text.slice(from);
}

export function linksIn(node: Nodes): Link[] {
  const links: Link[] = [];
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'link') links.push({ text: plainText(current), url: current.url });
    if ('children' in current) {
      for (let index = current.children.length - 1; index >= 0; index--) stack.push(current.children[index] as PhrasingContent);
    }
  }
  return links;
}
