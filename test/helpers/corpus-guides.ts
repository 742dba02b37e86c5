import { readFile } from 'node:fs/promises';
import { glob } from 'tinyglobby';
import { checkGuideBytes } from '../../src/rules/check-guide.js';
import type { ReportGuide } from '../../src/site/site.js';
import { CORPUS, ROOT } from './paths.js';

export const EMAIL_PRO = `${CORPUS}/web_cloud/email_and_collaborative_solutions/email_pro/responsibility_model/guide.en-gb.md`;
export const SAP_EN = `${CORPUS}/hosted_private_cloud/sap_on_ovhcloud/sap_raci/guide.en-gb.md`;

/** The bundled guides as `raci report` reads them, in path order. */
export async function loadCorpusGuides(): Promise<ReportGuide[]> {
  const files = (await glob(`${CORPUS}/**/*.md`, { cwd: ROOT })).sort();
  return Promise.all(
    files.map(async (file) => {
      const result = checkGuideBytes(await readFile(`${ROOT}${file}`), { file });
      return { file, model: result.model, findings: result.findings };
    }),
  );
}
