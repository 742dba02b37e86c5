// Preloaded with `node --import`: logs the URL of every ES module the process
// resolves to the file named by RACI_MODULE_LOG, one per line.
import { register } from 'node:module';

register('./record-modules-hooks.mjs', import.meta.url, { data: { log: process.env.RACI_MODULE_LOG } });
