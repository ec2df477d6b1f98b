/**
 * The append-only audit log: who changed what, when and why. Each entry's hash covers the
 * previous entry's hash and its own content, so any edit or deletion breaks the chain and
 * `verifyAuditLog` finds where.
 */
import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';

export interface AuditEntry {
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly reason: string;
  readonly data: unknown;
}

const GENESIS = '0'.repeat(64);
const AUDIT_LOCK = 7_240_519;

function entryHash(prev: string, at: string, e: AuditEntry): string {
  const body = canonicalJson([prev, at, e.actor, e.action, e.entity, e.entityId, e.reason, e.data]);
  return createHash('sha256').update(body).digest('hex');
}

/** JSON with object keys sorted, so a value hashes the same after a trip through jsonb. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Appends within the caller's transaction, so the change and its record commit together. */
export async function appendAudit(
  tx: Transaction<Database>,
  entry: AuditEntry,
  now: Date = new Date(),
): Promise<void> {
  // One writer at a time, or two transactions would both chain onto the same entry.
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(tx);
  const last = await tx
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const prev = last?.hash ?? GENESIS;
  const at = now.toISOString();
  await tx
    .insertInto('audit_log')
    .values({
      at,
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      reason: entry.reason,
      data: JSON.stringify(entry.data),
      prev_hash: prev,
      hash: entryHash(prev, at, entry),
    })
    .execute();
}

export interface AuditCheck {
  readonly entries: number;
  /** The id of the first entry whose hash does not match, if any. */
  readonly brokenAt?: string;
}

export async function verifyAuditLog(db: Kysely<Database>): Promise<AuditCheck> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
  let prev = GENESIS;
  for (const row of rows) {
    const entry = {
      actor: row.actor,
      action: row.action,
      entity: row.entity,
      entityId: row.entity_id,
      reason: row.reason,
      data: row.data,
    };
    const at = new Date(row.at).toISOString();
    if (row.prev_hash !== prev || row.hash !== entryHash(prev, at, entry))
      return { entries: rows.length, brokenAt: row.id };
    prev = row.hash;
  }
  return { entries: rows.length };
}
