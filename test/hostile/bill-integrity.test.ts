/**
 * Issue #7 items 4 and 5, and the contract side of item 3 for bills: a bill cannot go back
 * before the period already paid; idempotency keys belong to the caller and name one bill
 * (another bill or another caller never gets 500, nor learns anyone else's keys); a bill
 * drafted under a contract version no longer in force is drafted again before it is paid.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideBill, draftBill, ledgerTotal } from '../../src/services/bills.js';
import { createUser } from '../../src/services/identity.js';
import { createProgramme } from '../../src/services/programmes.js';
import { verifyAuditLog } from '../../src/store/audit-log.js';
import { onServer } from '../support/test-store.js';
import { TINY } from '../support/tiny-programme.js';
import { type BillingServer, billingServer } from './billing-server.js';

const where = onServer ? 'the PostgreSQL server' : 'embedded PGlite';

const count = async (api: BillingServer, table: 'evaluation_runs' | 'bills') =>
  Number(
    (
      await api.store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe(`item 4: billing backwards on ${where}`, () => {
  let api: BillingServer;
  beforeAll(async () => {
    api = await billingServer();
    await api.payThrough('2019-06-30');
  });
  afterAll(() => api?.close());

  it('refuses a period ending before the latest paid one, before evaluating anything', async () => {
    const [runs, bills] = [await count(api, 'evaluation_runs'), await count(api, 'bills')];
    const res = await api.as('funder', 'POST', '/programmes/tiny/bills', {
      period_end: '2018-09-30',
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().problems).toEqual([
      {
        code: 'bill.period_before_paid',
        message:
          'the period cannot end on 2018-09-30, before 2019-06-30, the end of the latest paid bill; bill a period ending on or after 2019-06-30',
      },
    ]);
    expect([await count(api, 'evaluation_runs'), await count(api, 'bills')]).toEqual([runs, bills]);
    expect(await ledgerTotal(api.store, 'tiny')).toBe(700000);
  });

  it('still bills the same period again (late data), and a later one', async () => {
    const same = await api.as('funder', 'POST', '/programmes/tiny/bills', {
      period_end: '2019-06-30',
    });
    expect(same.statusCode).toBe(201);
    expect(same.json()).toMatchObject({ total_cents: 0, lines: 0, period_end: '2019-06-30' });
    const later = await api.as('funder', 'POST', '/programmes/tiny/bills', {
      period_end: '2019-12-31',
    });
    expect(later.statusCode).toBe(201);
  });

  it('refuses, in the service too, a draft overtaken by a later payment', async () => {
    await expect(draftBill(api.store, { id: 'svc' }, 'tiny', '2019-06-29')).rejects.toThrow(
      /before 2019-06-30, the end of the latest paid bill/,
    );
  });
});

describe(`item 5: idempotency keys on ${where}`, () => {
  let api: BillingServer;
  let other: { token: string };
  let first: Record<string, unknown>;
  const KEY = 'shared-key-0001';
  const pay = (who: Parameters<BillingServer['as']>[0], bill: string, key = KEY) =>
    api.as(who, 'POST', `/bills/${bill}/pay`, undefined, { 'idempotency-key': key });

  beforeAll(async () => {
    api = await billingServer();
    first = await api.payThrough('2019-06-30', KEY);
    // Another funder, of another programme, on the same server.
    const org = (id: string) => ({ id, name: id });
    await createProgramme(
      api.store,
      { id: 'setup' },
      {
        id: 'elsewhere',
        title: 'Another programme',
        funder: org('other-ministry'),
        providers: [org('other-provider')],
        verifiers: [org('other-auditor')],
        contractYaml: await readFile(join(TINY, 'contract.yaml'), 'utf8'),
      },
    );
    await createUser(api.store, {
      email: 'other-funder@example.org',
      name: 'other funder',
      organisationId: 'other-ministry',
      password: 'correct horse battery staple',
    });
    other = { token: await api.signIn('other-funder@example.org') };
  });
  afterAll(() => api?.close());

  it('repeats the first answer to a retry by the same caller on the same bill', async () => {
    const retry = await pay('funder', String(first.id));
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first);
    expect(await ledgerTotal(api.store, 'tiny')).toBe(700000);
  });

  it('answers 409 to the same key on another bill, naming only the caller’s own bill', async () => {
    const second = await api.approvedBill('2019-12-31');
    const reused = await pay('funder', second);
    expect(reused.statusCode, reused.body).toBe(409);
    expect(reused.json()).toMatchObject({
      error: 'idempotency_key_reused',
      message: `you used this Idempotency-Key to pay bill ${first.id}; send a new key for each payment`,
      problems: [],
      status: 409,
      type: 'urn:resulta:problem:idempotency_key_reused',
    });
    const status = await api.store.db
      .selectFrom('bills')
      .select('status')
      .where('id', '=', second)
      .executeTakeFirstOrThrow();
    expect(status.status).toBe('approved');
    const fresh = await pay('funder', second, 'second-payment-key');
    expect(fresh.statusCode, fresh.body).toBe(200);
  });

  it('keeps keys apart between callers: another funder pays with the same string', async () => {
    const bill = await draftBill(
      api.store,
      { id: 'other-funder@example.org' },
      'elsewhere',
      '2019-06-30',
    );
    await decideBill(api.store, { id: 'other-auditor' }, bill.id, 'verify', 'checked');
    await decideBill(api.store, { id: 'other-funder@example.org' }, bill.id, 'approve', 'ok');
    const paid = await pay(other, bill.id);
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({ id: bill.id, status: 'paid' });
    // Neither programme's funder can use the other's bill, key or not.
    expect((await pay(other, String(first.id))).statusCode).toBe(404);
  });

  it('does not let another person of the same funder replay a payment they did not make', async () => {
    const res = await pay('funder2', String(first.id));
    expect(res.statusCode).toBe(422);
    expect(res.json().problems[0]).toMatchObject({ code: 'bill.status' });
    expect((await verifyAuditLog(api.store.db)).breaks).toEqual([]);
  });

  it('never answers 500 to a key used concurrently on two bills by one caller', async () => {
    const a = await api.approvedBill('2019-12-31');
    const b = await api.approvedBill('2019-12-31');
    const answers = await Promise.all([
      pay('funder', a, 'race-key-0001'),
      pay('funder', b, 'race-key-0001'),
    ]);
    const statuses = answers.map((r) => r.statusCode).sort();
    // One pays; the other is refused: 409 for the key, or 422 if the payment made it stale.
    expect(statuses[0]).toBe(200);
    expect([409, 422]).toContain(statuses[1]);
  });
});

describe(`bills and contract versions on ${where}`, () => {
  let api: BillingServer;
  beforeAll(async () => {
    api = await billingServer();
  });
  afterAll(() => api?.close());

  it('refuses to pay a bill drafted under a contract version no longer in force', async () => {
    const bill = await api.approvedBill('2019-06-30');
    const yaml = await readFile(join(TINY, 'contract.yaml'), 'utf8');
    const amended = `${yaml.trimEnd()}
  - id: july
    effective_from: 2019-07-01
    reason: Training repriced from July
    outcomes:
      training_completed: { price: 250 }
`;
    const version = await api.as('funder', 'POST', '/programmes/tiny/contract-versions', {
      yaml: amended,
      reason: 'July prices',
    });
    expect(version.statusCode, version.body).toBe(201);
    const paid = await api.as('funder', 'POST', `/bills/${bill}/pay`, undefined, {
      'idempotency-key': 'stale-contract',
    });
    expect(paid.statusCode).toBe(422);
    expect(paid.json().problems[0]).toMatchObject({ code: 'bill.stale_contract' });
    expect(await ledgerTotal(api.store, 'tiny')).toBe(0);
    expect(await api.payThrough('2019-06-30')).toMatchObject({ total_cents: 700000 });
  });
});
