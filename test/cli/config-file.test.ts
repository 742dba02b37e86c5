import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/cli/config-file.js';
import { scratchFolder } from '../helpers/scratch.js';

/** A folder tree in a scratch folder: `files` maps relative paths to their text (a path ending in / is a folder). */
function tree(files: Record<string, string>): string {
  const root = scratchFolder('raci-config-');
  for (const [path, text] of Object.entries(files)) {
    if (path.endsWith('/')) mkdirSync(join(root, path), { recursive: true });
    else {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  }
  return root;
}

const WARN = JSON.stringify({ rules: { 'accountable-multiple': 'warning' } });
/** A home folder that no test tree is in. */
const ELSEWHERE = '/nonexistent-home';

describe('loadConfig: file formats', () => {
  it('reads raci.config.json with comments and trailing commas, and a UTF-8 byte order mark', async () => {
    const root = tree({
      '.git/': '',
      'raci.config.json': '\uFEFF{\n  // quieter\n  "rules": { "accountable-multiple": "warning", },\n}\n',
    });
    expect(await loadConfig(undefined, root)).toEqual({
      config: { rules: { 'accountable-multiple': 'warning' } },
      source: 'raci.config.json',
      warnings: [],
    });
  });

  it('reads raci.config.yaml and raci.config.yml, and refuses two configuration files in one folder', async () => {
    const yaml = tree({ '.git/': '', 'raci.config.yaml': 'rules:\n  accountable-multiple: warning\n' });
    expect((await loadConfig(undefined, yaml)).config).toEqual({ rules: { 'accountable-multiple': 'warning' } });
    const yml = tree({ '.git/': '', 'raci.config.yml': '\uFEFFrules: { accountable-multiple: "off" }\n' });
    expect((await loadConfig(undefined, yml)).config).toEqual({ rules: { 'accountable-multiple': 'off' } });
    const both = tree({ '.git/': '', 'raci.config.json': WARN, 'raci.config.yml': 'rules: {}\n' });
    await expect(loadConfig(undefined, both)).rejects.toThrow(
      'raci.config.json, raci.config.yml: several configuration files in one folder; keep one',
    );
  });

  it('--config reads YAML by its extension and JSON otherwise', async () => {
    const root = tree({
      'strict.yaml': 'rules:\n  responsible-missing: error\n',
      'strict.conf': '{ "rules": { "responsible-missing": "error" } }',
    });
    expect((await loadConfig(join(root, 'strict.yaml'), root)).config).toEqual({ rules: { 'responsible-missing': 'error' } });
    expect((await loadConfig(join(root, 'strict.conf'), root)).config).toEqual({ rules: { 'responsible-missing': 'error' } });
  });

  it('names the file, line and column of a syntax error or an invalid value, in one line', async () => {
    const root = tree({ '.git/': '', 'raci.config.json': '{\n  "rules": {\n    "accountable-multiple": "fatal"\n  }\n}\n' });
    await expect(loadConfig(undefined, root)).rejects.toThrow(
      /^raci\.config\.json:3:29: invalid configuration: rules\.accountable-multiple: Invalid option/,
    );
    writeFileSync(join(root, 'raci.config.json'), '{\n  "rules": {\n    "accountable-multiple": "off"\n    "role-repeated": "off"\n}\n');
    await expect(loadConfig(undefined, root)).rejects.toThrow(/^raci\.config\.json:4:5: not valid JSON: comma expected$/);
    const yaml = join(root, 'other.yaml');
    writeFileSync(yaml, 'rules:\n  acountable-multiple: warning\n');
    await expect(loadConfig(yaml, root)).rejects.toThrow(
      `${yaml}:2:24: invalid configuration: rules.acountable-multiple: “acountable-multiple” is not a rule id; did you mean “accountable-multiple”?`,
    );
  });
});

describe('loadConfig: hostile files', () => {
  it('refuses {"rules":{"__proto__":"off"}} like any unknown rule id, in JSON and YAML', async () => {
    const root = tree({ '.git/': '', 'raci.config.json': '{"rules":{"__proto__":"off"}}' });
    await expect(loadConfig(undefined, root)).rejects.toThrow(
      /raci\.config\.json:1:23: invalid configuration: rules\.__proto__: “__proto__” is not a rule id/,
    );
    const yaml = tree({ 'x.yaml': 'rules:\n  __proto__: "off"\n' });
    await expect(loadConfig(join(yaml, 'x.yaml'), yaml)).rejects.toThrow(/x\.yaml:2:14: invalid configuration: rules\.__proto__: /);
  });

  it('refuses a FIFO named raci.config.json at once instead of waiting for a writer', async () => {
    const root = tree({ '.git/': '' });
    execFileSync('mkfifo', [join(root, 'raci.config.json')]);
    await expect(loadConfig(undefined, root)).rejects.toThrow('raci.config.json: not a regular file (a FIFO, socket or device)');
  });

  it('refuses --config /dev/zero without reading it, and a regular file past the size cap after 1 MiB', async () => {
    await expect(loadConfig('/dev/zero', '/')).rejects.toThrow('/dev/zero: not a regular file (a FIFO, socket or device)');
    const root = tree({ 'huge.json': `{"rules":{}}${' '.repeat(2 * 1_048_576)}` });
    await expect(loadConfig(join(root, 'huge.json'), root)).rejects.toThrow(
      `${join(root, 'huge.json')}: larger than 1048576 bytes; not a configuration file`,
    );
  });

  it('refuses a configuration that is not UTF-8', async () => {
    const root = tree({ '.git/': '' });
    writeFileSync(join(root, 'raci.config.json'), Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    await expect(loadConfig(undefined, root)).rejects.toThrow('raci.config.json: not UTF-8 text');
  });
});

describe('loadConfig: lookup', () => {
  it('looks from the working directory up to the repository root, and not above it', async () => {
    const root = tree({ 'raci.config.json': WARN, 'repo/.git/': '', 'repo/docs/pages/': '' });
    expect(await loadConfig(undefined, join(root, 'repo/docs/pages'), { home: ELSEWHERE })).toEqual({
      config: undefined,
      source: undefined,
      warnings: [],
    });
    writeFileSync(join(root, 'repo/raci.config.json'), WARN);
    expect((await loadConfig(undefined, join(root, 'repo/docs/pages'), { home: ELSEWHERE })).source).toBe('../../raci.config.json');
  });

  it('outside a repository, stops at the home folder; outside both, reads the working directory only', async () => {
    const root = tree({ 'raci.config.json': WARN, 'work/docs/': '' });
    const inHome = await loadConfig(undefined, join(root, 'work/docs'), { home: root });
    expect(inHome.source).toBe('../../raci.config.json');
    const notInHome = await loadConfig(undefined, join(root, 'work/docs'), { home: ELSEWHERE });
    expect(notInHome.source).toBeUndefined();
    writeFileSync(join(root, 'work/docs/raci.config.json'), WARN);
    expect((await loadConfig(undefined, join(root, 'work/docs'), { home: ELSEWHERE })).source).toBe('raci.config.json');
  });

  it('reads the "raci" key of package.json, and passes over one without it', async () => {
    const root = tree({
      '.git/': '',
      'package.json': JSON.stringify({ name: 'docs', raci: { rules: { 'accountable-multiple': 'off' } } }),
      'site/package.json': JSON.stringify({ name: 'site' }),
    });
    const loaded = await loadConfig(undefined, join(root, 'site'));
    expect(loaded.source).toBe('../package.json ("raci" key)');
    expect(loaded.config).toEqual({ rules: { 'accountable-multiple': 'off' } });
  });

  it('passes over a broken package.json of a parent folder with a warning, but not the project’s own', async () => {
    const root = tree({ '.git/': '', 'raci.config.yaml': 'rules: {}\n', 'tools/package.json': '{ "name": ', 'tools/docs/': '' });
    const loaded = await loadConfig(undefined, join(root, 'tools/docs'));
    expect(loaded.source).toBe('../../raci.config.yaml');
    expect(loaded.warnings).toEqual([
      `../package.json:1:11: not valid JSON: value expected (ignored: a package.json of a parent folder, not this project's)`,
    ]);
    // In the working directory, or at the repository root, it is the project's own: an error.
    await expect(loadConfig(undefined, join(root, 'tools'))).rejects.toThrow('package.json:1:11: not valid JSON');
    const atRoot = tree({ '.git/': '', 'package.json': '{', 'docs/': '' });
    await expect(loadConfig(undefined, join(atRoot, 'docs'))).rejects.toThrow('../package.json:1:2: not valid JSON');
  });
});
