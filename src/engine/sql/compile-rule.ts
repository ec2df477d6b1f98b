/**
 * Compiles one outcome rule to SQL that finds, per eligible participant, the day it is first
 * achieved (spec §3, per kind). A rule amended during delivery is a list of pieces, each
 * the rule in force over an interval; a piece only counts evidence dated in its interval,
 * and the achievement is the earliest day over all pieces.
 *
 * Inputs: `run_eligible(__pidx, person_id, enrolled_on)`, `run_events(__pidx, type,
 * occurred_on, value, verified)`, `run_months(person_id, m, cents)` (monthly sums, complete
 * months up to the as-of date), and `achieved_<position>(__pidx, achieved_on)` of earlier rules.
 */
import type {
  AssessmentGainRule,
  EarningsThresholdRule,
  EmploymentStartRule,
  EmploymentSustainedRule,
  EventRule,
  Rule,
} from '../../domain/contract/contract.js';
import type { RulePiece } from '../../domain/contract/versions.js';
import { ceilHundredths } from '../../domain/decimal.js';
import { type LocalDate, lastCompleteMonth, monthIndex } from '../../domain/local-date.js';
import {
  between,
  type Dialect,
  emptyRelation,
  greatest,
  least,
  over,
  rowNumber,
  select,
  subquery,
  unionAll,
} from './dialect.js';

export interface RuleTarget {
  /** Table name of this rule's achievements. */
  readonly table: string;
  /** Table name of the anchor rule's achievements, or null when anchored on enrolment. */
  readonly anchorTable: string | null;
}

const MONTH_KINDS = new Set<Rule['kind']>([
  'employment_start',
  'employment_sustained',
  'earnings_threshold',
]);

/** A relation with the achievement columns and no rows, for a rule with no live piece. */
const nothingFound = (d: Dialect) =>
  emptyRelation([
    [d.cast('NULL', 'INTEGER'), '__pidx'],
    [d.cast('NULL', 'DATE'), 'day'],
  ]);

export function compileRule(
  d: Dialect,
  pieces: readonly RulePiece[],
  asOf: LocalDate,
  target: RuleTarget,
): string {
  const live = pieces.filter((p) => p.from === null || p.from <= asOf);
  const kind = (live[0] ?? pieces[0])?.rule.kind;
  const byMonth = kind !== undefined && MONTH_KINDS.has(kind) && live.length > 0;
  const found = unionAll(
    live.map((p) => pieceSql(d, p, asOf)),
    nothingFound(d),
  );
  return d.createTable(
    target.table,
    select({
      with: [{ name: 'anchors', query: anchorsSql(d, target.anchorTable) }],
      columns: ['__pidx', `${byMonth ? d.monthEnd('MIN(m)') : 'MIN(day)'} AS achieved_on`],
      from: subquery(found, 'f'),
      groupBy: ['__pidx'],
    }),
  );
}

/** Each eligible participant's anchor day `a` and its month index `ma`. */
function anchorsSql(d: Dialect, anchorTable: string | null): string {
  const anchor = anchorTable
    ? select({
        columns: ['e.__pidx', 'e.person_id', 'x.achieved_on AS a'],
        from: 'run_eligible e',
        joins: [{ to: `${d.ident(anchorTable)} x`, on: ['x.__pidx = e.__pidx'] }],
      })
    : select({ columns: ['__pidx', 'person_id', 'enrolled_on AS a'], from: 'run_eligible' });
  return select({
    columns: ['__pidx', 'person_id', 'a', `${d.cast(d.monthIndex('a'), 'INTEGER')} AS ma`],
    from: subquery(anchor, 'z'),
  });
}

function pieceSql(d: Dialect, piece: RulePiece, asOf: LocalDate): string {
  const days = dayBounds(d, piece);
  const months = monthBounds(piece, asOf);
  const rule = piece.rule;
  switch (rule.kind) {
    case 'event':
      return eventSql(d, rule, days);
    case 'employment_start':
      return employmentStartSql(d, rule, months);
    case 'employment_sustained':
      return employmentSustainedSql(d, rule, months);
    case 'earnings_threshold':
      return earningsThresholdSql(d, rule, months);
    case 'assessment_gain':
      return assessmentGainSql(d, rule, days);
  }
}

/** Conditions on a day column `col` that keep it within the piece's interval. */
function dayBounds(d: Dialect, piece: RulePiece): (col: string) => string[] {
  return (col) => [
    ...(piece.from ? [`${col} >= ${d.date(piece.from)}`] : []),
    ...(piece.to ? [`${col} <= ${d.date(piece.to)}`] : []),
  ];
}

/** Months judged by this piece: those whose last day falls in its interval, up to as-of. */
interface MonthBounds {
  readonly first: number | null;
  readonly last: number;
}

function monthBounds(piece: RulePiece, asOf: LocalDate): MonthBounds {
  const asOfMonth = lastCompleteMonth(asOf);
  const last = piece.to ? Math.min(lastCompleteMonth(piece.to), asOfMonth) : asOfMonth;
  return { first: piece.from ? monthIndex(piece.from) : null, last };
}

/** The month `m`, or the piece's first month when that is later. */
const startOf = (d: Dialect, b: MonthBounds, m: string) =>
  b.first === null ? m : greatest(m, d.integer(b.first));

function windowEnd(d: Dialect, withinDays: number | undefined): string[] {
  return withinDays === undefined ? [] : [`ev.occurred_on <= ${d.addDays('an.a', withinDays)}`];
}

const eventsOfAnchors = { to: 'run_events ev', on: ['ev.__pidx = an.__pidx'] };
const monthsOfAnchors = { to: 'run_months pm', on: ['pm.person_id = an.person_id'] };

function eventSql(d: Dialect, rule: EventRule, days: (col: string) => string[]): string {
  return select({
    columns: ['an.__pidx', 'MIN(ev.occurred_on) AS day'],
    from: 'anchors an',
    joins: [eventsOfAnchors],
    where: [
      `ev.type = ${d.string(rule.event)}`,
      'ev.occurred_on >= an.a',
      ...windowEnd(d, rule.withinDays),
      ...days('ev.occurred_on'),
      ...(rule.minValue ? [`ev.value >= ${d.decimal(rule.minValue)}`] : []),
      ...(rule.verifiedOnly ? ['ev.verified'] : []),
    ],
    groupBy: ['an.__pidx'],
  });
}

function employmentStartSql(d: Dialect, rule: EmploymentStartRule, b: MonthBounds): string {
  return select({
    columns: ['an.__pidx', 'MIN(pm.m) AS m'],
    from: 'anchors an',
    joins: [monthsOfAnchors],
    where: [
      'pm.m > an.ma',
      ...(rule.withinDays === undefined
        ? []
        : [`pm.m <= ${d.monthIndex(d.addDays('an.a', rule.withinDays))}`]),
      ...(b.first === null ? [] : [`pm.m >= ${d.integer(b.first)}`]),
      `pm.m <= ${d.integer(b.last)}`,
      `pm.cents >= ${d.integer(ceilHundredths(rule.minEarnings))}`,
    ],
    groupBy: ['an.__pidx'],
  });
}

function employmentSustainedSql(d: Dialect, rule: EmploymentSustainedRule, b: MonthBounds): string {
  const first = `an.ma + ${d.integer(rule.skipMonths)}`;
  const last = `an.ma + ${d.integer(rule.skipMonths + rule.ofMonths - 1)}`;
  const ranked = select({
    columns: [
      'an.__pidx',
      'pm.m',
      `${last} AS window_end`,
      `${rowNumber(['pm.m'], ['an.__pidx'])} AS employed`,
    ],
    from: 'anchors an',
    joins: [monthsOfAnchors],
    where: [
      between('pm.m', first, last),
      `pm.cents >= ${d.integer(ceilHundredths(rule.minEarnings))}`,
    ],
  });
  const m = startOf(d, b, 'w.m');
  return select({
    columns: ['w.__pidx', `${m} AS m`],
    from: subquery(ranked, 'w'),
    where: [
      `w.employed = ${d.integer(rule.months)}`,
      `${m} <= ${least('w.window_end', d.integer(b.last))}`,
    ],
  });
}

function earningsThresholdSql(d: Dialect, rule: EarningsThresholdRule, b: MonthBounds): string {
  const last = `an.ma + ${d.integer(rule.withinMonths)}`;
  const running = select({
    columns: [
      'an.__pidx',
      'pm.m',
      `${last} AS window_end`,
      `${over('SUM(pm.cents)', { partitionBy: ['an.__pidx'], orderBy: ['pm.m'], upToCurrentRow: true })} AS cumulative`,
    ],
    from: 'anchors an',
    joins: [monthsOfAnchors],
    where: [between('pm.m', 'an.ma + 1', last)],
  });
  const m = startOf(d, b, 'MIN(w.m)');
  return select({
    columns: ['w.__pidx', `${m} AS m`],
    from: subquery(running, 'w'),
    where: [`w.cumulative >= ${d.integer(ceilHundredths(rule.totalEarnings))}`],
    groupBy: ['w.__pidx', 'w.window_end'],
    having: [`${m} <= ${least('w.window_end', d.integer(b.last))}`],
  });
}

function assessmentGainSql(
  d: Dialect,
  rule: AssessmentGainRule,
  days: (col: string) => string[],
): string {
  // Per day, the highest pre value: several pre events on one day count as the best.
  const pre = select({
    columns: ['__pidx', 'occurred_on AS d', 'MAX(value) AS v'],
    from: 'run_events',
    where: [`type = ${d.string(rule.pre)}`, 'value IS NOT NULL'],
    groupBy: ['__pidx', 'occurred_on'],
  });
  const post = select({
    columns: ['an.__pidx', 'ev.occurred_on AS d', 'ev.value AS v'],
    from: 'anchors an',
    joins: [eventsOfAnchors],
    where: [
      `ev.type = ${d.string(rule.post)}`,
      'ev.value IS NOT NULL',
      'ev.occurred_on >= an.a',
      ...windowEnd(d, rule.withinDays),
      ...days('ev.occurred_on'),
    ],
  });
  const pairs = select({
    columns: [
      'post.__pidx',
      'post.d',
      'post.v AS post_v',
      'pre.v AS pre_v',
      'pre.d AS pre_d',
      `${over('MAX(pre.d)', { partitionBy: ['post.__pidx', 'post.d', 'post.v'] })} AS latest`,
    ],
    from: subquery(post, 'post'),
    joins: [{ to: subquery(pre, 'pre'), on: ['pre.__pidx = post.__pidx', 'pre.d <= post.d'] }],
  });
  const max = d.decimal(rule.maxScore);
  const gain = d.decimal(rule.minGain);
  return select({
    columns: ['x.__pidx', 'MIN(x.d) AS day'],
    from: subquery(pairs, 'x'),
    where: [
      'x.pre_d = x.latest',
      `x.pre_v < ${max}`,
      `(x.post_v - x.pre_v) >= ${gain} * (${max} - x.pre_v)`,
    ],
    groupBy: ['x.__pidx'],
  });
}
