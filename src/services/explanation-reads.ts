/**
 * Why a participant was or was not paid in a stored run: the engine's explain on the run's
 * own snapshot (its evidence pack), read in a child process (engine/isolated-explain.ts) from
 * the run's explanation index under `<data>/explanations/`, written from the pack when missing. The participant must be one the caller sees (row-level
 * security; a provider only its own), or the answer is that there is no such participant.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { ExplainAnswer } from '../engine/explain-answer.js';
import { explainIsolated, writeExplanationIndexIsolated } from '../engine/isolated-explain.js';
import { RunFailure, runLimitsFromEnv } from '../engine/isolated-run.js';
import { withCaller } from '../store/caller-scope.js';
import type { Store } from '../store/database.js';
import type { ProviderScope } from './provider-scope.js';

export type Explained =
  | { readonly kind: 'explained'; readonly runId: string; readonly answer: ExplainAnswer }
  /** No such participant in the run's programme that the caller may see. */
  | { readonly kind: 'unknown' }
  /** The run has no snapshot to explain from: it is queued, running or failed. */
  | { readonly kind: 'not_succeeded'; readonly status: string }
  /** The participant is in the programme but not in this run (enrolled later, or after it). */
  | { readonly kind: 'not_in_run'; readonly asOf: string };

export async function explainInRun(
  store: Store,
  runId: string,
  participantId: string,
  scope: ProviderScope,
): Promise<Explained> {
  const run = await store.db
    .selectFrom('evaluation_runs')
    .select(['programme_id', 'status', 'outputs', sql<string>`CAST(as_of AS text)`.as('as_of')])
    .where('id', '=', runId)
    .executeTakeFirstOrThrow();
  const visible = await withCaller(store.db, scope.organisationId, async (tx) => {
    let query = tx
      .selectFrom('participants')
      .select('participant_id')
      .where('programme_id', '=', run.programme_id)
      .where('participant_id', '=', participantId);
    if (scope.providerId !== undefined) query = query.where('provider_id', '=', scope.providerId);
    return (await query.executeTakeFirst()) !== undefined;
  });
  if (!visible) return { kind: 'unknown' };
  const pack = (run.outputs as { pack?: string } | null)?.pack;
  if (run.status !== 'succeeded' || !pack) return { kind: 'not_succeeded', status: run.status };
  try {
    const answer = await explainIsolated(
      packPath(store, pack),
      participantId,
      runLimitsFromEnv(),
      await indexPath(store, pack),
    );
    return { kind: 'explained', runId, answer };
  } catch (error) {
    const notInRun = error instanceof RunFailure ? error.problems[0] : undefined;
    if (notInRun?.code === 'explain.participant') return { kind: 'not_in_run', asOf: run.as_of };
    throw error;
  }
}

/**
 * Writes the explanation index of a run ahead of its first reader (services/read-ahead.ts);
 * nothing when it is there already or the run has no pack.
 */
export async function indexRunForExplanations(store: Store, runId: string): Promise<void> {
  const run = await store.db
    .selectFrom('evaluation_runs')
    .select(['status', 'outputs'])
    .where('id', '=', runId)
    .executeTakeFirst();
  const pack = (run?.outputs as { pack?: string } | null)?.pack;
  if (run?.status !== 'succeeded' || !pack) return;
  const index = await indexPath(store, pack);
  if (existsSync(index)) return;
  await writeExplanationIndexIsolated(packPath(store, pack), runLimitsFromEnv(), index);
}

function packPath(store: Store, pack: string): string {
  return join(store.dataDir, 'packs', `${pack}.zip`);
}

/** Indexes are named by their pack: the same snapshot explains the same way. */
async function indexPath(store: Store, pack: string): Promise<string> {
  const dir = join(store.dataDir, 'explanations');
  await mkdir(dir, { recursive: true });
  return join(dir, `${pack}.duckdb`);
}
