/**
 * Work done for an API caller, fenced by PostgreSQL row-level security (migration 0010): a
 * transaction that becomes the role `resulta_caller` and names the caller's organisation,
 * so every participant-level row it reads or writes is one that organisation may see —
 * even when a query forgets its own scope. The role and the setting end with the
 * transaction, so a pooled connection goes back to the owner's role for system work.
 *
 * This is a second fence against mistakes in our own queries, not against SQL injection:
 * code running in the transaction could reset the role.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';

/** The role caller-scoped work runs as; created by migration 0010. */
export const CALLER_ROLE = 'resulta_caller';

/** Runs `work` in a transaction as the caller role, for organisation `organisationId`. */
export async function withCaller<T>(
  db: Kysely<Database>,
  organisationId: string,
  work: (tx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  // Inside a transaction the role would outlast this work and fence what follows it.
  if (db.isTransaction)
    throw new Error('withCaller opens its own transaction; call it outside one');
  if (organisationId === '') throw new Error('withCaller needs the caller organisation');
  return db.transaction().execute(async (tx) => {
    // SET LOCAL ROLE and the setting in one round trip; both end with the transaction.
    await sql`SELECT set_config('role', ${CALLER_ROLE}, true), set_config('resulta.organisation', ${organisationId}, true)`.execute(
      tx,
    );
    return work(tx);
  });
}
