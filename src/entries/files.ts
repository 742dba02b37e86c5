// responsibility-model/files: parse a guide file from disk (Node.js). The same parse as the root entry's
// `…Bytes` functions, with the locale from the file name and `file` on every diagnostic.
export { parseResponsibilityModelFile, safeParseResponsibilityModelFile } from '../parse/read-file.js';
