import { createHash } from 'node:crypto';
import { slugify } from '../util/slug.js';

/**
 * Guide ids name files under `guides/`, so they must be safe on every file
 * system: lowercase ASCII (case-insensitive file systems would otherwise merge
 * `A/` and `a/` silently), no `.`/`..` segments, no characters Windows rejects,
 * no reserved device names, bounded length. The id is derived from the guide's
 * path only, never from its content (a front-matter slug or a title cannot
 * choose where a file is written).
 */
const SAFE_SEGMENT = /^[a-z0-9_](?:[a-z0-9._-]*[a-z0-9_-])?$/;
const MAX_SEGMENT_LENGTH = 80;
const WINDOWS_RESERVED = new Set([
  'con',
  'prn',
  'aux',
  'nul',
  ...Array.from({ length: 9 }, (_, i) => `com${i + 1}`),
  ...Array.from({ length: 9 }, (_, i) => `lpt${i + 1}`),
]);
const LOCALE_STEM = /^(?:(.*)\.)?guide\.([a-z]{2}-[a-z]{2,4})$/i;

function shortHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 8);
}

/** One path segment as a safe, readable slug: `modeles de responsabilités` → `modeles-de-responsabilites`. */
export function safeSegment(segment: string): string {
  let slug = slugify(segment, true);
  // Nothing readable left (`...`, `日本語`): a stable name that still tells such segments apart.
  if (slug === '') slug = `_${shortHash(segment)}`;
  if (slug.length > MAX_SEGMENT_LENGTH)
    slug = `${slug.slice(0, MAX_SEGMENT_LENGTH - 9).replace(/(?<![-.])[-.]+$/, '')}-${shortHash(segment)}`;
  if (WINDOWS_RESERVED.has(slug.split('.')[0]!)) slug = `_${slug}`;
  return slug;
}

/**
 * The id of a guide from its path relative to the build root: the folder path
 * and the locale, `pages/platform/kubernetes/responsibility-model/guide.en-gb.md`
 * → `pages/platform/kubernetes/responsibility-model/en-gb`. A prefix before
 * `guide.` is kept (`Instances.guide.fr-fr.md` → `instances.fr-fr`); other
 * names keep their stem (`notes.md` → `notes`). Hostile segments (`..`, `.`,
 * empty, absolute roots, drive letters) are dropped, never followed.
 */
export function guideIdFromPath(path: string): string {
  const parts = path
    .replace(/\\/g, '/')
    .split('/')
    .filter((part) => part !== '' && part !== '.' && part !== '..' && !/^[a-z]:$/i.test(part));
  const name = parts.pop() ?? '';
  const stem = name.replace(/\.[^.]*$/, '') || name;
  const match = LOCALE_STEM.exec(stem);
  const last = match ? (match[1] ? `${match[1]}.${match[2]}` : match[2]!) : stem;
  return [...parts, last].map(safeSegment).join('/');
}

/** True for a relative POSIX path made of safe segments only: what the datasets may write. */
export function isSafeDatasetPath(path: string): boolean {
  const segments = path.split('/');
  return (
    segments.length > 0 &&
    segments.every((segment) => SAFE_SEGMENT.test(segment) && segment.length <= 255 && !WINDOWS_RESERVED.has(segment.split('.')[0]!))
  );
}
