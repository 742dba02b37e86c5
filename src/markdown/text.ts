import type { Nodes, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Link } from '../model/schema.js';

/**
 * Pandoc-style attribute lists that the OVHcloud docs put after links
 * (`[x](url){.external}`); the help-center page does not show them.
 */
const ATTRIBUTE_LIST = /\{\s*[.#][\w-]+(?:\s+[.#][\w-]+)*\s*\}/g;

/** Whitespace collapsed and trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The text of a node as a reader sees it: no markup, no attribute lists, single spaces. */
export function plainText(node: Nodes): string {
  return collapseWhitespace(toString(node, { includeImageAlt: true }).replace(ATTRIBUTE_LIST, ''));
}

/**
 * Heading text without the markers of bold that did not close: remark reads
 * `**3.1.3. Monitoring **` literally, because a closing `**` may not follow a space.
 */
export function headingText(node: Nodes): string {
  return plainText(node).replace(/^[*_]+\s*/, '').replace(/\s*[*_]+$/, '');
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
