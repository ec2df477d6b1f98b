/**
 * Invariants of the engine on random programmes from the whole contract grammar, run through
 * DuckDB on real files: every generated contract validates and runs; the SQL agrees with the
 * in-memory reading of the spec on every participant (eligibility, segment, achievements)
 * and on every achievement's version, price, amount and status; money is never created or
 * lost and caps hold; row order changes nothing; runs are byte-identical; and a later as-of
 * never pays less.
 *
 * Runs per property: PROPERTY_RUNS (default 25), e.g. `PROPERTY_RUNS=200 npx vitest run
 * test/properties.test.ts` for a longer search.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Contract, Rule } from '../src/domain/contract/contract.js';
import { parseContract } from '../src/domain/contract/parse-contract.js';
import { versionOn } from '../src/domain/contract/versions.js';
import { parseDecimal } from '../src/domain/decimal.js';
import { achievementDays } from '../src/domain/explain/explain-participant.js';
import type { ParticipantFacts } from '../src/domain/explain/participant-facts.js';
import {
  attributesOf,
  bonusPercent,
  type Standing,
  standingOf,
} from '../src/domain/explain/participant-standing.js';
import {
  type LocalDate,
  lastCompleteMonth,
  parseLocalDate,
  parseMonth,
} from '../src/domain/local-date.js';
import { parseCents } from '../src/domain/money.js';
import { csvRecords } from '../src/files/csv-records.js';
import { contractArb } from './support/contract-arbitrary.js';
import { type Programme, programmeArb, programmeFiles } from './support/programme-arbitrary.js';
import { type CaseOutput, runCase } from './support/run-engine.js';

const AS_OF = '2019-03-31' as LocalDate;
const RUNS = Number(process.env.PROPERTY_RUNS ?? 25);
const CHECK = { numRuns: RUNS, endOnFailure: true };
/** The properties that run the engine two or three times a case get fewer cases. */
const CHECK_COSTLY = { numRuns: Math.max(1, Math.round(RUNS * 0.5)), endOnFailure: true };

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

const centsOf = (text: string | undefined) => parseCents(text ?? '') as number;

interface Known {
  readonly facts: ParticipantFacts;
  readonly standing: Standing;
}

/** Each participant in the run, read from the generated rows for the in-memory reading. */
function knownParticipants(p: Programme, contract: Contract, asOf: LocalDate): Map<string, Known> {
  const months = new Map<string, Map<number, bigint>>();
  for (const row of p.employment) {
    const [key, month, , earnings] = row.split(',') as [string, string, string, string];
    const m = parseMonth(month) as number;
    if (m > lastCompleteMonth(asOf)) continue;
    const byMonth = months.get(key) ?? new Map<number, bigint>();
    byMonth.set(m, (byMonth.get(m) ?? 0n) + BigInt(centsOf(earnings)));
    months.set(key, byMonth);
  }
  const files = programmeFiles(p);
  const [header = [], ...rows] = csvRecords(files.participants);
  const events = csvRecords(files.events).slice(1);
  const known = new Map<string, Known>();
  for (const row of rows) {
    const cells = Object.fromEntries(header.map((h, i) => [h, row[i] ?? '']));
    const id = cells.participant_id as string;
    const enrolledOn = parseLocalDate(cells.enrolled_on ?? '') as LocalDate;
    if (enrolledOn > asOf) continue;
    const key = cells.person_key ?? '';
    const attributes = attributesOf(cells);
    const facts: ParticipantFacts = {
      participantId: id,
      enrolledOn,
      hasPersonKey: key !== '',
      attributes,
      events: events
        .filter((e) => e[0] === id && (e[2] as string) <= asOf)
        .map(([, type, occurredOn, value, verified, source]) => ({
          type: type as string,
          occurredOn: occurredOn as LocalDate,
          value: value ? parseDecimal(value) : null,
          verified:
            verified?.toLowerCase() === 'true' || source === 'admin' || source === 'verifier',
        })),
      months: months.get(key) ?? new Map(),
    };
    known.set(id, { facts, standing: standingOf(contract, enrolledOn, attributes) });
  }
  return known;
}

interface Payment {
  readonly version: string;
  readonly price: number;
  readonly amount: number;
  readonly status: string;
}

/**
 * Prices and caps for achievements already in cap order, written from spec §3 (Pricing and
 * Caps) for one achievement at a time, with the segment and bonus of the in-memory reading.
 */
function referencePayments(
  contract: Contract,
  rows: readonly Record<string, string>[],
  known: Map<string, Known>,
): Payment[] {
  const positions = new Map(contract.versions[0]?.outcomes.map((o, i) => [o.id, i]));
  const paidOf = new Map<string, number>();
  const paidTo = new Map<string, number>();
  let paidTotal = 0;
  return rows.map((row) => {
    const day = row.achieved_on as LocalDate;
    const version = versionOn(contract, day);
    if (day < contract.startsOn || day > contract.endsOn)
      return { version: version.id, price: 0, amount: 0, status: 'out_of_period' };
    const position = positions.get(row.outcome_id as string) as number;
    const rule = version.outcomes[position] as Rule;
    const who = known.get(row.participant_id as string) as Known;
    const count = paidOf.get(rule.id) ?? 0;
    const base = basePrice(rule, who.standing.segment, count + 1);
    const percent = bonusPercent(contract, position, day, who.facts.attributes);
    const price = Math.floor((base * (100 + percent) + 50) / 100);
    const pay = (amount: number, status: string) => {
      if (amount > 0) {
        paidOf.set(rule.id, count + 1);
        paidTo.set(who.facts.participantId, (paidTo.get(who.facts.participantId) ?? 0) + amount);
        paidTotal += amount;
      }
      return { version: version.id, price, amount, status };
    };
    if (price === 0) return pay(0, 'paid');
    const { volume, perParticipant, total } = version.caps;
    if (volume[rule.id] !== undefined && count >= (volume[rule.id] as number))
      return pay(0, 'capped_volume');
    let amount = price;
    if (perParticipant !== undefined) {
      amount = Math.max(
        0,
        Math.min(amount, perParticipant - (paidTo.get(who.facts.participantId) ?? 0)),
      );
      if (amount === 0) return pay(0, 'capped_participant');
    }
    if (total !== undefined) {
      amount = Math.max(0, Math.min(amount, total - paidTotal));
      if (amount === 0) return pay(0, 'capped_total');
    }
    return pay(amount, amount === price ? 'paid' : 'partially_capped');
  });
}

function basePrice(rule: Rule, segment: string | null, rank: number): number {
  if (rule.pricing.kind === 'tiers') {
    const tier = rule.pricing.tiers.find((t) => t.upTo === undefined || rank <= t.upTo);
    return tier?.price as number;
  }
  const price = rule.pricing.price;
  return price.kind === 'flat' ? price.amount : (price.amounts[segment as string] as number);
}

/** Cap order (spec §3): day, then participant_id by code point, then outcome position. */
function capOrderKey(contract: Contract, row: Record<string, string>): string {
  const position = contract.versions[0]?.outcomes.findIndex((o) => o.id === row.outcome_id) ?? -1;
  return JSON.stringify([
    row.achieved_on,
    [...(row.participant_id as string)].map((c) => c.codePointAt(0)),
    position,
  ]);
}

describe('engine properties', () => {
  it('generates only valid contracts, across the whole grammar', () => {
    const samples = fc.sample(contractArb, { numRuns: 300, seed: 6 });
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

  it('agrees with the in-memory reading on every participant and every payment', async () => {
    await fc.assert(
      fc.asyncProperty(programmeArb, async (p) => {
        const contract = contractOf(p.contract);
        const out = await run(p);
        const known = knownParticipants(p, contract, AS_OF);

        // Who is in the run, eligible or why not, and in which segment.
        expect(
          out.participants.map((r) => [r.participant_id, r.eligible, r.reason, r.segment]),
        ).toEqual(
          [...known.entries()]
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([id, k]) => [
              id,
              String(k.standing.ineligibleBecause === null),
              k.standing.ineligibleBecause ?? '',
              k.standing.segment ?? '',
            ]),
        );

        // Which outcomes are achieved, and when.
        const expected: string[] = [];
        for (const [id, k] of known) {
          if (k.standing.ineligibleBecause !== null) continue;
          for (const [outcome, r] of achievementDays(contract, k.facts, AS_OF))
            if (r.day) expected.push(`${id}/${outcome}/${r.day}`);
        }
        const actual = out.achievements.map(
          (a) => `${a.participant_id}/${a.outcome_id}/${a.achieved_on}`,
        );
        expect([...actual].sort()).toEqual(expected.sort());

        // Cap order, then each row's segment, version, price, amount and status.
        const keys = out.achievements.map((a) => capOrderKey(contract, a));
        expect(keys).toEqual([...keys].sort());
        const payments = referencePayments(contract, out.achievements, known);
        expect(
          out.achievements.map((a) => [
            a.segment,
            a.version,
            centsOf(a.price),
            centsOf(a.amount),
            a.status,
          ]),
        ).toEqual(
          out.achievements.map((a, i) => {
            const pay = payments[i] as Payment;
            const segment = known.get(a.participant_id as string)?.standing.segment ?? '';
            return [segment, pay.version, pay.price, pay.amount, pay.status];
          }),
        );

        // Money is never created or lost.
        const paid = centsOf(out.summary.paid);
        expect(out.participants.reduce((sum, r) => sum + centsOf(r.total_amount), 0)).toBe(paid);
        expect(out.achievements.reduce((sum, r) => sum + centsOf(r.amount), 0)).toBe(paid);
      }),
      CHECK,
    );
  });

  it('never pays past a cap in force', async () => {
    await fc.assert(
      fc.asyncProperty(programmeArb, async (p) => {
        const contract = contractOf(p.contract);
        const out = await run(p);
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
      }),
      CHECK_COSTLY,
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
      CHECK_COSTLY,
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
      CHECK_COSTLY,
    );
  });
});
