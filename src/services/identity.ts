/**
 * Who is calling: password login (argon2id) creating a session, API tokens for systems,
 * and resolving a bearer secret to the organisation and role it acts for. Secrets are
 * random 32-byte values; only their SHA-256 is stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import type { Store } from '../store/database.js';
import type { Database } from '../store/schema.js';

export type Role = Database['organisations']['kind'];

export interface Principal {
  /** An e-mail for people, `token:<name>` for systems. */
  readonly id: string;
  readonly organisationId: string;
  readonly role: Role;
}

const SESSION_HOURS = 12;

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');
const newSecret = () => randomBytes(32).toString('base64url');

export async function createUser(
  store: Store,
  u: { email: string; name: string; organisationId: string; password: string },
): Promise<void> {
  const password_hash = await argon2.hash(u.password, { type: argon2.argon2id });
  await store.db
    .insertInto('users')
    .values({
      email: u.email.toLowerCase(),
      name: u.name,
      organisation_id: u.organisationId,
      password_hash,
    })
    .execute();
}

/** A session secret for a correct e-mail and password; null otherwise (no hint which was wrong). */
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
    .executeTakeFirst();
  // An unknown e-mail still costs one verification, so timing does not reveal accounts.
  unknownUserHash ??= await argon2.hash(randomBytes(16).toString('hex'), { type: argon2.argon2id });
  const ok = await argon2
    .verify(user?.password_hash ?? unknownUserHash, password)
    .catch(() => false);
  if (!user || !ok) return null;
  const secret = newSecret();
  await store.db
    .insertInto('sessions')
    .values({
      token_hash: hashSecret(secret),
      user_id: user.id,
      expires_at: new Date(now.getTime() + SESSION_HOURS * 3_600_000),
    })
    .execute();
  return secret;
}

let unknownUserHash: string | undefined;

export async function createApiToken(
  store: Store,
  createdBy: string,
  organisationId: string,
  name: string,
): Promise<string> {
  const secret = `rt_${newSecret()}`;
  await store.db
    .insertInto('api_tokens')
    .values({
      token_hash: hashSecret(secret),
      name,
      organisation_id: organisationId,
      created_by: createdBy,
    })
    .execute();
  return secret;
}

export async function principalFor(
  store: Store,
  secret: string,
  now = new Date(),
): Promise<Principal | null> {
  const hash = hashSecret(secret);
  if (secret.startsWith('rt_')) {
    const token = await store.db
      .selectFrom('api_tokens')
      .innerJoin('organisations', 'organisations.id', 'api_tokens.organisation_id')
      .select(['api_tokens.name', 'organisations.id as organisation_id', 'organisations.kind'])
      .where('token_hash', '=', hash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return token
      ? { id: `token:${token.name}`, organisationId: token.organisation_id, role: token.kind }
      : null;
  }
  const session = await store.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.email', 'organisations.id as organisation_id', 'organisations.kind'])
    .where('token_hash', '=', hash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return session
    ? { id: session.email, organisationId: session.organisation_id, role: session.kind }
    : null;
}

/** Ends a session; a later request with its secret is anonymous. */
export async function logout(store: Store, secret: string): Promise<void> {
  await store.db.deleteFrom('sessions').where('token_hash', '=', hashSecret(secret)).execute();
}

/** Revokes an organisation's API token by name; true when one was revoked. */
export async function revokeApiToken(
  store: Store,
  organisationId: string,
  name: string,
  now = new Date(),
): Promise<boolean> {
  const revoked = await store.db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('organisation_id', '=', organisationId)
    .where('name', '=', name)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(revoked.numUpdatedRows) > 0;
}
