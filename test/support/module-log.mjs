/**
 * Preload for `node --import`: records every module the process loads, one URL a line, in
 * the file named by RESULTA_MODULE_LOG. test/cli-startup.test.ts uses it to check that a
 * command loads only what it uses. ES modules are seen by a load hook (module-log-hooks.mjs,
 * which runs on the loader thread); CommonJS files that packages require() among themselves
 * never pass those hooks in Node 20, so the require cache is added when the process exits.
 */
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

const log = process.env.RESULTA_MODULE_LOG;
if (log) {
  register('./module-log-hooks.mjs', import.meta.url);
  const cache = createRequire(import.meta.url).cache;
  process.on('exit', () => {
    const files = Object.keys(cache).map((file) => pathToFileURL(file).href);
    if (files.length > 0) appendFileSync(log, `${files.join('\n')}\n`);
  });
}
