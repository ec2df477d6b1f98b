/**
 * `explain` for one participant: evaluate the whole snapshot (caps depend on everyone),
 * then read this participant's facts from the run tables and explain each outcome in memory.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { NOT_CUT, statusName } from '../domain/cap-pass.js';
import { parseDecimal } from '../domain/decimal.js';
import {
  explainParticipant,
  type OutcomeExplanation,
  type PaidAchievement,
} from '../domain/explain/explain-participant.js';
import type { EventFact, ParticipantFacts } from '../domain/explain/participant-facts.js';
import type { LocalDate } from '../domain/local-date.js';
import { cents, formatCents } from '../domain/money.js';
import { ProblemsError } from '../domain/problem.js';
import { type DuckDBSession, openSession } from './duckdb-session.js';
import { type EvaluationRequest, type EvaluationResult, evaluateInSession } from './evaluate.js';

export interface ParticipantExplanation {
  readonly participantId: string;
  readonly providerId: string;
  readonly segment: string | null;
  /** Null when eligible. */
  readonly ineligibleBecause: string | null;
  readonly outcomes: readonly OutcomeExplanation[];
}

/** `onEvaluated` hears the whole run's result (its summary's warnings, how inputs were read). */
export async function explain(
  request: EvaluationRequest,
  participantId: string,
  onEvaluated: (result: EvaluationResult) => void = () => {},
): Promise<ParticipantExplanation> {
  const session = await openSession();
  const scratch = await mkdtemp(join(tmpdir(), 'resulta-explain-'));
  try {
    const explained = await explainInSession(session, request, participantId, scratch);
    onEvaluated(explained.evaluation);
    return explained.explanation;
  } finally {
    await session.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * `explain` in a session the caller holds (and may limit), the outputs written to `outDir`;
 * with the facts the outcomes were judged on (null for an ineligible participant).
 */
export async function explainInSession(
  session: DuckDBSession,
  request: EvaluationRequest,
  participantId: string,
  outDir: string,
): Promise<{
  explanation: ParticipantExplanation;
  facts: ParticipantFacts | null;
  evaluation: EvaluationResult;
}> {
  const result = await evaluateInSession(session, request, outDir);
  const asked = { ...request, participantsFile: request.inputs.participants.file };
  return {
    ...(await explainFromRun(session.conn, asked, participantId, 'session')),
    evaluation: result,
  };
}

/** Where a participant's achievements and their payments are read from. */
export type PaymentsSource =
  /** An evaluation's own session: the cap pass's results are row `ord` of run_payments. */
  | 'session'
  /** An explanation index: run_achievements carries its payment (explanation-index.ts). */
  | 'index';

const PAYMENTS_FROM: Record<PaymentsSource, string> = {
  session: 'run_achievements a JOIN run_payments p ON p.rowid = a.ord',
  index: 'run_achievements a',
};

/** The participant's explanation from the run tables of an evaluated snapshot. */
export async function explainFromRun(
  conn: DuckDBConnection,
  request: Pick<EvaluationRequest, 'contract' | 'asOf'> & { readonly participantsFile: string },
  participantId: string,
  source: PaymentsSource,
): Promise<{ explanation: ParticipantExplanation; facts: ParticipantFacts | null }> {
  const rows = await conn.runAndReadAll(
    "SELECT * EXCLUDE (__age, enrolled_on, birth_date), strftime(enrolled_on, '%Y-%m-%d') AS enrolled_on, strftime(birth_date, '%Y-%m-%d') AS birth_date, CAST(__age AS VARCHAR) AS __age_text FROM run_participants WHERE participant_id = $1",
    [participantId],
  );
  const row = rows.getRowObjectsJS()[0];
  if (!row) throw new ProblemsError([await notInRun(conn, request, participantId)]);
  const pidx = Number(row.__pidx);
  const base = {
    participantId,
    providerId: String(row.provider_id),
    segment: row.__segment === null ? null : String(row.__segment),
    ineligibleBecause: row.__reason === null ? null : String(row.__reason),
  };
  if (base.ineligibleBecause !== null)
    return { explanation: { ...base, outcomes: [] }, facts: null };
  const facts = await readFacts(conn, row, pidx);
  const payments = await readPayments(conn, request.contract, pidx, source);
  const outcomes = explainParticipant(request.contract, facts, request.asOf, payments);
  return { explanation: { ...base, outcomes }, facts };
}

async function notInRun(
  conn: DuckDBConnection,
  request: { readonly asOf: string; readonly participantsFile: string },
  participantId: string,
) {
  const found = await conn.runAndReadAll(
    "SELECT strftime(enrolled_on, '%Y-%m-%d') AS enrolled_on FROM input_participants WHERE participant_id = $1",
    [participantId],
  );
  const enrolled = found.getRowObjectsJS()[0]?.enrolled_on;
  const message = enrolled
    ? `participant "${participantId}" enrolled on ${String(enrolled)}, after the as-of day ${request.asOf}, so is not in this run`
    : `participant "${participantId}" is not in ${request.participantsFile}`;
  return { code: 'explain.participant', message };
}

const text = (value: unknown) =>
  value === null || value === undefined ? undefined : String(value);

async function readFacts(
  conn: DuckDBConnection,
  row: Record<string, unknown>,
  pidx: number,
): Promise<ParticipantFacts> {
  const attributes: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(row))
    if (!key.startsWith('__')) attributes[key] = text(value);
  attributes.age_at_enrolment = text(row.__age_text);
  const events = await conn.runAndReadAll(
    "SELECT type, strftime(occurred_on, '%Y-%m-%d') AS day, CAST(value AS VARCHAR) AS value, verified FROM run_events WHERE __pidx = $1 ORDER BY occurred_on, type, value NULLS FIRST, verified",
    [pidx],
  );
  const months = await conn.runAndReadAll(
    'SELECT m, CAST(cents AS VARCHAR) AS cents FROM run_months JOIN run_persons USING (person_id) WHERE person_key = $1',
    [text(row.person_key) ?? ''],
  );
  return {
    participantId: String(row.participant_id),
    enrolledOn: String(row.enrolled_on) as LocalDate,
    hasPersonKey: row.person_key !== null,
    attributes,
    events: events.getRowObjectsJS().map(
      (e): EventFact => ({
        type: String(e.type),
        occurredOn: String(e.day) as LocalDate,
        value: e.value === null ? null : parseDecimal(String(e.value)),
        verified: e.verified === true,
      }),
    ),
    months: new Map(months.getRowObjectsJS().map((m) => [Number(m.m), BigInt(String(m.cents))])),
  };
}

async function readPayments(
  conn: DuckDBConnection,
  contract: EvaluationRequest['contract'],
  pidx: number,
  source: PaymentsSource,
): Promise<PaidAchievement[]> {
  const outcomes = contract.versions[0]?.outcomes ?? [];
  const reader = await conn.runAndReadAll(
    `SELECT a.outcome, strftime(a.achieved_on, '%Y-%m-%d') AS day, a.version, CAST(price AS BIGINT) AS price, CAST(amount AS BIGINT) AS amount, status, cut_by FROM ${PAYMENTS_FROM[source]} WHERE a.__pidx = $1 ORDER BY a.ord`,
    [pidx],
  );
  const money = (amount: unknown) => formatCents(cents(Number(amount)));
  return reader.getRowObjectsJS().map((r) => {
    const cut = Number(r.cut_by);
    return {
      outcome: outcomes[Number(r.outcome)]?.id ?? '',
      achievedOn: String(r.day),
      version: contract.versions[Number(r.version)]?.id ?? 'base',
      price: money(r.price),
      amount: money(r.amount),
      status: statusName(Number(r.status)),
      ...(cut === NOT_CUT ? {} : { cutBy: statusName(cut) }),
    };
  });
}
