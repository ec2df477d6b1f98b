/**
 * SQL for the participants of a run (spec §3): who is in the snapshot at the as-of date,
 * their age at enrolment, segment, and whether they are eligible and why not.
 */
import type { Contract } from '../../domain/contract/contract.js';
import type { LocalDate } from '../../domain/local-date.js';
import { type AttributeColumns, compileCondition } from './compile-condition.js';
import {
  type Branch,
  between,
  caseWhen,
  type Dialect,
  not,
  rowIndex,
  select,
  subquery,
} from './dialect.js';

/** The ineligibility reason, NULL for an eligible participant; the first failure is named. */
export function reasonSql(d: Dialect, contract: Contract, columns: AttributeColumns): string {
  const { from, to } = contract.enrolment;
  const branches: Branch[] = [
    {
      when: not(between('p.enrolled_on', d.date(from), d.date(to))),
      value: d.string('enrolled outside the enrolment window'),
    },
    ...contract.eligibility.map((c) => ({
      when: not(compileCondition(d, c, columns)),
      value: d.string(`fails eligibility on ${c.attribute}`),
    })),
  ];
  return caseWhen(branches, 'NULL');
}

/**
 * The segment id, and its position for the cap pass; NULL and −1 without segments. First
 * match wins, and a segment without `when` matches everyone, so it ends the search.
 */
export function segmentSql(
  d: Dialect,
  contract: Contract,
  columns: AttributeColumns,
): { id: string; index: string } {
  const catchAll = contract.segments.findIndex((s) => s.when === undefined);
  const tested = catchAll < 0 ? contract.segments : contract.segments.slice(0, catchAll);
  const branch = (value: (i: number, id: string) => string, none: string) =>
    caseWhen(
      tested.map((s, i) => ({
        when: s.when ? compileCondition(d, s.when, columns) : 'TRUE',
        value: value(i, s.id),
      })),
      catchAll < 0 ? none : value(catchAll, (contract.segments[catchAll] as { id: string }).id),
    );
  return {
    id: branch((_, id) => d.string(id), d.cast('NULL', d.textType)),
    index: branch((i) => d.integer(i), '-1'),
  };
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
  const withAge = select({
    columns: ['i.*', `${d.wholeYears('birth_date', 'enrolled_on')} AS __age`],
    from: 'input_participants i',
    where: [enrolled],
  });
  const numbered = select({
    columns: ['participant_id', `${d.cast(rowIndex(['participant_id']), 'INTEGER')} AS __pidx`],
    from: 'input_participants',
    where: [enrolled],
  });
  return d.createTable(
    'run_participants',
    select({
      columns: [
        'ids.__pidx',
        'p.*',
        `${reasonSql(d, contract, columns)} AS __reason`,
        `${segment.id} AS __segment`,
        `${d.cast(segment.index, 'INTEGER')} AS __seg`,
      ],
      from: subquery(withAge, 'p'),
      joins: [{ to: subquery(numbered, 'ids'), on: ['ids.participant_id = p.participant_id'] }],
    }),
  );
}
