/**
 * A programme that pays for employment only, served by the real API over a fresh store
 * (PGlite, or a schema on the PostgreSQL server when DATABASE_URL is set), for the tests of
 * issue #7 items 1 and 2. One participant of prov-a is employed 600.00 a month: that pays
 * nothing (a job counts from 1,000.00); at 1,200.00 a month it pays 600.00 for the start and
 * 1,000.00 for three months of four, 1,600.00 in all.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildServer } from '../../src/api/server.js';
import { createUser } from '../../src/services/identity.js';
import { personKey } from '../../src/services/person-key.js';
import { createProgramme } from '../../src/services/programmes.js';
import type { Store } from '../../src/store/database.js';
import { openTestStore } from '../support/test-store.js';

/** The data controller's key, as the server is given it (RESULTA_PERSON_KEY_SECRET). */
export const SECRET = 'test-only-person-key-secret-7';
process.env.RESULTA_PERSON_KEY_SECRET = SECRET;

export const PROGRAMME = 'jobs';
export const CONTRACT = `contract: jobs
title: Jobs only
currency: ARS
starts_on: 2018-01-01
ends_on: 2020-12-31
enrolment: { from: 2018-01-01, to: 2019-12-31 }
outcomes:
  - id: job_start
    kind: employment_start
    after: enrolment
    within_days: 365
    min_earnings: 1000
    price: 600
  - id: retained_3m
    kind: employment_sustained
    after: job_start
    months: 3
    of_months: 4
    min_earnings: 1000
    price: 1000
`;

export type Role = 'funder' | 'provA' | 'provB' | 'verifier' | 'investor';
const ORGANISATIONS: Record<Role, string> = {
  funder: 'ministry',
  provA: 'prov-a',
  provB: 'prov-b',
  verifier: 'audit-co',
  investor: 'impact-fund',
};
const PASSWORD = 'correct horse battery staple';

/** The key Resulta derives from a national id. */
export const keyOf = (nationalId: string) => personKey(SECRET, nationalId);

/** An employment file: `earnings` a month for `key` from 2018-06 to 2018-11. */
export function employmentCsv(key: string, earnings: string, eol = '\n'): string {
  const months = ['2018-06', '2018-07', '2018-08', '2018-09', '2018-10', '2018-11'];
  return [
    'person_key,month,employer_id,earnings',
    ...months.map((m) => `${key},${m},E1,${earnings}`),
  ]
    .map((line) => `${line}${eol}`)
    .join('');
}

export interface ProgrammeServer {
  readonly store: Store;
  readonly app: FastifyInstance;
  /** A request as `role`: a string or Buffer body is sent as is, with `contentType` (CSV). */
  call(
    role: Role,
    method: 'GET' | 'POST',
    url: string,
    body?: string | Buffer | object,
    contentType?: string,
  ): Promise<LightMyRequestResponse>;
  /** Drafts a bill for the period ending 2019-06-30 and returns the funder's answer. */
  draftBill(): Promise<{ total_cents: number; held?: string[] }>;
  close(): Promise<void>;
}

export async function employmentProgramme(): Promise<ProgrammeServer> {
  const store = await openTestStore();
  const org = (id: string) => ({ id, name: id });
  await createProgramme(
    store,
    { id: 'setup' },
    {
      id: PROGRAMME,
      title: 'Jobs only',
      funder: org('ministry'),
      providers: [org('prov-a'), org('prov-b')],
      verifiers: [org('audit-co')],
      investors: [org('impact-fund')],
      contractYaml: CONTRACT,
    },
  );
  for (const [role, organisationId] of Object.entries(ORGANISATIONS))
    await createUser(store, {
      email: `${role}@example.org`,
      name: role,
      organisationId,
      password: PASSWORD,
    });
  const app = await buildServer(store, { loginRateLimit: 1000, uploadRateLimit: 1000 });
  const tokens: Partial<Record<Role, string>> = {};
  for (const role of Object.keys(ORGANISATIONS) as Role[]) {
    const res = await app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email: `${role}@example.org`, password: PASSWORD },
    });
    tokens[role] = res.json().token;
  }
  const call: ProgrammeServer['call'] = (role, method, url, body, contentType) => {
    const raw = typeof body === 'string' || Buffer.isBuffer(body);
    return app.inject({
      method,
      url,
      payload: raw ? body : body === undefined ? undefined : JSON.stringify(body),
      headers: {
        ...(body !== undefined
          ? { 'content-type': contentType ?? (raw ? 'text/csv' : 'application/json') }
          : {}),
        authorization: `Bearer ${tokens[role]}`,
      },
    });
  };
  return {
    store,
    app,
    call,
    draftBill: async () => {
      const res = await call('funder', 'POST', `/programmes/${PROGRAMME}/bills`, {
        period_end: '2019-06-30',
      });
      if (res.statusCode !== 201) throw new Error(`bill: ${res.statusCode} ${res.body}`);
      return res.json();
    },
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}
