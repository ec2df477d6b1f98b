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
import { createApiToken, createUser } from '../../src/services/identity.js';
import type { Store } from '../../src/store/database.js';
import { tempDir } from '../support/run-engine.js';
import { onServer, openTestStore } from '../support/test-store.js';
import { seedTinyProgramme, TINY } from '../support/tiny-programme.js';

const ROLES = ['anonymous', 'funder', 'provider', 'verifier', 'investor'] as const;
type Role = (typeof ROLES)[number];
const PASSWORD = 'correct horse battery staple';

/** Every endpoint with the roles allowed to call it; everyone else gets 403, or 401 when anonymous. */
const MATRIX = [
  ['GET', '/programmes/tiny/dashboard', undefined, ['funder', 'provider', 'verifier', 'investor']],
  ['GET', '/programmes/tiny/participants', undefined, ['funder', 'provider', 'verifier']],
  ['POST', '/programmes/tiny/runs', { as_of: '2019-06-30' }, ['funder']],
  ['GET', '/runs/RUN/evidence-pack', undefined, ['funder', 'verifier']],
  ['GET', '/runs/RUN/achievements', undefined, ['funder', 'provider', 'verifier']],
  ['POST', '/programmes/tiny/bills', { period_end: '2019-06-30' }, ['funder']],
  ['POST', '/bills/BILL/verify', { reason: 'checked' }, ['verifier']],
  ['POST', '/bills/BILL/approve', { reason: 'ok' }, ['funder']],
  ['POST', '/bills/BILL/reject', { reason: 'no' }, ['funder', 'verifier']],
  ['POST', '/bills/BILL/pay', undefined, ['funder']],
  ['GET', '/audit/verify', undefined, ['funder', 'verifier']],
  ['POST', '/programmes/tiny/participants?format=csv', undefined, ['funder', 'provider']],
  ['POST', '/programmes/tiny/events?format=csv', undefined, ['funder', 'provider', 'verifier']],
  ['POST', '/programmes/tiny/employment-datasets?format=csv', undefined, ['funder', 'verifier']],
  ['POST', '/programmes/tiny/verification/samples', { size: 1 }, ['verifier']],
  ['GET', '/samples/SAMPLE', undefined, ['funder', 'verifier']],
  ['POST', '/samples/SAMPLE/events/EVENT', { decision: 'verified' }, ['verifier']],
  [
    'GET',
    '/programmes/tiny/verification/error-rates',
    undefined,
    ['funder', 'provider', 'verifier', 'investor'],
  ],
  ['GET', '/programmes/tiny/indigo', undefined, ['funder', 'verifier', 'investor']],
  [
    'POST',
    '/programmes/tiny/contract-versions',
    { yaml: 'not: a contract', reason: 'matrix' },
    ['funder'],
  ],
  ['POST', '/api-tokens', { name: 'matrix token' }, ['funder', 'provider', 'verifier', 'investor']],
  [
    'POST',
    '/api-tokens/revoke',
    { name: 'no such token' },
    ['funder', 'provider', 'verifier', 'investor'],
  ],
] as const;

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

  const call = (
    role: Role,
    method: 'GET' | 'POST',
    url: string,
    body?: object,
    headers: Record<string, string> = {},
  ) =>
    app.inject({
      method,
      url,
      payload: body,
      headers: { ...headers, ...(tokens[role] ? { authorization: `Bearer ${tokens[role]}` } : {}) },
    });

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

  it.each(MATRIX)('%s %s answers each role as it should', async (method, path, body, allowed) => {
    const url = path
      .replace('RUN', runId)
      .replace('BILL', billId)
      .replace('SAMPLE', sample.id)
      .replace('EVENT', sample.event);
    for (const role of ROLES) {
      const res = await call(role, method, url, body);
      if (role === 'anonymous') expect(res.statusCode, `${role} ${url}`).toBe(401);
      else if ((allowed as readonly string[]).includes(role)) {
        expect([401, 403, 404], `${role} ${url}`).not.toContain(res.statusCode);
      } else expect(res.statusCode, `${role} ${url}`).toBe(403);
    }
  });

  it('has every route of the OpenAPI document in the role matrix', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const routes = Object.entries(doc.paths as Record<string, object>).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const template = (path: string) =>
      (path.split('?')[0] ?? '')
        .replace('/tiny/', '/{programme}/')
        .replace('RUN', '{run}')
        .replace('BILL', '{bill}')
        .replace('SAMPLE', '{sample}')
        .replace('EVENT', '{event}');
    const covered = new Set(MATRIX.map(([method, path]) => `${method} ${template(path)}`));
    expect(
      routes.filter((r) => r !== 'POST /auth/login' && r !== 'POST /auth/logout').sort(),
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
      message: 'participant "P05" is served by another provider',
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
      'participant_id,provider_id,outcome_id,achieved_on,version,price,amount,status',
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
    const amended = yaml.replace('effective_from: 2019-01-01', 'effective_from: 2019-02-01');
    const ok = await call('funder', 'POST', '/programmes/tiny/contract-versions', {
      yaml: amended,
      reason: 'amendment signed on 2019-01-20',
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
      reason: 'amendment signed on 2019-01-20',
      created_by: 'funder@example.org',
    });
  });

  it("issues API tokens for the caller's own organisation", async () => {
    const issued = (
      await call('verifier', 'POST', '/api-tokens', { name: 'sampling robot' })
    ).json();
    expect(issued.organisation).toBe('audit-co');
    const asRobot = await app.inject({
      method: 'GET',
      url: '/audit/verify',
      headers: { authorization: `Bearer ${issued.token}` },
    });
    expect(asRobot.statusCode).toBe(200);
    const revoked = (
      await call('verifier', 'POST', '/api-tokens/revoke', { name: 'sampling robot' })
    ).json();
    expect(revoked).toEqual({ revoked: true });
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
