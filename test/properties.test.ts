/**
 * Invariants of the engine on random programmes from the whole contract grammar, run through
 * DuckDB on real files: every generated contract validates and runs; the SQL agrees with the
 * in-memory reading of the spec (test/support/reference-reading.ts) on every participant
 * (eligibility, segment, achievements) and on every achievement's version, price, amount and
 * status; money is never created or lost and no payment passes a cap in force; row order
 * changes nothing; runs are byte-identical; and a later as-of never pays less.
 *
 * Runs per property: PROPERTY_RUNS (default 25), e.g. `PROPERTY_RUNS=200 npx vitest run
 * test/properties.test.ts` for a longer search.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Contract } from '../src/domain/contract/contract.js';
import { parseContract } from '../src/domain/contract/parse-contract.js';
import { versionOn } from '../src/domain/contract/versions.js';
import type { LocalDate } from '../src/domain/local-date.js';
import { contractArb } from './support/contract-arbitrary.js';
import { type Programme, programmeArb, programmeFiles } from './support/programme-arbitrary.js';
import { centsOf, expectAgreement } from './support/reference-reading.js';
import { type CaseOutput, runCase } from './support/run-engine.js';

const AS_OF = '2019-03-31' as LocalDate;
const RUNS = Number(process.env.PROPERTY_RUNS ?? 25);
const CHECK = { numRuns: RUNS, endOnFailure: true };
/** The properties that run the engine two or three times a case get fewer cases. */
const CHECK_COSTLY = { numRuns: Math.max(1, Math.round(RUNS * 0.4)), endOnFailure: true };
/** Each property's time limit grows with its runs (about 2 s a run on a loaded machine). */
const TIME_LIMIT = Math.max(60_000, RUNS * 3_000);

async function run(
  p: Programme,
  asOf: string = AS_OF,
  order?: (rows: string[]) => string[],
): Promise<CaseOutput> {
  return runCase({ contract: p.contract, ...programmeFiles(p, order), asOf });
}

function contractOf(text: string): Contract {
  const parsed = parseContract(text);
  if (!parsed.contract)
    throw new Error(
      `generated contract is invalid:\n${parsed.problems.map((x) => `${x.line}:${x.col} ${x.message}`).join('\n')}\n${text}`,
    );
  return parsed.contract;
}

/** No amount is above its price, and no payment takes a total past a cap then in force. */
function expectCapsHeld(contract: Contract, out: CaseOutput): void {
  const paidTo = new Map<string, number>();
  const paidOf = new Map<string, number>();
  let total = 0;
  for (const a of out.achievements) {
    const amount = centsOf(a.amount);
    expect(amount).toBeLessThanOrEqual(centsOf(a.price));
    if (amount === 0) continue;
    const caps = versionOn(contract, a.achieved_on as LocalDate).caps;
    const id = a.participant_id as string;
    const outcome = a.outcome_id as string;
    paidTo.set(id, (paidTo.get(id) ?? 0) + amount);
    paidOf.set(outcome, (paidOf.get(outcome) ?? 0) + 1);
    total += amount;
    if (caps.perParticipant !== undefined)
      expect(paidTo.get(id)).toBeLessThanOrEqual(caps.perParticipant);
    if (caps.total !== undefined) expect(total).toBeLessThanOrEqual(caps.total);
    if (caps.volume[outcome] !== undefined)
      expect(paidOf.get(outcome)).toBeLessThanOrEqual(caps.volume[outcome] as number);
  }
}

describe('engine properties', () => {
  it('generates only valid contracts, across the whole grammar', () => {
    const samples = fc.sample(contractArb, { numRuns: 200, seed: 6 });
    for (const text of samples) contractOf(text);
    const seen = (pattern: RegExp) => samples.filter((s) => pattern.test(s)).length;
    const everywhere = [
      /^outcomes:/m,
      /kind: event/,
      /kind: employment_start/,
      /kind: employment_sustained/,
      /kind: earnings_threshold/,
      /kind: assessment_gain/,
      /within_days:/,
      /verified_only:/,
      /min_value:/,
      /min_earnings:/,
      /skip_months:/,
      /tiers:/,
      /bonus:/,
      /price: \{/,
      /price: 0[,}\s]/,
      /in: \[/,
      /equals:/,
      /between:/,
      /attribute: "age_at_enrolment"/,
      /attribute: "nope"/,
      /attribute: "score"/,
      /attribute: "since"/,
      /^segments:\n {2}- \{ id: "[^"]*" \}\n(?! {2}-)/m,
      /^segments: \[\]/m,
      /^segments:\n {2}- \{ id: [^\n]*when/m,
      /per_participant:/,
      /total:/,
      /volume:/,
      /amendments:[\s\S]*amend-2/,
      /outcomes: \{[^\n]*price: \{/,
      /outcomes: \{[^\n]*tiers:/,
      /outcomes: \{[^\n]*months:/,
      /outcomes: \{[^\n]*bonus:/,
      /caps: \{[^\n]*volume:/,
      /within_days: 1000000000/,
    ];
    for (const pattern of everywhere) expect(seen(pattern), String(pattern)).toBeGreaterThan(0);
    expect(samples.filter((s) => !/^segments/m.test(s)).length).toBeGreaterThan(0);
    expect(samples.filter((s) => !/^caps/m.test(s)).length).toBeGreaterThan(0);
  });

  it(
    'agrees with the in-memory reading on every participant and every payment',
    async () => {
      await fc.assert(
        fc.asyncProperty(programmeArb, async (p) => {
          const contract = contractOf(p.contract);
          const out = await run(p);
          expectAgreement(contract, programmeFiles(p), AS_OF, out);
          expectCapsHeld(contract, out);
        }),
        CHECK,
      );
    },
    TIME_LIMIT,
  );

  it(
    'gives byte-identical outputs for shuffled input rows and for repeated runs',
    async () => {
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
        CHECK_COSTLY,
      );
    },
    TIME_LIMIT,
  );

  it(
    'never pays less for an achievement already paid when the as-of day moves later',
    async () => {
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
        CHECK_COSTLY,
      );
    },
    TIME_LIMIT,
  );
});
