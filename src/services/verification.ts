/**
 * Verification of provider-reported events. A sample is drawn reproducibly: every
 * unverified provider event of the programme is ranked by SHA-256 of the seed and its id,
 * and the first `size` are taken, so anyone with the seed and the same events draws the
 * same sample. Verifiers then verify or reject each with a reason and an evidence file; the
 * event's verification state follows, and error rates per provider come from the decisions.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ProblemsError } from '../domain/problem.js';
import { appendAudit } from '../store/audit-log.js';
import { withCaller } from '../store/caller-scope.js';
import type { Store } from '../store/database.js';
import type { Actor } from './actor.js';
import type { ProviderScope } from './provider-scope.js';

export function drawRank(seed: string, eventId: string): string {
  return createHash('sha256').update(`${seed}:${eventId}`).digest('hex');
}

export async function drawSample(
  store: Store,
  actor: Actor,
  programmeId: string,
  size: number,
  seed = randomBytes(16).toString('hex'),
): Promise<{ id: string; seed: string; events: string[] }> {
  if (!Number.isInteger(size) || size < 1 || size > 10_000) {
    throw new ProblemsError([
      { code: 'sample.size', message: 'a sample holds from 1 to 10000 events' },
    ]);
  }
  return store.db.transaction().execute(async (tx) => {
    const population = await tx
      .selectFrom('events')
      .select('id')
      .where('programme_id', '=', programmeId)
      .where('source', '=', 'provider')
      .where('verification', '=', 'unverified')
      .execute();
    const drawn = population
      .map((e) => ({ id: String(e.id), rank: drawRank(seed, String(e.id)) }))
      .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
      .slice(0, size);
    const sample = await tx
      .insertInto('verification_samples')
      .values({
        programme_id: programmeId,
        seed,
        population: population.length,
        created_by: actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (drawn.length > 0) {
      await tx
        .insertInto('verification_sample_events')
        .values(drawn.map((d, i) => ({ sample_id: sample.id, event_id: d.id, draw: i + 1 })))
        .execute();
    }
    await appendAudit(tx, {
      actor: actor.id,
      action: 'draw',
      entity: 'verification_sample',
      entityId: sample.id,
      reason: `sample of ${size} from ${population.length} events`,
      data: { seed, size },
    });
    return { id: sample.id, seed, events: drawn.map((d) => d.id) };
  });
}

export interface SampledEvent {
  readonly event_id: string;
  readonly participant_id: string;
  readonly type: string;
  readonly occurred_on: string;
  readonly decision: 'verified' | 'rejected' | null;
}

/**
 * A drawn sample: its seed and its events in draw order, each with its decision so far, as
 * the caller may see them (row-level security, store/caller-scope.ts).
 */
export async function readSample(
  store: Store,
  sampleId: string,
  scope: ProviderScope,
): Promise<{ id: string; seed: string; events: SampledEvent[] }> {
  return withCaller(store.db, scope.organisationId, async (tx) => {
    const sample = await tx
      .selectFrom('verification_samples')
      .select(['id', 'seed'])
      .where('id', '=', sampleId)
      .executeTakeFirst();
    if (!sample)
      throw new ProblemsError([{ code: 'verification.unknown', message: `no sample ${sampleId}` }]);
    const events = await tx
      .selectFrom('verification_sample_events as s')
      .innerJoin('events as e', 'e.id', 's.event_id')
      .select(['s.event_id', 'e.participant_id', 'e.type', 'e.occurred_on', 's.decision'])
      .where('s.sample_id', '=', sampleId)
      .orderBy('s.draw')
      .execute();
    return { id: sample.id, seed: sample.seed, events };
  });
}

export interface Decision {
  readonly decision: 'verified' | 'rejected';
  readonly reason: string;
  readonly evidence?: Uint8Array;
}

export async function decideSampledEvent(
  store: Store,
  actor: Actor,
  sampleId: string,
  eventId: string,
  d: Decision,
): Promise<void> {
  if (d.decision === 'rejected' && d.reason.trim() === '') {
    throw new ProblemsError([
      { code: 'verification.reason', message: 'a rejection needs a reason' },
    ]);
  }
  const evidence =
    d.evidence && d.evidence.length > 0
      ? createHash('sha256').update(d.evidence).digest('hex')
      : null;
  await store.db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('verification_sample_events')
      .set({
        decision: d.decision,
        reason: d.reason,
        evidence_sha256: evidence,
        decided_by: actor.id,
        decided_at: new Date(),
      })
      .where('sample_id', '=', sampleId)
      .where('event_id', '=', eventId)
      .returning('event_id')
      .executeTakeFirst();
    if (!updated)
      throw new ProblemsError([
        { code: 'verification.unknown', message: `event ${eventId} is not in sample ${sampleId}` },
      ]);
    // Only once the decision is known to stand; before the commit, so a stored decision
    // never names a missing file (a failed commit leaves an unused one, named by its hash).
    if (d.evidence && evidence) await storeEvidence(store.dataDir, evidence, d.evidence);
    await tx
      .updateTable('events')
      .set({ verification: d.decision })
      .where('id', '=', eventId)
      .execute();
    await appendAudit(tx, {
      actor: actor.id,
      action: d.decision === 'verified' ? 'verify' : 'reject',
      entity: 'event',
      entityId: eventId,
      reason: d.reason || 'verified in sample',
      data: { sample: sampleId, evidence },
    });
  });
}

async function storeEvidence(dataDir: string, sha256: string, bytes: Uint8Array): Promise<void> {
  await mkdir(join(dataDir, 'files'), { recursive: true });
  await writeFile(join(dataDir, 'files', `${sha256}.evidence`), bytes);
}

export interface ProviderErrorRate {
  readonly providerId: string;
  readonly sampled: number;
  readonly decided: number;
  readonly rejected: number;
  /** Rejected over decided, or null before any decision. */
  readonly errorRate: number | null;
}

export async function errorRates(store: Store, programmeId: string): Promise<ProviderErrorRate[]> {
  const rows = await store.db
    .selectFrom('verification_sample_events as s')
    .innerJoin('verification_samples as v', 'v.id', 's.sample_id')
    .innerJoin('events as e', 'e.id', 's.event_id')
    .innerJoin('participants as p', (join) =>
      join
        .onRef('p.programme_id', '=', 'e.programme_id')
        .onRef('p.participant_id', '=', 'e.participant_id'),
    )
    .select((eb) => [
      'p.provider_id',
      eb.fn.countAll<string>().as('sampled'),
      eb.fn.count<string>('s.decision').as('decided'),
      eb.fn
        .count<string>(eb.case().when('s.decision', '=', 'rejected').then(1).end())
        .as('rejected'),
    ])
    .where('v.programme_id', '=', programmeId)
    .groupBy('p.provider_id')
    .orderBy('p.provider_id')
    .execute();
  return rows.map((r) => ({
    providerId: r.provider_id,
    sampled: Number(r.sampled),
    decided: Number(r.decided),
    rejected: Number(r.rejected),
    errorRate: Number(r.decided) === 0 ? null : Number(r.rejected) / Number(r.decided),
  }));
}
