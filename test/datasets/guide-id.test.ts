import { resolve, sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guideIdFromPath, isSafeDatasetPath, safeSegment } from '../../src/datasets/guide-id.js';

describe('guideIdFromPath', () => {
  it.each([
    [
      'corpus/pages/platform/kubernetes-k8s/responsibility-model/guide.en-gb.md',
      'corpus/pages/platform/kubernetes-k8s/responsibility-model/en-gb',
    ],
    [
      'corpus/pages/platform/public-cloud/modeles de responsabilités/Instances.guide.fr-fr.md',
      'corpus/pages/platform/public-cloud/modeles-de-responsabilites/instances.fr-fr',
    ],
    ['Notes/My Guide.md', 'notes/my-guide'],
    ['guide.md', 'guide'],
    ['a\\b\\guide.de-de.md', 'a/b/de-de'],
  ])('%s → %s', (path, id) => {
    expect(guideIdFromPath(path)).toBe(id);
  });

  it.each([
    ['../../etc/passwd.md', 'etc/passwd'],
    ['/etc/cron.d/guide.en-gb.md', 'etc/cron.d/en-gb'],
    ['C:\\Windows\\guide.md', 'windows/guide'],
    ['./../x/./guide.md', 'x/guide'],
    ['con/aux.md', '_con/_aux'],
    ['x/NUL.guide.fr-fr.md', 'x/_nul.fr-fr'],
    ['x/trailing dot. /guide.md', 'x/trailing-dot/guide'],
    ['x/a:b*c?d"e<f>g|h/guide.md', 'x/a-b-c-d-e-f-g-h/guide'],
  ])('makes the hostile path %s safe: %s', (path, id) => {
    expect(guideIdFromPath(path)).toBe(id);
  });

  it('names a segment with no readable character by a hash, distinct per segment', () => {
    const a = safeSegment('日本語');
    const b = safeSegment('中文');
    expect(a).toMatch(/^_[0-9a-f]{8}$/);
    expect(b).toMatch(/^_[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
    expect(safeSegment('...')).toMatch(/^_[0-9a-f]{8}$/);
  });

  it('bounds the length of a segment', () => {
    const id = safeSegment('x'.repeat(500));
    expect(id.length).toBeLessThanOrEqual(80);
    expect(id).not.toBe(safeSegment('x'.repeat(499)));
  });

  it('never names a file outside guides/, whatever the path', () => {
    const out = resolve('/tmp/out');
    const pathPart = fc.oneof(
      fc.constantFrom('..', '.', '', '/', '\\', 'C:', 'con', 'guide.en-gb.md', '~', ' ', '\u0000', 'é', '%2e%2e'),
      fc.string(),
    );
    fc.assert(
      fc.property(fc.array(pathPart, { maxLength: 8 }), (parts) => {
        const id = guideIdFromPath(parts.join('/'));
        const file = `guides/${id}.json`;
        expect(isSafeDatasetPath(file)).toBe(true);
        expect(resolve(out, file).startsWith(`${out}${sep}guides${sep}`)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('isSafeDatasetPath', () => {
  it.each(['../x.json', '/x.json', 'a/../b.json', 'a//b.json', '.hidden', 'a/.', 'A.json', 'con.json', 'a/b.', 'a\\b.json'])(
    'rejects %s',
    (path) => {
      expect(isSafeDatasetPath(path)).toBe(false);
    },
  );
  it.each(['activities.csv', 'guides/corpus/pages/x/en-gb.json', 'schema/responsibility-model.schema.json', '_con/_aux.json'])(
    'accepts %s',
    (path) => {
      expect(isSafeDatasetPath(path)).toBe(true);
    },
  );
});
