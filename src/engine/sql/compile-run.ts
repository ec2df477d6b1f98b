/**
 * SQL for the tables of one run between the participants and the cap pass: the evidence in
 * the snapshot (events and complete employment months up to the as-of date, for eligible
 * participants) and the union of every rule's achievements in cap order.
 */
import type { Contract } from '../../domain/contract/contract.js';
import { type LocalDate, lastCompleteMonth } from '../../domain/local-date.js';
import { type AttributeColumns, compileCondition } from './compile-condition.js';
import type { Dialect } from './dialect.js';

/** The people behind eligible participants, numbered so employment joins on integers. */
export const personsSql = `CREATE OR REPLACE TABLE run_persons AS
SELECT person_key, CAST(row_number() OVER (ORDER BY person_key) AS INTEGER) AS person_id
FROM (SELECT DISTINCT person_key FROM run_participants WHERE __reason IS NULL AND person_key IS NOT NULL) k`;

export const eligibleSql = `CREATE OR REPLACE TABLE run_eligible AS
SELECT p.__pidx, p.participant_id, s.person_id, p.enrolled_on
FROM run_participants p LEFT JOIN run_persons s ON s.person_key = p.person_key
WHERE p.__reason IS NULL`;

export function eventsSql(d: Dialect, asOf: LocalDate): string {
  return `CREATE OR REPLACE TABLE run_events AS
SELECT e.__pidx, i.type, i.occurred_on, i.value,
  COALESCE(i.verified, FALSE) OR COALESCE(i.source IN ('admin', 'verifier'), FALSE) AS verified
FROM input_events i JOIN run_eligible e ON e.participant_id = i.participant_id
WHERE i.occurred_on <= ${d.date(asOf)}`;
}

/**
 * Monthly earnings per person, summed over employers and repeated rows, never deduplicated;
 * only complete months up to the as-of day, only people who are eligible participants.
 */
export function monthsSql(asOf: LocalDate): string {
  return `CREATE OR REPLACE TABLE run_months AS
SELECT s.person_id, i.month AS m, SUM(i.earnings) AS cents
FROM input_employment i JOIN run_persons s ON s.person_key = i.person_key
WHERE i.month <= ${lastCompleteMonth(asOf)}
GROUP BY s.person_id, i.month`;
}

/**
 * Every achievement with what the cap pass needs, numbered in cap order: achievement day,
 * then participant_id (the dense index follows code-point order), then outcome position.
 */
export function achievementsSql(
  d: Dialect,
  contract: Contract,
  tables: readonly string[],
  columns: AttributeColumns,
): string {
  const union = tables
    .map((t, position) => `SELECT __pidx, ${position} AS outcome, achieved_on FROM ${t}`)
    .join(' UNION ALL ');
  return `CREATE OR REPLACE TABLE run_achievements AS
SELECT CAST(row_number() OVER (ORDER BY x.achieved_on, x.__pidx, x.outcome) - 1 AS INTEGER) AS ord,
  x.__pidx, CAST(x.outcome AS INTEGER) AS outcome, x.achieved_on,
  ${d.dayNumber('x.achieved_on')} AS day,
  CAST(${versionSql(d, contract, 'x.achieved_on')} AS INTEGER) AS version,
  p.__seg AS segment,
  CAST(${bonusSql(d, contract, columns)} AS INTEGER) AS bonus
FROM (${union}) x JOIN run_participants p ON p.__pidx = x.__pidx`;
}

function versionSql(d: Dialect, contract: Contract, day: string): string {
  const whens = contract.versions
    .map((v, i) => ({ v, i }))
    .filter(({ v }) => v.effectiveFrom !== null)
    .reverse()
    .map(({ v, i }) => `WHEN ${day} >= ${d.date(v.effectiveFrom as LocalDate)} THEN ${i}`);
  return whens.length === 0 ? '0' : `CASE ${whens.join(' ')} ELSE 0 END`;
}

/** Percent of bonus under the version in force on the achievement day, per outcome. */
function bonusSql(d: Dialect, contract: Contract, columns: AttributeColumns): string {
  const version = versionSql(d, contract, 'x.achieved_on');
  const whens: string[] = [];
  for (const [vi, v] of contract.versions.entries()) {
    for (const [position, rule] of v.outcomes.entries()) {
      if (rule.bonus.length === 0) continue;
      const sum = rule.bonus
        .map(
          (b) => `CASE WHEN ${compileCondition(d, b.when, columns)} THEN ${b.percent} ELSE 0 END`,
        )
        .join(' + ');
      whens.push(`WHEN ${version} = ${vi} AND x.outcome = ${position} THEN ${sum}`);
    }
  }
  return whens.length === 0 ? '0' : `CASE ${whens.join(' ')} ELSE 0 END`;
}
