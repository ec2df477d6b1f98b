/**
 * The server's sign-in and token settings from the environment (docs/operations.md), read
 * once at start; a bad value stops the server with the variable, the value and what was
 * expected, rather than running with a limit nobody chose.
 */
import { isIP } from 'node:net';
import { DEFAULT_TOKEN_POLICY } from '../services/api-tokens.js';
import { DEFAULT_THROTTLE } from '../services/login-throttle.js';
import type { ServerOptions } from './server.js';

/** Names proxy-addr (Fastify's trustProxy) knows for whole ranges. */
const RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

export function serverOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ServerOptions {
  const number = numberReader(env);
  const lockoutSeconds = number('RESULTA_LOGIN_LOCK_S', DEFAULT_THROTTLE.lockoutSeconds, 1);
  return {
    trustedProxies: trustedProxies(env.RESULTA_TRUSTED_PROXY),
    loginRateLimit: number('RESULTA_LOGIN_PER_MINUTE', 10, 1),
    loginThrottle: {
      failures: number('RESULTA_LOGIN_FAILURES', DEFAULT_THROTTLE.failures, 1),
      lockoutSeconds,
      // A lockout longer than the time after which failures are forgotten would be moot.
      maxLockoutSeconds: number(
        'RESULTA_LOGIN_LOCK_MAX_S',
        Math.max(DEFAULT_THROTTLE.maxLockoutSeconds, lockoutSeconds),
        lockoutSeconds,
        DEFAULT_THROTTLE.forgetAfterSeconds,
      ),
    },
    tokens: { maxDays: number('RESULTA_TOKEN_MAX_DAYS', DEFAULT_TOKEN_POLICY.maxDays, 1) },
  };
}

/** Whole numbers from `least` to `most`, or the fallback when unset. */
function numberReader(env: NodeJS.ProcessEnv) {
  return (name: string, fallback: number, least: number, most = Number.MAX_SAFE_INTEGER) => {
    const text = env[name]?.trim();
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!Number.isSafeInteger(value) || value < least || value > most)
      throw new Error(`${name}="${text}": expected a whole number from ${least} to ${most}`);
    return value;
  };
}

/**
 * RESULTA_TRUSTED_PROXY: addresses or CIDR ranges, separated by commas or spaces. Unset or
 * empty trusts no proxy. "Trust everyone" is not offered: it would let any client choose the
 * address its attempts are counted under.
 */
export function trustedProxies(text: string | undefined): string[] {
  const entries = (text ?? '').split(/[\s,]+/).filter((e) => e !== '');
  for (const entry of entries)
    if (!isAddressOrRange(entry))
      throw new Error(
        `RESULTA_TRUSTED_PROXY: "${entry}" is not an IP address, a CIDR range such as 10.0.0.0/8, or one of ${RANGE_NAMES.join(', ')}`,
      );
  return entries;
}

function isAddressOrRange(entry: string): boolean {
  if (RANGE_NAMES.includes(entry)) return true;
  const [address = '', bits, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (bits === undefined) return true;
  return /^[0-9]{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}
