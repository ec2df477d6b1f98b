/**
 * API tokens for an organisation's systems (issue #7, item 12). Only a person signed in with
 * a session mints them, each with scopes (`read`: GET requests; `write`: every other) and an
 * expiry no later than the configured maximum; a person's live tokens have distinct names.
 * A session sees and revokes every token of its organisation (a colleague who left keeps no
 * access); a token sees and revokes only itself. The secret is returned once; only its
 * SHA-256 is stored. Minting and revoking are in the audit log.
 */
import { type Problem, ProblemsError } from '../domain/problem.js';
import { appendAudit } from '../store/audit-log.js';
import type { Store } from '../store/database.js';
import type { TokenScope } from '../store/schema.js';
import { hashSecret, newSecret, type Principal } from './identity.js';

export type { TokenScope } from '../store/schema.js';
export const TOKEN_SCOPES: readonly TokenScope[] = ['read', 'write'];

export interface TokenPolicy {
  /** The longest a token may last, in days (RESULTA_TOKEN_MAX_DAYS). */
  readonly maxDays: number;
  /** A token's life when the request names none; cut to maxDays. */
  readonly defaultDays: number;
}

export const DEFAULT_TOKEN_POLICY: TokenPolicy = { maxDays: 365, defaultDays: 90 };

export interface TokenRequest {
  readonly name: string;
  readonly scopes: readonly TokenScope[];
  readonly expiresInDays?: number | undefined;
}

/** A token as listed: never its secret or the secret's hash. */
export interface TokenView {
  readonly id: string;
  readonly name: string;
  readonly organisation: string;
  readonly createdBy: string;
  readonly scopes: readonly TokenScope[];
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly lastUsedAt: Date | null;
  readonly expired: boolean;
}

export type MintResult =
  | { readonly ok: true; readonly token: TokenView; readonly secret: string }
  | { readonly ok: false; readonly reason: 'not_a_session' }
  /** `id` of the token holding the name; null if it was revoked in the meantime. */
  | { readonly ok: false; readonly reason: 'name_taken'; readonly id: string | null };

const DAY_MS = 86_400_000;
const UNIQUE_VIOLATION = '23505';

/** The expiry of a token minted now; ProblemsError beyond the policy's maximum. */
function expiryOf(policy: TokenPolicy, days: number | undefined, now: Date): Date {
  if (days !== undefined && days > policy.maxDays) {
    const problem: Problem = {
      code: 'token.expiry',
      message: `a token may last at most ${policy.maxDays} days`,
    };
    throw new ProblemsError([problem]);
  }
  return new Date(now.getTime() + (days ?? Math.min(policy.defaultDays, policy.maxDays)) * DAY_MS);
}

/**
 * Mints a token for the person behind `who`'s session. An expired token of theirs with the
 * same name is retired (revoked) first, so a name is only taken by a token that still works
 * or could be used again.
 */
export async function mintApiToken(
  store: Store,
  who: Principal,
  request: TokenRequest,
  policy: TokenPolicy = DEFAULT_TOKEN_POLICY,
  now = new Date(),
): Promise<MintResult> {
  const { credential } = who;
  if (credential.kind !== 'session') return { ok: false, reason: 'not_a_session' };
  const expiresAt = expiryOf(policy, request.expiresInDays, now);
  const secret = `rt_${newSecret()}`;
  try {
    const id = await store.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('api_tokens')
        .set({ revoked_at: now })
        .where('user_id', '=', credential.userId)
        .where('name', '=', request.name)
        .where('revoked_at', 'is', null)
        .where('expires_at', '<=', now)
        .execute();
      const row = await tx
        .insertInto('api_tokens')
        .values({
          token_hash: hashSecret(secret),
          name: request.name,
          organisation_id: who.organisationId,
          user_id: credential.userId,
          created_by: who.id,
          created_at: now,
          scopes: uniqueScopes(request.scopes),
          expires_at: expiresAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(
        tx,
        {
          actor: who.id,
          action: 'mint',
          entity: 'api_token',
          entityId: row.id,
          reason: `API token "${request.name}"`,
          data: { scopes: uniqueScopes(request.scopes), expires_at: expiresAt.toISOString() },
        },
        now,
      );
      return row.id;
    });
    const token = (await tokensWhere(store, now, { id }))[0];
    if (!token) throw new Error(`API token ${id} vanished after it was minted`);
    return { ok: true, token, secret };
  } catch (error) {
    if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION) throw error;
    const taken = await liveTokenNamed(store, credential.userId, request.name);
    return { ok: false, reason: 'name_taken', id: taken };
  }
}

/**
 * A token made outside any session, for set-up scripts and tests: both scopes and the
 * default life unless told otherwise. Returns the secret.
 */
export async function createApiToken(
  store: Store,
  createdBy: string,
  organisationId: string,
  name: string,
  options: { scopes?: readonly TokenScope[]; expiresInDays?: number; now?: Date } = {},
): Promise<string> {
  const now = options.now ?? new Date();
  const secret = `rt_${newSecret()}`;
  await store.db
    .insertInto('api_tokens')
    .values({
      token_hash: hashSecret(secret),
      name,
      organisation_id: organisationId,
      created_by: createdBy,
      created_at: now,
      scopes: uniqueScopes(options.scopes ?? TOKEN_SCOPES),
      expires_at: expiryOf(DEFAULT_TOKEN_POLICY, options.expiresInDays, now),
    })
    .execute();
  return secret;
}

/** The live (not revoked) tokens `who` may see: its organisation's, or a token only itself. */
export function listApiTokens(
  store: Store,
  who: Principal,
  now = new Date(),
): Promise<TokenView[]> {
  return tokensWhere(store, now, visibleTo(who));
}

/** Revokes a live token `who` may see; false when there is none by that id. */
export async function revokeApiToken(
  store: Store,
  who: Principal,
  id: string,
  now = new Date(),
): Promise<boolean> {
  const scope = visibleTo(who);
  if (scope.id !== undefined && scope.id !== id) return false;
  return store.db.transaction().execute(async (tx) => {
    const revoked = await tx
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('id', '=', id)
      .where('organisation_id', '=', who.organisationId)
      .where('revoked_at', 'is', null)
      .returning(['name'])
      .executeTakeFirst();
    if (!revoked) return false;
    await appendAudit(
      tx,
      {
        actor: who.id,
        action: 'revoke',
        entity: 'api_token',
        entityId: id,
        reason: `API token "${revoked.name}"`,
        data: {},
      },
      now,
    );
    return true;
  });
}

/** Which tokens a caller may see: a session its organisation's, a token only itself. */
function visibleTo(who: Principal): { organisationId: string; id?: string } {
  return who.credential.kind === 'token'
    ? { organisationId: who.organisationId, id: who.credential.tokenId }
    : { organisationId: who.organisationId };
}

async function tokensWhere(
  store: Store,
  now: Date,
  where: { organisationId?: string; id?: string },
): Promise<TokenView[]> {
  let query = store.db
    .selectFrom('api_tokens')
    .select([
      'id',
      'name',
      'organisation_id',
      'created_by',
      'scopes',
      'created_at',
      'expires_at',
      'last_used_at',
    ])
    .where('revoked_at', 'is', null)
    .orderBy('id');
  if (where.organisationId !== undefined)
    query = query.where('organisation_id', '=', where.organisationId);
  if (where.id !== undefined) query = query.where('id', '=', where.id);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    organisation: r.organisation_id,
    createdBy: r.created_by,
    scopes: r.scopes,
    createdAt: new Date(r.created_at),
    expiresAt: new Date(r.expires_at),
    lastUsedAt: r.last_used_at === null ? null : new Date(r.last_used_at),
    expired: new Date(r.expires_at).getTime() <= now.getTime(),
  }));
}

async function liveTokenNamed(store: Store, userId: string, name: string): Promise<string | null> {
  const row = await store.db
    .selectFrom('api_tokens')
    .select('id')
    .where('user_id', '=', userId)
    .where('name', '=', name)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Scopes in a fixed order, once each, so stored and shown scopes compare as they read. */
function uniqueScopes(scopes: readonly TokenScope[]): TokenScope[] {
  return TOKEN_SCOPES.filter((s) => scopes.includes(s));
}
