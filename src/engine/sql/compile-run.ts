/**
 * SQL for the tables of one run between the participants and the cap pass: the evidence in
 * the snapshot (events and complete employment months up to the as-of date, for eligible
 * participants) and the union of every rule's achievements in cap order.
 */
import type { Contract } from '../../domain/contract/contract.js';
import { type LocalDate, lastCompleteMonth } from '../../domain/local-date.js';
import { type AttributeColumns, compileCondition } from './compile-condition.js';
import {
  allOf,
  anyOf,
  caseWhen,
  type Dialect,
  duckdb,
  emptyRelation,
  holds,
  inList,
  rowIndex,
  rowNumber,
  select,
  subquery,
  sumOf,
  unionAll,
} from './dialect.js';

// personsSql, eligibleSql and monthsSql take no dialect argument (evaluate.ts runs them as
// they are); their only dialect-specific parts are creating the table and literals.

/** The people behind eligible participants, numbered so employment joins on integers. */
export const personsSql = duckdb.createTable(
  'run_persons',
  select({
    columns: ['person_key', `${duckdb.cast(rowNumber(['person_key']), 'INTEGER')} AS person_id`],
    from: subquery(
      select({
        columns: ['DISTINCT person_key'],
        from: 'run_participants',
        where: ['__reason IS NULL', 'person_key IS NOT NULL'],
      }),
      'k',
    ),
  }),
);

export const eligibleSql = duckdb.createTable(
  'run_eligible',
  select({
    columns: ['p.__pidx', 'p.participant_id', 's.person_id', 'p.enrolled_on'],
    from: 'run_participants p',
    joins: [{ left: true, to: 'run_persons s', on: ['s.person_key = p.person_key'] }],
    where: ['p.__reason IS NULL'],
  }),
);

export function eventsSql(d: Dialect, asOf: LocalDate): string {
  const bySource = holds(
    inList(
      'i.source',
      ['admin', 'verifier'].map((s) => d.string(s)),
    ),
  );
  return d.createTable(
    'run_events',
    select({
      columns: [
        'e.__pidx',
        'i.type',
        'i.occurred_on',
        'i.value',
        `${anyOf([holds('i.verified'), bySource])} AS verified`,
      ],
      from: 'input_events i',
      joins: [{ to: 'run_eligible e', on: ['e.participant_id = i.participant_id'] }],
      where: [`i.occurred_on <= ${d.date(asOf)}`],
    }),
  );
}

/**
 * Monthly earnings per person, summed over employers and repeated rows, never deduplicated;
 * only complete months up to the as-of day, only people who are eligible participants.
 */
export function monthsSql(asOf: LocalDate): string {
  return duckdb.createTable(
    'run_months',
    select({
      columns: ['s.person_id', 'i.month AS m', 'SUM(i.earnings) AS cents'],
      from: 'input_employment i',
      joins: [{ to: 'run_persons s', on: ['s.person_key = i.person_key'] }],
      where: [`i.month <= ${duckdb.integer(lastCompleteMonth(asOf))}`],
      groupBy: ['s.person_id', 'i.month'],
    }),
  );
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
  const union = unionAll(
    tables.map((t, position) =>
      select({
        columns: ['__pidx', `${d.integer(position)} AS outcome`, 'achieved_on'],
        from: d.ident(t),
      }),
    ),
    emptyRelation([
      [d.cast('NULL', 'INTEGER'), '__pidx'],
      ['0', 'outcome'],
      [d.cast('NULL', 'DATE'), 'achieved_on'],
    ]),
  );
  return d.createTable(
    'run_achievements',
    select({
      columns: [
        `${d.cast(rowIndex(['x.achieved_on', 'x.__pidx', 'x.outcome']), 'INTEGER')} AS ord`,
        'x.__pidx',
        `${d.cast('x.outcome', 'INTEGER')} AS outcome`,
        'x.achieved_on',
        `${d.dayNumber('x.achieved_on')} AS day`,
        `${d.cast(versionSql(d, contract, 'x.achieved_on'), 'INTEGER')} AS version`,
        'p.__seg AS segment',
        `${d.cast(bonusSql(d, contract, columns), 'INTEGER')} AS bonus`,
      ],
      from: subquery(union, 'x'),
      joins: [{ to: 'run_participants p', on: ['p.__pidx = x.__pidx'] }],
    }),
  );
}

/** The index of the version in force on a day: the latest whose effective_from is reached. */
function versionSql(d: Dialect, contract: Contract, day: string): string {
  const branches = contract.versions
    .map((v, i) => ({ from: v.effectiveFrom, i }))
    .filter((v): v is { from: LocalDate; i: number } => v.from !== null)
    .reverse()
    .map(({ from, i }) => ({ when: `${day} >= ${d.date(from)}`, value: d.integer(i) }));
  return caseWhen(branches, '0');
}

/** Percent of bonus under the version in force on the achievement day, per outcome. */
function bonusSql(d: Dialect, contract: Contract, columns: AttributeColumns): string {
  const version = versionSql(d, contract, 'x.achieved_on');
  const branches = contract.versions.flatMap((v, vi) =>
    v.outcomes
      .map((rule, position) => ({ rule, position }))
      .filter(({ rule }) => rule.bonus.length > 0)
      .map(({ rule, position }) => ({
        when: allOf([`${version} = ${d.integer(vi)}`, `x.outcome = ${d.integer(position)}`]),
        value: sumOf(
          rule.bonus.map((b) =>
            caseWhen(
              [{ when: compileCondition(d, b.when, columns), value: d.integer(b.percent) }],
              '0',
            ),
          ),
        ),
      })),
  );
  return caseWhen(branches, '0');
}
