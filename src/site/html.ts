import { codePointName, findBidiControls, showBidiControls } from '../util/control-characters.js';

/**
 * HTML built from tagged templates: every interpolated value is escaped unless
 * it is already `SafeHtml`, so text from a guide can only ever become text.
 * The brand is a class, not a string convention, so forgetting to escape is a
 * type error rather than a review comment.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for element content and for quoted attribute values alike.
 * Bidirectional controls become visible `<U+202E>` tokens, so guide text
 * cannot reorder what the page shows around it.
 */
export function escapeHtml(text: string): string {
  return showBidiControls(text).replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

/** Element content with each bidirectional control shown as a marked `<U+202E>` token (in content only: a span cannot go in an attribute). */
export function markedText(text: string): SafeHtml {
  const parts: SafeHtml[] = [];
  let from = 0;
  for (const { index, character } of findBidiControls(text)) {
    const name = codePointName(character);
    parts.push(new SafeHtml(escapeHtml(text.slice(from, index))));
    parts.push(
      html`<span class="bidi-control" title="${`Bidirectional control ${name}, shown instead of reordering the text`}">&lt;${name}&gt;</span>`,
    );
    from = index + character.length;
  }
  parts.push(new SafeHtml(escapeHtml(text.slice(from))));
  return joinHtml(parts);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** `html\`<p>${text}</p>\``: strings are escaped, `SafeHtml` is kept, arrays are joined, null/false vanish. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let index = 0; index < values.length; index += 1) out += render(values[index]!) + strings[index + 1]!;
  return new SafeHtml(out);
}

export function joinHtml(parts: readonly HtmlValue[], separator: HtmlValue = ''): SafeHtml {
  return new SafeHtml(parts.map(render).join(render(separator)));
}

/** An attribute that is present or absent: `${attribute('hidden', isHidden)}`. */
export function attribute(name: string, value: string | number | boolean | undefined): SafeHtml {
  if (value === undefined || value === false) return new SafeHtml('');
  if (value === true) return new SafeHtml(` ${name}`);
  return new SafeHtml(` ${name}="${escapeHtml(String(value))}"`);
}

// Browsers drop tabs and newlines inside URLs ("java\nscript:" runs), so any
// control character disqualifies a URL outright.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this pattern finds
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

/**
 * The URL if it may become an `href`: http(s), or relative (a path, a query or
 * a fragment). Anything else (`javascript:`, `data:`, `vbscript:`, odd schemes)
 * is refused, and the caller shows the link as plain text.
 */
export function safeHref(url: string): string | undefined {
  const trimmed = url.trim();
  if (trimmed === '' || CONTROL.test(trimmed) || trimmed.includes('\\')) return undefined;
  const encoded = trimmed.replace(/ /g, '%20');
  const scheme = SCHEME.exec(encoded);
  if (!scheme) return encoded;
  const name = scheme[1]!.toLowerCase();
  return name === 'http' || name === 'https' ? encoded : undefined;
}
