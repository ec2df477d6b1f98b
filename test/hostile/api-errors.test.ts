/**
 * Issue #7 items 9 and 14 (unknown routes): a 500 said "it has been logged" while logging
 * was off. Every answer now carries a request id (`x-request-id`); an internal error is
 * logged as a JSON line with that id, the error and its stack, and its answer gives the id
 * and nothing of the error's text. Bad input is a 4xx naming its problem, never a 500, and a
 * path that names no route is a JSON 404 to everyone.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logLevelFromEnv } from '../../src/api/log-level.js';
import { buildServer } from '../../src/api/server.js';
import { onServer } from '../support/test-store.js';
import { TINY } from '../support/tiny-programme.js';
import { type HostileServer, hostileServer } from './hostile-server.js';

const CSV = 'text/csv';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** JSON log lines written by a server. */
function logSink() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, destination };
}

describe(`items 9 and 14: errors on ${onServer ? 'the PostgreSQL server' : 'embedded PGlite'}`, () => {
  let server: HostileServer;
  let bill: string;
  beforeAll(async () => {
    server = await hostileServer();
    const drafted = await server.call('funder', 'POST', '/programmes/tiny/bills', {
      period_end: '2019-06-30',
    });
    expect(drafted.statusCode, drafted.body).toBe(201);
    bill = drafted.json().id;
  });
  afterAll(() => server?.close());

  it('logs an internal error with the request id it answers with, and tells nothing else', async () => {
    const log = logSink();
    const app = await buildServer(server.store, { log: { destination: log.destination } });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { email: 'funder@example.org', password: 'correct horse battery staple' },
      });
      const headers = { authorization: `Bearer ${login.json().token}` };
      // A real fault: a table the dashboard reads is gone.
      await sql`ALTER TABLE provider_counts RENAME TO provider_counts_gone`.execute(
        server.store.db,
      );
      const res = await app
        .inject({ method: 'GET', url: '/programmes/tiny/dashboard', headers })
        .finally(() =>
          sql`ALTER TABLE provider_counts_gone RENAME TO provider_counts`.execute(server.store.db),
        );
      expect(res.statusCode).toBe(500);
      const id = res.headers['x-request-id'];
      expect(id).toMatch(UUID);
      expect(res.json()).toEqual({
        type: 'urn:resulta:problem:internal',
        title: 'Internal server error',
        status: 500,
        detail: `something went wrong on the server; it has been logged under request id ${id}`,
        instance: `urn:uuid:${id}`,
        error: 'internal',
        message: `something went wrong on the server; it has been logged under request id ${id}`,
        problems: [],
        request_id: id,
      });
      expect(res.body).not.toContain('provider_counts');
      const logged = log.lines.filter((l) => l.request_id === id);
      expect(logged).toEqual([
        expect.objectContaining({
          level: 50,
          msg: 'internal error',
          err: expect.objectContaining({
            message: expect.stringContaining('provider_counts'),
            stack: expect.any(String),
          }),
        }),
      ]);
      const fine = await app.inject({ method: 'GET', url: '/programmes/tiny/dashboard', headers });
      expect(fine.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('gives every answer its own request id, refusals included', async () => {
    const answers = [
      await server.call('anonymous', 'GET', '/programmes/tiny/dashboard'),
      await server.call('funder', 'GET', '/programmes/tiny/dashboard'),
      await server.call('funder', 'GET', '/healthz'),
    ];
    const ids = answers.map((a) => a.headers['x-request-id']);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(3);
  });

  it('answers bad input with a 4xx that names the problem, never a 500', async () => {
    const yaml = await readFile(join(TINY, 'contract.yaml'), 'utf8');
    const cases = [
      [
        'a NUL in a CSV cell',
        await server.call(
          'funder',
          'POST',
          '/programmes/tiny/participants?format=csv',
          'participant_id,provider_id,enrolled_on\nX\u0000,prov-a,2018-05-01\n',
          CSV,
        ),
        422,
        'contains a NUL character (U+0000) at character 2',
      ],
      [
        '?after=%00',
        await server.call('funder', 'GET', '/programmes/tiny/participants?after=%00'),
        400,
        'query.after: contains a NUL character',
      ],
      [
        'an upload sent as JSON',
        await server.call('funder', 'POST', '/programmes/tiny/participants?format=csv', {
          participant_id: 'X',
        }),
        415,
        'application/json is not a file: send the file as the request body, with content-type text/csv',
      ],
      [
        'an upload without a body',
        await server.call('funder', 'POST', '/programmes/tiny/participants?format=csv'),
        400,
        'send the file as the request body',
      ],
      [
        'an upload of a type no route reads',
        await server.call(
          'funder',
          'POST',
          '/programmes/tiny/participants?format=csv',
          '<x/>',
          'application/xml',
        ),
        415,
        'application/xml is not a file: send the file',
      ],
      [
        'XML for a route that reads JSON',
        await server.call('funder', 'POST', `/bills/${bill}/reject`, '<x/>', 'application/xml'),
        415,
        'send JSON (content-type application/json), not application/xml',
      ],
      [
        'a reason with \\u0000',
        await server.call('funder', 'POST', `/bills/${bill}/reject`, '{"reason":"a\\u0000b"}'),
        400,
        'body.reason: contains a NUL character',
      ],
      [
        'malformed JSON',
        await server.call('funder', 'POST', `/bills/${bill}/reject`, '{"reason":'),
        400,
        'JSON',
      ],
      [
        'a price whose cents overflow',
        await server.call('funder', 'POST', '/programmes/tiny/contract-versions', {
          yaml: yaml.replace('price: 200', 'price: 99999999999999999999.00'),
          reason: 'hostile price',
        }),
        422,
        'outcome training_completed price exceeds the limit of 90071992547409.91 (got 99999999999999999999.00)',
      ],
    ] as const;
    const got = cases.map(([what, res]) => ({
      what,
      status: res.statusCode,
      message: res.json().message as string,
    }));
    expect(got).toEqual(
      cases.map(([what, , status, message]) => ({
        what,
        status,
        message: expect.stringContaining(message),
      })),
    );
  });

  it('reports an amount past the limit at its line and column, and still the decimals', async () => {
    const yaml = await readFile(join(TINY, 'contract.yaml'), 'utf8');
    const over = await server.call('funder', 'POST', '/programmes/tiny/contract-versions', {
      yaml: yaml.replace('price: 200', 'price: 90071992547409.92'),
      reason: 'one cent past the limit',
    });
    expect(over.json().problems).toEqual([
      expect.objectContaining({
        code: 'contract.amount.limit',
        line: 21,
        col: 12,
        message:
          'outcome training_completed price exceeds the limit of 90071992547409.91 (got 90071992547409.92)',
      }),
    ]);
    const decimals = await server.call('funder', 'POST', '/programmes/tiny/contract-versions', {
      yaml: yaml.replace('price: 200', 'price: 200.001'),
      reason: 'a tenth of a cent',
    });
    expect(decimals.json().problems[0]).toMatchObject({
      code: 'contract.amount.decimals',
      line: 21,
    });
    const atLimit = await server.call('funder', 'POST', '/programmes/tiny/contract-versions', {
      yaml: yaml.replace('price: 200', 'price: 90071992547409.91'),
      reason: 'exactly the limit',
    });
    expect(atLimit.json().problems ?? []).not.toContainEqual(
      expect.objectContaining({ code: 'contract.amount.limit' }),
    );
  });

  it('answers a path that names no route 404 in JSON, signed in or not', async () => {
    const answers = [
      await server.call('anonymous', 'GET', '/nothing-here'),
      await server.call('funder', 'GET', '/nothing-here'),
      await server.call('verifier', 'POST', '/programmes/tiny/nothing', { a: 1 }),
      await server.call('anonymous', 'GET', '/programmes/tiny/dashboard/extra'),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ error: 'not_found', message: 'not found', problems: [] });
    }
  });
});

describe('RESULTA_LOG_LEVEL', () => {
  it('is info when unset, and a level that would hide errors stops the server', () => {
    expect(logLevelFromEnv({})).toBe('info');
    expect(logLevelFromEnv({ RESULTA_LOG_LEVEL: 'debug' })).toBe('debug');
    expect(() => logLevelFromEnv({ RESULTA_LOG_LEVEL: 'silent' })).toThrow(
      'RESULTA_LOG_LEVEL="silent": expected one of error, warn, info, debug',
    );
  });
});
