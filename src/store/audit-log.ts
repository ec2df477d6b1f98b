/**
 * The append-only audit log: who changed what, when and why. Each entry's hash covers the
 * previous entry's hash and its own content, so any edit or deletion breaks the chain and
 * `verifyAuditLog` lists every entry where it breaks.
 *
 * The hash covers exactly what is stored: the SHA-256 of the RFC 8785 canonical JSON of
 * `[prev_hash, at, actor, action, entity, entity_id, reason, data]`. The data is written as
 * that canonical text, and the checker recomputes the hash from the row as read back
 * (jsonb reorders keys, so it is canonicalised again). Text the database would not store as
 * given (an unpaired surrogate becomes U+FFFD, a NUL is refused) is refused before anything
 * is written, so no request can write an entry that fails its own check.
 */
import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import { type Problem, ProblemsError } from '../domain/problem.js';
import { textFaults } from '../domain/text.js';
import { CanonicalJsonError, canonicalJson } from './canonical-json.js';
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

// For text that is well-formed and data that survives JSON, this is the text entries were
// hashed over before RFC 8785 was named here, so chains written then verify unchanged.
function entryHash(prev: string, at: string, e: AuditEntry): string {
  const body = canonicalJson([prev, at, e.actor, e.action, e.entity, e.entityId, e.reason, e.data]);
  return createHash('sha256').update(body).digest('hex');
}

/**
 * The entry's data as canonical JSON, once its text is known to be storable; otherwise
 * ProblemsError naming the field (`reason`, `data.note`) and what is wrong with it.
 */
function storableData(entry: AuditEntry): string {
  const fields = {
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    reason: entry.reason,
  };
  let data: string;
  try {
    data = canonicalJson(entry.data);
  } catch (error) {
    if (!(error instanceof CanonicalJsonError)) throw error;
    const at =
      error.path === '' ? 'data' : `data${error.path.startsWith('[') ? '' : '.'}${error.path}`;
    throw auditProblems([{ path: at, problem: error.problem }]);
  }
  const faults = [...textFaults(fields, ''), ...textFaults(JSON.parse(data), 'data')];
  if (faults.length > 0) throw auditProblems(faults);
  return data;
}

function auditProblems(faults: readonly { path: string; problem: string }[]): ProblemsError {
  return new ProblemsError(
    faults.map(
      (f): Problem => ({ code: 'audit.text', message: `audit entry ${f.path}: ${f.problem}` }),
    ),
  );
}

/** Appends within the caller's transaction, so the change and its record commit together. */
export async function appendAudit(
  tx: Transaction<Database>,
  entry: AuditEntry,
  now: Date = new Date(),
): Promise<void> {
  const data = storableData(entry);
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
      data,
      prev_hash: prev,
      hash: entryHash(prev, at, { ...entry, data: JSON.parse(data) }),
    })
    .execute();
}

/** An entry where the chain breaks. Both can hold for one entry. */
export interface AuditBreak {
  readonly id: string;
  /** Its hash does not match its content: the entry was changed after it was written. */
  readonly contentChanged: boolean;
  /** It does not chain onto the entry before it: an entry was removed, inserted or reordered. */
  readonly linkBroken: boolean;
}

export interface AuditCheck {
  readonly entries: number;
  /** Every entry where the chain breaks, in log order; empty when the log is intact. */
  readonly breaks: readonly AuditBreak[];
  /** The id of the first break, if any. */
  readonly brokenAt?: string;
}

/** Recomputes every hash, a page of entries at a time, and lists every break. */
export async function verifyAuditLog(
  db: Kysely<Database>,
  options: { pageSize?: number } = {},
): Promise<AuditCheck> {
  const pageSize = options.pageSize ?? 1000;
  const breaks: AuditBreak[] = [];
  let entries = 0;
  let prev = GENESIS;
  let after: string | null = null;
  for (;;) {
    let page = db.selectFrom('audit_log').selectAll().orderBy('id').limit(pageSize);
    if (after !== null) page = page.where('id', '>', after);
    const rows = await page.execute();
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
      // The content is checked against the hash it claims to chain onto, so one changed
      // entry shows once, not as a break of every entry after it.
      const contentChanged = row.hash !== entryHash(row.prev_hash, at, entry);
      const linkBroken = row.prev_hash !== prev;
      if (contentChanged || linkBroken) breaks.push({ id: row.id, contentChanged, linkBroken });
      prev = row.hash;
    }
    entries += rows.length;
    if (rows.length < pageSize) break;
    after = rows[rows.length - 1]?.id ?? null;
  }
  return breaks.length > 0 ? { entries, breaks, brokenAt: breaks[0]?.id } : { entries, breaks };
}
