/**
 * How far a programme has been paid: the end of the latest paid bill's period, and that
 * bill's run (what the ledger holds is what that run made payable). Bills may not go back
 * before it, and contract changes reaching into it are corrections.
 */
import type { Kysely, Transaction } from 'kysely';
import type { LocalDate } from '../domain/local-date.js';
import type { Database } from '../store/schema.js';

export interface PaidPeriod {
  /** The latest period end paid; bills are paid in period order, so also the last paid. */
  readonly paidThrough: LocalDate;
  /** The run of the bill paid last, and the contract version it evaluated. */
  readonly runId: string;
  readonly contractVersion: number;
}

/** Null before the first payment. */
export async function paidPeriod(
  db: Kysely<Database> | Transaction<Database>,
  programmeId: string,
): Promise<PaidPeriod | null> {
  const last = await db
    .selectFrom('bills')
    .innerJoin('evaluation_runs', 'evaluation_runs.id', 'bills.run_id')
    .select(['bills.run_id', 'evaluation_runs.contract_version'])
    .where('bills.programme_id', '=', programmeId)
    .where('bills.status', '=', 'paid')
    .orderBy('bills.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last) return null;
  // Bills paid before backward periods were refused may be out of order: the furthest wins.
  const furthest = await db
    .selectFrom('bills')
    .select((eb) => eb.fn.max('period_end').as('period_end'))
    .where('programme_id', '=', programmeId)
    .where('status', '=', 'paid')
    .executeTakeFirstOrThrow();
  return {
    paidThrough: furthest.period_end as LocalDate,
    runId: last.run_id,
    contractVersion: last.contract_version,
  };
}
