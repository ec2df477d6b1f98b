/**
 * Login throttling (issue #7, item 13): behind a trusted reverse proxy each client address
 * has its own limit; failures for one e-mail lock that e-mail only, with a lockout that
 * doubles and is forgotten on success; the lock lives in the database, so every server
 * sharing it applies it; known and unknown e-mails get the same answers.
 */

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type ServerOptions } from '../../src/api/server.js';
import { serverOptionsFromEnv, trustedProxies } from '../../src/api/server-config.js';
import { createUser } from '../../src/services/identity.js';
import type { Store } from '../../src/store/database.js';
import { onServer, openTestStore } from '../support/test-store.js';

const PASSWORD = 'correct horse battery staple';
const PROXY = '10.0.0.5';

describe(`login throttling on ${onServer ? 'the PostgreSQL server' : 'embedded PGlite'}`, () => {
  let store: Store;
  const servers: FastifyInstance[] = [];
  /** A test clock, moved by hand, shared by every server the test builds. */
  let clock = new Date('2026-03-01T09:00:00Z');
  const tick = (seconds: number) => {
    clock = new Date(clock.getTime() + seconds * 1000);
  };

  const server = async (options: ServerOptions = {}) => {
    const app = await buildServer(store, {
      now: () => clock,
      loginThrottle: { failures: 5, lockoutSeconds: 60, maxLockoutSeconds: 3600 },
      ...options,
    });
    servers.push(app);
    return app;
  };
  const attempt = (
    app: FastifyInstance,
    email: string,
    password: string,
    from: { remoteAddress?: string; forwardedFor?: string } = {},
  ) =>
    app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email, password },
      remoteAddress: from.remoteAddress ?? '127.0.0.1',
      headers: from.forwardedFor ? { 'x-forwarded-for': from.forwardedFor } : {},
    });
  const statuses = async (n: number, call: () => ReturnType<typeof attempt>) => {
    const codes: number[] = [];
    for (let i = 0; i < n; i++) codes.push((await call()).statusCode);
    return codes;
  };

  beforeAll(async () => {
    store = await openTestStore();
    await store.db
      .insertInto('organisations')
      .values({ id: 'ministry', name: 'Ministry', kind: 'funder' })
      .execute();
    for (const name of ['ana', 'ben', 'cleo', 'dan', 'eve', 'fay'])
      await createUser(store, {
        email: `${name}@example.org`,
        name,
        organisationId: 'ministry',
        password: PASSWORD,
      });
  });

  afterAll(async () => {
    for (const app of servers) await app.close();
    await store?.close();
  });

  it('limits clients behind a trusted proxy separately, by X-Forwarded-For', async () => {
    const app = await server({ loginRateLimit: 3, trustedProxies: [PROXY, '10.1.0.0/16'] });
    // Different e-mails, so only the per-address limit is at work.
    let n = 0;
    const from =
      (client: string, proxy = PROXY) =>
      () =>
        attempt(app, `nobody${n++}@example.org`, 'guess', {
          remoteAddress: proxy,
          forwardedFor: client,
        });
    expect(await statuses(4, from('203.0.113.1'))).toEqual([401, 401, 401, 429]);
    expect(await statuses(4, from('203.0.113.2'))).toEqual([401, 401, 401, 429]);
    // The second proxy, named by its range, is trusted too.
    expect(await statuses(1, from('203.0.113.3', '10.1.2.3'))).toEqual([401]);
    // Someone not behind the proxy cannot choose their address with the header.
    const direct = (forwardedFor: string) => () =>
      attempt(app, `nobody${n++}@example.org`, 'guess', {
        remoteAddress: '198.51.100.7',
        forwardedFor,
      });
    expect(await statuses(3, direct('203.0.113.50'))).toEqual([401, 401, 401]);
    expect(await statuses(1, direct('203.0.113.51'))).toEqual([429]);
  });

  it('believes no X-Forwarded-For without a trusted proxy', async () => {
    const app = await server({ loginRateLimit: 3 });
    let n = 0;
    const codes = await statuses(4, () =>
      attempt(app, `someone${n++}@example.org`, 'guess', {
        remoteAddress: PROXY,
        forwardedFor: `203.0.113.${n}`,
      }),
    );
    expect(codes).toEqual([401, 401, 401, 429]);
  });

  it("locks an e-mail after 5 failures without blocking another account's sign-in", async () => {
    const app = await server({ loginRateLimit: 1000 });
    expect(await statuses(5, () => attempt(app, 'ana@example.org', 'guess'))).toEqual([
      401, 401, 401, 401, 401,
    ]);
    const locked = await attempt(app, 'ana@example.org', PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('60');
    expect(locked.json()).toMatchObject({
      error: 'too_many_attempts',
      message: 'too many failed sign-ins for this e-mail; try again in 60 seconds',
      problems: [],
    });
    // Same address, another account: unaffected.
    expect((await attempt(app, 'ben@example.org', PASSWORD)).statusCode).toBe(200);
  });

  it('answers an unknown e-mail exactly as a known one', async () => {
    const app = await server({ loginRateLimit: 1000 });
    const known = await statuses(6, () => attempt(app, 'cleo@example.org', 'guess'));
    const unknown = await statuses(6, () => attempt(app, 'nobody-here@example.org', 'guess'));
    expect(known).toEqual([401, 401, 401, 401, 401, 429]);
    expect(unknown).toEqual(known);
    const [a, b] = await Promise.all([
      attempt(app, 'cleo@example.org', 'guess'),
      attempt(app, 'nobody-here@example.org', 'guess'),
    ]);
    // The same answer but for the request's own id.
    const { instance: _a, request_id: _aId, ...answerA } = a.json();
    const { instance: _b, request_id: _bId, ...answerB } = b.json();
    expect([b.statusCode, b.headers['retry-after'], answerB]).toEqual([
      a.statusCode,
      a.headers['retry-after'],
      answerA,
    ]);
  });

  it('doubles the lockout after each further failure and forgets it on success', async () => {
    const app = await server({ loginRateLimit: 1000 });
    const email = 'dan@example.org';
    const retryAfter = async (password = 'guess') => {
      const res = await attempt(app, email, password);
      return res.statusCode === 429 ? Number(res.headers['retry-after']) : res.statusCode;
    };
    expect(await statuses(5, () => attempt(app, email, 'guess'))).toEqual([
      401, 401, 401, 401, 401,
    ]);
    expect(await retryAfter()).toBe(60);
    tick(30);
    expect(await retryAfter()).toBe(30);
    tick(30);
    expect(await retryAfter()).toBe(401); // the 6th failure: locked for 120 s
    expect(await retryAfter()).toBe(120);
    tick(120);
    expect(await retryAfter()).toBe(401); // the 7th: 240 s
    expect(await retryAfter(PASSWORD)).toBe(240);
    tick(240);
    expect(await retryAfter(PASSWORD)).toBe(200);
    // Forgotten: five failures again before the next lock.
    expect(await statuses(5, () => attempt(app, email, 'guess'))).toEqual([
      401, 401, 401, 401, 401,
    ]);
    expect(await retryAfter()).toBe(60);
  });

  it('caps the lockout and forgets failures a day old', async () => {
    const app = await server({
      loginRateLimit: 1000,
      loginThrottle: { failures: 2, lockoutSeconds: 1000, maxLockoutSeconds: 1500 },
    });
    const email = 'eve@example.org';
    const failThenWait = async () => {
      const res = await attempt(app, email, 'guess');
      const locked = await attempt(app, email, 'guess');
      tick(Number(locked.headers['retry-after'] ?? 0));
      return [res.statusCode, locked.statusCode, locked.headers['retry-after']];
    };
    expect((await attempt(app, email, 'guess')).statusCode).toBe(401);
    expect(await failThenWait()).toEqual([401, 429, '1000']);
    expect(await failThenWait()).toEqual([401, 429, '1500']);
    expect(await failThenWait()).toEqual([401, 429, '1500']);
    tick(24 * 3600);
    expect(await statuses(2, () => attempt(app, email, 'guess'))).toEqual([401, 401]);
    expect((await attempt(app, email, 'guess')).headers['retry-after']).toBe('1000');
  });

  it('shares the lock between servers on the same database', async () => {
    const first = await server({ loginRateLimit: 1000 });
    const second = await server({ loginRateLimit: 1000 });
    const email = 'FAY@example.org';
    expect(await statuses(5, () => attempt(first, email, 'guess'))).toEqual([
      401, 401, 401, 401, 401,
    ]);
    const res = await attempt(second, 'fay@example.org', PASSWORD);
    expect(res.statusCode).toBe(429);
  });

  it('counts concurrent guesses: no more than the limit get through', async () => {
    const app = await server({ loginRateLimit: 1000 });
    const codes = await Promise.all(
      Array.from({ length: 12 }, () => attempt(app, 'guessed@example.org', 'guess')),
    );
    expect(codes.filter((c) => c.statusCode === 401)).toHaveLength(5);
    expect(codes.filter((c) => c.statusCode === 429)).toHaveLength(7);
  });
});

describe('sign-in settings from the environment', () => {
  it('reads trusted proxies and limits, refusing values it cannot use', () => {
    expect(serverOptionsFromEnv({})).toEqual({
      trustedProxies: [],
      loginRateLimit: 10,
      loginThrottle: { failures: 5, lockoutSeconds: 60, maxLockoutSeconds: 3600 },
      tokens: { maxDays: 365 },
    });
    const set = serverOptionsFromEnv({
      RESULTA_TRUSTED_PROXY: '10.0.0.5, 10.1.0.0/16 fd00::/8,loopback',
      RESULTA_LOGIN_PER_MINUTE: '30',
      RESULTA_LOGIN_FAILURES: '3',
      RESULTA_LOGIN_LOCK_S: '10',
      RESULTA_LOGIN_LOCK_MAX_S: '600',
      RESULTA_TOKEN_MAX_DAYS: '30',
    });
    expect(set).toEqual({
      trustedProxies: ['10.0.0.5', '10.1.0.0/16', 'fd00::/8', 'loopback'],
      loginRateLimit: 30,
      loginThrottle: { failures: 3, lockoutSeconds: 10, maxLockoutSeconds: 600 },
      tokens: { maxDays: 30 },
    });
    expect(() => serverOptionsFromEnv({ RESULTA_TRUSTED_PROXY: '*' })).toThrow(
      'RESULTA_TRUSTED_PROXY: "*" is not an IP address, a CIDR range such as 10.0.0.0/8, or one of loopback, linklocal, uniquelocal',
    );
    for (const bad of ['10.0.0.0/33', '10.0.0', 'true', '10.0.0.1/8/2'])
      expect(() => trustedProxies(bad), bad).toThrow(`"${bad}" is not an IP address`);
    expect(() => serverOptionsFromEnv({ RESULTA_TOKEN_MAX_DAYS: '0' })).toThrow(
      'RESULTA_TOKEN_MAX_DAYS="0": expected a whole number from 1 to',
    );
    expect(() =>
      serverOptionsFromEnv({ RESULTA_LOGIN_LOCK_S: '120', RESULTA_LOGIN_LOCK_MAX_S: '60' }),
    ).toThrow('RESULTA_LOGIN_LOCK_MAX_S="60": expected a whole number from 120 to 86400');
  });
});
