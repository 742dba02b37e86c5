import { describe, expect, it } from 'vitest';
import {
  parseResponsibilityModel,
  parseResponsibilityModelBytes,
  ResponsibilityModelError,
  safeParseResponsibilityModelBytes,
} from '../../src/index.js';

const GUIDE = [
  '| Roles |',
  '| --- |',
  '| R: Does it |',
  '| A: Answers for it |',
  '',
  '### 1. Phase',
  '',
  '| Activity | Customer | OVHcloud |',
  '| --- | --- | --- |',
  '| Install | RA | I |',
].join('\n');
const encode = (text: string) => new TextEncoder().encode(text);

describe('parseResponsibilityModelBytes', () => {
  it('returns the same model as the text, with the locale from options.file', () => {
    const model = parseResponsibilityModelBytes(encode(`\uFEFF${GUIDE}`), { file: 'pages/guide.fr-fr.md' });
    expect(model).toEqual(parseResponsibilityModel(GUIDE, { locale: 'fr-fr' }));
    expect(model.meta.locale).toBe('fr-fr');
  });

  it('throws ResponsibilityModelError with every diagnostic and the best-effort model when the bytes have errors', () => {
    const bytes = Uint8Array.of(...encode(GUIDE), 0xff);
    const safe = safeParseResponsibilityModelBytes(bytes);
    expect(safe.success).toBe(false);
    const error = (() => {
      try {
        parseResponsibilityModelBytes(bytes);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ResponsibilityModelError);
    expect(error).toMatchObject({ diagnostics: safe.diagnostics, model: safe.model });
    expect(safe.diagnostics.map((diagnostic) => diagnostic.code)).toContain('encoding-invalid');
  });
});
