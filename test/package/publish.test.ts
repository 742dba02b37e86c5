import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { scratchFolder } from '../helpers/scratch.js';
import { type PackedPackage, packPackage } from './packed.js';

/**
 * What `npm publish` would send, checked offline on the tarball `npm pack`
 * makes (npm run build first: it packs dist/ as it is).
 */
const run = promisify(execFile);
const MAX_UNPACKED_BYTES = 1_500_000;
const ATTW = join(ROOT, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  exports: Record<string, string | Record<string, string>>;
  bin: Record<string, string>;
};
const scratch = scratchFolder('raci-publish-');
let packed: PackedPackage;

beforeAll(async () => {
  packed = await packPackage(scratch);
}, 120_000);

const shipped = (path: string): string => path.replace(/^\.\//, '');

describe('the packed package', () => {
  it('ships the build, the licence, the security policy, the changelog, the reference pages and the configuration schema', () => {
    const pages = readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md'));
    expect(pages.length).toBeGreaterThan(5);
    expect(packed.files).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'CHANGELOG.md',
        'SECURITY.md',
        'LICENSE',
        ...pages.map((page) => `docs/${page}`),
        'schemas/raci.config.schema.json',
      ]),
    );
    const targets = Object.values(manifest.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));
    expect(packed.files).toEqual(expect.arrayContaining([...targets, ...Object.values(manifest.bin)].map(shipped)));
    expect(packed.files).toContain('dist/site/assets/report.js');
  });

  it('ships no screenshot, no source map, no source, test or fixture, and stays small', () => {
    expect(packed.files.filter((path) => !/^(dist|docs|schemas)\//.test(path) && path.includes('/'))).toEqual([]);
    expect(packed.files.filter((path) => /\.(png|jpe?g|gif|webp|map)$/.test(path) || path.startsWith('docs/images/'))).toEqual([]);
    expect(packed.files.filter((path) => path.endsWith('.ts') && !path.endsWith('.d.ts'))).toEqual([]);
    expect(packed.unpackedSize).toBeGreaterThan(100_000);
    expect(packed.unpackedSize).toBeLessThanOrEqual(MAX_UNPACKED_BYTES);
  });

  it('passes publint, suggestions included', async () => {
    const bytes = readFileSync(packed.tarball);
    const result = await publint({
      pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
      level: 'suggestion',
      strict: true,
    });
    expect(result.messages.map((message) => `${message.type} ${message.code}: ${formatMessage(message, result.pkg)}`)).toEqual([]);
  });

  it('resolves to its types under Node.js ESM and bundlers in every entry (are the types wrong? esm-only profile)', async () => {
    // An ESM-only package: CommonJS `require` and the node10 resolution are out of scope; the profile leaves them out,
    // and attw exits non-zero on any other problem.
    const { stdout } = await run(
      process.execPath,
      [ATTW, packed.tarball, '--profile', 'esm-only', '--no-definitely-typed', '--format', 'json'],
      {
        cwd: scratch,
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const { analysis } = JSON.parse(stdout) as {
      analysis: {
        entrypoints: Record<string, { hasTypes: boolean }>;
        problems: { kind: string; entrypoint?: string; resolutionKind?: string }[];
      };
    };
    const inScope = analysis.problems.filter((problem) => problem.resolutionKind !== 'node10' && problem.resolutionKind !== 'node16-cjs');
    expect(inScope).toEqual([]);
    const entries = Object.keys(manifest.exports).filter((name) => name !== './package.json');
    expect(Object.keys(analysis.entrypoints)).toEqual(expect.arrayContaining(entries));
    expect(entries.filter((entry) => !analysis.entrypoints[entry]?.hasTypes)).toEqual([]);
  });
});
