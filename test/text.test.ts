import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/markdown/processor.js';
import { textContent } from '../src/markdown/text.js';
import { bundledGuides, readText } from '../scripts/synthetic-guides.js';

function allNodes(root: Nodes): Nodes[] {
  const nodes: Nodes[] = [];
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    nodes.push(node);
    if ('children' in node) stack.push(...(node.children as Nodes[]));
  }
  return nodes;
}

describe('textContent: the fast path of mdast-util-to-string', () => {
  it('agrees with toString(node, { includeImageAlt: true }) on every node of every bundled guide', () => {
    let compared = 0;
    for (const path of bundledGuides()) {
      for (const node of allNodes(parseMarkdown(readText(path)))) {
        expect(textContent(node)).toBe(toString(node, { includeImageAlt: true }));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });

  it('agrees on random inline markup: images, HTML, code, links, emphasis, footnotes', () => {
    const pieces = ['text', ' ', '**', '*', '_', '`', '![alt](x.png)', '![](y.png)', '<b>', '</b>', '[l](u)', '[^1]', '~~', '\\*', '&amp;', 'www.x.com', '\n', '|', '{.external}'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const tree = parseMarkdown(`${parts.join('')}\n\n[^1]: note ![a](b)\n`);
        for (const node of allNodes(tree)) expect(textContent(node)).toBe(toString(node, { includeImageAlt: true }));
      }),
      { numRuns: 200 },
    );
  });
});
