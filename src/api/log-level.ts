/**
 * How much the server logs (RESULTA_LOG_LEVEL). Logs are JSON lines (pino) on stderr, each
 * with the request's id; internal errors are logged at every level, so no level can make
 * "it has been logged" untrue.
 */
export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `info` when unset (a line per request and its answer); anything else not listed stops the server. */
export function logLevelFromEnv(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const text = env.RESULTA_LOG_LEVEL;
  const level = text?.trim() || 'info';
  if ((LOG_LEVELS as readonly string[]).includes(level)) return level as LogLevel;
  throw new Error(`RESULTA_LOG_LEVEL="${text}": expected one of ${LOG_LEVELS.join(', ')}`);
}
