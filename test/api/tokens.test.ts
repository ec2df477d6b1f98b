/**
 * API tokens (issue #7, item 12) and the Bearer scheme (item 14): tokens carry scopes and an
 * expiry, are listed and revoked by id, only a person's session mints them, names are unique
 * per person, and logging out with a token never claims to end what keeps working. Tokens
 * minted before scopes existed are migrated (migrations/0007_tokens_and_throttling.sql).
 */

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { createUser } from '../../src/services/identity.js';
import type { Store } from '../../src/store/database.js';
import { onServer, openTestStore, testStoreOptions } from '../support/test-store.js';
import { seedTinyProgramme } from '../support/tiny-programme.js';

const PASSWORD = 'correct horse battery staple';
const DAY_MS = 86_400_000;
const EMPTY_EVENTS = 'participant_id,type,occurred_on,value,verified,source\n';

interface Minted {
  id: string;
  token: string;
  name: string;
  organisation: string;
  scopes: string[];
  expires_at: string;
}

describe(`API tokens on ${onServer ? 'the PostgreSQL server' : 'embedded PGlite'}`, () => {
  let store: Store;
  let app: FastifyInstance;
  /** Session secrets of two people of the ministry and one of provider prov-a. */
  const session = { funder: '', colleague: '', provider: '' };

  const as = (secret: string, method: 'GET' | 'POST' | 'DELETE', url: string, body?: object) =>
    app.inject({
      method,
      url,
      payload: body,
      headers: { authorization: `Bearer ${secret}` },
    });
  const upload = (secret: string) =>
    app.inject({
      method: 'POST',
      url: '/programmes/tiny/events?format=csv',
      payload: EMPTY_EVENTS,
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'text/csv' },
    });
  const dashboard = (authorization: string) =>
    app.inject({ method: 'GET', url: '/programmes/tiny/dashboard', headers: { authorization } });
  const mint = async (secret: string, body: object): Promise<Minted> => {
    const res = await as(secret, 'POST', '/auth/tokens', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  beforeAll(async () => {
    store = await openTestStore();
    await seedTinyProgramme(store);
    const people = [
      ['funder', 'funder@example.org', 'ministry'],
      ['colleague', 'colleague@example.org', 'ministry'],
      ['provider', 'provider@example.org', 'prov-a'],
    ] as const;
    for (const [, email, organisationId] of people)
      await createUser(store, { email, name: email, organisationId, password: PASSWORD });
    app = await buildServer(store, { loginRateLimit: 1000, tokens: { maxDays: 30 } });
    for (const [who, email] of people) {
      const res = await app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { email, password: PASSWORD },
      });
      session[who] = res.json().token;
    }
  });

  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it('mints a token with scopes and an expiry from a session, shown once', async () => {
    const before = Date.now();
    const minted = await mint(session.funder, {
      name: 'nightly export',
      scopes: ['read'],
      expires_in_days: 7,
    });
    expect(minted).toMatchObject({
      name: 'nightly export',
      organisation: 'ministry',
      scopes: ['read'],
    });
    expect(minted.token).toMatch(/^rt_/);
    const expires = Date.parse(minted.expires_at);
    expect(expires).toBeGreaterThanOrEqual(before + 7 * DAY_MS);
    expect(expires).toBeLessThan(Date.now() + 7 * DAY_MS + 1000);
    // Without expires_in_days: the default, 90 days, here cut to the configured maximum.
    const plain = await mint(session.funder, { name: 'default expiry', scopes: ['read'] });
    expect(Date.parse(plain.expires_at)).toBeGreaterThanOrEqual(before + 30 * DAY_MS);
    expect(Date.parse(plain.expires_at)).toBeLessThan(Date.now() + 30 * DAY_MS + 1000);
  });

  it('refuses an expiry beyond the maximum, unknown scopes and no scopes', async () => {
    const tooLong = await as(session.funder, 'POST', '/auth/tokens', {
      name: 'forever',
      scopes: ['read'],
      expires_in_days: 31,
    });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().message).toBe('a token may last at most 30 days');
    for (const scopes of [[], ['admin'], undefined]) {
      const res = await as(session.funder, 'POST', '/auth/tokens', { name: 'scopeless', scopes });
      expect(res.statusCode, JSON.stringify(scopes)).toBe(400);
    }
  });

  it('lets only a session mint tokens: a token asking for one gets 403', async () => {
    const parent = await mint(session.funder, {
      name: 'would-be parent',
      scopes: ['read', 'write'],
    });
    const child = await as(parent.token, 'POST', '/auth/tokens', {
      name: 'child',
      scopes: ['read'],
    });
    expect(child.statusCode).toBe(403);
    expect(child.json().message).toBe('only a signed-in person may mint API tokens');
  });

  it('refuses a read-scoped token on every non-GET route with 403, and lets it read', async () => {
    const reader = await mint(session.funder, { name: 'reader', scopes: ['read'] });
    const writer = await mint(session.funder, { name: 'writer', scopes: ['read', 'write'] });
    expect((await dashboard(`Bearer ${reader.token}`)).statusCode).toBe(200);
    const refused = await upload(reader.token);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toBe('this API token may only read (scope read)');
    expect((await as(reader.token, 'DELETE', `/auth/tokens/${writer.id}`)).statusCode).toBe(403);
    expect((await as(reader.token, 'POST', '/auth/logout')).statusCode).toBe(403);
    expect((await upload(writer.token)).statusCode).toBe(201);
    // A write-only token writes and may not read.
    const feeder = await mint(session.funder, { name: 'feeder', scopes: ['write'] });
    expect((await upload(feeder.token)).statusCode).toBe(201);
    expect((await dashboard(`Bearer ${feeder.token}`)).statusCode).toBe(403);
  });

  it('keeps names unique per person (409), free again once revoked', async () => {
    const first = await mint(session.funder, { name: 'sync', scopes: ['read'] });
    const again = await as(session.funder, 'POST', '/auth/tokens', {
      name: 'sync',
      scopes: ['read'],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe(
      `you already have a token named "sync" (id ${first.id}); revoke it or choose another name`,
    );
    // Another person of the same organisation may use the name.
    await mint(session.colleague, { name: 'sync', scopes: ['read'] });
    expect((await as(session.funder, 'DELETE', `/auth/tokens/${first.id}`)).statusCode).toBe(200);
    await mint(session.funder, { name: 'sync', scopes: ['read'] });
  });

  it("lists the organisation's live tokens without their secrets, with last use", async () => {
    const listed = await mint(session.colleague, { name: 'listed', scopes: ['read'] });
    const list = async (secret: string) => {
      const res = await as(secret, 'GET', '/auth/tokens');
      expect(res.statusCode).toBe(200);
      return res.json().tokens as Record<string, unknown>[];
    };
    const mine = (await list(session.funder)).find((t) => t.id === listed.id);
    expect(mine).toEqual({
      id: listed.id,
      name: 'listed',
      organisation: 'ministry',
      created_by: 'colleague@example.org',
      scopes: ['read'],
      created_at: expect.any(String),
      expires_at: listed.expires_at,
      last_used_at: null,
      expired: false,
    });
    expect((await dashboard(`Bearer ${listed.token}`)).statusCode).toBe(200);
    const used = (await list(session.colleague)).find((t) => t.id === listed.id);
    expect(Date.now() - Date.parse(String(used?.last_used_at))).toBeLessThan(60_000);
    // Secrets and their hashes never leave the server.
    const body = (await as(session.funder, 'GET', '/auth/tokens')).body;
    expect(body).not.toContain(listed.token);
    expect(body).not.toContain('rt_');
    expect(body).not.toContain('hash');
    // Another organisation sees none of them; a token sees only itself.
    expect((await list(session.provider)).some((t) => t.organisation !== 'prov-a')).toBe(false);
    expect((await list(listed.token)).map((t) => t.id)).toEqual([listed.id]);
  });

  it('revokes by id: the token stops working at once; strangers get 404', async () => {
    const target = await mint(session.funder, { name: 'to revoke', scopes: ['read', 'write'] });
    const sibling = await mint(session.funder, { name: 'sibling', scopes: ['read', 'write'] });
    expect((await as(session.provider, 'DELETE', `/auth/tokens/${target.id}`)).statusCode).toBe(
      404,
    );
    expect((await as(sibling.token, 'DELETE', `/auth/tokens/${target.id}`)).statusCode).toBe(404);
    expect((await as(session.funder, 'DELETE', '/auth/tokens/999999999')).statusCode).toBe(404);
    expect((await dashboard(`Bearer ${target.token}`)).statusCode).toBe(200);
    // A colleague may revoke it (someone left); so may the token itself.
    const revoked = await as(session.colleague, 'DELETE', `/auth/tokens/${target.id}`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toEqual({ id: target.id, revoked: true });
    expect((await dashboard(`Bearer ${target.token}`)).statusCode).toBe(401);
    expect((await as(session.funder, 'DELETE', `/auth/tokens/${target.id}`)).statusCode).toBe(404);
    expect((await as(sibling.token, 'DELETE', `/auth/tokens/${sibling.id}`)).statusCode).toBe(200);
    expect((await dashboard(`Bearer ${sibling.token}`)).statusCode).toBe(401);
    const names = (await as(session.funder, 'GET', '/auth/tokens'))
      .json()
      .tokens.map((t: { name: string }) => t.name);
    expect(names).not.toContain('to revoke');
    expect(names).not.toContain('sibling');
  });

  it('stops accepting a token once it expires', async () => {
    const short = await mint(session.funder, { name: 'short-lived', scopes: ['read'] });
    expect((await dashboard(`Bearer ${short.token}`)).statusCode).toBe(200);
    await store.db
      .updateTable('api_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', short.id)
      .execute();
    expect((await dashboard(`Bearer ${short.token}`)).statusCode).toBe(401);
    const listed = (await as(session.funder, 'GET', '/auth/tokens')).json().tokens;
    expect(listed.find((t: { id: string }) => t.id === short.id)).toMatchObject({
      expired: true,
    });
    // An expired token's name may be used again: minting retires the expired one.
    await mint(session.funder, { name: 'short-lived', scopes: ['read'] });
  });

  it('refuses to "log out" a token, saying how to revoke it, and it keeps working', async () => {
    const robot = await mint(session.funder, { name: 'robot', scopes: ['read', 'write'] });
    const res = await as(robot.token, 'POST', '/auth/logout');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      error: 'token_not_session',
      message: `an API token has no session to end; revoke it with DELETE /auth/tokens/${robot.id}`,
      problems: [],
    });
    expect(res.body).not.toContain('ended');
    expect((await dashboard(`Bearer ${robot.token}`)).statusCode).toBe(200);
  });

  it('reads the Bearer scheme without regard to case (RFC 7235)', async () => {
    for (const scheme of ['Bearer', 'bearer', 'BEARER', 'bEaReR'])
      expect((await dashboard(`${scheme} ${session.provider}`)).statusCode, scheme).toBe(200);
    expect((await dashboard(`Bearer   ${session.provider}`)).statusCode).toBe(200);
    for (const header of [`Basic ${session.provider}`, `Bearer${session.provider}`, 'Bearer '])
      expect((await dashboard(header)).statusCode, header).toBe(401);
    const login = await app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email: 'provider@example.org', password: PASSWORD },
    });
    const secret = login.json().token;
    const out = await app.inject({
      method: 'POST',
      url: '/auth/logout',
      headers: { authorization: `BEARER ${secret}` },
    });
    expect(out.json()).toEqual({ ended: true });
    expect((await dashboard(`Bearer ${secret}`)).statusCode).toBe(401);
  });
});

/**
 * The migration on a database holding tokens minted before it: each gets both scopes and 90
 * days; tokens minted by a token whose parent is revoked (or gone) are revoked; repeated
 * names of one person are told apart.
 */
describe(`tokens minted before scopes, on ${onServer ? 'the PostgreSQL server' : 'embedded PGlite'}`, () => {
  const MIGRATIONS = join(import.meta.dirname, '../../migrations');
  const TOKENS_MIGRATION = '0007_tokens_and_throttling.sql';

  /** A database with the migrations before 0007 applied, on PGlite or a fresh schema. */
  async function databaseBefore(): Promise<{
    exec(sql: string): Promise<void>;
    rows<T>(sql: string): Promise<T[]>;
    close(): Promise<void>;
  }> {
    const options = await testStoreOptions();
    let session: Awaited<ReturnType<typeof databaseBefore>>;
    if (options.url) {
      const client = new pg.Client({ connectionString: options.url });
      await client.connect();
      session = {
        exec: async (sql) => void (await client.query(sql)),
        rows: async <T>(sql: string) => (await client.query(sql)).rows as T[],
        close: () => client.end(),
      };
    } else {
      const db = await PGlite.create();
      session = {
        exec: async (sql) => void (await db.exec(sql)),
        rows: async <T>(sql: string) => (await db.query<T>(sql)).rows,
        close: () => db.close(),
      };
    }
    const files = (await readdir(MIGRATIONS)).filter((f) => f.endsWith('.sql')).sort();
    for (const file of files.filter((f) => f < TOKENS_MIGRATION))
      await session.exec(await readFile(join(MIGRATIONS, file), 'utf8'));
    return session;
  }

  it('gives old tokens both scopes and 90 days, and revokes orphaned children', async () => {
    const db = await databaseBefore();
    try {
      await db.exec(`
        INSERT INTO organisations (id, name, kind) VALUES ('ministry', 'Ministry', 'funder');
        INSERT INTO users (email, name, organisation_id, password_hash)
          VALUES ('funder@example.org', 'F', 'ministry', 'x');
        INSERT INTO api_tokens (token_hash, name, organisation_id, created_by, revoked_at) VALUES
          ('h1', 'robot', 'ministry', 'funder@example.org', NULL),
          ('h2', 'robot', 'ministry', 'funder@example.org', NULL),
          ('h3', 'gone', 'ministry', 'funder@example.org', now()),
          ('h4', 'child of robot', 'ministry', 'token:robot', NULL),
          ('h5', 'child of gone', 'ministry', 'token:gone', NULL),
          ('h6', 'grandchild', 'ministry', 'token:child of gone', NULL),
          ('h7', 'setup', 'ministry', 'setup', NULL);
      `);
      await db.exec(await readFile(join(MIGRATIONS, TOKENS_MIGRATION), 'utf8'));
      const rows = await db.rows<{
        token_hash: string;
        name: string;
        scopes: string[];
        days: number;
        revoked: boolean;
        owned: boolean;
      }>(`
        SELECT token_hash, name, scopes,
          round(extract(epoch FROM expires_at - now()) / 86400)::int AS days,
          revoked_at IS NOT NULL AS revoked, user_id IS NOT NULL AS owned
        FROM api_tokens ORDER BY token_hash`);
      expect(rows.map((r) => [r.token_hash, r.revoked])).toEqual([
        ['h1', false],
        ['h2', false],
        ['h3', true],
        ['h4', false],
        ['h5', true],
        ['h6', true],
        ['h7', false],
      ]);
      expect(rows.every((r) => r.days === 90)).toBe(true);
      expect(rows.every((r) => r.scopes.join(' ') === 'read write')).toBe(true);
      expect(rows.filter((r) => r.owned).map((r) => r.token_hash)).toEqual(['h1', 'h2', 'h3']);
      // The second "robot" of the same person is renamed, so names are unique per person.
      const names = rows.filter((r) => r.token_hash <= 'h2').map((r) => r.name);
      expect(new Set(names).size).toBe(2);
      expect(names).toContain('robot');
    } finally {
      await db.close();
    }
  });
});
