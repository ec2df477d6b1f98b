/**
 * SQL that writes achievements.csv and participants.csv (spec §4) from the run tables and
 * the cap pass results in `run_payments(price, amount, status)`, row i for achievement ord i. Amounts are integer
 * cents formatted as decimals with two places, never through a float.
 */

import { STATUSES } from '../../domain/cap-pass.js';
import type { Contract } from '../../domain/contract/contract.js';
import { caseWhen, coalesce, type Dialect, duckdb, pickByIndex, select } from './dialect.js';

/**
 * Cents as a two-decimal amount: an exact decimal product, printed with both places. Every
 * amount is below 2^53 cents (domain/money.ts), so 18 digits hold it; DECIMAL(38,0) printed
 * the same and cost four times as much (0.09 s of 151,379 achievements).
 */
const money = (d: Dialect, cents: string) =>
  `${d.cast(cents, 'DECIMAL(18,0)')} * ${d.cast('0.01', 'DECIMAL(3,2)')}`;

/** The name at an index; an index outside the list cannot occur (NULL if it ever did). */
const pick = (d: Dialect, index: string, names: readonly string[]) =>
  pickByIndex(
    index,
    names.map((n) => d.string(n)),
    d.cast('NULL', d.textType),
  );

/** Achievements with their payment (row `ord` of run_payments) and participant. */
const paid = {
  from: 'run_achievements a',
  pay: { to: 'run_payments pay', on: ['pay.rowid = a.ord'] },
  participant: { to: 'run_participants p', on: ['p.__pidx = a.__pidx'] },
};

export function achievementsCsvSql(d: Dialect, contract: Contract, path: string): string {
  const outcomes = contract.versions[0]?.outcomes.map((o) => o.id) ?? [];
  const versions = contract.versions.map((v) => v.id);
  const query = select({
    columns: [
      'p.participant_id',
      'p.provider_id',
      'p.__segment AS segment',
      `${pick(d, 'a.outcome', outcomes)} AS outcome_id`,
      // DuckDB writes a DATE as YYYY-MM-DD, every day being in 1900–2100; strftime cost a
      // third of writing the file.
      'a.achieved_on',
      `${pick(d, 'a.version', versions)} AS version`,
      `${money(d, 'pay.price')} AS price`,
      `${money(d, 'pay.amount')} AS amount`,
      `${pick(d, 'pay.status', STATUSES)} AS status`,
    ],
    from: paid.from,
    joins: [paid.pay, paid.participant],
    orderBy: ['a.ord'],
  });
  return d.copyToCsv(query, path);
}

// The statements below take no dialect argument (evaluate.ts runs them as constants); only
// creating the table is dialect-specific.

export const participantTotalsSql = duckdb.createTable(
  'run_totals',
  select({
    columns: ['a.__pidx', 'SUM(pay.amount) AS total'],
    from: paid.from,
    joins: [paid.pay],
    groupBy: ['a.__pidx'],
  }),
);

export function participantsCsvSql(d: Dialect, path: string): string {
  const eligible = caseWhen(
    [{ when: 'p.__reason IS NULL', value: d.string('true') }],
    d.string('false'),
  );
  const query = select({
    columns: [
      'p.participant_id',
      `${eligible} AS eligible`,
      'p.__reason AS reason',
      'p.__segment AS segment',
      `${money(d, coalesce('t.total', '0'))} AS total_amount`,
    ],
    from: 'run_participants p',
    joins: [{ left: true, to: 'run_totals t', on: ['t.__pidx = p.__pidx'] }],
    orderBy: ['p.__pidx'],
  });
  return d.copyToCsv(query, path);
}

export const providerTotalsSql = select({
  columns: ['p.provider_id', `${duckdb.cast(coalesce('SUM(t.total)', '0'), 'BIGINT')} AS total`],
  from: 'run_participants p',
  joins: [{ left: true, to: 'run_totals t', on: ['t.__pidx = p.__pidx'] }],
  groupBy: ['p.provider_id'],
});
