/**
 * A programme's evaluation runs, a page at a time, newest first, with their status and what
 * each made payable in total: aggregates only, so every member may list them. Why a run
 * failed can quote input rows (participant ids), so it is shown to funders and verifiers
 * only; GET /runs/{run} has the rest.
 */
import { sql } from 'kysely';
import { type Cents, centsFromInteger } from '../domain/money.js';
import type { Store } from '../store/database.js';
import type { RunStatus } from '../store/schema.js';
import { type Page, type PageRequest, pageOf } from './page.js';

export interface RunListed {
  readonly id: string;
  readonly asOf: string;
  readonly contractVersion: number;
  readonly status: RunStatus;
  readonly paidCents: Cents | null;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
  /** Null when the run did not fail, or when the caller may not read why. */
  readonly failureReason: string | null;
}

export interface RunFilter {
  readonly status?: RunStatus | undefined;
  /** Runs as of this day or later. */
  readonly from?: string | undefined;
  /** Runs as of this day or earlier. */
  readonly to?: string | undefined;
}

export async function listRuns(
  store: Store,
  programmeId: string,
  filter: RunFilter,
  page: PageRequest,
  options: { readonly withFailures: boolean },
): Promise<Page<RunListed>> {
  let query = store.db
    .selectFrom('evaluation_runs')
    .select([
      'id',
      'contract_version',
      'status',
      'paid_cents',
      'created_by',
      'created_at',
      'started_at',
      'finished_at',
      'failure_reason',
      sql<string>`CAST(as_of AS text)`.as('as_of'),
    ])
    .where('programme_id', '=', programmeId)
    .orderBy('id', 'desc')
    .limit(page.limit + 1);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.from !== undefined) query = query.where('as_of', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('as_of', '<=', filter.to);
  if (page.cursor !== undefined) query = query.where('id', '<', page.cursor);
  const rows = await query.execute();
  const at = (d: Date | string | null) => (d === null ? null : new Date(d));
  return pageOf(
    rows,
    page.limit,
    (r) => String(r.id),
    (r) => ({
      id: String(r.id),
      asOf: r.as_of,
      contractVersion: r.contract_version,
      status: r.status,
      paidCents: r.paid_cents === null ? null : centsFromInteger(r.paid_cents, 'run paid'),
      createdBy: r.created_by,
      createdAt: new Date(r.created_at),
      startedAt: at(r.started_at),
      finishedAt: at(r.finished_at),
      failureReason: options.withFailures ? r.failure_reason : null,
    }),
  );
}
