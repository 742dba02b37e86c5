import { readFileSync } from 'node:fs';

/**
 * The text of the pages' script, served as assets/report.js. Its source is
 * report.js beside this module, read as it is: see its header for why it is
 * JavaScript typed with JSDoc. The build copies it next to this module's output.
 */
export const REPORT_SCRIPT = readFileSync(new URL('./report.js', import.meta.url), 'utf8');
