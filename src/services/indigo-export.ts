/**
 * A programme as an INDIGO project record (the impact-bond data standard of the Government
 * Outcomes Lab): outcome metrics and pricings from the contract, results from the latest
 * evaluation run, and actual outcome payments from the ledger. Values follow the standard's
 * `{ value }` wrappers; amounts become JSON numbers only here, at the edge, from exact text.
 */

import { sql } from 'kysely';
import type { Contract, Rule } from '../domain/contract/contract.js';
import { outcomeIds } from '../domain/contract/contract.js';
import { type Cents, centsFromInteger, formatCents } from '../domain/money.js';
import type { Store } from '../store/database.js';
import { latestRun } from './evaluation-runs.js';
import { currentContract } from './programmes.js';

const v = <T>(value: T) => ({ value });
// The standard wants a JSON number: made from the exact two-decimal text, at the edge only.
const amount = (c: Cents) => v(Number(formatCents(c)));

const VALIDATION: Record<Rule['kind'], string> = {
  event: 'Events reported by the provider; verified ones only where the contract says so',
  assessment_gain: 'Pre and post assessment scores (normalised learning gain)',
  employment_start:
    'Administrative employment records (social security), matched by pseudonymous person key',
  employment_sustained:
    'Administrative employment records (social security), matched by pseudonymous person key',
  earnings_threshold:
    'Administrative earnings records (social security), matched by pseudonymous person key',
};

function definition(rule: Rule): string {
  switch (rule.kind) {
    case 'event':
      return `Event "${rule.event}"${rule.withinDays === undefined ? '' : ` within ${rule.withinDays} days`} after ${rule.after}`;
    case 'assessment_gain':
      return `Normalised gain of at least ${rule.minGain.text} from "${rule.pre}" to "${rule.post}" (maximum score ${rule.maxScore.text})`;
    case 'employment_start':
      return `Formal job start${rule.withinDays === undefined ? '' : ` within ${rule.withinDays} days`} after ${rule.after}, earning at least ${rule.minEarnings.text} a month`;
    case 'employment_sustained':
      return `Employed ${rule.months} of ${rule.ofMonths} months after ${rule.after}${rule.skipMonths ? ` (after ${rule.skipMonths} months of probation)` : ''}`;
    case 'earnings_threshold':
      return `Earnings of at least ${rule.totalEarnings.text} within ${rule.withinMonths} months after ${rule.after}`;
  }
}

function pricings(contract: Contract, rule: Rule) {
  const base = { outcome_metric_id: v(rule.id), currency: v(contract.currency) };
  if (rule.pricing.kind === 'tiers') {
    const tiers = rule.pricing.tiers;
    return tiers.map((t, i) => ({
      ...base,
      price_per_unit: { amount: amount(t.price) },
      price_description: v(
        t.upTo === undefined
          ? `from achievement ${(tiers[i - 1]?.upTo ?? 0) + 1}`
          : `achievements ${(tiers[i - 1]?.upTo ?? 0) + 1} to ${t.upTo}`,
      ),
    }));
  }
  const price = rule.pricing.price;
  if (price.kind === 'flat') return [{ ...base, price_per_unit: { amount: amount(price.amount) } }];
  return Object.entries(price.amounts).map(([segment, c]) => ({
    ...base,
    price_per_unit: { amount: amount(c) },
    price_description: v(`segment ${segment}`),
  }));
}

export async function indigoProject(
  store: Store,
  programmeId: string,
): Promise<Record<string, unknown>> {
  const programme = await store.db
    .selectFrom('programmes')
    .selectAll()
    .where('id', '=', programmeId)
    .executeTakeFirstOrThrow();
  const { contract } = await currentContract(store, programmeId);
  const current = contract.versions.at(-1)?.outcomes ?? [];
  const run = await latestRun(store, programmeId);
  const achieved = run
    ? await store.db
        .selectFrom('run_achievements')
        .select([
          'outcome_id',
          (eb) => eb.fn.countAll<string>().as('n'),
          sql<string>`count(*) filter (where amount_cents > 0)`.as('paid'),
        ])
        .where('run_id', '=', run.id)
        .groupBy('outcome_id')
        .execute()
    : [];
  const engaged = await store.db
    .selectFrom('participants')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('programme_id', '=', programmeId)
    .executeTakeFirstOrThrow();
  const payments = await store.db
    .selectFrom('ledger_entries as l')
    .innerJoin('participants as p', (j) =>
      j
        .onRef('p.programme_id', '=', 'l.programme_id')
        .onRef('p.participant_id', '=', 'l.participant_id'),
    )
    .select([
      'l.outcome_id',
      'p.provider_id',
      (eb) => eb.fn.sum<string>('l.amount_cents').as('total'),
    ])
    .where('l.programme_id', '=', programmeId)
    .groupBy(['l.outcome_id', 'p.provider_id'])
    .orderBy('l.outcome_id')
    .orderBy('p.provider_id')
    .execute();
  const period = { start_date: v(contract.startsOn), end_date: v(run?.as_of ?? contract.endsOn) };
  return {
    name: v(programme.title),
    dates: {
      start_date_of_service_provision: v(contract.startsOn),
      anticipated_end_date: v(contract.endsOn),
    },
    outcome_metrics: current.map((rule) => ({
      id: rule.id,
      definition: v(definition(rule)),
      outcome_validation_method: v(VALIDATION[rule.kind]),
      data_source_for_outcome_validation: v(
        rule.kind.startsWith('employ') || rule.kind === 'earnings_threshold'
          ? 'Social security records'
          : 'Programme records',
      ),
    })),
    outcome_pricings: current.flatMap((rule) => pricings(contract, rule)),
    results: outcomeIds(contract).map((id) => {
      const row = achieved.find((a) => a.outcome_id === id);
      return {
        outcome_metric_id: v(id),
        period,
        outcomes_achieved: v(
          `${Number(row?.n ?? 0)} achieved, ${Number(row?.paid ?? 0)} paid, as of ${run?.as_of ?? 'no evaluation yet'}`,
        ),
        number_engaged_in_impact_bond: v(Number(engaged.n)),
        number_with_positive_social_outcomes: v(Number(row?.n ?? 0)),
      };
    }),
    outcome_payments: payments.map((p) => ({
      outcome_metric_id: v(p.outcome_id),
      period,
      payer_organisation_id: v(programme.funder_id),
      recipient_organisation_id: v(p.provider_id),
      type: v('Actual'),
      money: {
        currency: v(contract.currency),
        amount: amount(centsFromInteger(p.total, 'ledger total')),
      },
    })),
    // The standard asks how the project changed; the contract's amendments say it did.
    ...(contract.amendments.length > 0
      ? {
          changes_to_project_due_to_covid19: v('Continue on outcomes contract with variations'),
          notes: v(
            `Contract amendments: ${contract.amendments.map((a) => `${a.effectiveFrom} ${a.id}: ${a.reason}`).join('; ')}`,
          ),
        }
      : {}),
  };
}
