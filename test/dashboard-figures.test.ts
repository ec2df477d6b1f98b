/**
 * The dashboard's figures (src/services/dashboard-figures.ts) on a hand-made run: three
 * participants, five achievements, every cap. Each number below is worked out by hand in
 * the comments, so a change in a definition fails here before it reaches a chart.
 */
import { describe, expect, it } from 'vitest';
import { parseContract } from '../src/domain/contract/parse-contract.js';
import { STATUSES } from '../src/domain/payment-status.js';
import type { DashboardFacts } from '../src/services/dashboard-facts.js';
import { dashboardFigures } from '../src/services/dashboard-figures.js';

const CONTRACT = `contract: t
title: T
currency: EUR
starts_on: 2019-01-01
ends_on: 2020-12-31
enrolment: { from: 2019-01-01, to: 2019-12-31 }
segments:
  - { id: young, when: { attribute: group, in: ["young"] } }
  - { id: others }
outcomes:
  - { id: trained, kind: event, event: training_completed, after: enrolment, price: 100 }
  - { id: job, kind: employment_start, after: enrolment, min_earnings: 1, price: 500 }
  - id: kept
    kind: employment_sustained
    after: job
    months: 3
    of_months: 3
    min_earnings: 1
    price: 1000
caps:
  per_participant: 1500
  total: 10000
  volume: { job: 10 }
`;

function facts(): DashboardFacts {
  const parsed = parseContract(CONTRACT);
  expect(parsed.problems).toEqual([]);
  const contract = parsed.contract;
  if (!contract) throw new Error('the test contract does not parse');
  const months = ['2019-01', '2019-02', '2019-03', '2019-04', '2019-05', '2019-07'];
  const m = (month: string) => months.indexOf(month);
  const status = (s: (typeof STATUSES)[number]) => STATUSES.indexOf(s);
  // p0: prov-a, young, enrolled 2019-01; p1: prov-a, others, 2019-02; p2: prov-b, others, 2019-02.
  // [participant, outcome (0 trained, 1 job, 2 kept), month, cents, status]
  const rows: [number, number, string, number, number][] = [
    [0, 0, '2019-03', 10_000, status('paid')],
    [0, 1, '2019-04', 50_000, status('paid')],
    // 1000 cut to 900 by the per-participant cap (1500 − 100 − 500).
    [0, 2, '2019-07', 90_000, status('partially_capped')],
    [1, 0, '2019-03', 10_000, status('paid')],
    [2, 1, '2019-05', 50_000, status('paid')],
  ];
  return {
    programmeId: 't',
    contract,
    run: { id: '1', asOf: '2019-07-31', version: 1 },
    providers: ['prov-a', 'prov-b'],
    providerNames: new Map([['prov-a', 'Provider A']]),
    segments: ['young', 'others', ''],
    months,
    participants: {
      count: 3,
      provider: Int32Array.from([0, 0, 1]),
      segment: Int32Array.from([0, 1, 1]),
      cohort: Int32Array.from([m('2019-01'), m('2019-02'), m('2019-02')]),
    },
    outcomes: ['trained', 'job', 'kept'],
    achievements: {
      count: rows.length,
      participant: Int32Array.from(rows.map((r) => r[0])),
      outcome: Int32Array.from(rows.map((r) => r[1])),
      month: Int32Array.from(rows.map((r) => m(r[2]))),
      amount: Float64Array.from(rows.map((r) => r[3])),
      status: Uint8Array.from(rows.map((r) => r[4])),
    },
    paidBills: [{ periodEnd: '2019-06-30', cents: 120_000 }],
  };
}

describe('dashboard figures', () => {
  it('counts the pipeline, payable, paid and cost per sustained job', () => {
    const f = dashboardFigures(facts());
    // 100 + 500 + 900 + 100 + 500 = 2100.00; one participant retained.
    expect(f.totals).toEqual({
      enrolled: 3,
      achieved: 5,
      payableCents: 210_000,
      paidCents: 120_000,
      costPerSustainedJobCents: 210_000,
    });
    expect(f.funnel).toEqual([
      { stage: 'enrolled', participants: 3 },
      { stage: 'trained', participants: 2 },
      { stage: 'job_start', participants: 2 },
      { stage: 'retained', participants: 1 },
    ]);
    expect(f.outcomes.map((o) => [o.id, o.kind, o.achieved, o.payableCents])).toEqual([
      ['trained', 'event', 2, 20_000],
      ['job', 'employment_start', 2, 100_000],
      ['kept', 'employment_sustained', 1, 90_000],
    ]);
    // Months with an achievement only, from the first to the last.
    expect(f.overTime.map((r) => [r.month, r.achieved, r.payableCents])).toEqual([
      ['2019-03', [2, 0, 0], 20_000],
      ['2019-04', [0, 1, 0], 50_000],
      ['2019-05', [0, 1, 0], 50_000],
      ['2019-07', [0, 0, 1], 90_000],
    ]);
  });

  it('computes a view once per run, and again when a bill is paid', () => {
    const run = facts();
    const first = dashboardFigures(run);
    expect(dashboardFigures({ ...run }, {})).toBe(first);
    const filtered = dashboardFigures(run, { provider: 'prov-b' });
    expect(filtered).not.toBe(first);
    expect(filtered.totals.enrolled).toBeLessThan(first.totals.enrolled);
    const paidMore = dashboardFigures({
      ...run,
      paidBills: [...run.paidBills, { periodEnd: '2019-12-31', cents: 10_000 }],
    });
    expect(paidMore.totals.paidCents).toBe(first.totals.paidCents + 10_000);
  });

  it('compares providers and segments', () => {
    const f = dashboardFigures(facts());
    expect(f.byProvider).toEqual([
      {
        id: 'prov-a',
        enrolled: 2,
        trained: 2,
        jobStart: 1,
        retained: 1,
        payableCents: 160_000,
        costPerSustainedJobCents: 160_000,
      },
      {
        id: 'prov-b',
        enrolled: 1,
        trained: 0,
        jobStart: 1,
        retained: 0,
        payableCents: 50_000,
        costPerSustainedJobCents: null,
      },
    ]);
    // Segments without participants ('' here) are left out.
    expect(f.bySegment.map((c) => [c.id, c.enrolled, c.payableCents])).toEqual([
      ['young', 1, 150_000],
      ['others', 2, 60_000],
    ]);
  });

  it('filters by provider, segment, cohort and period', () => {
    expect(
      dashboardFigures(facts(), { provider: 'prov-b' }).funnel.map((s) => s.participants),
    ).toEqual([1, 0, 1, 0]);
    expect(dashboardFigures(facts(), { segment: 'others' }).totals.payableCents).toBe(60_000);
    expect(dashboardFigures(facts(), { cohortFrom: '2019-02' }).totals.enrolled).toBe(2);
    const period = dashboardFigures(facts(), { from: '2019-04', to: '2019-05' });
    // The two job starts only; everyone enrolled still counts as enrolled.
    expect(period.totals.achieved).toBe(2);
    expect(period.totals.payableCents).toBe(100_000);
    expect(period.funnel.map((s) => s.participants)).toEqual([3, 0, 2, 0]);
    // A provider the programme does not have matches nobody, not everybody.
    expect(dashboardFigures(facts(), { provider: 'nobody' }).totals.enrolled).toBe(0);
  });

  it('measures every cap, whatever the filters, with a forecast at the recent rate', () => {
    const f = dashboardFigures(facts(), { provider: 'prov-b' });
    // Window: the six complete months up to 2019-07 hold everything: 2100.00 ÷ 6 = 350.00 a
    // month; 10000.00 − 2100.00 = 7900.00 left, 23 months (22.6 rounded up) after 2019-07.
    expect(f.caps.total).toEqual({
      limit: 1_000_000,
      used: 210_000,
      monthlyRate: 35_000,
      reached: false,
      forecastMonth: '2021-06',
    });
    // Two job starts of ten, one every three months: 8 left, 24 months.
    expect(f.caps.volume).toEqual([
      {
        outcome: 'job',
        limit: 10,
        used: 2,
        monthlyRate: 2 / 6,
        reached: false,
        forecastMonth: '2021-07',
      },
    ]);
    // p0 was paid 100 + 500 + 900 = 1500, the limit.
    expect(f.caps.perParticipant).toEqual({ limit: 150_000, atLimit: 1 });
  });
});
