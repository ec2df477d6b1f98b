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
import type { Dialect } from './dialect.js';

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

export function compileRule(
  d: Dialect,
  pieces: readonly RulePiece[],
  asOf: LocalDate,
  target: RuleTarget,
): string {
  const live = pieces.filter((p) => p.from === null || p.from <= asOf);
  const kind = (live[0] ?? pieces[0])?.rule.kind;
  const anchor = target.anchorTable
    ? `SELECT e.__pidx, e.person_id, x.achieved_on AS a FROM run_eligible e JOIN ${target.anchorTable} x ON x.__pidx = e.__pidx`
    : 'SELECT __pidx, person_id, enrolled_on AS a FROM run_eligible';
  const anchors = `anchors AS (SELECT __pidx, person_id, a, CAST(${d.monthIndex('a')} AS INTEGER) AS ma FROM (${anchor}) z)`;
  const body = live.map((p) => `(${pieceSql(d, p, asOf)})`).join('\nUNION ALL\n');
  const found =
    live.length > 0
      ? body
      : 'SELECT CAST(NULL AS INTEGER) AS __pidx, CAST(NULL AS DATE) AS day WHERE FALSE';
  const earliest =
    kind && MONTH_KINDS.has(kind) && live.length > 0 ? `${d.monthEnd('MIN(m)')}` : 'MIN(day)';
  return `CREATE OR REPLACE TABLE ${target.table} AS
WITH ${anchors}
SELECT __pidx, ${earliest} AS achieved_on FROM (${found}) f GROUP BY __pidx`;
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
      return employmentSustainedSql(rule, months);
    case 'earnings_threshold':
      return earningsThresholdSql(rule, months);
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

const startOf = (b: MonthBounds, m: string) =>
  b.first === null ? m : `GREATEST(${m}, ${b.first})`;

function windowEnd(d: Dialect, withinDays: number | undefined): string[] {
  return withinDays === undefined ? [] : [`ev.occurred_on <= ${d.addDays('an.a', withinDays)}`];
}

function eventSql(d: Dialect, rule: EventRule, days: (col: string) => string[]): string {
  const where = [
    `ev.type = ${d.string(rule.event)}`,
    'ev.occurred_on >= an.a',
    ...windowEnd(d, rule.withinDays),
    ...days('ev.occurred_on'),
    ...(rule.minValue ? [`ev.value >= ${d.decimal(rule.minValue)}`] : []),
    ...(rule.verifiedOnly ? ['ev.verified'] : []),
  ];
  return `SELECT an.__pidx, MIN(ev.occurred_on) AS day FROM anchors an JOIN run_events ev ON ev.__pidx = an.__pidx WHERE ${where.join(' AND ')} GROUP BY an.__pidx`;
}

function employmentStartSql(d: Dialect, rule: EmploymentStartRule, b: MonthBounds): string {
  const where = [
    'pm.m > an.ma',
    ...(rule.withinDays === undefined
      ? []
      : [`pm.m <= ${d.monthIndex(d.addDays('an.a', rule.withinDays))}`]),
    ...(b.first === null ? [] : [`pm.m >= ${b.first}`]),
    `pm.m <= ${b.last}`,
    `pm.cents >= ${ceilHundredths(rule.minEarnings)}`,
  ];
  return `SELECT an.__pidx, MIN(pm.m) AS m FROM anchors an JOIN run_months pm ON pm.person_id = an.person_id WHERE ${where.join(' AND ')} GROUP BY an.__pidx`;
}

function employmentSustainedSql(rule: EmploymentSustainedRule, b: MonthBounds): string {
  const first = `an.ma + ${rule.skipMonths}`;
  const last = `an.ma + ${rule.skipMonths + rule.ofMonths - 1}`;
  const ranked = `SELECT an.__pidx, pm.m, ${last} AS window_end, row_number() OVER (PARTITION BY an.__pidx ORDER BY pm.m) AS employed
    FROM anchors an JOIN run_months pm ON pm.person_id = an.person_id
    WHERE pm.m BETWEEN ${first} AND ${last} AND pm.cents >= ${ceilHundredths(rule.minEarnings)}`;
  const m = startOf(b, 'w.m');
  return `SELECT w.__pidx, ${m} AS m FROM (${ranked}) w WHERE w.employed = ${rule.months} AND ${m} <= LEAST(w.window_end, ${b.last})`;
}

function earningsThresholdSql(rule: EarningsThresholdRule, b: MonthBounds): string {
  const last = `an.ma + ${rule.withinMonths}`;
  const running = `SELECT an.__pidx, pm.m, ${last} AS window_end,
      SUM(pm.cents) OVER (PARTITION BY an.__pidx ORDER BY pm.m ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cumulative
    FROM anchors an JOIN run_months pm ON pm.person_id = an.person_id
    WHERE pm.m BETWEEN an.ma + 1 AND ${last}`;
  const m = startOf(b, 'MIN(w.m)');
  return `SELECT w.__pidx, ${m} AS m FROM (${running}) w WHERE w.cumulative >= ${ceilHundredths(rule.totalEarnings)} GROUP BY w.__pidx, w.window_end HAVING ${m} <= LEAST(w.window_end, ${b.last})`;
}

function assessmentGainSql(
  d: Dialect,
  rule: AssessmentGainRule,
  days: (col: string) => string[],
): string {
  const pre = `SELECT __pidx, occurred_on AS d, MAX(value) AS v FROM run_events WHERE type = ${d.string(rule.pre)} AND value IS NOT NULL GROUP BY __pidx, occurred_on`;
  const postWhere = [
    `ev.type = ${d.string(rule.post)}`,
    'ev.value IS NOT NULL',
    'ev.occurred_on >= an.a',
    ...windowEnd(d, rule.withinDays),
    ...days('ev.occurred_on'),
  ];
  const post = `SELECT an.__pidx, ev.occurred_on AS d, ev.value AS v FROM anchors an JOIN run_events ev ON ev.__pidx = an.__pidx WHERE ${postWhere.join(' AND ')}`;
  const pairs = `SELECT post.__pidx, post.d, post.v AS post_v, pre.v AS pre_v, pre.d AS pre_d,
      MAX(pre.d) OVER (PARTITION BY post.__pidx, post.d, post.v) AS latest
    FROM (${post}) post JOIN (${pre}) pre ON pre.__pidx = post.__pidx AND pre.d <= post.d`;
  const max = d.decimal(rule.maxScore);
  const gain = d.decimal(rule.minGain);
  return `SELECT x.__pidx, MIN(x.d) AS day FROM (${pairs}) x WHERE x.pre_d = x.latest AND x.pre_v < ${max} AND (x.post_v - x.pre_v) >= ${gain} * (${max} - x.pre_v) GROUP BY x.__pidx`;
}
