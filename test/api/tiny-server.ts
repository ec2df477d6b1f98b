/**
 * A real server on a fresh store (PGlite, or a schema on the PostgreSQL server when
 * DATABASE_URL is set) holding the worked example (examples/tiny), one signed-in person per
 * role, an API token of the second provider, a succeeded run as of 2019-06-30, a bill
 * drafted from it and a verification sample: what the read tests inspect.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildServer } from '../../src/api/server.js';
import { createApiToken } from '../../src/services/api-tokens.js';
import { createUser } from '../../src/services/identity.js';
import type { Store } from '../../src/store/database.js';
import { openTestStore } from '../support/test-store.js';
import { seedTinyProgramme } from '../support/tiny-programme.js';

export const CALLERS = ['funder', 'provider', 'providerB', 'verifier', 'investor'] as const;
export type Caller = (typeof CALLERS)[number] | 'anonymous';

const PASSWORD = 'correct horse battery staple';

export interface TinyServer {
  readonly store: Store;
  readonly app: FastifyInstance;
  readonly runId: string;
  readonly billId: string;
  readonly sampleId: string;
  /** GET (or another method) as a caller, with extra headers; a string body is sent as CSV. */
  call(
    who: Caller,
    url: string,
    options?: {
      method?: 'GET' | 'POST';
      body?: object | string;
      headers?: Record<string, string>;
    },
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function startTinyServer(): Promise<TinyServer> {
  const store = await openTestStore();
  await seedTinyProgramme(store);
  const people: [Caller, string][] = [
    ['funder', 'ministry'],
    ['provider', 'prov-a'],
    ['verifier', 'audit-co'],
    ['investor', 'impact-fund'],
  ];
  for (const [role, organisationId] of people)
    await createUser(store, {
      email: `${role}@example.org`,
      name: `The ${role}`,
      organisationId,
      password: PASSWORD,
    });
  const app = await buildServer(store, { loginRateLimit: 1000 });
  const tokens: Partial<Record<Caller, string>> = {};
  for (const [role] of people) {
    const res = await app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email: `${role}@example.org`, password: PASSWORD },
    });
    tokens[role] = res.json().token;
  }
  tokens.providerB = await createApiToken(store, 'setup', 'prov-b', 'prov-b-system');
  const call: TinyServer['call'] = (who, url, options = {}) =>
    app.inject({
      method: options.method ?? 'GET',
      url,
      ...(options.body ? { payload: options.body } : {}),
      headers: {
        ...(typeof options.body === 'string' ? { 'content-type': 'text/csv' } : {}),
        ...options.headers,
        ...(tokens[who] ? { authorization: `Bearer ${tokens[who]}` } : {}),
      },
    });
  const runId = (
    await call('funder', '/programmes/tiny/runs', { method: 'POST', body: { as_of: '2019-06-30' } })
  ).json().id as string;
  await succeeded(call, runId);
  const bill = await call('funder', '/programmes/tiny/bills', {
    method: 'POST',
    body: { period_end: '2019-06-30' },
  });
  const sample = await call('verifier', '/programmes/tiny/verification/samples', {
    method: 'POST',
    body: { size: 3, seed: 'read-tests-seed' },
  });
  return {
    store,
    app,
    runId,
    billId: bill.json().id,
    sampleId: sample.json().id,
    call,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** Waits for a queued run to be evaluated; it must succeed. */
export async function succeeded(call: TinyServer['call'], runId: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const { status } = (await call('funder', `/runs/${runId}`)).json();
    if (status === 'succeeded') return;
    if (status !== 'queued' && status !== 'running') throw new Error(`run ${runId} is ${status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`run ${runId} did not finish within a minute`);
}
