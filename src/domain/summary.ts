/**
 * The run summary (spec §4, summary.json): totals by outcome, provider and status, and the
 * headroom left under the caps in force on the as-of date. Keys are sorted by code point so
 * the JSON is byte-identical from run to run.
 *
 * `warnings` lists what the inputs lacked that the contract uses (an attribute no column
 * has, say): each a catalogue code, its English text and its parameters. The key is there
 * only when there is a warning, so the summary of a run without any is the same as before
 * warnings existed.
 */

import type { AchievementColumns, PaymentColumns } from './cap-pass.js';
import { STATUSES } from './cap-pass.js';
import type { Contract } from './contract/contract.js';
import { versionOn, versionsInForce } from './contract/versions.js';
import type { LocalDate } from './local-date.js';
import type { Params } from './messages/render.js';
import { add, type Cents, cents, formatCents, maxCents, subtract, ZERO } from './money.js';

export interface SummaryFacts {
  readonly contract: Contract;
  readonly asOf: LocalDate;
  readonly participants: { readonly total: number; readonly eligible: number };
  readonly achievements: AchievementColumns;
  readonly payments: PaymentColumns;
  /** Amount paid per provider id, every provider of the run's participants included. */
  readonly byProvider: ReadonlyMap<string, Cents>;
  /** SHA-256 of the contract and of each input file, by role. */
  readonly inputs: Readonly<Record<string, string>>;
  /** What the inputs lacked that the contract uses, in a fixed order. */
  readonly warnings?: readonly SummaryWarning[];
}

/** A warning about the inputs: the run went on, but its bill may not be what was meant. */
export interface SummaryWarning {
  readonly code: string;
  readonly message: string;
  readonly params?: Params;
}

export interface Summary {
  contract: string;
  as_of: string;
  versions: string[];
  participants: { total: number; eligible: number };
  paid: string;
  by_outcome: Record<string, string>;
  by_provider: Record<string, string>;
  by_status: Record<string, { count: number; amount: string }>;
  headroom: { total?: string; volume?: Record<string, number> };
  inputs: Record<string, string>;
  warnings?: SummaryWarning[];
}

export function buildSummary(f: SummaryFacts): Summary {
  const outcomes = f.contract.versions[0]?.outcomes.map((o) => o.id) ?? [];
  const byOutcome = outcomes.map(() => ZERO);
  const paidCount = new Array<number>(outcomes.length).fill(0);
  const byStatus = STATUSES.map(() => ({ count: 0, amount: ZERO }));
  let paid = ZERO;
  for (let i = 0; i < f.achievements.count; i++) {
    const amount = cents(f.payments.amount[i] as number);
    const o = f.achievements.outcome[i] as number;
    const s = byStatus[f.payments.status[i] as number] as { count: number; amount: Cents };
    byOutcome[o] = add(byOutcome[o] as Cents, amount);
    if (amount > 0) paidCount[o] = (paidCount[o] as number) + 1;
    s.count++;
    s.amount = add(s.amount, amount);
    paid = add(paid, amount);
  }
  return {
    contract: f.contract.id,
    as_of: f.asOf,
    versions: versionsInForce(f.contract, f.contract.startsOn, f.asOf),
    participants: { ...f.participants },
    paid: formatCents(paid),
    by_outcome: sortedRecord(outcomes.map((id, i) => [id, formatCents(byOutcome[i] as Cents)])),
    by_provider: sortedRecord([...f.byProvider].map(([id, amount]) => [id, formatCents(amount)])),
    by_status: sortedRecord(
      STATUSES.flatMap((name, i) => {
        const s = byStatus[i] as { count: number; amount: Cents };
        return s.count > 0
          ? [[name, { count: s.count, amount: formatCents(s.amount) }] as const]
          : [];
      }),
    ),
    headroom: headroom(f.contract, f.asOf, paid, outcomes, paidCount),
    inputs: { ...f.inputs },
    ...(f.warnings && f.warnings.length > 0 ? { warnings: [...f.warnings] } : {}),
  };
}

function headroom(
  contract: Contract,
  asOf: LocalDate,
  paid: Cents,
  outcomes: string[],
  paidCount: number[],
) {
  const caps = versionOn(contract, asOf).caps;
  const out: Summary['headroom'] = {};
  if (caps.total !== undefined) out.total = formatCents(maxCents(ZERO, subtract(caps.total, paid)));
  const volume = Object.entries(caps.volume);
  if (volume.length > 0) {
    out.volume = sortedRecord(
      volume.map(([id, cap]) => [id, Math.max(0, cap - (paidCount[outcomes.indexOf(id)] ?? 0))]),
    );
  }
  return out;
}

function sortedRecord<T>(entries: readonly (readonly [string, T])[]): Record<string, T> {
  const sorted = [...entries].sort(([a], [b]) => compareCodePoints(a, b));
  return Object.fromEntries(sorted);
}

/** Orders strings by Unicode code point (JavaScript's `<` compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const cx = (x[i] as string).codePointAt(0) as number;
    const cy = (y[i] as string).codePointAt(0) as number;
    if (cx !== cy) return cx - cy;
  }
  return x.length - y.length;
}

export function summaryJson(summary: Summary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}
