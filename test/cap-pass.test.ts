import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AchievementColumns, payAchievements, STATUSES } from '../src/domain/cap-pass.js';
import { parseContract } from '../src/domain/contract/parse-contract.js';
import { parseLocalDate, toDayNumber } from '../src/domain/local-date.js';
import { applyPercentBonus, cents } from '../src/domain/money.js';

function contractWith(outcomes: string, caps: string) {
  const parsed = parseContract(`contract: c
title: C
currency: ARS
starts_on: 2018-01-01
ends_on: 2018-12-31
enrolment: { from: 2018-01-01, to: 2018-12-31 }
outcomes:
${outcomes}
caps: ${caps}
`);
  if (!parsed.contract) throw new Error(JSON.stringify(parsed.problems));
  return parsed.contract;
}

/** Achievements in cap order: [participant, outcome, day]. */
function columns(rows: [number, number, string][], bonus: number[] = []): AchievementColumns {
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
    version: new Int32Array(n),
    segment: new Int32Array(n).fill(-1),
    bonusPercent: Int32Array.from(rows.map((_, i) => bonus[i] ?? 0)),
  };
}

const TWO = `  - { id: a, kind: event, event: a, after: enrolment, price: 100 }
  - { id: b, kind: event, event: b, after: enrolment, tiers: [ { up_to: 1, price: 50 }, { price: 70 } ] }`;

function statuses(result: ReturnType<typeof payAchievements>) {
  return Array.from(result.status, (s) => STATUSES[s]);
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
          const sorted = [...raw].sort((x, y) => x[2] - y[2] || x[0] - y[0] || x[1] - y[1]);
          const day = (n: number) => new Date(Date.UTC(2018, 0, 1 + n)).toISOString().slice(0, 10);
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
});
