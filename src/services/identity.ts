/**
 * Who is calling: password sign-in (argon2id, throttled per e-mail) creating a session, and
 * resolving a bearer secret, a session's or an API token's (api-tokens.ts), to the
 * organisation and role it acts for and how it was given. Secrets are random 32-byte
 * values; only their SHA-256 is stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import type { Kysely, Transaction } from 'kysely';
import type { Store } from '../store/database.js';
import type { Database, TokenScope } from '../store/schema.js';
import { forgetLoginFailures, startLoginAttempt, type ThrottlePolicy } from './login-throttle.js';

export type Role = Database['organisations']['kind'];

/** How the caller proved who it is: a person's session, or an API token with its scopes. */
export type Credential =
  | { readonly kind: 'session'; readonly userId: string }
  | { readonly kind: 'token'; readonly tokenId: string; readonly scopes: readonly TokenScope[] };

export interface Principal {
  /** An e-mail for people, `token:<id>:<name>` for systems. */
  readonly id: string;
  readonly organisationId: string;
  readonly role: Role;
  readonly credential: Credential;
}

export const SESSION_HOURS = 12;
/** A token's last use is recorded at most this often, so reading costs no write each time. */
const LAST_USE_PRECISION_MS = 60_000;

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');
export const newSecret = () => randomBytes(32).toString('base64url');

export async function createUser(
  store: Store,
  u: { email: string; name: string; organisationId: string; password: string },
): Promise<string> {
  const password_hash = await hashPassword(u.password);
  const row = await store.db
    .insertInto('users')
    .values({
      email: u.email.toLowerCase(),
      name: u.name,
      organisation_id: u.organisationId,
      password_hash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** argon2id, as every password is stored. */
export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });

/** A new session for a person: its secret, of which only the SHA-256 is kept. */
export async function createSession(
  db: Kysely<Database> | Transaction<Database>,
  userId: string,
  now = new Date(),
): Promise<string> {
  const secret = newSecret();
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashSecret(secret),
      user_id: userId,
      expires_at: new Date(now.getTime() + SESSION_HOURS * 3_600_000),
    })
    .execute();
  return secret;
}

/**
 * A session secret for a correct e-mail and password; null otherwise (no hint which was
 * wrong). Not throttled: the API signs in through `signIn`; this serves set-up scripts.
 */
export async function login(
  store: Store,
  email: string,
  password: string,
  now = new Date(),
): Promise<string | null> {
  const user = await store.db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    // A deactivated account signs in no more than an unknown e-mail does, at the same cost.
    .where('deactivated_at', 'is', null)
    .executeTakeFirst();
  // An unknown e-mail still costs one verification, so timing does not reveal accounts.
  unknownUserHash ??= await argon2.hash(randomBytes(16).toString('hex'), { type: argon2.argon2id });
  const ok = await argon2
    .verify(user?.password_hash ?? unknownUserHash, password)
    .catch(() => false);
  if (!user || !ok) return null;
  return createSession(store.db, user.id, now);
}

let unknownUserHash: string | undefined;

export type SignIn =
  | { readonly ok: true; readonly token: string }
  | { readonly ok: false; readonly reason: 'bad_credentials' }
  | { readonly ok: false; readonly reason: 'throttled'; readonly retryAfterSeconds: number };

/**
 * `login` behind the per-e-mail throttle (login-throttle.ts): refused while the e-mail is
 * locked, whether or not an account has it, and forgiven once a sign-in succeeds.
 */
export async function signIn(
  store: Store,
  email: string,
  password: string,
  policy: ThrottlePolicy,
  now = new Date(),
): Promise<SignIn> {
  const attempt = await startLoginAttempt(store, email, policy, now);
  if (!attempt.allowed)
    return { ok: false, reason: 'throttled', retryAfterSeconds: attempt.retryAfterSeconds };
  const token = await login(store, email, password, now);
  if (!token) return { ok: false, reason: 'bad_credentials' };
  await forgetLoginFailures(store, email, policy, now);
  return { ok: true, token };
}

/** The caller behind a bearer secret: a live session, or an API token neither revoked nor expired. */
export async function principalFor(
  store: Store,
  secret: string,
  now = new Date(),
): Promise<Principal | null> {
  if (secret.startsWith('rt_')) return tokenPrincipal(store, hashSecret(secret), now);
  const session = await store.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select([
      'users.id as user_id',
      'users.email',
      'organisations.id as organisation_id',
      'organisations.kind',
    ])
    .where('token_hash', '=', hashSecret(secret))
    .where('expires_at', '>', now)
    .where('users.deactivated_at', 'is', null)
    .executeTakeFirst();
  return session
    ? {
        id: session.email,
        organisationId: session.organisation_id,
        role: session.kind,
        credential: { kind: 'session', userId: session.user_id },
      }
    : null;
}

async function tokenPrincipal(store: Store, hash: string, now: Date): Promise<Principal | null> {
  const token = await store.db
    .selectFrom('api_tokens')
    .innerJoin('organisations', 'organisations.id', 'api_tokens.organisation_id')
    .select([
      'api_tokens.id',
      'api_tokens.name',
      'api_tokens.scopes',
      'api_tokens.last_used_at',
      'organisations.id as organisation_id',
      'organisations.kind',
    ])
    .where('token_hash', '=', hash)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (!token) return null;
  const lastUse = token.last_used_at === null ? 0 : new Date(token.last_used_at).getTime();
  if (now.getTime() - lastUse >= LAST_USE_PRECISION_MS)
    await store.db
      .updateTable('api_tokens')
      .set({ last_used_at: now })
      .where('id', '=', token.id)
      .execute();
  return {
    id: `token:${token.id}:${token.name}`,
    organisationId: token.organisation_id,
    role: token.kind,
    credential: { kind: 'token', tokenId: token.id, scopes: token.scopes },
  };
}

/** Ends a session; a later request with its secret is anonymous. API tokens are revoked instead. */
export async function logout(store: Store, secret: string): Promise<void> {
  await store.db.deleteFrom('sessions').where('token_hash', '=', hashSecret(secret)).execute();
}
