/**
 * One participant as a person inspecting it needs it: who, enrolled when, by which provider;
 * its events; its employment months from the datasets in force; its achievements in a run
 * (the latest succeeded one unless another is named) and what the ledger has paid it, per
 * outcome. Participant-level rows are read under row-level security in the caller's scope
 * (a provider sees only its own participants), so a participant the caller may not see is
 * exactly one that does not exist: null, which the API answers 404.
 */
import { join } from 'node:path';
import { sql } from 'kysely';
import { type Cents, centsFromInteger } from '../domain/money.js';
import type { PersonMonth, PersonMonthsReader } from '../engine/person-months.js';
import { withCaller } from '../store/caller-scope.js';
import type { Store } from '../store/database.js';
import { datasetsInForce } from './datasets.js';
import { latestRun } from './evaluation-runs.js';
import type { ProviderScope } from './provider-scope.js';
import { keyNotTheirs } from './shared-person-keys.js';

export interface ParticipantEvent {
  readonly id: string;
  readonly type: string;
  readonly occurredOn: string;
  readonly value: string | null;
  readonly source: 'provider' | 'admin' | 'verifier';
  readonly verification: 'unverified' | 'verified' | 'rejected';
}

export interface ParticipantAchievement {
  readonly outcomeId: string;
  readonly achievedOn: string;
  readonly version: string;
  readonly priceCents: Cents;
  readonly amountCents: Cents;
  readonly status: string;
}

export interface ParticipantDetail {
  readonly participantId: string;
  readonly providerId: string;
  readonly enrolledOn: string;
  readonly birthDate: string | null;
  readonly attributes: Readonly<Record<string, string>>;
  /**
   * `none` without a person key; `not_theirs` when a verifier decided the shared key is
   * someone else's (runs then match no employment to it); `matched` otherwise.
   */
  readonly employmentKey: 'none' | 'matched' | 'not_theirs';
  readonly events: readonly ParticipantEvent[];
  readonly months: readonly PersonMonth[];
  /** The run the achievements are from; null before any run succeeded. */
  readonly run: { readonly id: string; readonly asOf: string } | null;
  readonly achievements: readonly ParticipantAchievement[];
  /** What the ledger has paid, per outcome, over every paid bill. */
  readonly paid: readonly { readonly outcomeId: string; readonly amountCents: Cents }[];
}

/**
 * The participant in the caller's scope, with its achievements in `runId` (a run of the
 * programme; the latest succeeded one when undefined); null when the caller sees no such
 * participant, or `runId` names no succeeded run of the programme.
 */
export async function participantDetail(
  store: Store,
  months: PersonMonthsReader,
  programmeId: string,
  participantId: string,
  scope: ProviderScope,
  runId?: string,
): Promise<ParticipantDetail | null> {
  const run = await runOf(store, programmeId, runId);
  if (runId !== undefined && run === null) return null;
  const seen = await withCaller(store.db, scope.organisationId, async (tx) => {
    let query = tx
      .selectFrom('participants')
      .select([
        'participant_id',
        'provider_id',
        'person_key',
        'attributes',
        sql<string>`CAST(enrolled_on AS text)`.as('enrolled_on'),
        sql<string | null>`CAST(birth_date AS text)`.as('birth_date'),
      ])
      .where('programme_id', '=', programmeId)
      .where('participant_id', '=', participantId);
    if (scope.providerId !== undefined) query = query.where('provider_id', '=', scope.providerId);
    const participant = await query.executeTakeFirst();
    if (!participant) return null;
    const events = await tx
      .selectFrom('events')
      .select([
        'id',
        'type',
        'value',
        'source',
        'verification',
        sql<string>`CAST(occurred_on AS text)`.as('occurred_on'),
      ])
      .where('programme_id', '=', programmeId)
      .where('participant_id', '=', participantId)
      .orderBy('occurred_on')
      .orderBy('id')
      .execute();
    const achievements =
      run === null
        ? []
        : await tx
            .selectFrom('run_achievements')
            .select([
              'outcome_id',
              'version',
              'price_cents',
              'amount_cents',
              'status',
              sql<string>`CAST(achieved_on AS text)`.as('achieved_on'),
            ])
            .where('run_id', '=', run.id)
            .where('participant_id', '=', participantId)
            .orderBy('achieved_on')
            .orderBy('outcome_id')
            .execute();
    const paid = await tx
      .selectFrom('ledger_entries')
      .select((eb) => ['outcome_id', eb.fn.sum<string>('amount_cents').as('amount')])
      .where('programme_id', '=', programmeId)
      .where('participant_id', '=', participantId)
      .groupBy('outcome_id')
      .orderBy('outcome_id')
      .execute();
    return { participant, events, achievements, paid };
  });
  if (!seen) return null;
  const { participant: p } = seen;
  const employmentKey =
    p.person_key === null
      ? 'none'
      : (await keyNotTheirs(store, programmeId)).has(participantId)
        ? 'not_theirs'
        : 'matched';
  return {
    participantId: p.participant_id,
    providerId: p.provider_id,
    enrolledOn: p.enrolled_on,
    birthDate: p.birth_date,
    attributes: p.attributes,
    employmentKey,
    events: seen.events.map((e) => ({
      id: String(e.id),
      type: e.type,
      occurredOn: e.occurred_on,
      value: e.value,
      source: e.source,
      verification: e.verification,
    })),
    months:
      employmentKey === 'matched' && p.person_key !== null
        ? await monthsOf(store, months, programmeId, p.person_key)
        : [],
    run,
    achievements: seen.achievements.map((a) => ({
      outcomeId: a.outcome_id,
      achievedOn: a.achieved_on,
      version: a.version,
      priceCents: centsFromInteger(a.price_cents, 'achievement price'),
      amountCents: centsFromInteger(a.amount_cents, 'achievement amount'),
      status: a.status,
    })),
    paid: seen.paid.map((l) => ({
      outcomeId: l.outcome_id,
      // Each group has at least one entry, so its SUM is never NULL.
      amountCents: centsFromInteger(l.amount, 'ledger paid'),
    })),
  };
}

/** The run named (null when it is not a succeeded run of the programme), or the latest. */
async function runOf(
  store: Store,
  programmeId: string,
  runId: string | undefined,
): Promise<{ id: string; asOf: string } | null> {
  if (runId === undefined) {
    const latest = await latestRun(store, programmeId);
    return latest ? { id: String(latest.id), asOf: latest.as_of } : null;
  }
  const row = await store.db
    .selectFrom('evaluation_runs')
    .select(['id', sql<string>`CAST(as_of AS text)`.as('as_of')])
    .where('id', '=', runId)
    .where('programme_id', '=', programmeId)
    .where('status', '=', 'succeeded')
    .executeTakeFirst();
  return row ? { id: String(row.id), asOf: row.as_of } : null;
}

async function monthsOf(
  store: Store,
  months: PersonMonthsReader,
  programmeId: string,
  personKey: string,
) {
  const files = (await datasetsInForce(store, programmeId)).map((d) =>
    join(store.dataDir, 'files', `${d.sha256}.parquet`),
  );
  return months.read(files, personKey);
}
