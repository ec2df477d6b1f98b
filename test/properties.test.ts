/**
 * Invariants of the engine on random programmes, run through DuckDB on real files: the SQL
 * agrees with the in-memory reading of the spec, money is never created or lost, caps hold,
 * row order changes nothing, runs are byte-identical, and a later as-of never pays less.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContract } from '../src/domain/contract/parse-contract.js';
import { parseDecimal } from '../src/domain/decimal.js';
import { achievementDays } from '../src/domain/explain/explain-participant.js';
import type { ParticipantFacts } from '../src/domain/explain/participant-facts.js';
import { type LocalDate, lastCompleteMonth, parseMonth } from '../src/domain/local-date.js';
import { parseCents } from '../src/domain/money.js';
import { type Programme, programmeArb, programmeFiles } from './support/programme-arbitrary.js';
import { type CaseOutput, runCase } from './support/run-engine.js';

const AS_OF = '2019-03-31';
const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 25), endOnFailure: true };

async function run(
  p: Programme,
  asOf = AS_OF,
  order?: (rows: string[]) => string[],
): Promise<CaseOutput> {
  return runCase({ contract: p.contract, ...programmeFiles(p, order), asOf });
}

const centsOf = (text: string | undefined) => parseCents(text ?? '') as number;

/** The facts of each participant straight from the generated rows, for the in-memory rules. */
function factsOf(p: Programme, asOf: LocalDate): Map<string, ParticipantFacts> {
  const months = new Map<string, Map<number, bigint>>();
  for (const row of p.employment) {
    const [key, month, , earnings] = row.split(',') as [string, string, string, string];
    const m = parseMonth(month) as number;
    if (m > lastCompleteMonth(asOf)) continue;
    const byMonth = months.get(key) ?? new Map<number, bigint>();
    byMonth.set(m, (byMonth.get(m) ?? 0n) + BigInt(centsOf(earnings)));
    months.set(key, byMonth);
  }
  const facts = new Map<string, ParticipantFacts>();
  for (const row of p.participants) {
    const [id, , enrolledOn, key] = row.split(',') as [string, string, LocalDate, string];
    const events = p.events
      .map((e) => e.split(','))
      .filter((e) => e[0] === id && (e[2] as string) <= asOf)
      .map(([, type, occurredOn, value, verified, source]) => ({
        type: type as string,
        occurredOn: occurredOn as LocalDate,
        value: value ? parseDecimal(value) : null,
        verified: verified?.toLowerCase() === 'true' || source === 'admin',
      }));
    facts.set(id, {
      participantId: id,
      enrolledOn,
      hasPersonKey: key !== '',
      attributes: {},
      events,
      months: months.get(key) ?? new Map(),
    });
  }
  return facts;
}

describe('engine properties', () => {
  it('finds the same achievements as the in-memory reading of the spec', async () => {
    await fc.assert(
      fc.asyncProperty(programmeArb, async (p) => {
        const out = await run(p);
        const contract = parseContract(p.contract).contract;
        if (!contract) throw new Error('generated contract is invalid');
        const facts = factsOf(p, AS_OF as LocalDate);
        const expected: string[] = [];
        for (const row of out.participants.filter((r) => r.eligible === 'true')) {
          const days = achievementDays(
            contract,
            facts.get(row.participant_id as string) as ParticipantFacts,
            AS_OF as LocalDate,
          );
          for (const [outcome, r] of days)
            if (r.day) expected.push(`${row.participant_id}/${outcome}/${r.day}`);
        }
        const actual = out.achievements.map(
          (a) => `${a.participant_id}/${a.outcome_id}/${a.achieved_on}`,
        );
        expect(actual.sort()).toEqual(expected.sort());
      }),
      RUNS,
    );
  });

  it('never creates or loses money and never exceeds a cap', async () => {
    await fc.assert(
      fc.asyncProperty(programmeArb, async (p) => {
        const out = await run(p);
        const caps = /per_participant: (\d+)\n {2}total: (\d+)\n {2}volume: \{ job: (\d+) \}/
          .exec(p.contract)
          ?.slice(1)
          .map(Number) as number[];
        const paid = centsOf(out.summary.paid);
        const totals = out.participants.map((r) => centsOf(r.total_amount));
        expect(totals.reduce((a, b) => a + b, 0)).toBe(paid);
        expect(out.achievements.reduce((a, r) => a + centsOf(r.amount), 0)).toBe(paid);
        expect(paid).toBeLessThanOrEqual((caps[1] as number) * 100);
        expect(Math.max(0, ...totals)).toBeLessThanOrEqual((caps[0] as number) * 100);
        const paidJobs = out.achievements.filter(
          (a) => a.outcome_id === 'job' && centsOf(a.amount) > 0,
        ).length;
        expect(paidJobs).toBeLessThanOrEqual(caps[2] as number);
        for (const a of out.achievements)
          expect(centsOf(a.amount)).toBeLessThanOrEqual(centsOf(a.price));
      }),
      RUNS,
    );
  });

  it('gives byte-identical outputs for shuffled input rows and for repeated runs', async () => {
    await fc.assert(
      fc.asyncProperty(programmeArb, fc.integer(), async (p, seed) => {
        const shuffle = (rows: string[]) => {
          const copy = [...rows];
          let s = seed;
          for (let i = copy.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) & 0x7fffffff;
            const j = s % (i + 1);
            [copy[i], copy[j]] = [copy[j] as string, copy[i] as string];
          }
          return copy;
        };
        const first = await run(p);
        const again = await run(p);
        const shuffled = await run(p, AS_OF, shuffle);
        expect(again.files).toEqual(first.files);
        expect(shuffled.files['achievements.csv']).toBe(first.files['achievements.csv']);
        expect(shuffled.files['participants.csv']).toBe(first.files['participants.csv']);
        expect({ ...shuffled.summary, inputs: {} }).toEqual({ ...first.summary, inputs: {} });
      }),
      { ...RUNS, numRuns: 15 },
    );
  });

  it('never pays less for an achievement already paid when the as-of day moves later', async () => {
    await fc.assert(
      fc.asyncProperty(programmeArb, fc.integer({ min: 1, max: 200 }), async (p, later) => {
        const early = await run(p, '2018-12-31');
        const lateDay = new Date(Date.UTC(2018, 11, 31 + later)).toISOString().slice(0, 10);
        const late = await run(p, lateDay);
        const lateRows = new Map(
          late.achievements.map((a) => [`${a.participant_id}/${a.outcome_id}`, a]),
        );
        for (const a of early.achievements.filter((r) => centsOf(r.amount) > 0)) {
          const after = lateRows.get(`${a.participant_id}/${a.outcome_id}`);
          expect(after?.achieved_on).toBe(a.achieved_on);
          expect(centsOf(after?.amount)).toBeGreaterThanOrEqual(centsOf(a.amount));
        }
      }),
      { ...RUNS, numRuns: 15 },
    );
  });
});
