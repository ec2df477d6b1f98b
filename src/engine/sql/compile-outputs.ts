/**
 * SQL that writes achievements.csv and participants.csv (spec §4) from the run tables and
 * the cap pass results in `run_payments(price, amount, status)`, row i for achievement ord i. Amounts are integer
 * cents formatted as decimals with two places, never through a float.
 */

import { STATUSES } from '../../domain/cap-pass.js';
import type { Contract } from '../../domain/contract/contract.js';
import type { Dialect } from './dialect.js';

/** Cents as a two-decimal amount: an exact decimal product, printed with both places. */
const money = (cents: string) => `CAST(${cents} AS DECIMAL(38,0)) * CAST(0.01 AS DECIMAL(3,2))`;

const pick = (d: Dialect, index: string, names: readonly string[]) =>
  `CASE ${index} ${names.map((n, i) => `WHEN ${i} THEN ${d.string(n)}`).join(' ')} END`;

const copyOptions = "(FORMAT csv, HEADER true, DELIMITER ',', QUOTE '\"', NEW_LINE '\\n')";

export function achievementsCsvSql(d: Dialect, contract: Contract, path: string): string {
  const outcomes = contract.versions[0]?.outcomes.map((o) => o.id) ?? [];
  const versions = contract.versions.map((v) => v.id);
  return `COPY (
SELECT p.participant_id, p.provider_id, p.__segment AS segment,
  ${pick(d, 'a.outcome', outcomes)} AS outcome_id,
  strftime(a.achieved_on, '%Y-%m-%d') AS achieved_on,
  ${pick(d, 'a.version', versions)} AS version,
  ${money('pay.price')} AS price, ${money('pay.amount')} AS amount,
  ${pick(d, 'pay.status', STATUSES)} AS status
FROM run_achievements a JOIN run_payments pay ON pay.rowid = a.ord JOIN run_participants p ON p.__pidx = a.__pidx
ORDER BY a.ord
) TO ${d.string(path)} ${copyOptions}`;
}

export const participantTotalsSql = `CREATE OR REPLACE TABLE run_totals AS
SELECT a.__pidx, SUM(pay.amount) AS total FROM run_achievements a JOIN run_payments pay ON pay.rowid = a.ord GROUP BY a.__pidx`;

export function participantsCsvSql(d: Dialect, path: string): string {
  return `COPY (
SELECT p.participant_id, CASE WHEN p.__reason IS NULL THEN 'true' ELSE 'false' END AS eligible,
  p.__reason AS reason, p.__segment AS segment, ${money('COALESCE(t.total, 0)')} AS total_amount
FROM run_participants p LEFT JOIN run_totals t ON t.__pidx = p.__pidx
ORDER BY p.__pidx
) TO ${d.string(path)} ${copyOptions}`;
}

export const providerTotalsSql = `SELECT p.provider_id, CAST(COALESCE(SUM(t.total), 0) AS BIGINT) AS total
FROM run_participants p LEFT JOIN run_totals t ON t.__pidx = p.__pidx GROUP BY p.provider_id`;
