/**
 * Issue #7 item 8: anonymous 45 MB uploads were buffered before the 401, because the access
 * check ran after the body had been read. Now the caller, its role, its token's scope and
 * its membership of the programme are checked as soon as the request's head has arrived:
 * a refused request is answered without reading its body, and its connection is closed
 * rather than drained.
 *
 * Each request here announces 45 MB and sends a few bytes. A server that waits for the body
 * before deciding never answers; one that decides on the head answers at once.
 */

import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/services/api-tokens.js';
import { createProgramme } from '../../src/services/programmes.js';
import { onServer } from '../support/test-store.js';
import { seedTinyProgramme, TINY } from '../support/tiny-programme.js';
import { type HostileServer, hostileServer } from './hostile-server.js';

const ANNOUNCED = 45 * 1024 * 1024;
/** How long a refusal may take; the server waits forever for a body it means to read. */
const PROMPTLY_MS = 3_000;

interface Answer {
  /** The status line's code, or null when nothing came back in time. */
  readonly status: number | null;
  readonly ms: number;
  /** The server closed the connection without waiting for the announced body. */
  readonly closed: boolean;
}

describe(`item 8: refusals before the body, on ${onServer ? 'the PostgreSQL server' : 'embedded PGlite'}`, () => {
  let server: HostileServer;
  let port: number;
  let session: string;
  let outsider: string;

  beforeAll(async () => {
    server = await hostileServer(async (store) => {
      await seedTinyProgramme(store);
      await createProgramme(
        store,
        { id: 'setup' },
        {
          id: 'elsewhere',
          title: 'Another programme',
          funder: { id: 'other-ministry', name: 'other' },
          providers: [],
          verifiers: [],
          investors: [],
          contractYaml: await readFile(join(TINY, 'contract.yaml'), 'utf8'),
        },
      );
    });
    outsider = await createApiToken(server.store, 'setup', 'other-ministry', 'outsider', {
      scopes: ['read', 'write'],
    });
    const login = await server.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email: 'verifier@example.org', password: 'correct horse battery staple' },
    });
    session = login.json().token;
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    port = (server.app.server.address() as AddressInfo).port;
  });
  afterAll(() => server?.close());

  /** Sends the head of a request announcing 45 MB, then a few bytes, and waits. */
  const announce = (path: string, headers: Record<string, string> = {}): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const socket = connect(port, '127.0.0.1');
      let received = '';
      let status: number | null = null;
      const done = (closed: boolean) => {
        clearTimeout(timer);
        socket.destroy();
        resolve({ status, ms: performance.now() - started, closed });
      };
      const timer = setTimeout(() => done(false), PROMPTLY_MS);
      socket.on('error', reject);
      socket.on('data', (chunk) => {
        received += chunk.toString('latin1');
        status ??= Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? Number.NaN) || null;
      });
      socket.on('end', () => done(true));
      const head = Object.entries({
        host: 'localhost',
        'content-type': 'text/csv',
        'content-length': String(ANNOUNCED),
        ...headers,
      })
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('');
      socket.write(`POST ${path} HTTP/1.1\r\n${head}\r\nparticipant_id,provider_id,enr`);
    });

  it('answers an anonymous upload 401 at once, without reading the body', async () => {
    const answer = await announce('/programmes/tiny/participants?format=csv');
    expect(answer).toMatchObject({ status: 401, closed: true });
    expect(answer.ms).toBeLessThan(PROMPTLY_MS);
  });

  it('answers a role that may not upload 403 at once', async () => {
    const answer = await announce('/programmes/tiny/participants?format=csv', {
      authorization: `Bearer ${session}`,
    });
    expect(answer).toMatchObject({ status: 403, closed: true });
  });

  it('answers an organisation outside the programme 404 at once', async () => {
    const answer = await announce('/programmes/tiny/employment-datasets?format=csv', {
      authorization: `Bearer ${outsider}`,
    });
    expect(answer).toMatchObject({ status: 404, closed: true });
  });

  it('answers a JSON body for a bill anonymously 401 at once', async () => {
    const answer = await announce('/bills/1/reject', { 'content-type': 'application/json' });
    expect(answer).toMatchObject({ status: 401, closed: true });
  });

  it('still reads the body of a caller who may upload', async () => {
    // The verifier may upload employment datasets: the server waits for the 45 MB.
    const answer = await announce('/programmes/tiny/employment-datasets?format=csv', {
      authorization: `Bearer ${session}`,
    });
    expect(answer).toMatchObject({ status: null, closed: false });
  });
});
