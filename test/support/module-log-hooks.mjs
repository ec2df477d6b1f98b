/** Loader hook for module-log.mjs: appends the URL of each module as it is loaded. */
import { appendFileSync } from 'node:fs';

const log = process.env.RESULTA_MODULE_LOG;

export async function load(url, context, nextLoad) {
  if (log) appendFileSync(log, `${url}\n`);
  return nextLoad(url, context);
}
