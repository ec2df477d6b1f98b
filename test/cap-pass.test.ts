import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AchievementColumns, payAchievements, STATUSES } from '../src/domain/cap-pass.js';
import { assertCut, assertWithinCaps } from '../src/domain/cap-pass-invariants.js';
import type { Caps } from '../src/domain/contract/contract.js';
import { parseContract } from '../src/domain/contract/parse-contract.js';
import { InvariantError } from '../src/domain/invariant.js';
import { parseLocalDate, toDayNumber } from '../src/domain/local-date.js';
import { applyPercentBonus, cents } from '../src/domain/money.js';
import {
  CAPPED_TOTAL,
  CAPPED_VOLUME,
  OUT_OF_PERIOD,
  PAID,
  PARTIAL,
} from '../src/domain/payment-status.js';

function contractWith(outcomes: string, caps: string, amendments = '') {
  const parsed = parseContract(`contract: c
title: C
currency: ARS
starts_on: 2018-01-01
ends_on: 2018-12-31
enrolment: { from: 2018-01-01, to: 2018-12-31 }
outcomes:
${outcomes}
caps: ${caps}
${amendments}`);
  if (!parsed.contract) throw new Error(JSON.stringify(parsed.problems));
  return parsed.contract;
}

/** Achievements in cap order: [participant, outcome, day]. */
function columns(
  rows: [number, number, string][],
  bonus: number[] = [],
  versions: number[] = [],
): AchievementColumns {
  const n = rows.length;
  const int = (f: (r: [number, number, string], i: number) => number) =>
    Int32Array.from(rows.map(f));
  return {
    count: n,
    participant: int((r) => r[0]),
    outcome: int((r) => r[1]),
    day: int((r) =>
      toDayNumber(
        parseLocalDate(r[2]) ??
          (() => {
            throw new Error(r[2]);
          })(),
      ),
    ),
    version: Int32Array.from(rows.map((_, i) => versions[i] ?? 0)),
    segment: new Int32Array(n).fill(-1),
    bonusPercent: Int32Array.from(rows.map((_, i) => bonus[i] ?? 0)),
  };
}

const day = (n: number) => new Date(Date.UTC(2018, 0, 1 + n)).toISOString().slice(0, 10);

/** The error `run` throws; fails the test if it throws nothing. */
function thrown(run: () => unknown): InvariantError {
  try {
    run();
  } catch (e) {
    if (e instanceof InvariantError) return e;
    throw e;
  }
  throw new Error('expected an InvariantError, nothing was thrown');
}

const TWO = `  - { id: a, kind: event, event: a, after: enrolment, price: 100 }
  - { id: b, kind: event, event: b, after: enrolment, tiers: [ { up_to: 1, price: 50 }, { price: 70 } ] }`;

function statuses(result: ReturnType<typeof payAchievements>) {
  return Array.from(result.status, (s) => STATUSES[s]);
}

/**
 * Random rows [participant, outcome, day offset, bonus] as the engine hands them over: at
 * most one achievement per participant and outcome (the earliest), sorted in cap order.
 */
function inCapOrder<T extends [number, number, number, number]>(raw: T[]): T[] {
  const seen = new Set<string>();
  return raw
    .filter((r) => !seen.has(`${r[0]}/${r[1]}`) && seen.add(`${r[0]}/${r[1]}`))
    .sort((x, y) => x[2] - y[2] || x[0] - y[0] || x[1] - y[1]);
}

describe('cap pass (spec §3, Caps)', () => {
  it('applies the volume cap, then per participant, then total, naming the first that bit', () => {
    const contract = contractWith(TWO, '{ per_participant: 150, total: 230, volume: { a: 2 } }');
    const result = payAchievements(
      contract,
      columns([
        [0, 0, '2018-02-01'],
        [0, 1, '2018-02-02'],
        [1, 0, '2018-02-03'],
        [2, 0, '2018-02-04'],
        [2, 1, '2018-02-05'],
        [0, 1, '2018-02-06'],
      ]),
      3,
    );
    expect(Array.from(result.amount)).toEqual([10000, 5000, 8000, 0, 0, 0]);
    expect(statuses(result)).toEqual([
      'paid',
      'paid',
      'partially_capped',
      'capped_volume',
      'capped_total',
      'capped_participant',
    ]);
    expect(Array.from(result.price)).toEqual([10000, 5000, 10000, 10000, 7000, 7000]);
  });

  it('ranks tiers by paid achievements only, and ignores out-of-period ones', () => {
    const contract = contractWith(TWO, '{ total: 1000 }');
    const result = payAchievements(
      contract,
      columns([
        [0, 1, '2017-12-31'],
        [1, 1, '2018-01-01'],
        [2, 1, '2018-12-31'],
        [3, 1, '2019-01-01'],
      ]),
      4,
    );
    expect(statuses(result)).toEqual(['out_of_period', 'paid', 'paid', 'out_of_period']);
    expect(Array.from(result.price)).toEqual([0, 5000, 7000, 0]);
  });

  it('pays a zero price as paid, counting for neither tiers nor volume', () => {
    const contract = contractWith(
      `  - { id: a, kind: event, event: a, after: enrolment, tiers: [ { up_to: 1, price: 0 }, { price: 9 } ] }`,
      '{ volume: { a: 1 } }',
    );
    const result = payAchievements(
      contract,
      columns([
        [0, 0, '2018-02-01'],
        [1, 0, '2018-02-01'],
        [2, 0, '2018-02-01'],
      ]),
      3,
    );
    // Zero-priced achievements take no rank, so every one stays in the free first tier.
    expect(statuses(result)).toEqual(['paid', 'paid', 'paid']);
    expect(Array.from(result.amount)).toEqual([0, 0, 0]);
  });

  it('rounds bonuses half up to the cent', () => {
    expect(applyPercentBonus(cents(1), 50)).toBe(2);
    expect(applyPercentBonus(cents(3), 50)).toBe(5);
    expect(applyPercentBonus(cents(50000), 40)).toBe(70000);
    expect(applyPercentBonus(cents(333), 33)).toBe(443);
  });

  it('never pays more than any cap, and adds up (property)', () => {
    const row = fc.tuple(
      fc.integer({ min: 0, max: 9 }),
      fc.integer({ min: 0, max: 1 }),
      fc.integer({ min: 0, max: 400 }),
      fc.integer({ min: 0, max: 60 }),
    );
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 80 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 6 }),
        (raw, perParticipant, total, volume) => {
          const contract = contractWith(
            TWO,
            `{ per_participant: ${perParticipant}, total: ${total}, volume: { a: ${volume} } }`,
          );
          const sorted = inCapOrder(raw);
          const result = payAchievements(
            contract,
            columns(
              sorted.map((r) => [r[0], r[1], day(r[2])]),
              sorted.map((r) => r[3]),
            ),
            10,
          );
          const perPerson = new Array(10).fill(0);
          let sum = 0;
          let paidA = 0;
          for (const [i, r] of sorted.entries()) {
            const amount = result.amount[i] as number;
            expect(Number.isSafeInteger(amount)).toBe(true);
            expect(amount).toBeGreaterThanOrEqual(0);
            expect(amount).toBeLessThanOrEqual(result.price[i] as number);
            const status = STATUSES[result.status[i] as number] as string;
            if (r[2] >= 365) expect(status).toBe('out_of_period');
            else if (amount === result.price[i]) expect(status).toBe('paid');
            else if (amount > 0) expect(status).toBe('partially_capped');
            else expect(['capped_volume', 'capped_participant', 'capped_total']).toContain(status);
            perPerson[r[0]] += amount;
            sum += amount;
            if (r[1] === 0 && amount > 0) paidA++;
          }
          expect(sum).toBeLessThanOrEqual(total * 100);
          expect(Math.max(...perPerson)).toBeLessThanOrEqual(perParticipant * 100);
          expect(paidA).toBeLessThanOrEqual(volume);
          expect(perPerson.reduce((a, b) => a + b, 0)).toBe(sum);
        },
      ),
      { numRuns: 300 },
    );
  });
  it('holds its invariants when an amendment lowers the caps below what is already paid (property)', () => {
    const row = fc.tuple(
      fc.integer({ min: 0, max: 5 }),
      fc.integer({ min: 0, max: 1 }),
      fc.integer({ min: 0, max: 364 }),
      fc.integer({ min: 0, max: 60 }),
    );
    const caps = fc.record({
      perParticipant: fc.integer({ min: 0, max: 400 }),
      total: fc.integer({ min: 0, max: 3000 }),
      volume: fc.integer({ min: 0, max: 6 }),
    });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 60 }),
        caps,
        caps,
        fc.integer({ min: 1, max: 364 }),
        (raw, before, after, amendedOn) => {
          const capsText = (c: typeof before) =>
            `{ per_participant: ${c.perParticipant}, total: ${c.total}, volume: { a: ${c.volume} } }`;
          const contract = contractWith(
            TWO,
            capsText(before),
            `amendments:\n  - { id: a1, effective_from: ${day(amendedOn)}, reason: r, caps: ${capsText(after)} }\n`,
          );
          const sorted = inCapOrder(raw);
          // Throws InvariantError if any payment breaks a cap of the version it is paid under.
          const result = payAchievements(
            contract,
            columns(
              sorted.map((r) => [r[0], r[1], day(r[2])]),
              sorted.map((r) => r[3]),
              sorted.map((r) => (r[2] >= amendedOn ? 1 : 0)),
            ),
            6,
          );
          let total = 0;
          for (const [i, r] of sorted.entries()) {
            const amount = result.amount[i] as number;
            total += amount;
            const caps = r[2] >= amendedOn ? after : before;
            if (amount > 0) expect(total).toBeLessThanOrEqual(caps.total * 100);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('throws an InvariantError for achievements out of cap order, and pays nothing (property)', () => {
    const row = fc.tuple(
      fc.integer({ min: 0, max: 9 }),
      fc.integer({ min: 0, max: 1 }),
      fc.integer({ min: 0, max: 300 }),
      fc.constant(0),
    );
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 2, maxLength: 40 }),
        fc.nat(),
        fc.boolean(),
        (raw, at, duplicate) => {
          const sorted = inCapOrder(raw);
          fc.pre(sorted.length >= 2);
          const j = 1 + (at % (sorted.length - 1));
          const bad = [...sorted];
          // Either two neighbours swapped, or one achievement handed over twice.
          if (duplicate) bad[j] = bad[j - 1] as (typeof bad)[number];
          else
            [bad[j - 1], bad[j]] = [
              bad[j] as (typeof bad)[number],
              bad[j - 1] as (typeof bad)[number],
            ];
          const contract = contractWith(TWO, '{}');
          const error = thrown(() =>
            payAchievements(contract, columns(bad.map((r) => [r[0], r[1], day(r[2])])), 10),
          );
          expect(error.code).toBe('cap_pass.order');
          expect(error.message).toContain(`achievement ${j} `);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('detects an amount that breaks its bounds or disagrees with its status', () => {
    const ok = [
      { price: 100, amount: 100, status: PAID },
      { price: 0, amount: 0, status: PAID },
      { price: 100, amount: 1, status: PARTIAL },
      { price: 100, amount: 0, status: CAPPED_VOLUME },
      { price: 100, amount: 0, status: CAPPED_TOTAL },
      { price: 0, amount: 0, status: OUT_OF_PERIOD },
    ];
    for (const c of ok) expect(() => assertCut(0, c.price, c.amount, c.status)).not.toThrow();
    const bad = [
      { price: 100, amount: 101, status: PAID },
      { price: 100, amount: 101, status: PARTIAL },
      { price: 100, amount: -1, status: PARTIAL },
      { price: 100, amount: 50.5, status: PARTIAL },
      { price: 100, amount: 99, status: PAID },
      { price: 100, amount: 100, status: PARTIAL },
      { price: 100, amount: 5, status: CAPPED_TOTAL },
      { price: 100, amount: 0, status: OUT_OF_PERIOD },
      { price: 100, amount: 0, status: 9 },
    ];
    for (const cut of bad) {
      const error = thrown(() => assertCut(7, cut.price, cut.amount, cut.status));
      expect(error.code).toBe('cap_pass.amount');
      expect(error.message).toContain(
        `achievement 7: amount ${cut.amount} with price ${cut.price}`,
      );
    }
  });

  it('detects a payment past a cap of its version, and allows one that reaches it', () => {
    const caps = { perParticipant: cents(500), total: cents(2000), volume: { a: 3 } };
    const at = { toParticipant: 500, ofOutcome: 3, total: 2000 };
    const check = (i: number, c: Caps, paid: typeof at) =>
      assertWithinCaps(i, c, 'a', paid.toParticipant, paid.ofOutcome, paid.total);
    expect(() => check(0, caps, at)).not.toThrow();
    expect(() => check(0, { volume: {} }, { ...at, total: 1e9 })).not.toThrow();
    for (const [past, message] of [
      [{ toParticipant: 501 }, 'paid to the participant 501 > per_participant 500'],
      [{ total: 2001 }, 'paid in total 2001 > total 2000'],
      [{ ofOutcome: 4 }, 'paid achievements of a 4 > volume 3'],
    ] as const) {
      const error = thrown(() => check(3, caps, { ...at, ...past }));
      expect(error.code).toBe('cap_pass.cap');
      expect(error.message).toBe(`internal error, cap_pass.cap: achievement 3: ${message}`);
    }
  });
});
