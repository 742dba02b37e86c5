// Parses one large guide with the built library, alone in its process, and
// prints {wallMs, cpuMs, peakRssKb, baseRssKb, characters} as JSON, so peak
// memory is the parse's own. Usage: node parse-large.mjs FILE
import { readFileSync } from 'node:fs';
import { safeParseResponsibilityModel } from '../../dist/parse/parse.js';

const text = readFileSync(process.argv[2], 'utf8');
const baseRssKb = process.resourceUsage().maxRSS;
const cpu = process.cpuUsage();
const start = performance.now();
// Past any size limit the library may set, so the parse itself is what is measured.
const result = safeParseResponsibilityModel(text, { maxBytes: Number.MAX_SAFE_INTEGER });
const wallMs = performance.now() - start;
const used = process.cpuUsage(cpu);
process.stdout.write(
  JSON.stringify({
    wallMs,
    cpuMs: (used.user + used.system) / 1000,
    peakRssKb: process.resourceUsage().maxRSS,
    baseRssKb,
    characters: text.length,
    sections: result.model.sections.length,
  }),
);
