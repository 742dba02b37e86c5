import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeParseResponsibilityModel } from '../../src/parse/parse.js';
import { escapeHtml, html, safeHref } from '../../src/site/html.js';
import { buildReportSite } from '../../src/site/site.js';
import { HOSTILE_GUIDE, HOSTILE_TEXTS } from '../helpers/hostile-guide.js';
import { validationMessages } from '../helpers/html-validator.js';

function unescapeHtml(text: string): string {
  return text.replace(/&(lt|gt|quot|#39|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name]!);
}

describe('html template', () => {
  it('escapes every interpolated string and keeps it readable', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '/', '=', 'a', ' ', 'é', '😀'), maxLength: 40 }),
        ),
        (text) => {
          const out = html`<p title="${text}">${text}</p>`.value;
          const inner = out.slice('<p title="'.length, -'</p>'.length);
          const [attribute, content, ...rest] = inner.split('">');
          return (
            rest.length === 0 &&
            !/[<>"]/.test(attribute!) &&
            !/[<>]/.test(content!) &&
            unescapeHtml(attribute!) === text &&
            unescapeHtml(content!) === text
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps SafeHtml, joins arrays and drops null, undefined and false', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}${[1, '&', null, undefined, false]}</p>`.value).toBe('<p><b>&lt;i&gt;</b>1&amp;</p>');
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('safeHref', () => {
  it('keeps http(s) and relative URLs', () => {
    expect(safeHref('https://example.org/a?b=c#d')).toBe('https://example.org/a?b=c#d');
    expect(safeHref('HTTP://example.org')).toBe('HTTP://example.org');
    expect(safeHref('../guides/x.html#act-1.1-1')).toBe('../guides/x.html#act-1.1-1');
    expect(safeHref('/pages/a/b')).toBe('/pages/a/b');
    expect(safeHref('#top')).toBe('#top');
    expect(safeHref(' modeles de responsabilités/x.md ')).toBe('modeles%20de%20responsabilités/x.md');
  });

  it('refuses every other scheme, however it is disguised', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'mailto:someone@example.org',
      '\\\\evil\\share',
      '',
    ]) {
      expect(safeHref(url), url).toBeUndefined();
    }
  });

  it('never lets a scheme other than http(s) through (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (url) => {
        const href = safeHref(url);
        if (href === undefined) return;
        const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(href);
        if (scheme) expect(scheme[1]!.toLowerCase()).toMatch(/^https?$/);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character may reach a URL
        expect(href).not.toMatch(/[\u0000-\u001f]/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('a hostile guide', () => {
  const result = safeParseResponsibilityModel(HOSTILE_GUIDE, { locale: 'en-gb' });
  const site = buildReportSite([{ file: 'hostile/guide.en-gb.md', model: result.model, findings: result.diagnostics }], {
    sourceHref: (file, line) => `../${file}#L${line}`,
  });
  const page = site.find((file) => file.path.startsWith('guides/'))!.content;
  const overview = site.find((file) => file.path === 'index.html')!.content;

  it('was read as intended (the payloads are in the model)', () => {
    const texts = result.model.sections[0]!.sections[0]!.activities.map((activity) => activity.text);
    for (const text of HOSTILE_TEXTS) expect(texts).toContain(text);
  });

  it('shows every payload as text and never as markup', () => {
    for (const content of [page, overview]) {
      expect(content.match(/<script\b/g)).toHaveLength(1);
      expect(content).toMatch(/<script src="(\.\.\/)?assets\/report\.js" defer><\/script>/);
      expect(content).not.toMatch(/<(img|svg|b)\b/i);
      const tags = content.match(/<[a-zA-Z][^>]*>/g) ?? [];
      // Attribute values are all double-quoted with quotes escaped inside, so blanking them leaves the names.
      expect(tags.filter((tag) => /\son[a-z]+\s*=/i.test(tag.replace(/"[^"]*"/g, '""')))).toEqual([]);
      const hrefs = tags.flatMap((tag) => [...tag.matchAll(/\shref="([^"]*)"/g)].map((match) => unescapeHtml(match[1]!)));
      expect(hrefs.filter((href) => !/^(https?:|\.\.\/|#|[a-z0-9_.-]+\.html|assets\/|guides\/|index\.html)/i.test(href))).toEqual([]);
    }
    for (const text of HOSTILE_TEXTS) expect(page).toContain(escapeHtml(text));
    expect(page).toContain(escapeHtml(`<script>window.__pwned = 'title'</script> Evil & Co`));
  });

  it('keeps the refused links as plain text and the https one as a link', () => {
    expect(page).toContain('<span class="link-refused" title="Link not shown: only http(s) and relative links are">this</span>');
    expect(page).toContain('<span class="link-refused" title="Link not shown: only http(s) and relative links are">link</span>');
    expect(page).toContain('<a href="https://example.org/a&quot;b" rel="noopener noreferrer">that</a>');
  });

  it('produces valid HTML', async () => {
    for (const content of [page, overview]) {
      expect(await validationMessages(content)).toEqual([]);
    }
  });
});

describe('a guide with bidirectional controls (Trojan Source)', () => {
  const TROJAN = 'Bidi \u202eevil\u202c name \u202egnp.exe';
  const guide = HOSTILE_GUIDE.replace(`| <img src=x onerror="window.__pwned = 'img'"> | R | A |`, `| ${TROJAN} | R | A |`).replace(
    '#### 1.1. Specify',
    '#### 1.1. Spe\u2067cify\u2069',
  );
  const result = safeParseResponsibilityModel(guide, { locale: 'en-gb' });
  const site = buildReportSite([{ file: 'trojan/guide.en-gb.md', model: result.model, findings: result.diagnostics }], {
    sourceHref: (file, line) => `../${file}#L${line}`,
  });
  const page = site.find((file) => file.path.startsWith('guides/'))!.content;
  const mark = (code: string): string =>
    `<span class="bidi-control" title="Bidirectional control ${code}, shown instead of reordering the text">&lt;${code}&gt;</span>`;

  it('was read as intended (the controls are in the model)', () => {
    expect(result.model.sections[0]!.sections[0]!.activities.map((activity) => activity.text)).toContain(TROJAN);
  });

  it('shows every control as a marked token, in activity text and section titles; none reaches the page raw', () => {
    expect(page).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(page).toContain(`Bidi ${mark('U+202E')}evil${mark('U+202C')} name ${mark('U+202E')}gnp.exe`);
    expect(page).toContain(`Spe${mark('U+2067')}cify${mark('U+2069')}`);
  });

  it('writes plain tokens where no markup can go (the title, attributes)', () => {
    expect(escapeHtml(`a\u202eb`)).toBe('a&lt;U+202E&gt;b');
    expect(html`<p title="${'a\u2066b'}">x</p>`.value).toBe('<p title="a&lt;U+2066&gt;b">x</p>');
  });

  it('produces valid HTML', async () => {
    expect(await validationMessages(page)).toEqual([]);
  });
});
