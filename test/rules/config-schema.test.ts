import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { CONFIG_SCHEMA_PATH, parseRaciConfig, renderConfigSchema } from '../../src/rules/config.js';
import { DIAGNOSTIC_CODE_IDS } from '../../src/schema/codes.js';
import { ROOT } from '../helpers/paths.js';

const written = readFileSync(join(ROOT, CONFIG_SCHEMA_PATH), 'utf8');
const validate = new Ajv2020.default({ strict: true, allErrors: true }).compile(JSON.parse(written));

describe('the JSON Schema of the configuration', () => {
  it(`${CONFIG_SCHEMA_PATH} is what npm run docs writes from the zod schema`, () => {
    const content = renderConfigSchema();
    // Outside CI the stale file is rewritten, to review with git diff; the test fails all the same.
    if (written !== content && !process.env['CI']) writeFileSync(join(ROOT, CONFIG_SCHEMA_PATH), content);
    expect(written === content, `${CONFIG_SCHEMA_PATH} is stale: run npm run docs and commit it`).toBe(true);
  });

  it('is shipped in the package', () => {
    const { files } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
    expect(files).toContain(CONFIG_SCHEMA_PATH);
  });

  it('accepts what the configuration reader accepts, $schema included, and offers every rule id', () => {
    const example = JSON.parse(readFileSync(join(ROOT, 'examples/raci.config.json'), 'utf8')) as unknown;
    expect(example).toMatchObject({ $schema: expect.stringContaining(CONFIG_SCHEMA_PATH) });
    for (const config of [example, {}, { rules: {} }, { $schema: './x.json', rules: { 'table-empty': 'off' } }]) {
      expect(parseRaciConfig(config)).toMatchObject({ success: true });
      expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    }
    const schema = JSON.parse(written) as { properties: { rules: { propertyNames: { enum: string[] } } } };
    expect([...schema.properties.rules.propertyNames.enum].sort()).toEqual([...DIAGNOSTIC_CODE_IDS].sort());
  });

  it('refuses what the configuration reader refuses', () => {
    for (const config of [
      { rules: { 'acountable-multiple': 'warning' } },
      { rules: { 'accountable-multiple': 'fatal' } },
      { rulez: {} },
      { rules: [] },
      'rules',
    ]) {
      expect(parseRaciConfig(config)).toMatchObject({ success: false });
      expect(validate(config)).toBe(false);
    }
  });
});
