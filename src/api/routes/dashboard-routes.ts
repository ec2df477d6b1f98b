/**
 * GET /programmes/{programme}/dashboard/figures: everything the web app's dashboard draws,
 * in one answer, under the reader's filters (services/dashboard-figures.ts). Aggregates only,
 * for every member of the programme, investors included, like GET …/dashboard.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cents, formatCents } from '../../domain/money.js';
import { dashboardFacts } from '../../services/dashboard-facts.js';
import { type Comparison, dashboardFigures, STAGES } from '../../services/dashboard-figures.js';
import type { Store } from '../../store/database.js';
import { programmeOf } from '../access.js';

const MONTH = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const ID = z.string().min(1).max(200);
const AMOUNT = z.string().describe('a decimal amount in the contract currency, e.g. 1234.50');

const comparison = z.object({
  id: z.string(),
  name: z.string().nullable(),
  enrolled: z.number(),
  trained: z.number(),
  job_start: z.number(),
  retained: z.number(),
  payable: AMOUNT,
  cost_per_sustained_job: AMOUNT.nullable(),
});

const forecast = {
  forecast_month: MONTH.nullable().describe('when reached at the current rate; null if never'),
  reached: z.boolean(),
};
const moneyCap = z.object({
  limit: AMOUNT,
  used: AMOUNT,
  monthly_rate: AMOUNT.describe('payable per month over the last six complete months'),
  ...forecast,
});
const volumeCap = z.object({
  outcome: z.string(),
  limit: z.number(),
  used: z.number().describe('achievements counted towards the cap'),
  monthly_rate: z.number().describe('achievements per month over the last six complete months'),
  ...forecast,
});

const figures = z.object({
  programme: z.string(),
  currency: z.string(),
  as_of: z.string().nullable(),
  run: z.string().nullable(),
  contract_ends_on: z.string(),
  options: z.object({
    providers: z.array(z.object({ id: z.string(), name: z.string().nullable() })),
    segments: z.array(z.string()),
    months: z.array(z.string()),
  }),
  totals: z.object({
    enrolled: z.number(),
    achieved: z.number(),
    payable: AMOUNT,
    paid: AMOUNT,
    cost_per_sustained_job: AMOUNT.nullable(),
  }),
  funnel: z.array(z.object({ stage: z.enum(STAGES), participants: z.number() })),
  outcomes: z.array(
    z.object({ id: z.string(), kind: z.string(), achieved: z.number(), payable: AMOUNT }),
  ),
  over_time: z.array(
    z.object({
      month: z.string(),
      achieved: z.array(z.number()).describe('per outcome, in the order of outcomes'),
      payable: AMOUNT,
    }),
  ),
  paid_over_time: z.array(z.object({ period_end: z.string(), paid: AMOUNT })),
  caps: z.object({
    total: moneyCap.nullable(),
    per_participant: z
      .object({ limit: AMOUNT, at_limit: z.number().describe('participants paid the limit') })
      .nullable(),
    volume: z.array(volumeCap),
  }),
  by_provider: z.array(comparison),
  by_segment: z.array(comparison),
});

const money = (n: number) => formatCents(cents(Math.round(n)));

export function dashboardRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/programmes/:programme/dashboard/figures',
      {
        config: { roles: ['funder', 'provider', 'verifier', 'investor'] },
        schema: {
          tags: ['programmes'],
          description:
            "The dashboard's figures from the latest run, under optional filters: provider, segment ('' for participants in none), enrolment months (cohort_from, cohort_to) and achievement months (from, to), YYYY-MM inclusive. Caps are the programme's whatever the filters. Aggregates only.",
          params: z.object({
            programme: z
              .string()
              .regex(/^[a-z0-9-]+$/)
              .max(100),
          }),
          querystring: z.object({
            provider: ID.optional(),
            segment: z.string().max(200).optional(),
            cohort_from: MONTH.optional(),
            cohort_to: MONTH.optional(),
            from: MONTH.optional(),
            to: MONTH.optional(),
          }),
          response: { 200: figures },
        },
      },
      async (request) => {
        const programme = programmeOf(request);
        const q = request.query;
        const facts = await dashboardFacts(store, programme);
        const f = dashboardFigures(facts, {
          provider: q.provider,
          segment: q.segment,
          cohortFrom: q.cohort_from,
          cohortTo: q.cohort_to,
          from: q.from,
          to: q.to,
        });
        const row = (c: Comparison, name: string | null) => ({
          id: c.id,
          name,
          enrolled: c.enrolled,
          trained: c.trained,
          job_start: c.jobStart,
          retained: c.retained,
          payable: money(c.payableCents),
          cost_per_sustained_job:
            c.costPerSustainedJobCents === null ? null : money(c.costPerSustainedJobCents),
        });
        const total = f.caps.total;
        const perParticipant = f.caps.perParticipant;
        return {
          programme,
          currency: f.currency,
          as_of: f.asOf,
          run: facts.run?.id ?? null,
          contract_ends_on: facts.contract.endsOn,
          options: {
            providers: facts.providers.map((id) => ({
              id,
              name: facts.providerNames.get(id) ?? null,
            })),
            segments: [...facts.segments],
            months: [...facts.months],
          },
          totals: {
            enrolled: f.totals.enrolled,
            achieved: f.totals.achieved,
            payable: money(f.totals.payableCents),
            paid: money(f.totals.paidCents),
            cost_per_sustained_job:
              f.totals.costPerSustainedJobCents === null
                ? null
                : money(f.totals.costPerSustainedJobCents),
          },
          funnel: [...f.funnel],
          outcomes: f.outcomes.map((o) => ({
            id: o.id,
            kind: o.kind,
            achieved: o.achieved,
            payable: money(o.payableCents),
          })),
          over_time: f.overTime.map((m) => ({
            month: m.month,
            achieved: [...m.achieved],
            payable: money(m.payableCents),
          })),
          paid_over_time: f.paidOverTime.map((b) => ({
            period_end: b.periodEnd,
            paid: money(b.cents),
          })),
          caps: {
            total: total && {
              limit: money(total.limit),
              used: money(total.used),
              monthly_rate: money(total.monthlyRate),
              forecast_month: total.forecastMonth,
              reached: total.reached,
            },
            per_participant: perParticipant && {
              limit: money(perParticipant.limit),
              at_limit: perParticipant.atLimit,
            },
            volume: f.caps.volume.map((v) => ({
              outcome: v.outcome,
              limit: v.limit,
              used: v.used,
              monthly_rate: Math.round(v.monthlyRate * 10) / 10,
              forecast_month: v.forecastMonth,
              reached: v.reached,
            })),
          },
          by_provider: f.byProvider.map((c) => row(c, facts.providerNames.get(c.id) ?? null)),
          by_segment: f.bySegment.map((c) => row(c, null)),
        };
      },
    );
  };
}
