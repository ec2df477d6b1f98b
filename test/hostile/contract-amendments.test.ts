/**
 * Issue #7 item 3: a new contract version cannot rewrite the past. Currency, contract id and
 * start date never change; the base and the amendments already made stay as they were (as
 * parsed: reformatting and comments are fine); a change reaching into a period already paid
 * is refused unless it is a correction, asked for by one person and approved by another,
 * which the next bill then shows as adjustment lines carrying the correction's version.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineLabel } from '../../src/domain/bill-line-kind.js';
import { parseContract } from '../../src/domain/contract/parse-contract.js';
import { reachesPaidPeriod, versionChange } from '../../src/domain/contract/version-change.js';
import type { LocalDate } from '../../src/domain/local-date.js';
import { cents } from '../../src/domain/money.js';
import { createApiToken } from '../../src/services/api-tokens.js';
import { ledgerTotal } from '../../src/services/bills.js';
import { currentContract } from '../../src/services/programmes.js';
import { runFiles, tempDir } from '../support/run-engine.js';
import { onServer } from '../support/test-store.js';
import { TINY } from '../support/tiny-programme.js';
import { type BillingServer, billingServer } from './billing-server.js';

const VERSIONS = '/programmes/tiny/contract-versions';

/** The tiny contract with one more amendment appended. */
const withAmendment = (yaml: string, amendment: string) => `${yaml.trimEnd()}\n${amendment}`;

const CAP_RAISE = `  - id: cap-raise
    effective_from: 2019-01-15
    reason: Caps raised after the mid-term review
    caps:
      total: 10000
      volume: { job_start: 6 }
`;
const LATER = `  - id: later-prices
    effective_from: 2019-07-01
    reason: Training repriced from July
    outcomes:
      training_completed: { price: 250 }
`;

/** Each participant-outcome's amount as the engine pays it under a contract, from the files. */
async function payable(contract: string, asOf: string): Promise<Map<string, bigint>> {
  const files = {
    participants: join(TINY, 'participants.csv'),
    events: join(TINY, 'events.csv'),
    employment: join(TINY, 'employment.csv'),
  };
  const out = await runFiles(contract, files, asOf, join(await tempDir(), 'out'));
  return new Map(
    out.achievements.map((a) => [
      `${a.participant_id}/${a.outcome_id}`,
      BigInt((a.amount ?? '').replace('.', '')),
    ]),
  );
}

describe(`item 3: contract versions on ${onServer ? 'the PostgreSQL server' : 'embedded PGlite'}`, () => {
  let api: BillingServer;
  let yaml: string;
  beforeAll(async () => {
    api = await billingServer();
    yaml = await readFile(join(TINY, 'contract.yaml'), 'utf8');
    // Paid through 2019-06-30 in pesos: 7,000.00.
    expect(await api.payThrough('2019-06-30')).toMatchObject({ total_cents: 700000 });
  });
  afterAll(() => api?.close());

  const post = (body: object, who: 'funder' | 'funder2' = 'funder') =>
    api.as(who, 'POST', VERSIONS, body);
  const codes = (res: { json(): { problems?: { code: string }[] } }) =>
    (res.json().problems ?? []).map((p) => p.code).sort();

  it('refuses a version that changes the currency and the base prices, and the next bill pays nothing', async () => {
    const usd = yaml.replace('currency: ARS', 'currency: USD').replace('price: 200', 'price: 2000');
    const res = await post({ yaml: usd, reason: 'dollarised' });
    expect(res.statusCode, res.body).toBe(422);
    expect(codes(res)).toEqual(['contract.base_changed', 'contract.currency_changed']);
    const currency = res.json().problems.find((p: { code: string }) => p.code.includes('currency'));
    expect(currency.message).toContain('currency cannot change: ARS');
    expect((await currentContract(api.store, 'tiny')).contract.currency).toBe('ARS');

    const bill = await api.as('funder', 'POST', '/programmes/tiny/bills', {
      period_end: '2019-06-30',
    });
    expect(bill.json()).toMatchObject({ total_cents: 0, lines: 0 });
    const indigo = (await api.as('funder', 'GET', '/programmes/tiny/indigo')).json();
    expect(
      indigo.outcome_payments.map((p: { money: { currency: { value: string } } }) => [
        p.money.currency.value,
      ]),
    ).toEqual(indigo.outcome_payments.map(() => ['ARS']));
  });

  it('refuses a changed contract id, start date, eligibility or earlier amendment', async () => {
    const cases: [string, string][] = [
      [yaml.replace('contract: tiny-youth-employment', 'contract: tiny-2'), 'contract.id_changed'],
      [
        yaml.replace('starts_on: 2018-04-01', 'starts_on: 2018-03-01'),
        'contract.starts_on_changed',
      ],
      [yaml.replace('between: [17, 24]', 'between: [16, 24]'), 'contract.eligibility_changed'],
      [
        yaml.replace('effective_from: 2019-01-01', 'effective_from: 2019-02-01'),
        'contract.amendment_changed',
      ],
      [yaml.slice(0, yaml.indexOf('amendments:')), 'contract.amendment_removed'],
    ];
    for (const [text, code] of cases) {
      const res = await post({ yaml: text, reason: 'probe' });
      expect([res.statusCode, codes(res)], res.body).toEqual([422, [code]]);
    }
  });

  it('accepts reformatting, comments and an amendment dated after the paid period', async () => {
    const reformatted = `# Re-typed by the programme office\n${yaml
      .replace(
        'enrolment: { from: 2018-04-01, to: 2018-12-31 }',
        'enrolment:\n  from: 2018-04-01\n  to: 2018-12-31',
      )
      .replace('price: 300', 'price: 300.00 # unchanged')}`;
    const same = await post({ yaml: reformatted, reason: 'layout only' });
    expect(same.statusCode, same.body).toBe(201);
    expect(same.json()).toMatchObject({ status: 'in_force', affects_from: null });

    const later = await post({
      yaml: withAmendment(reformatted, LATER),
      reason: 'signed 2019-06-20',
    });
    expect(later.statusCode, later.body).toBe(201);
    expect(later.json()).toMatchObject({ status: 'in_force', affects_from: '2019-07-01' });
    yaml = withAmendment(reformatted, LATER);
  });

  it('refuses a correction that corrects nothing paid, and an amendment slipped in before one in force', async () => {
    const august = withAmendment(yaml, CAP_RAISE.replace('2019-01-15', '2019-08-01'));
    const plain = await post({
      yaml: august,
      reason: 'probe',
      correction: { reason: 'probe of a correction' },
    });
    expect([plain.statusCode, codes(plain)]).toEqual([422, ['contract.not_a_correction']]);
    const before = yaml.slice(0, yaml.indexOf('  - id: later-prices'));
    const slipped = withAmendment(
      withAmendment(before, CAP_RAISE.replace('2019-01-15', '2019-06-15')),
      LATER,
    );
    const res = await post({
      yaml: slipped,
      reason: 'probe',
      correction: { reason: 'probe of a correction' },
    });
    expect([res.statusCode, codes(res)]).toEqual([422, ['contract.amendment_changed']]);
  });
});

describe(`item 3: corrections on ${onServer ? 'the PostgreSQL server' : 'embedded PGlite'}`, () => {
  let api: BillingServer;
  let yaml: string;
  beforeAll(async () => {
    api = await billingServer();
    yaml = await readFile(join(TINY, 'contract.yaml'), 'utf8');
    await api.payThrough('2019-06-30');
  });
  afterAll(() => api?.close());

  const post = (body: object, who: 'funder' | 'funder2' = 'funder') =>
    api.as(who, 'POST', VERSIONS, body);
  const codes = (res: { json(): { problems?: { code: string }[] } }) =>
    (res.json().problems ?? []).map((p) => p.code).sort();

  it('refuses an amendment effective inside the paid period unless it is a correction', async () => {
    const retro = withAmendment(yaml, CAP_RAISE);
    const refused = await post({ yaml: retro, reason: 'mid-term review' });
    expect([refused.statusCode, codes(refused)]).toEqual([422, ['contract.retroactive']]);
    expect(refused.json().problems[0].message).toContain(
      'amendment cap-raise is effective from 2019-01-15, on or before 2019-06-30',
    );
    const versions = (await api.as('verifier', 'GET', VERSIONS)).json().versions;
    expect(versions).toHaveLength(1);
  });

  it('holds a correction until a second person approves it; the next bill shows it as adjustment lines', async () => {
    const retro = withAmendment(yaml, CAP_RAISE);
    // A correction is asked for and approved by people, not by API tokens.
    const robot = await createApiToken(api.store, 'setup', 'ministry', 'robot');
    const byToken = await api.as({ token: robot }, 'POST', VERSIONS, {
      yaml: retro,
      reason: 'mid-term review',
      correction: { reason: 'caps agreed at the review apply from 15 January' },
    });
    expect(byToken.statusCode).toBe(403);

    const asked = await post({
      yaml: retro,
      reason: 'mid-term review',
      correction: { reason: 'caps agreed at the review apply from 15 January' },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const correction = asked.json().version as number;
    expect(asked.json()).toEqual({
      version: correction,
      status: 'pending_correction',
      affects_from: '2019-01-15',
    });
    expect((await currentContract(api.store, 'tiny')).version).toBe(1);

    // Nothing else changes the contract while a correction awaits its decision.
    const meanwhile = await post({ yaml: withAmendment(yaml, LATER), reason: 'July prices' });
    expect([meanwhile.statusCode, meanwhile.json().error]).toEqual([409, 'correction_pending']);

    // Not in force yet: a bill now pays nothing more.
    const early = await api.as('funder', 'POST', '/programmes/tiny/bills', {
      period_end: '2019-06-30',
    });
    expect(early.json()).toMatchObject({ total_cents: 0, lines: 0 });

    const self = await api.as('funder', 'POST', `${VERSIONS}/${correction}/approve`, {
      reason: 'I asked for it',
    });
    expect([self.statusCode, self.json().error]).toEqual([403, 'four_eyes']);
    const byProvider = await api.as('provider', 'POST', `${VERSIONS}/${correction}/approve`, {
      reason: 'yes',
    });
    expect(byProvider.statusCode).toBe(403);
    const approved = await api.as('funder2', 'POST', `${VERSIONS}/${correction}/approve`, {
      reason: 'minutes of the review checked',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toEqual({ version: correction, status: 'in_force' });
    const again = await api.as('verifier', 'POST', `${VERSIONS}/${correction}/approve`, {
      reason: 'twice',
    });
    expect(again.statusCode).toBe(422);
    const listed = (await api.as('verifier', 'GET', VERSIONS)).json().versions;
    expect(listed.at(-1)).toMatchObject({
      version: correction,
      status: 'in_force',
      created_by: 'funder@example.org',
      affects_from: '2019-01-15',
      correction: {
        reason: 'caps agreed at the review apply from 15 January',
        decided_by: 'funder2@example.org',
        decision_reason: 'minutes of the review checked',
      },
    });

    // Expected, from the engine on the files: what the corrected contract pays minus what
    // the original paid, per participant-outcome.
    const before = await payable(yaml, '2019-06-30');
    const after = await payable(retro, '2019-06-30');
    const expected = new Map<string, bigint>();
    for (const key of new Set([...before.keys(), ...after.keys()])) {
      const change = (after.get(key) ?? 0n) - (before.get(key) ?? 0n);
      if (change !== 0n) expected.set(key, change);
    }
    expect(expected.size).toBeGreaterThan(0);
    const expectedTotal = [...expected.values()].reduce((a, b) => a + b, 0n);

    const billId = await api.approvedBill('2019-06-30');
    const bill = (await api.as('verifier', 'GET', `/bills/${billId}`)).json();
    expect(bill).toMatchObject({
      total_cents: Number(expectedTotal),
      lines: expected.size,
      adjustments: { lines: expected.size, total_cents: Number(expectedTotal) },
      corrections: [
        { version: correction, lines: expected.size, total_cents: Number(expectedTotal) },
      ],
    });
    const lines = await api.store.db
      .selectFrom('bill_lines')
      .selectAll()
      .where('bill_id', '=', billId)
      .execute();
    expect(
      new Map(lines.map((l) => [`${l.participant_id}/${l.outcome_id}`, BigInt(l.amount_cents)])),
    ).toEqual(expected);
    expect(lines.every((l) => l.kind === 'adjustment' && l.correction_version === correction)).toBe(
      true,
    );
    const paid = await api.as('funder', 'POST', `/bills/${billId}/pay`, undefined, {
      'idempotency-key': 'correction-payment',
    });
    expect(paid.statusCode, paid.body).toBe(200);
    const all = [...after.values()].reduce((a, b) => a + b, 0n);
    expect(BigInt(await ledgerTotal(api.store, 'tiny'))).toBe(all);
  });

  it('lets a verifier reject a correction, after which the contract can change again', async () => {
    const next = withAmendment(
      withAmendment(yaml, CAP_RAISE),
      CAP_RAISE.replace('cap-raise', 'cap-raise-2').replace('2019-01-15', '2019-03-01'),
    );
    const asked = await post({
      yaml: next,
      reason: 'second review',
      correction: { reason: 'March caps' },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const version = asked.json().version;
    const noReason = await api.as('verifier', 'POST', `${VERSIONS}/${version}/reject`, {
      reason: '',
    });
    expect(noReason.statusCode).toBe(422);
    const rejected = await api.as('verifier', 'POST', `${VERSIONS}/${version}/reject`, {
      reason: 'not what was agreed',
    });
    expect(rejected.json()).toEqual({ version, status: 'rejected' });
    expect((await currentContract(api.store, 'tiny')).version).toBe(version - 1);
    const later = await post({
      yaml: withAmendment(withAmendment(yaml, CAP_RAISE), LATER),
      reason: 'July prices',
    });
    expect(later.statusCode, later.body).toBe(201);
    expect(later.json().status).toBe('in_force');
  });
});

describe('item 3: the rules, without a store', () => {
  const parsed = (text: string) => {
    const { contract, problems } = parseContract(text);
    if (!contract) throw new Error(JSON.stringify(problems));
    return contract;
  };
  const day = (d: string) => d as LocalDate;

  it('dates a moved ends_on or end of enrolment from the day after the earlier end', async () => {
    const yaml = await readFile(join(TINY, 'contract.yaml'), 'utf8');
    const v1 = parsed(yaml);
    const longer = versionChange(
      v1,
      parsed(yaml.replace('ends_on: 2019-05-31', 'ends_on: 2020-05-31')),
    );
    expect(longer).toMatchObject({
      problems: [],
      affectsFrom: '2019-06-01',
      affectedBy: 'ends_on',
    });
    expect(reachesPaidPeriod(longer, day('2019-06-30'))?.message).toMatch(
      /^ends_on changes what is paid from 2019-06-01, on or before 2019-06-30/,
    );
    expect(reachesPaidPeriod(longer, day('2019-05-31'))).toBeNull();
    expect(reachesPaidPeriod(longer, null)).toBeNull();
    const shorter = versionChange(v1, parsed(yaml.replace('to: 2018-12-31', 'to: 2018-10-31')));
    expect(shorter).toMatchObject({
      affectsFrom: '2018-11-01',
      affectedBy: 'the end of enrolment',
    });
    const title = versionChange(
      v1,
      parsed(yaml.replace('title: Tiny worked example', 'title: Tiny')),
    );
    expect(title).toMatchObject({ problems: [], appended: [], affectsFrom: null });
  });

  it('labels lines: new payments, adjustments, and adjustments a correction caused', () => {
    const past = {
      paidThrough: day('2019-06-30'),
      corrections: [
        { version: 3, affectsFrom: day('2019-01-15') },
        { version: 5, affectsFrom: day('2019-03-01') },
      ],
    };
    const line = (
      previouslyPaid: number,
      achievedOn: string | null,
      paidAchievedOn: string | null,
    ) =>
      lineLabel(
        {
          previouslyPaid: cents(previouslyPaid),
          achievedOn: achievedOn === null ? null : day(achievedOn),
          paidAchievedOn: paidAchievedOn === null ? null : day(paidAchievedOn),
        },
        past,
      );
    // Achieved after the paid period, never paid: a payment, whatever the corrections.
    expect(line(0, '2019-07-31', null)).toEqual({ kind: 'payment', correction: null });
    // A reversal of something paid before every correction's first day: data, not contract.
    expect(line(20000, null, '2018-06-01')).toEqual({ kind: 'adjustment', correction: null });
    // Inside the first correction's reach, then the second's (the later first day wins).
    expect(line(0, '2019-01-31', '2019-01-31')).toEqual({ kind: 'adjustment', correction: 3 });
    expect(line(150000, '2019-03-31', '2019-03-31')).toEqual({ kind: 'adjustment', correction: 5 });
    // An achievement that moved earlier is judged by the earlier day.
    expect(line(50000, '2019-02-28', '2019-04-30')).toEqual({ kind: 'adjustment', correction: 3 });
    // Nothing paid yet: every line is a payment.
    expect(
      lineLabel(
        { previouslyPaid: cents(0), achievedOn: day('2018-06-01'), paidAchievedOn: null },
        { paidThrough: null, corrections: [] },
      ),
    ).toEqual({ kind: 'payment', correction: null });
  });
});
