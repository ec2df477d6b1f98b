/**
 * The server the contract and bill integrity tests (issue #7 items 3–5) call: the tiny worked
 * example in a fresh store, signed-in users of the programme (two people at the funder, so
 * that one can approve what the other asked for), and the steps of paying a bill.
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { createUser } from '../../src/services/identity.js';
import type { Store } from '../../src/store/database.js';
import { type HostileServer, hostileServer } from './hostile-server.js';

const PASSWORD = 'correct horse battery staple';

/** People of the programme, by the organisation they act for. */
const PEOPLE = {
  funder: 'ministry',
  funder2: 'ministry',
  verifier: 'audit-co',
  provider: 'prov-a',
} as const;
export type Person = keyof typeof PEOPLE;

export interface BillingServer {
  readonly server: HostileServer;
  readonly store: Store;
  /** A JSON request as a signed-in person (or with the given bearer token). */
  as(
    who: Person | { token: string },
    method: 'GET' | 'POST',
    url: string,
    body?: object,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  /** Signs in a person added after start (`createUser` first). */
  signIn(email: string): Promise<string>;
  /** Drafts, verifies, approves and pays a bill for the period; returns the paid bill. */
  payThrough(periodEnd: string, key?: string): Promise<Record<string, unknown>>;
  /** Drafts, verifies and approves a bill; returns its id. */
  approvedBill(periodEnd: string): Promise<string>;
  close(): Promise<void>;
}

export async function billingServer(
  seed?: (store: Store) => Promise<void>,
): Promise<BillingServer> {
  const server = await hostileServer(seed);
  const { app, store } = server;
  const signIn = async (email: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email, password: PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().token as string;
  };
  await createUser(store, {
    email: 'funder2@example.org',
    name: 'second funder',
    organisationId: PEOPLE.funder2,
    password: PASSWORD,
  });
  const tokens = new Map<string, string>();
  for (const who of Object.keys(PEOPLE)) tokens.set(who, await signIn(`${who}@example.org`));
  const as: BillingServer['as'] = (who, method, url, body, headers = {}) =>
    app.inject({
      method,
      url,
      ...(body === undefined ? {} : { payload: body }),
      headers: {
        ...headers,
        authorization: `Bearer ${typeof who === 'string' ? tokens.get(who) : who.token}`,
      },
    });
  const approvedBill = async (periodEnd: string) => {
    const drafted = await as('funder', 'POST', '/programmes/tiny/bills', {
      period_end: periodEnd,
    });
    expect(drafted.statusCode, drafted.body).toBe(201);
    const id = drafted.json().id as string;
    const verified = await as('verifier', 'POST', `/bills/${id}/verify`, { reason: 'checked' });
    expect(verified.statusCode, verified.body).toBe(200);
    const approved = await as('funder', 'POST', `/bills/${id}/approve`, { reason: 'ok' });
    expect(approved.statusCode, approved.body).toBe(200);
    return id;
  };
  return {
    server,
    store,
    as,
    signIn,
    approvedBill,
    payThrough: async (periodEnd, key = `pay-${periodEnd}-${Math.random()}`) => {
      const id = await approvedBill(periodEnd);
      const paid = await as('funder', 'POST', `/bills/${id}/pay`, undefined, {
        'idempotency-key': key,
      });
      expect(paid.statusCode, paid.body).toBe(200);
      return paid.json();
    },
    close: () => server.close(),
  };
}
