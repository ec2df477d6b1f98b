/**
 * SQL for the participants of a run (spec §3): who is in the snapshot at the as-of date,
 * their age at enrolment, segment, and whether they are eligible and why not.
 */
import type { Contract } from '../../domain/contract/contract.js';
import type { LocalDate } from '../../domain/local-date.js';
import { type AttributeColumns, compileCondition } from './compile-condition.js';
import type { Dialect } from './dialect.js';

/** Whole years from birth_date to enrolled_on; (month, day) pairs put 29 February on 1 March. */
function ageSql(): string {
  const md = (c: string) => `(EXTRACT(MONTH FROM ${c}) * 100 + EXTRACT(DAY FROM ${c}))`;
  return `CAST(EXTRACT(YEAR FROM enrolled_on) - EXTRACT(YEAR FROM birth_date) - CASE WHEN ${md('enrolled_on')} < ${md('birth_date')} THEN 1 ELSE 0 END AS INTEGER)`;
}

export function reasonSql(d: Dialect, contract: Contract, columns: AttributeColumns): string {
  const { from, to } = contract.enrolment;
  const whens = [
    `WHEN p.enrolled_on NOT BETWEEN ${d.date(from)} AND ${d.date(to)} THEN 'enrolled outside the enrolment window'`,
    ...contract.eligibility.map(
      (c) =>
        `WHEN NOT ${compileCondition(d, c, columns)} THEN ${d.string(`fails eligibility on ${c.attribute}`)}`,
    ),
  ];
  return `CASE ${whens.join(' ')} END`;
}

/** The segment id, and its position for the cap pass; NULL and −1 without segments. */
export function segmentSql(
  d: Dialect,
  contract: Contract,
  columns: AttributeColumns,
): { id: string; index: string } {
  if (contract.segments.length === 0) return { id: 'CAST(NULL AS VARCHAR)', index: '-1' };
  const branch = (value: (i: number, id: string) => string) =>
    `CASE ${contract.segments
      .map((s, i) =>
        s.when
          ? `WHEN ${compileCondition(d, s.when, columns)} THEN ${value(i, s.id)}`
          : `ELSE ${value(i, s.id)}`,
      )
      .join(' ')} END`;
  return { id: branch((_, id) => d.string(id)), index: branch((i) => String(i)) };
}

/**
 * Participants enrolled on or before the as-of date, numbered in participant_id code-point
 * order (the numbering is the dense index the cap pass uses), with attributes kept. The
 * numbering sorts the ids alone and is joined back: sorting whole rows costs twice as much.
 */
export function participantsSql(
  d: Dialect,
  contract: Contract,
  asOf: LocalDate,
  columns: AttributeColumns,
): string {
  const segment = segmentSql(d, contract, columns);
  const enrolled = `enrolled_on <= ${d.date(asOf)}`;
  return `CREATE OR REPLACE TABLE run_participants AS
SELECT ids.__pidx, p.*,
  ${reasonSql(d, contract, columns)} AS __reason,
  ${segment.id} AS __segment,
  CAST(${segment.index} AS INTEGER) AS __seg
FROM (SELECT i.*, ${ageSql()} AS __age FROM input_participants i WHERE ${enrolled}) p
JOIN (SELECT participant_id, CAST(row_number() OVER (ORDER BY participant_id) - 1 AS INTEGER) AS __pidx
  FROM input_participants WHERE ${enrolled}) ids ON ids.participant_id = p.participant_id`;
}
