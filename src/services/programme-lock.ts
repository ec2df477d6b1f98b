/**
 * One lock per programme for what changes its money: drafting and paying bills, and changing
 * its contract. Held until the transaction ends (a PostgreSQL advisory lock, so every server
 * on the database agrees), it orders a payment and a new contract version: each sees the
 * other whole, never half (docs/decisions.md, "Contracts, corrections and bills").
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../store/schema.js';

const PROGRAMME_LOCK = 7_240_520;

export async function lockProgramme(tx: Transaction<Database>, programmeId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${PROGRAMME_LOCK}, hashtext(${programmeId}))`.execute(tx);
}
