/**
 * Bills and the ledger (issue #3): differences against what was paid, the workflow, and no
 * double payment under concurrent attempts, on PGlite and on the PostgreSQL server.
 */

import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvariantError } from '../../src/domain/invariant.js';
import { ProblemsError } from '../../src/domain/problem.js';
import { decideBill, draftBill, ledgerTotal, payBill } from '../../src/services/bills.js';
import { verifyAuditLog } from '../../src/store/audit-log.js';
import type { Store } from '../../src/store/database.js';
import { onServer, openTestStore } from '../support/test-store.js';
import { seedTinyProgramme } from '../support/tiny-programme.js';

const FUNDER = { id: 'officer@ministry.example' };
const VERIFIER = { id: 'auditor@verifier.example' };

async function approved(store: Store, periodEnd: string) {
  const bill = await draftBill(store, FUNDER, 'tiny', periodEnd);
  await decideBill(store, VERIFIER, bill.id, 'verify', 'sample checked');
  await decideBill(store, FUNDER, bill.id, 'approve', 'within budget');
  return bill;
}

const settled = (results: PromiseSettledResult<unknown>[]) =>
  results.filter((r) => r.status === 'fulfilled').length;

describe(`bills and the ledger on ${onServer ? 'the PostgreSQL server' : 'embedded PGlite'}`, () => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore();
    await seedTinyProgramme(store, FUNDER);
  });
  afterEach(async () => {
    await store.close();
  });

  it('pays a bill once under 20 concurrent attempts, and repeats the answer for a retried key', async () => {
    const bill = await draftBill(store, FUNDER, 'tiny', '2019-06-30');
    expect(bill).toMatchObject({ status: 'draft', totalCents: 700000, lines: 14 });
    await expect(payBill(store, FUNDER, bill.id, 'early')).rejects.toThrow(
      /only an approved bill can be paid/,
    );
    await decideBill(store, VERIFIER, bill.id, 'verify', 'sample checked');
    const approvals = await Promise.allSettled(
      Array.from({ length: 20 }, () => decideBill(store, FUNDER, bill.id, 'approve', 'ok')),
    );
    expect(settled(approvals)).toBe(1);

    const payments = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => payBill(store, FUNDER, bill.id, `key-${i}`)),
    );
    expect(settled(payments)).toBe(1);
    expect(await ledgerTotal(store, 'tiny')).toBe(700000);

    const winner = payments.findIndex((p) => p.status === 'fulfilled');
    const retries = await Promise.all(
      Array.from({ length: 5 }, () => payBill(store, FUNDER, bill.id, `key-${winner}`)),
    );
    expect(retries.every((r) => r.status === 'paid' && r.totalCents === 700000)).toBe(true);
    expect(await ledgerTotal(store, 'tiny')).toBe(700000);
    expect((await verifyAuditLog(store.db)).brokenAt).toBeUndefined();
  });

  it('turns a reversed verification into a negative adjustment on the next bill', async () => {
    const first = await approved(store, '2019-06-30');
    await payBill(store, FUNDER, first.id, 'first');
    await store.db
      .updateTable('events')
      .set({ verification: 'rejected' })
      .where('participant_id', '=', 'P01')
      .where('type', '=', 'training_completed')
      .execute();
    const second = await draftBill(store, FUNDER, 'tiny', '2019-06-30');
    const lines = await store.db
      .selectFrom('bill_lines')
      .selectAll()
      .where('bill_id', '=', second.id)
      .execute();
    expect(
      lines.find((l) => l.participant_id === 'P01' && l.outcome_id === 'training_completed'),
    ).toMatchObject({
      cumulative_cents: '0',
      previously_paid_cents: '20000',
      amount_cents: '-20000',
    });
    await decideBill(store, VERIFIER, second.id, 'verify', 'reversal checked');
    await decideBill(store, FUNDER, second.id, 'approve', 'ok');
    await payBill(store, FUNDER, second.id, 'second');
    const run = await store.db
      .selectFrom('bills')
      .innerJoin('evaluation_runs', 'evaluation_runs.id', 'bills.run_id')
      .select('paid_cents')
      .where('bills.id', '=', second.id)
      .executeTakeFirstOrThrow();
    expect(await ledgerTotal(store, 'tiny')).toBe(Number(run.paid_cents));
  });

  it('refuses a bill drafted before a later payment, and a rejection without a reason', async () => {
    const a = await approved(store, '2019-06-30');
    const b = await approved(store, '2019-06-30');
    await payBill(store, FUNDER, a.id, 'a');
    const stale = await payBill(store, FUNDER, b.id, 'b').catch((e) => e);
    expect(stale).toBeInstanceOf(ProblemsError);
    expect(String(stale.message)).toContain('draft it again');
    expect(await ledgerTotal(store, 'tiny')).toBe(700000);
    await expect(decideBill(store, FUNDER, b.id, 'reject', ' ')).rejects.toThrow(/needs a reason/);
    expect(await decideBill(store, FUNDER, b.id, 'reject', 'superseded by bill a')).toBe(
      'rejected',
    );
    await expect(store.db.deleteFrom('ledger_entries').execute()).rejects.toThrow(/append-only/);
  });
  it('drafts lines of payable − paid that add up to the bill, and pays the ledger up to what the run pays', async () => {
    const first = await approved(store, '2019-06-30');
    await payBill(store, FUNDER, first.id, 'first');
    await store.db
      .updateTable('events')
      .set({ verification: 'rejected' })
      .where('participant_id', '=', 'P01')
      .where('type', '=', 'training_completed')
      .execute();
    const second = await approved(store, '2019-06-30');
    await payBill(store, FUNDER, second.id, 'second');
    // Computed here from the stored rows, in bigint, not by the code under test.
    for (const id of [first.id, second.id]) {
      const bill = await store.db
        .selectFrom('bills')
        .select('total_cents')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const lines = await store.db
        .selectFrom('bill_lines')
        .selectAll()
        .where('bill_id', '=', id)
        .execute();
      for (const l of lines) {
        expect(BigInt(l.amount_cents)).toBe(
          BigInt(l.cumulative_cents) - BigInt(l.previously_paid_cents),
        );
      }
      expect(lines.reduce((sum, l) => sum + BigInt(l.amount_cents), 0n)).toBe(
        BigInt(bill.total_cents),
      );
    }
    const payable = await store.db
      .selectFrom('bills')
      .innerJoin('run_achievements', 'run_achievements.run_id', 'bills.run_id')
      .select(['participant_id', 'outcome_id', 'amount_cents'])
      .where('bills.id', '=', second.id)
      .where('amount_cents', '<>', '0')
      .execute();
    const entries = await store.db
      .selectFrom('ledger_entries')
      .select(['participant_id', 'outcome_id', 'amount_cents'])
      .execute();
    const ledger = new Map<string, bigint>();
    for (const e of entries) {
      const key = `${e.participant_id}/${e.outcome_id}`;
      ledger.set(key, (ledger.get(key) ?? 0n) + BigInt(e.amount_cents));
    }
    const paidNow = [...ledger].filter(([, amount]) => amount !== 0n);
    expect(new Map(paidNow)).toEqual(
      new Map(payable.map((a) => [`${a.participant_id}/${a.outcome_id}`, BigInt(a.amount_cents)])),
    );
    expect(ledger.get('P01/training_completed')).toBe(0n);
  });

  it('refuses to pay a bill whose lines no longer add up to its total, and pays nothing', async () => {
    const bill = await approved(store, '2019-06-30');
    // Bill lines have no append-only trigger, so a line can be changed behind the bill's back.
    await sql`UPDATE bill_lines SET amount_cents = amount_cents + 1
      WHERE bill_id = ${bill.id} AND participant_id = 'P01'`.execute(store.db);
    const error = await payBill(store, FUNDER, bill.id, 'tampered').catch((e) => e);
    expect(error).toBeInstanceOf(InvariantError);
    expect(error.code).toBe('ledger.bill_total');
    expect(error.message).toContain(`bill ${bill.id} totals 7000.00 but 7000.0`);
    expect(await ledgerTotal(store, 'tiny')).toBe(0);
    const status = await store.db
      .selectFrom('bills')
      .select('status')
      .where('id', '=', bill.id)
      .executeTakeFirstOrThrow();
    expect(status.status).toBe('approved');
  });
});
