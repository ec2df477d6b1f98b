/**
 * The HTTP API in-process (issue #3): login, every endpoint against every role including
 * the denials, provider isolation, the evidence pack download and the OpenAPI document.
 */

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import type { FastifyInstance } from 'fastify';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { createApiToken } from '../../src/services/api-tokens.js';
import { createUser } from '../../src/services/identity.js';
import { createProgramme } from '../../src/services/programmes.js';
import type { Store } from '../../src/store/database.js';
import { tempDir } from '../support/run-engine.js';
import { onServer, openTestStore } from '../support/test-store.js';
import { seedTinyProgramme, TINY } from '../support/tiny-programme.js';

const ROLES = ['anonymous', 'funder', 'provider', 'verifier', 'investor'] as const;
type Role = (typeof ROLES)[number];
const PASSWORD = 'correct horse battery staple';

/** What each role gets: a status per role allowed to call; every other role gets 403. */
type Expected = Partial<Record<Exclude<Role, 'anonymous'>, number>>;
const EVERY_MEMBER = ['funder', 'provider', 'verifier', 'investor'] as const;
const each = (status: number, roles: readonly Exclude<Role, 'anonymous'>[]): Expected =>
  Object.fromEntries(roles.map((r) => [r, status]));

/**
 * Every endpoint, called by every role in turn (anonymous, funder, provider, verifier,
 * investor), with the exact status each gets; anonymous always gets 401. The calls change
 * state in this order: the bill drafted in beforeAll is verified, approved and then
 * rejected, so a second rejection is refused (422). A string body is sent as a CSV file.
 */
type Method = 'GET' | 'POST' | 'DELETE';
const MATRIX: [method: Method, path: string, body: object | string | undefined, Expected][] = [
  ['GET', '/me', undefined, each(200, EVERY_MEMBER)],
  ['GET', '/programmes', undefined, each(200, EVERY_MEMBER)],
  ['GET', '/programmes/tiny/dashboard', undefined, each(200, EVERY_MEMBER)],
  ['GET', '/programmes/tiny/dashboard/figures', undefined, each(200, EVERY_MEMBER)],
  [
    'GET',
    '/programmes/tiny/participants',
    undefined,
    each(200, ['funder', 'provider', 'verifier']),
  ],
  // Queued: the run is evaluated in the background (GET /runs/{run} follows it).
  ['POST', '/programmes/tiny/runs', { as_of: '2019-06-30' }, { funder: 202 }],
  ['GET', '/programmes/tiny/runs', undefined, each(200, EVERY_MEMBER)],
  ['GET', '/runs/RUN', undefined, each(200, ['funder', 'verifier'])],
  // P01 is one of prov-a's participants, the provider's own.
  [
    'GET',
    '/runs/RUN/participants/P01/explanation',
    undefined,
    each(200, ['funder', 'provider', 'verifier']),
  ],
  [
    'GET',
    '/programmes/tiny/participants/P01',
    undefined,
    each(200, ['funder', 'provider', 'verifier']),
  ],
  ['GET', '/programmes/tiny/imports', undefined, each(200, ['funder', 'provider', 'verifier'])],
  [
    'GET',
    '/programmes/tiny/participant-search',
    undefined,
    each(200, ['funder', 'provider', 'verifier']),
  ],
  ['GET', '/programmes/tiny/contract', undefined, each(200, EVERY_MEMBER)],
  ['GET', '/runs/RUN/evidence-pack', undefined, each(200, ['funder', 'verifier'])],
  ['GET', '/runs/RUN/achievements', undefined, each(200, ['funder', 'provider', 'verifier'])],
  ['POST', '/programmes/tiny/bills', { period_end: '2019-06-30' }, { funder: 201 }],
  ['GET', '/programmes/tiny/bills', undefined, each(200, ['funder', 'verifier'])],
  ['GET', '/bills/BILL/lines', undefined, each(200, ['funder', 'verifier'])],
  ['POST', '/bills/BILL/verify', { reason: 'checked' }, { verifier: 200 }],
  ['POST', '/bills/BILL/approve', { reason: 'ok' }, { funder: 200 }],
  ['POST', '/bills/BILL/reject', { reason: 'no' }, { funder: 200, verifier: 422 }],
  // Without an Idempotency-Key header.
  ['POST', '/bills/BILL/pay', undefined, { funder: 400 }],
  ['GET', '/audit/verify', undefined, each(200, ['funder', 'verifier'])],
  [
    'POST',
    '/programmes/tiny/participants?format=csv',
    'participant_id,provider_id,enrolled_on\n',
    each(201, ['funder', 'provider']),
  ],
  [
    'POST',
    '/programmes/tiny/events?format=csv',
    'participant_id,type,occurred_on,value,verified,source\n',
    each(201, ['funder', 'provider', 'verifier']),
  ],
  // The verifier sends the dataset the funder just sent: the programme holds it already.
  [
    'POST',
    '/programmes/tiny/employment-datasets?format=csv',
    'person_key,month,employer_id,earnings\n',
    { funder: 201, verifier: 409 },
  ],
  ['GET', '/programmes/tiny/employment-datasets', undefined, each(200, ['funder', 'verifier'])],
  // No dataset 999999 in the programme.
  [
    'POST',
    '/programmes/tiny/employment-datasets/999999/withdraw',
    { reason: 'matrix' },
    each(404, ['funder', 'verifier']),
  ],
  ['GET', '/runs/RUN/employment-datasets', undefined, each(200, ['funder', 'verifier'])],
  ['GET', '/programmes/tiny/shared-person-keys', undefined, each(200, ['funder', 'verifier'])],
  // No two participants of the tiny programme share a key.
  [
    'POST',
    '/programmes/tiny/shared-person-keys/K404/decision',
    { belongs_to: [], reason: 'matrix' },
    { verifier: 404 },
  ],
  ['POST', '/programmes/tiny/verification/samples', { size: 1 }, { verifier: 201 }],
  ['GET', '/programmes/tiny/samples', undefined, each(200, ['funder', 'verifier'])],
  ['GET', '/samples/SAMPLE', undefined, each(200, ['funder', 'verifier'])],
  ['POST', '/samples/SAMPLE/events/EVENT', { decision: 'verified' }, { verifier: 200 }],
  ['GET', '/programmes/tiny/verification/error-rates', undefined, each(200, EVERY_MEMBER)],
  ['GET', '/programmes/tiny/indigo', undefined, each(200, ['funder', 'verifier', 'investor'])],
  [
    'POST',
    '/programmes/tiny/contract-versions',
    { yaml: 'not: a contract', reason: 'matrix' },
    { funder: 422 },
  ],
  ['GET', '/programmes/tiny/contract-versions', undefined, each(200, EVERY_MEMBER)],
  // No version 999: the roles that decide corrections get 404.
  [
    'POST',
    '/programmes/tiny/contract-versions/999/approve',
    { reason: 'ok' },
    each(404, ['funder', 'verifier']),
  ],
  [
    'POST',
    '/programmes/tiny/contract-versions/999/reject',
    { reason: 'no' },
    each(404, ['funder', 'verifier']),
  ],
  ['GET', '/bills/BILL', undefined, each(200, ['funder', 'verifier'])],
  // A provider's statement holds its own lines only (test/api/statement.test.ts).
  ['GET', '/bills/BILL/statement.pdf', undefined, each(200, ['funder', 'provider', 'verifier'])],
  ['GET', '/bills/BILL/statement.xlsx', undefined, each(200, ['funder', 'provider', 'verifier'])],
  // Sessions mint, list and revoke API tokens of their own organisation.
  ['POST', '/auth/tokens', { name: 'matrix token', scopes: ['read'] }, each(201, EVERY_MEMBER)],
  ['GET', '/auth/tokens', undefined, each(200, EVERY_MEMBER)],
  // No token has this id: each role's session answers 404.
  ['DELETE', '/auth/tokens/999999999', undefined, each(404, EVERY_MEMBER)],
  // Administration (admin-routes.ts): none of these people administers anything, so 403.
  ['GET', '/admin/organisations', undefined, {}],
  ['POST', '/admin/organisations', { id: 'matrix-org', name: 'M', kind: 'provider' }, {}],
  ['GET', '/admin/users', undefined, {}],
  ['POST', '/admin/users/1/deactivate', { reason: 'matrix' }, {}],
  ['POST', '/admin/users/1/roles', { role: 'platform_admin' }, {}],
  ['DELETE', '/admin/users/1/roles/platform_admin', undefined, {}],
  ['GET', '/admin/invitations', undefined, {}],
  [
    'POST',
    '/admin/invitations',
    { email: 'm@example.org', organisation: 'prov-a', role: 'member' },
    {},
  ],
  ['DELETE', '/admin/invitations/1', undefined, {}],
  ['GET', '/admin/programmes', undefined, {}],
  ['POST', '/admin/programmes', { id: 'matrix', title: 'M', funder: 'ministry' }, {}],
  ['GET', '/admin/programmes/tiny/members', undefined, {}],
  ['POST', '/admin/programmes/tiny/members', { organisation: 'prov-a' }, {}],
  ['DELETE', '/admin/programmes/tiny/members/prov-a?reason=matrix', undefined, {}],
  ['POST', '/admin/programmes/tiny/contract', { yaml: 'not: a contract' }, {}],
];

describe(`HTTP API on ${onServer ? 'the PostgreSQL server' : 'embedded PGlite'}`, () => {
  let store: Store;
  let app: FastifyInstance;
  const tokens: Record<Role, string | null> = {
    anonymous: null,
    funder: null,
    provider: null,
    verifier: null,
    investor: null,
  };
  let providerB: string;
  let billId: string;
  let runId: string;
  const sample = { id: '', event: '' };

  /** A string body is sent as a CSV file, an object as JSON. */
  const send = (
    token: string | null,
    method: Method,
    url: string,
    body?: object | string,
    headers: Record<string, string> = {},
  ) =>
    app.inject({
      method,
      url,
      payload: body,
      headers: {
        ...(typeof body === 'string' ? { 'content-type': 'text/csv' } : {}),
        ...headers,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    });
  const call = (
    role: Role,
    method: Method,
    url: string,
    body?: object | string,
    headers: Record<string, string> = {},
  ) => send(tokens[role], method, url, body, headers);
  /** The matrix's placeholders replaced by what beforeAll made. */
  const resolve = (path: string) =>
    path
      .replace('RUN', runId)
      .replace('BILL', billId)
      .replace('SAMPLE', sample.id)
      .replace('EVENT', sample.event);
  /** Waits for a queued run to be evaluated; it must succeed. */
  const runFinished = async (id: string) => {
    for (let i = 0; i < 600; i++) {
      const { status } = (await call('funder', 'GET', `/runs/${id}`)).json();
      if (status === 'succeeded') return;
      if (status !== 'queued' && status !== 'running') throw new Error(`run ${id} is ${status}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`run ${id} did not finish within a minute`);
  };
  /** API tokens of organisations that take part in another programme only. */
  const outsiders: Partial<Record<Role, string>> = {};

  beforeAll(async () => {
    store = await openTestStore();
    await seedTinyProgramme(store);
    const users: [Role, string][] = [
      ['funder', 'ministry'],
      ['provider', 'prov-a'],
      ['verifier', 'audit-co'],
      ['investor', 'impact-fund'],
    ];
    for (const [role, organisationId] of users) {
      await createUser(store, {
        email: `${role}@example.org`,
        name: role,
        organisationId,
        password: PASSWORD,
      });
    }
    app = await buildServer(store, { loginRateLimit: 1000 });
    for (const [role] of users) {
      const res = await app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { email: `${role}@example.org`, password: PASSWORD },
      });
      tokens[role] = res.json().token;
    }
    providerB = await createApiToken(store, 'setup', 'prov-b', 'prov-b-system');
    runId = (await call('funder', 'POST', '/programmes/tiny/runs', { as_of: '2019-06-30' })).json()
      .id;
    await runFinished(runId);
    billId = (
      await call('funder', 'POST', '/programmes/tiny/bills', { period_end: '2019-06-30' })
    ).json().id;
    const drawn = (
      await call('verifier', 'POST', '/programmes/tiny/verification/samples', {
        size: 2,
        seed: 'matrix-seed',
      })
    ).json();
    Object.assign(sample, { id: drawn.id, event: drawn.events[0] });
    const elsewhere = {
      funder: 'other-ministry',
      provider: 'other-provider',
      verifier: 'other-auditor',
      investor: 'other-fund',
    };
    const org = (id: string) => ({ id, name: id });
    await createProgramme(
      store,
      { id: 'setup' },
      {
        id: 'elsewhere',
        title: 'Another programme',
        funder: org(elsewhere.funder),
        providers: [org(elsewhere.provider)],
        verifiers: [org(elsewhere.verifier)],
        investors: [org(elsewhere.investor)],
        contractYaml: await readFile(join(TINY, 'contract.yaml'), 'utf8'),
      },
    );
    for (const [role, organisationId] of Object.entries(elsewhere))
      outsiders[role as Role] = await createApiToken(store, 'setup', organisationId, 'outsider');
  });

  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('signs in with the right password only, without saying which part was wrong', async () => {
    const wrong = await app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email: 'funder@example.org', password: 'nope' },
    });
    const unknown = await app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email: 'nobody@example.org', password: 'nope' },
    });
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json().message).toBe(unknown.json().message);
    const bad = await app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email: 'not-an-email' },
    });
    expect(bad.statusCode).toBe(400);
  });

  it.each(MATRIX)(
    '%s %s answers each role with its exact status',
    async (method, path, body, expected) => {
      const got: Partial<Record<Role, number>> = {};
      for (const role of ROLES)
        got[role] = (await call(role, method, resolve(path), body)).statusCode;
      expect(got).toEqual({
        anonymous: 401,
        funder: expected.funder ?? 403,
        provider: expected.provider ?? 403,
        verifier: expected.verifier ?? 403,
        investor: expected.investor ?? 403,
      });
    },
  );

  it('answers 404 to every role of an organisation outside the programme', async () => {
    // Routes that name a programme, or a run, bill or sample of one.
    const scoped = MATRIX.filter(([, path]) => /^\/(programmes|runs|bills|samples)\//.test(path));
    expect(scoped).toHaveLength(MATRIX.length - 21);
    const got: string[] = [];
    const want: string[] = [];
    for (const [method, path, body, expected] of scoped) {
      for (const role of Object.keys(expected) as Role[]) {
        const res = await send(outsiders[role] ?? null, method, resolve(path), body);
        got.push(`${role} ${method} ${path} ${res.statusCode} ${res.json().error}`);
        want.push(`${role} ${method} ${path} 404 not_found`);
      }
    }
    expect(got).toEqual(want);
  });

  it('has every route of the OpenAPI document in the role matrix', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const routes = Object.entries(doc.paths as Record<string, object>).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const template = (path: string) =>
      (path.split('?')[0] ?? '')
        .replace('/admin/programmes/tiny', '/admin/programmes/{programmeId}')
        .replace('/members/prov-a', '/members/{organisation}')
        .replace('/admin/users/1/', '/admin/users/{user}/')
        .replace('/roles/platform_admin', '/roles/{role}')
        .replace('/admin/invitations/1', '/admin/invitations/{invitation}')
        .replace('/tiny/', '/{programme}/')
        .replace('RUN', '{run}')
        .replace('BILL', '{bill}')
        .replace('SAMPLE', '{sample}')
        .replace('EVENT', '{event}')
        .replace('/participants/P01', '/participants/{participant}')
        .replace('/999999/', '/{dataset}/')
        .replace('/K404/', '/{key}/')
        .replace('/contract-versions/999/', '/contract-versions/{version}/')
        .replace('/auth/tokens/999999999', '/auth/tokens/{id}');
    const covered = new Set(MATRIX.map(([method, path]) => `${method} ${template(path)}`));
    expect(
      routes
        .filter((r) => r !== 'POST /auth/login' && r !== 'POST /auth/logout')
        // Public: the link's secret is the credential (auth-routes.ts).
        .filter((r) => r !== 'GET /invitations/{token}' && r !== 'POST /invitations/{token}/accept')
        .sort(),
    ).toEqual([...covered].sort());
  });

  it('pays only with an idempotency key, and only for the funder', async () => {
    const bill = (
      await call('funder', 'POST', '/programmes/tiny/bills', { period_end: '2019-06-30' })
    ).json().id;
    await call('verifier', 'POST', `/bills/${bill}/verify`, { reason: 'checked' });
    await call('funder', 'POST', `/bills/${bill}/approve`, { reason: 'ok' });
    expect((await call('funder', 'POST', `/bills/${bill}/pay`)).statusCode).toBe(400);
    expect(
      (
        await call('provider', 'POST', `/bills/${bill}/pay`, undefined, {
          'idempotency-key': 'key-000001',
        })
      ).statusCode,
    ).toBe(403);
    const paid = await call('funder', 'POST', `/bills/${bill}/pay`, undefined, {
      'idempotency-key': 'key-000001',
    });
    const again = await call('funder', 'POST', `/bills/${bill}/pay`, undefined, {
      'idempotency-key': 'key-000001',
    });
    expect(paid.statusCode).toBe(200);
    expect(again.json()).toEqual(paid.json());
    expect(paid.json()).toMatchObject({ status: 'paid', total_cents: 700000 });
    const dashboard = await call('investor', 'GET', '/programmes/tiny/dashboard');
    expect(dashboard.json()).toMatchObject({
      participants: 13,
      ledger_paid: '7000.00',
      latest_run: { paid: '7000.00' },
    });
  });

  it("never shows a provider another provider's participants", async () => {
    const ownA = (await call('provider', 'GET', '/programmes/tiny/participants?limit=1000')).json()
      .participants;
    expect(ownA.length).toBeGreaterThan(0);
    expect(ownA.every((p: { provider_id: string }) => p.provider_id === 'prov-a')).toBe(true);
    const asB = await app.inject({
      method: 'GET',
      url: '/programmes/tiny/participants',
      headers: { authorization: `Bearer ${providerB}` },
    });
    expect(
      asB.json().participants.every((p: { provider_id: string }) => p.provider_id === 'prov-b'),
    ).toBe(true);
    const all = (await call('funder', 'GET', '/programmes/tiny/participants?limit=5')).json();
    expect(all.participants).toHaveLength(5);
    const next = (
      await call('funder', 'GET', `/programmes/tiny/participants?limit=5&after=${all.next}`)
    ).json();
    expect(next.participants[0].participant_id > all.next).toBe(true);
    expect((await call('provider', 'GET', '/programmes/other/participants')).statusCode).toBe(404);
  });

  it("imports uploads all or nothing, with row-level problems, in the caller's scope", async () => {
    const upload = (role: Role, path: string, csv: string) =>
      app.inject({
        method: 'POST',
        url: `/programmes/tiny/${path}?format=csv`,
        payload: csv,
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${tokens[role]}` },
      });
    const header = 'participant_id,provider_id,enrolled_on\n';
    const mixed = await upload(
      'provider',
      'participants',
      `${header}N1,prov-a,2018-05-01\nN2,prov-b,2018-05-01\nN3,prov-a,2018-02-30\n`,
    );
    expect(mixed.statusCode).toBe(422);
    expect(mixed.json().problems).toEqual([
      expect.objectContaining({
        row: 4,
        column: 'enrolled_on',
        message: '"2018-02-30" is not a real date',
      }),
    ]);
    const other = await upload(
      'provider',
      'participants',
      `${header}N1,prov-a,2018-05-01\nN2,prov-b,2018-05-01\n`,
    );
    expect(other.statusCode).toBe(422);
    expect(other.json().problems).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'provider_id',
        message: 'you may only enrol participants for prov-a, not prov-b',
      }),
    ]);
    const count = async () =>
      (await call('funder', 'GET', '/programmes/tiny/dashboard')).json().participants;
    expect(await count()).toBe(13);
    expect(
      (await upload('provider', 'participants', `${header}N1,prov-a,2018-05-01\n`)).statusCode,
    ).toBe(201);
    expect(await count()).toBe(14);
    expect(
      (await upload('provider', 'participants', `${header}N1,prov-a,2018-05-01\n`)).json()
        .problems[0].message,
    ).toBe('participant "N1" is already in the programme');
    expect(
      (await upload('investor', 'participants', `${header}N9,prov-a,2018-05-01\n`)).statusCode,
    ).toBe(403);
    const events = 'participant_id,type,occurred_on,value,verified,source\n';
    const foreign = await upload(
      'provider',
      'events',
      `${events}P05,training_completed,2018-08-01,,,\n`,
    );
    expect(foreign.json().problems[0]).toMatchObject({
      row: 2,
      message: 'participant "P05" is not one of prov-a\'s participants',
    });
    const selfVerified = await upload(
      'provider',
      'events',
      `${events}P01,training_completed,2018-08-01,,true,\n`,
    );
    expect(selfVerified.json().problems[0]).toMatchObject({
      column: 'verified',
      message: 'a provider reports unverified provider events only',
    });
  });

  it('draws reproducible verification samples, records decisions and error rates per provider', async () => {
    const draw = async (seed: string) =>
      (
        await call('verifier', 'POST', '/programmes/tiny/verification/samples', { size: 3, seed })
      ).json();
    const totals = async () => {
      const rates = (
        await call('investor', 'GET', '/programmes/tiny/verification/error-rates')
      ).json().providers;
      return ['decided', 'rejected'].map((k) =>
        rates.reduce((n: number, r: Record<string, number>) => n + (r[k] ?? 0), 0),
      );
    };
    const before = await totals();
    const first = await draw('seed-0001-abc');
    const second = await draw('seed-0001-abc');
    expect(first.events).toHaveLength(3);
    expect(second.events).toEqual(first.events);
    expect(
      (await call('provider', 'POST', '/programmes/tiny/verification/samples', { size: 3 }))
        .statusCode,
    ).toBe(403);
    const [a, b] = first.events as string[];
    const noReason = await call('verifier', 'POST', `/samples/${first.id}/events/${a}`, {
      decision: 'rejected',
    });
    expect(noReason.statusCode).toBe(422);
    const evidence = Buffer.from('scan of the attendance sheet').toString('base64');
    expect(
      (
        await call('verifier', 'POST', `/samples/${first.id}/events/${a}`, {
          decision: 'rejected',
          reason: 'no signature',
          evidence_base64: evidence,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await call('verifier', 'POST', `/samples/${first.id}/events/${b}`, { decision: 'verified' }))
        .statusCode,
    ).toBe(200);
    const sample = (await call('funder', 'GET', `/samples/${first.id}`)).json();
    expect(
      sample.events.filter((e: { decision: string | null }) => e.decision !== null),
    ).toHaveLength(2);
    const [decided, rejected] = await totals();
    expect([(decided ?? 0) - (before[0] ?? 0), (rejected ?? 0) - (before[1] ?? 0)]).toEqual([2, 1]);
  });

  it('exports the programme as an INDIGO project valid against the standard', async () => {
    const schema = JSON.parse(
      await readFile(join(import.meta.dirname, '../fixtures/indigo/project.schema.json'), 'utf8'),
    );
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    expect((await call('provider', 'GET', '/programmes/tiny/indigo')).statusCode).toBe(403);
    const project = (await call('investor', 'GET', '/programmes/tiny/indigo')).json();
    expect(validate(project), JSON.stringify(validate.errors)).toBe(true);
    expect(project.outcome_metrics.map((m: { id: string }) => m.id)).toEqual([
      'training_completed',
      'learning_gain',
      'job_start',
      'retained_3m',
      'earnings_6m',
    ]);
    const paid = project.outcome_payments.reduce(
      (sum: number, p: { money: { amount: { value: number } } }) =>
        sum + Math.round(p.money.amount.value * 100),
      0,
    );
    expect(paid).toBe(700000);
  });

  it('exports a run as CSV and XLSX, only its own rows for a provider', async () => {
    const all = (await call('funder', 'GET', `/runs/${runId}/achievements?format=csv`)).body
      .trim()
      .split('\n');
    expect(all[0]).toBe(
      'participant_id,provider_id,segment,outcome_id,achieved_on,version,price,amount,status',
    );
    expect(all).toHaveLength(22);
    const own = (await call('provider', 'GET', `/runs/${runId}/achievements`)).body
      .trim()
      .split('\n')
      .slice(1);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((line) => line.split(',')[1] === 'prov-a')).toBe(true);
    const xlsx = await call('funder', 'GET', `/runs/${runId}/achievements?format=xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('records contract amendments with their reason, refusing an invalid contract', async () => {
    const yaml = await readFile(join(TINY, 'contract.yaml'), 'utf8');
    const bad = await call('funder', 'POST', '/programmes/tiny/contract-versions', {
      yaml: yaml.replace('months: 3', 'months: 9'),
      reason: 'typo',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().problems[0].message).toContain('must not exceed of_months');
    // Paid through 2019-06-30 by now: an amendment is appended, dated after that.
    const amended = `${yaml.trimEnd()}
  - id: july-2019
    effective_from: 2019-07-01
    reason: Training repriced from July
    outcomes:
      training_completed: { price: 250 }
`;
    const ok = await call('funder', 'POST', '/programmes/tiny/contract-versions', {
      yaml: amended,
      reason: 'amendment signed on 2019-06-20',
    });
    expect(ok.statusCode).toBe(201);
    const versions = await store.db
      .selectFrom('contract_versions')
      .select(['version', 'reason', 'created_by'])
      .where('programme_id', '=', 'tiny')
      .orderBy('version')
      .execute();
    expect(versions.at(-1)).toEqual({
      version: ok.json().version,
      reason: 'amendment signed on 2019-06-20',
      created_by: 'funder@example.org',
    });
  });

  it("issues API tokens for the caller's own organisation, revoked by id", async () => {
    const issued = (
      await call('verifier', 'POST', '/auth/tokens', { name: 'sampling robot', scopes: ['read'] })
    ).json();
    expect(issued.organisation).toBe('audit-co');
    const asRobot = await app.inject({
      method: 'GET',
      url: '/audit/verify',
      headers: { authorization: `Bearer ${issued.token}` },
    });
    expect(asRobot.statusCode).toBe(200);
    const revoked = (await call('verifier', 'DELETE', `/auth/tokens/${issued.id}`)).json();
    expect(revoked).toEqual({ id: issued.id, revoked: true });
    const afterRevoke = await app.inject({
      method: 'GET',
      url: '/audit/verify',
      headers: { authorization: `Bearer ${issued.token}` },
    });
    expect(afterRevoke.statusCode).toBe(401);
    const forged = await app.inject({
      method: 'GET',
      url: '/audit/verify',
      headers: { authorization: 'Bearer rt_forged' },
    });
    expect(forged.statusCode).toBe(401);
  });

  it('ends a session on logout', async () => {
    const token = (
      await app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { email: 'investor@example.org', password: PASSWORD },
      })
    ).json().token;
    const headers = { authorization: `Bearer ${token}` };
    expect(
      (await app.inject({ method: 'GET', url: '/programmes/tiny/dashboard', headers })).statusCode,
    ).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/auth/logout', headers })).statusCode).toBe(
      200,
    );
    expect(
      (await app.inject({ method: 'GET', url: '/programmes/tiny/dashboard', headers })).statusCode,
    ).toBe(401);
  });

  it('limits login attempts per client', async () => {
    const limited = await buildServer(store, { loginRateLimit: 3 });
    const attempt = () =>
      limited.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { email: 'funder@example.org', password: 'guess' },
      });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await attempt()).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    await limited.close();
  });

  it('limits uploads per client', async () => {
    const limited = await buildServer(store, { uploadRateLimit: 2 });
    const upload = () =>
      limited.inject({
        method: 'POST',
        url: '/programmes/tiny/participants?format=csv',
        payload: 'participant_id,provider_id,enrolled_on\n',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${tokens.provider}` },
      });
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await upload()).statusCode);
    expect(codes).toEqual([201, 201, 429]);
    await limited.close();
  });

  it('serves the evidence pack and the OpenAPI document', async () => {
    const pack = await call('verifier', 'GET', `/runs/${runId}/evidence-pack`);
    expect(pack.headers['content-type']).toBe('application/zip');
    expect(Object.keys(unzipSync(pack.rawPayload)).sort()).toContain('manifest.json');
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/auth/login',
        '/programmes/{programme}/participants',
        '/bills/{bill}/pay',
      ]),
    );
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});

describe('docs/openapi.json', () => {
  it('is the document the server serves (regenerate with npm run openapi)', async () => {
    const { openApiDocument } = await import('../../src/api/openapi-document.js');
    const committed = await readFile(join(import.meta.dirname, '../../docs/openapi.json'), 'utf8');
    expect(await openApiDocument(await tempDir())).toBe(committed);
  });
});
