import type { ResponsibilityModel } from '../schema/model.js';

/**
 * Words that name the document rather than the product in a guide's folder
 * (`responsibility-model-kms`, `60-responsibility-sharing`, `sap_raci`): left
 * out, and when nothing is left the product is the folder above.
 */
const DOCUMENT_WORDS = new Set([
  'responsibility',
  'responsibilities',
  'responsibilit',
  'responsabilite',
  'responsabilites',
  'responsabilidad',
  'responsabilidade',
  'model',
  'models',
  'modele',
  'modeles',
  'sharing',
  'shared',
  'raci',
  'information',
  'getting',
  'started',
  'de',
  'des',
  'guide',
]);

const FILE_PREFIX = /^(.+)\.guide\.[a-z]{2}-[a-z]{2,4}\.[^.]+$/i;

/** Lowercase words of a folder name, without accents: `Modèles de responsabilités` → modeles, de, responsabilites. */
function wordsOf(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

function productWords(name: string): string[] {
  return wordsOf(name).filter((word) => !DOCUMENT_WORDS.has(word) && !/^\d+$/.test(word));
}

/**
 * The product a guide describes, as a kebab-case slug: the `product` of its
 * front matter when it is a non-empty string; otherwise from its path: a file
 * name prefix (`Instances.guide.fr-fr.md` → instances), else the guide's folder
 * without the words that name the document (`responsibility-model-kms` → kms),
 * else the nearest folder above with a name left (`kubernetes-k8s/responsibility-model`
 * → kubernetes-k8s). Empty when nothing is left.
 */
export function productOf(source: string, model?: Pick<ResponsibilityModel, 'meta'>): string {
  const declared = model?.meta.frontMatter['product'];
  if (typeof declared === 'string' && wordsOf(declared).length > 0) return wordsOf(declared).join('-');
  const parts = source
    .replace(/\\/g, '/')
    .split('/')
    .filter((part) => part !== '' && part !== '.' && part !== '..');
  const file = parts.pop() ?? '';
  const prefix = FILE_PREFIX.exec(file)?.[1];
  for (const name of [...(prefix ? [prefix] : []), ...parts.reverse()]) {
    const words = productWords(name);
    if (words.length > 0) return words.join('-');
  }
  return '';
}
