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

/** Escapes text for element content and for quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
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
