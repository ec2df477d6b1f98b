/**
 * The in-memory reading of spec §3 for a whole run, to hold the SQL engine's outputs to:
 * participants' standing (src/domain/explain/participant-standing.ts), achievement days
 * (src/domain/explain/rule-check.ts), and prices and caps computed here, one achievement
 * at a time, from the spec's wording. Inputs are the same CSV texts the engine read.
 */
import { expect } from 'vitest';
import type { Contract, Rule } from '../../src/domain/contract/contract.js';
import { versionOn } from '../../src/domain/contract/versions.js';
import { parseDecimal } from '../../src/domain/decimal.js';
import { achievementDays } from '../../src/domain/explain/explain-participant.js';
import type { ParticipantFacts } from '../../src/domain/explain/participant-facts.js';
import {
  attributesOf,
  bonusPercent,
  type Standing,
  standingOf,
} from '../../src/domain/explain/participant-standing.js';
import {
  type LocalDate,
  lastCompleteMonth,
  parseLocalDate,
  parseMonth,
} from '../../src/domain/local-date.js';
import { parseCentsOrThrow } from '../../src/domain/money.js';
import { csvRecords } from '../../src/files/csv-records.js';
import type { CaseOutput } from './run-engine.js';

export interface InputTexts {
  readonly participants: string;
  readonly events: string;
  readonly employment: string;
}

export interface Known {
  readonly facts: ParticipantFacts;
  readonly standing: Standing;
}

export const centsOf = (text: string | undefined) =>
  parseCentsOrThrow(text ?? '', 'an amount in the outputs');

/** Records of a CSV text as objects keyed by its header, cells trimmed of spaces (spec §1). */
function records(text: string): Record<string, string>[] {
  const [header = [], ...rows] = csvRecords(text);
  const trim = (cell: string) => cell.replace(/^ +| +$/g, '');
  return rows
    .filter((r) => r.length > 1 || r[0] !== '')
    .map((r) => Object.fromEntries(header.map((h, i) => [h, trim(r[i] ?? '')])));
}

/** Each participant enrolled by the as-of day, with the facts and standing read in memory. */
export function knownParticipants(
  files: InputTexts,
  contract: Contract,
  asOf: LocalDate,
): Map<string, Known> {
  const months = new Map<string, Map<number, bigint>>();
  for (const row of records(files.employment)) {
    const m = parseMonth(row.month ?? '') as number;
    if (m > lastCompleteMonth(asOf)) continue;
    const key = row.person_key ?? '';
    const byMonth = months.get(key) ?? new Map<number, bigint>();
    byMonth.set(m, (byMonth.get(m) ?? 0n) + BigInt(centsOf(row.earnings)));
    months.set(key, byMonth);
  }
  const events = records(files.events);
  const known = new Map<string, Known>();
  for (const cells of records(files.participants)) {
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
        .filter((e) => e.participant_id === id && (e.occurred_on as string) <= asOf)
        .map((e) => ({
          type: e.type as string,
          occurredOn: e.occurred_on as LocalDate,
          value: e.value ? parseDecimal(e.value) : null,
          verified:
            e.verified?.toLowerCase() === 'true' || e.source === 'admin' || e.source === 'verifier',
        })),
      months: months.get(key) ?? new Map(),
    };
    known.set(id, { facts, standing: standingOf(contract, enrolledOn, attributes) });
  }
  return known;
}

export interface Payment {
  readonly version: string;
  readonly price: number;
  readonly amount: number;
  readonly status: string;
}

/**
 * Prices and caps for achievements already in cap order, from spec §3 (Pricing and Caps),
 * with the segment and bonus of the in-memory reading.
 */
export function referencePayments(
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
    const id = who.facts.participantId;
    const count = paidOf.get(rule.id) ?? 0;
    const base = basePrice(rule, who.standing.segment, count + 1);
    const percent = bonusPercent(contract, position, day, who.facts.attributes);
    const price = Math.floor((base * (100 + percent) + 50) / 100);
    const pay = (amount: number, status: string): Payment => {
      if (amount > 0) {
        paidOf.set(rule.id, count + 1);
        paidTo.set(id, (paidTo.get(id) ?? 0) + amount);
        paidTotal += amount;
      }
      return { version: version.id, price, amount, status };
    };
    if (price === 0) return pay(0, 'paid');
    const { volume, perParticipant, total } = version.caps;
    const places = volume[rule.id];
    if (places !== undefined && count >= places) return pay(0, 'capped_volume');
    let amount = price;
    if (perParticipant !== undefined) {
      amount = Math.max(0, Math.min(amount, perParticipant - (paidTo.get(id) ?? 0)));
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

/** Compares texts by Unicode code point (JavaScript's `<` compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0) as number);
  const y = [...b].map((c) => c.codePointAt(0) as number);
  for (let i = 0; i < Math.min(x.length, y.length); i++)
    if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  return x.length - y.length;
}

/** Cap order (spec §3): day, then participant_id by code point, then outcome position. */
function compareCapOrder(contract: Contract, a: Record<string, string>, b: Record<string, string>) {
  const position = (r: Record<string, string>) =>
    contract.versions[0]?.outcomes.findIndex((o) => o.id === r.outcome_id) ?? -1;
  return (
    (a.achieved_on as string).localeCompare(b.achieved_on as string) ||
    compareCodePoints(a.participant_id as string, b.participant_id as string) ||
    position(a) - position(b)
  );
}

/**
 * Expects the engine's outputs to be what the in-memory reading gives: the participants,
 * each one's eligibility, reason and segment; the achievements and their days, in cap order;
 * each achievement's segment, version, price, amount and status; and totals that add up.
 */
export function expectAgreement(
  contract: Contract,
  files: InputTexts,
  asOf: LocalDate,
  out: CaseOutput,
): void {
  const known = knownParticipants(files, contract, asOf);
  expect(out.participants.map((r) => [r.participant_id, r.eligible, r.reason, r.segment])).toEqual(
    [...known.entries()]
      .sort(([a], [b]) => compareCodePoints(a, b))
      .map(([id, k]) => [
        id,
        String(k.standing.ineligibleBecause === null),
        k.standing.ineligibleBecause ?? '',
        k.standing.segment ?? '',
      ]),
  );

  const expected: string[] = [];
  for (const [id, k] of known) {
    if (k.standing.ineligibleBecause !== null) continue;
    for (const [outcome, r] of achievementDays(contract, k.facts, asOf))
      if (r.day) expected.push(JSON.stringify([id, outcome, r.day]));
  }
  const actual = out.achievements.map((a) =>
    JSON.stringify([a.participant_id, a.outcome_id, a.achieved_on]),
  );
  expect([...actual].sort()).toEqual(expected.sort());

  const inCapOrder = [...out.achievements].sort((a, b) => compareCapOrder(contract, a, b));
  expect(out.achievements).toEqual(inCapOrder);
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

  expectTotalsAddUp(out);
}

/**
 * Each participant's total_amount is the sum of its rows' amounts in achievements.csv, and
 * the summary's paid is the sum of all: added up here, in bigint from the two-decimal text,
 * independently of the engine and of src/domain/money.ts.
 */
export function expectTotalsAddUp(out: CaseOutput): void {
  const sums = new Map(out.participants.map((r) => [r.participant_id as string, 0n]));
  for (const a of out.achievements) {
    const id = a.participant_id as string;
    const sum = sums.get(id);
    if (sum === undefined) throw new Error(`achievement of ${id}, who is not in participants.csv`);
    sums.set(id, sum + exactCents(a.amount));
  }
  expect(out.participants.map((r) => [r.participant_id, exactCents(r.total_amount)])).toEqual(
    out.participants.map((r) => [r.participant_id, sums.get(r.participant_id as string)]),
  );
  const paid = [...sums.values()].reduce((a, b) => a + b, 0n);
  expect(exactCents(out.summary.paid)).toBe(paid);
}

/** `"12.30"` → 1230n; anything but an amount with exactly two decimals fails the test. */
function exactCents(text: string | undefined): bigint {
  if (text === undefined || !/^-?[0-9]+\.[0-9]{2}$/.test(text)) {
    throw new Error(`${JSON.stringify(text)} is not an amount with exactly two decimals`);
  }
  return BigInt(text.replace('.', ''));
}
