/**
 * Sign-in throttling per e-mail (issue #7, item 13), on top of the per-address limit of the
 * HTTP layer. It is kept in the database, so several servers sharing it apply one lockout.
 *
 * An attempt is counted when it starts, before the password is checked, and the count is
 * cleared when an attempt succeeds: concurrent guesses cannot slip past the threshold while
 * the first ones are still being verified. From the `failures`-th counted attempt on, each
 * one locks the e-mail for `lockoutSeconds`, doubling with every further attempt, up to
 * `maxLockoutSeconds`; while locked, attempts are refused without checking the password.
 * A count untouched for `forgetAfterSeconds` starts again from zero.
 *
 * The key is the e-mail as typed, whether or not an account has it, so a locked unknown
 * e-mail answers exactly as a locked account does; only its SHA-256 is stored.
 */
import { createHash } from 'node:crypto';
import type { Store } from '../store/database.js';

export interface ThrottlePolicy {
  /** Counted attempts for one e-mail before it is locked (RESULTA_LOGIN_FAILURES). */
  readonly failures: number;
  /** The first lockout (RESULTA_LOGIN_LOCK_S); it doubles with each further attempt. */
  readonly lockoutSeconds: number;
  /** The longest lockout (RESULTA_LOGIN_LOCK_MAX_S). */
  readonly maxLockoutSeconds: number;
  /** Counting starts again after this long without an attempt. */
  readonly forgetAfterSeconds: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  failures: 5,
  lockoutSeconds: 60,
  maxLockoutSeconds: 3600,
  forgetAfterSeconds: 86_400,
};

export type Attempt =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterSeconds: number };

const emailKey = (email: string) => createHash('sha256').update(email.toLowerCase()).digest('hex');

/** The lockout that the `failures`-th counted attempt starts, if any. */
export function lockoutSeconds(policy: ThrottlePolicy, failures: number): number | null {
  const over = failures - policy.failures;
  if (over < 0) return null;
  // 2^31 s is past any cap; the exponent is bounded so the number stays exact.
  return Math.min(policy.maxLockoutSeconds, policy.lockoutSeconds * 2 ** Math.min(over, 31));
}

/** Counts an attempt for `email`, or refuses it while the e-mail is locked. */
export async function startLoginAttempt(
  store: Store,
  email: string,
  policy: ThrottlePolicy,
  now: Date,
): Promise<Attempt> {
  const key = emailKey(email);
  return store.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('login_throttle')
      .values({ email_hash: key, failures: 0, last_attempt_at: now, locked_until: null })
      .onConflict((oc) => oc.column('email_hash').doNothing())
      .execute();
    // The row lock orders concurrent attempts for one e-mail, on every server.
    const row = await tx
      .selectFrom('login_throttle')
      .selectAll()
      .where('email_hash', '=', key)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const lockedUntil = row.locked_until === null ? 0 : new Date(row.locked_until).getTime();
    if (lockedUntil > now.getTime())
      return { allowed: false, retryAfterSeconds: Math.ceil((lockedUntil - now.getTime()) / 1000) };
    const idle = now.getTime() - new Date(row.last_attempt_at).getTime();
    const failures = (idle > policy.forgetAfterSeconds * 1000 ? 0 : row.failures) + 1;
    const lockout = lockoutSeconds(policy, failures);
    await tx
      .updateTable('login_throttle')
      .set({
        failures,
        last_attempt_at: now,
        locked_until: lockout === null ? null : new Date(now.getTime() + lockout * 1000),
      })
      .where('email_hash', '=', key)
      .execute();
    return { allowed: true };
  });
}

/**
 * Clears the count of `email` after a successful sign-in, and removes counts nobody has
 * touched for `forgetAfterSeconds` (skipping rows another attempt holds), so guessed
 * addresses do not pile up.
 */
export async function forgetLoginFailures(
  store: Store,
  email: string,
  policy: ThrottlePolicy,
  now: Date,
): Promise<void> {
  await store.db.deleteFrom('login_throttle').where('email_hash', '=', emailKey(email)).execute();
  const before = new Date(now.getTime() - policy.forgetAfterSeconds * 1000);
  await store.db
    .deleteFrom('login_throttle')
    .where('email_hash', 'in', (eb) =>
      eb
        .selectFrom('login_throttle')
        .select('email_hash')
        .where('last_attempt_at', '<', before)
        .where((w) => w.or([w('locked_until', 'is', null), w('locked_until', '<=', now)]))
        .limit(1000)
        .forUpdate()
        .skipLocked(),
    )
    .execute();
}
