/**
 * Person keys shared by several participants of a programme: one person enrolled more than
 * once, or someone enrolled under another person's national id. Each of them would be paid
 * for that person's employment, so every participant of a shared key is held from bills until
 * a verifier decides which of them the key belongs to (with a reason, in the audit log).
 *
 * - The latest decision on a key stands and covers the key's participants when it was made.
 *   A participant it says the key is not theirs is evaluated without employment records (the
 *   run snapshot leaves their key empty); one enrolled under the key later is held again.
 * - Only funders and verifiers see shared keys: a provider must not learn that another
 *   provider enrolled the same person. Imports say nothing about it either.
 */
import { sql, type Transaction } from 'kysely';
import { ProblemsError } from '../domain/problem.js';
import { appendAudit } from '../store/audit-log.js';
import type { Store } from '../store/database.js';
import type { Database } from '../store/schema.js';
import type { Actor } from './actor.js';

/** `held` until decided; then the key is `theirs` or `not_theirs`. */
export type Standing = 'held' | 'theirs' | 'not_theirs';

export interface SharedKeyParticipant {
  readonly participantId: string;
  readonly providerId: string;
  readonly enrolledOn: string;
  readonly standing: Standing;
}

export interface SharedKeyDecision {
  readonly id: string;
  readonly reason: string;
  readonly decidedBy: string;
  readonly decidedAt: Date;
}

export interface SharedKey {
  readonly personKey: string;
  /** True while any of its participants is held. */
  readonly held: boolean;
  readonly participants: readonly SharedKeyParticipant[];
  readonly decision: SharedKeyDecision | null;
}

type Reader = Store['db'] | Transaction<Database>;

const SHARED_KEY_LOCK = 7_240_524;

/** The programme's keys held by more than one participant. */
const sharedKeys = (db: Reader, programmeId: string) =>
  db
    .selectFrom('participants')
    .select('person_key')
    .where('programme_id', '=', programmeId)
    .where('person_key', 'is not', null)
    .groupBy('person_key')
    .having((eb) => eb.fn.countAll(), '>', 1);

/** The latest decision on a key of the programme. */
const latestDecision = (db: Reader, programmeId: string) =>
  db
    .selectFrom('person_key_decisions')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('programme_id', '=', programmeId)
    .groupBy('person_key');

/**
 * Participants whose key is shared and whom no decision on it covers, in id order: bills
 * leave their achievements out.
 */
export async function heldParticipants(db: Reader, programmeId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('participants as p')
    .select('p.participant_id')
    .where('p.programme_id', '=', programmeId)
    .where('p.person_key', 'in', sharedKeys(db, programmeId))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('person_key_claims as c')
            .innerJoin('person_key_decisions as d', 'd.id', 'c.decision_id')
            .select('c.participant_id')
            .whereRef('c.participant_id', '=', 'p.participant_id')
            .whereRef('d.person_key', '=', 'p.person_key')
            .where('d.programme_id', '=', programmeId)
            .where('d.id', 'in', latestDecision(db, programmeId)),
        ),
      ),
    )
    .orderBy('p.participant_id')
    .execute();
  return rows.map((r) => r.participant_id);
}

/** Participants the latest decision on their key says it is not theirs. */
export async function keyNotTheirs(store: Store, programmeId: string): Promise<Set<string>> {
  const rows = await store.db
    .selectFrom('person_key_claims as c')
    .innerJoin('person_key_decisions as d', 'd.id', 'c.decision_id')
    .innerJoin('participants as p', (join) =>
      join
        .onRef('p.participant_id', '=', 'c.participant_id')
        .onRef('p.person_key', '=', 'd.person_key')
        .on('p.programme_id', '=', programmeId),
    )
    .select('c.participant_id')
    .where('d.programme_id', '=', programmeId)
    .where('d.id', 'in', latestDecision(store.db, programmeId))
    .where('c.belongs', '=', false)
    .execute();
  return new Set(rows.map((r) => r.participant_id));
}

/** Every shared key of the programme (or only `key`), its participants and standing. */
export async function listSharedKeys(
  db: Reader,
  programmeId: string,
  key?: string,
): Promise<SharedKey[]> {
  let query = db
    .selectFrom('participants')
    .select(['person_key', 'participant_id', 'provider_id', 'enrolled_on'])
    .where('programme_id', '=', programmeId)
    .where('person_key', 'in', sharedKeys(db, programmeId));
  if (key !== undefined) query = query.where('person_key', '=', key);
  const participants = await query.orderBy('person_key').orderBy('participant_id').execute();
  if (participants.length === 0) return [];
  const decisions = await db
    .selectFrom('person_key_decisions')
    .select(['id', 'person_key', 'reason', 'decided_by', 'decided_at'])
    .where('id', 'in', latestDecision(db, programmeId))
    .where('person_key', 'in', [...new Set(participants.map((p) => p.person_key as string))])
    .execute();
  const claims = decisions.length
    ? await db
        .selectFrom('person_key_claims')
        .select(['decision_id', 'participant_id', 'belongs'])
        .where(
          'decision_id',
          'in',
          decisions.map((d) => d.id),
        )
        .execute()
    : [];
  const decisionOf = new Map(decisions.map((d) => [d.person_key, d]));
  const claimOf = new Map(claims.map((c) => [`${c.decision_id}:${c.participant_id}`, c.belongs]));
  const keys = new Map<string, SharedKeyParticipant[]>();
  for (const p of participants) {
    const personKey = p.person_key as string;
    const decision = decisionOf.get(personKey);
    const belongs = decision ? claimOf.get(`${decision.id}:${p.participant_id}`) : undefined;
    const standing: Standing = belongs === undefined ? 'held' : belongs ? 'theirs' : 'not_theirs';
    const list = keys.get(personKey) ?? [];
    list.push({
      participantId: p.participant_id,
      providerId: p.provider_id,
      enrolledOn: p.enrolled_on,
      standing,
    });
    keys.set(personKey, list);
  }
  return [...keys].map(([personKey, list]) => {
    const d = decisionOf.get(personKey);
    return {
      personKey,
      held: list.some((p) => p.standing === 'held'),
      participants: list,
      decision: d
        ? {
            id: String(d.id),
            reason: d.reason,
            decidedBy: d.decided_by,
            decidedAt: new Date(d.decided_at),
          }
        : null,
    };
  });
}

/**
 * Records which of a shared key's participants it belongs to (none, one or several); the
 * others are evaluated without employment. Undefined when the programme shares no such key.
 */
export async function decideSharedKey(
  store: Store,
  actor: Actor,
  programmeId: string,
  personKey: string,
  belongsTo: readonly string[],
  reason: string,
): Promise<SharedKey | undefined> {
  if (reason.trim() === '')
    throw new ProblemsError([
      { code: 'person_key.reason', message: 'a decision on a shared person key needs a reason' },
    ]);
  return store.db.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(${SHARED_KEY_LOCK}, hashtext(${programmeId}))`.execute(
      tx,
    );
    const [current] = await listSharedKeys(tx, programmeId, personKey);
    if (!current) return undefined;
    const ids = new Set(current.participants.map((p) => p.participantId));
    const strangers = [...new Set(belongsTo)].filter((id) => !ids.has(id));
    if (strangers.length > 0)
      throw new ProblemsError([
        {
          code: 'person_key.participant',
          message: `${strangers.map((s) => `"${s}"`).join(', ')} ${strangers.length === 1 ? 'is' : 'are'} not among this key's participants (${[...ids].join(', ')})`,
        },
      ]);
    const theirs = new Set(belongsTo);
    const decision = await tx
      .insertInto('person_key_decisions')
      .values({ programme_id: programmeId, person_key: personKey, reason, decided_by: actor.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('person_key_claims')
      .values(
        [...ids].map((id) => ({
          decision_id: decision.id,
          participant_id: id,
          belongs: theirs.has(id),
        })),
      )
      .execute();
    await appendAudit(tx, {
      actor: actor.id,
      action: 'decide',
      entity: 'person_key',
      entityId: `${programmeId}:${personKey}`,
      reason,
      data: {
        decision: decision.id,
        theirs: [...ids].filter((id) => theirs.has(id)),
        not_theirs: [...ids].filter((id) => !theirs.has(id)),
      },
    });
    const [decided] = await listSharedKeys(tx, programmeId, personKey);
    return decided;
  });
}

/**
 * A bill's lines without those of held participants, and who was held back (those with a
 * line, in id order): drafting pays nobody whose key is shared and undecided.
 */
export async function withoutHeld<T extends { readonly participant_id: string }>(
  db: Reader,
  programmeId: string,
  lines: readonly T[],
): Promise<{ lines: T[]; held: string[] }> {
  const held = new Set(await heldParticipants(db, programmeId));
  const heldBack = new Set(
    lines.filter((l) => held.has(l.participant_id)).map((l) => l.participant_id),
  );
  return {
    lines: lines.filter((l) => !held.has(l.participant_id)),
    held: [...heldBack].sort(),
  };
}
