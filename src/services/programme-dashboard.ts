/**
 * A programme's dashboard: aggregates only, fit for every member including investors.
 * Its cost does not grow with the programme: participant counts are kept per provider at
 * import, and paid bills carry their totals, so neither the participants nor the ledger's
 * entries are scanned.
 */
import { type Cents, centsFromInteger } from '../domain/money.js';
import type { Store } from '../store/database.js';
import { latestRun } from './evaluation-runs.js';

export interface Dashboard {
  readonly participants: number;
  /** Participants per provider, by provider id in order. */
  readonly byProvider: ReadonlyMap<string, number>;
  readonly latestRun: { readonly id: string; readonly asOf: string; readonly paid: Cents } | null;
  /** What paid bills have paid in total. */
  readonly ledgerPaid: Cents;
}

export async function programmeDashboard(store: Store, programmeId: string): Promise<Dashboard> {
  const providers = await store.db
    .selectFrom('provider_counts')
    .select(['provider_id', 'participants as n'])
    .where('programme_id', '=', programmeId)
    .orderBy('provider_id')
    .execute();
  const run = await latestRun(store, programmeId);
  const ledger = await store.db
    .selectFrom('bills')
    .select((eb) => eb.fn.sum<string>('total_cents').as('total'))
    .where('programme_id', '=', programmeId)
    .where('status', '=', 'paid')
    .executeTakeFirst();
  const byProvider = new Map(providers.map((p) => [p.provider_id, Number(p.n)]));
  return {
    participants: [...byProvider.values()].reduce((sum, n) => sum + n, 0),
    byProvider,
    latestRun: run
      ? { id: run.id, asOf: run.as_of, paid: centsFromInteger(run.paid_cents, 'run paid') }
      : null,
    // SUM over no paid bills is NULL: nothing paid yet.
    ledgerPaid: centsFromInteger(ledger?.total ?? '0', 'paid bills total'),
  };
}
