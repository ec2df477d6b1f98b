/**
 * Evaluates a contract over an input snapshot as of a day (spec §3) and writes the spec's
 * outputs into a folder: load and check every input, find each rule's achievements in SQL,
 * run the cap pass in integer cents, then write achievements, participants and summary.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  type AchievementColumns,
  type PaymentColumns,
  payAchievements,
} from '../domain/cap-pass.js';
import type { Contract } from '../domain/contract/contract.js';
import { rulePieces } from '../domain/contract/versions.js';
import type { LocalDate } from '../domain/local-date.js';
import { type Cents, centsFromInteger } from '../domain/money.js';
import { type Problem, ProblemsError, problem, sortProblems } from '../domain/problem.js';
import { buildSummary, type Summary, summaryJson } from '../domain/summary.js';
import { type DuckDBSession, withSession } from './duckdb-session.js';
import { appendPayments, readAchievements } from './payment-exchange.js';
import {
  attributeWarnings,
  contractAttributes,
  employmentOutcomes,
  eventTypeWarnings,
  type InputWarning,
} from './snapshot/contract-warnings.js';
import { employmentCellProblems, inputProblems } from './snapshot/cross-checks.js';
import type { InputReading } from './snapshot/input-reading.js';
import { INPUT_ROLES, type InputRole } from './snapshot/input-tables.js';
import { type LoadedInput, type OpenOptions, openInput } from './snapshot/load-input.js';
import {
  achievementsCsvSql,
  participantsCsvSql,
  participantTotalsSql,
  providerTotalsSql,
} from './sql/compile-outputs.js';
import { participantsSql } from './sql/compile-participants.js';
import { compileRule } from './sql/compile-rule.js';
import {
  achievementsSql,
  eligibleSql,
  eventsSql,
  monthsSql,
  personsSql,
} from './sql/compile-run.js';
import { type Dialect, duckdb } from './sql/dialect.js';
import { injectFault } from './test-fault.js';

export interface InputFile {
  /** Where to read it. */
  readonly path: string;
  /** How to name it in messages (as the user gave it). */
  readonly file: string;
}

export interface EvaluationRequest {
  readonly contract: Contract;
  readonly contractSha256: string;
  /** The three inputs; employment may be left out when no outcome counts employment. */
  readonly inputs: Readonly<Record<Exclude<InputRole, 'employment'>, InputFile>> & {
    readonly employment?: InputFile;
  };
  readonly asOf: LocalDate;
  /** How the user's files are written (separator, decimal mark, encoding, mapping, sheets). */
  readonly reading?: InputReading;
}

/** Reports each step as it starts; `done` of `total` steps. */
export type ProgressListener = (step: string, done: number, total: number) => void;

export interface EvaluationResult {
  readonly summary: Summary;
  readonly achievements: AchievementColumns;
  readonly payments: PaymentColumns;
  /** How each CSV input was read (separator, decimal mark, encoding), for people to check. */
  readonly layouts: readonly { readonly file: string; readonly layout: InputLayout }[];
}

export type InputLayout = NonNullable<LoadedInput['layout']>;

/** Evaluates and writes the outputs into `outDir`; throws ProblemsError on bad input. */
export async function evaluate(
  request: EvaluationRequest,
  outDir: string,
  onProgress: ProgressListener = () => {},
): Promise<EvaluationResult> {
  return withSession((session) => evaluateInSession(session, request, outDir, onProgress));
}

/** Evaluates in an open session and leaves the run tables there for `explain`. */
export async function evaluateInSession(
  session: DuckDBSession,
  request: EvaluationRequest,
  outDir: string,
  onProgress: ProgressListener = () => {},
  d: Dialect = duckdb,
): Promise<EvaluationResult> {
  const scratch = new Scratch();
  try {
    return await evaluateLoaded(session, request, outDir, onProgress, d, scratch);
  } finally {
    await scratch.remove();
  }
}

async function evaluateLoaded(
  session: DuckDBSession,
  request: EvaluationRequest,
  outDir: string,
  onProgress: ProgressListener,
  d: Dialect,
  scratch: Scratch,
): Promise<EvaluationResult> {
  const outcomes = request.contract.versions[0]?.outcomes ?? [];
  const total = INPUT_ROLES.length + 3 + outcomes.length;
  let done = 0;
  const step = (label: string) => onProgress(label, done++, total);

  const { loaded, employmentCheck } = await loadAndCheck(session, d, request, step, scratch);
  const warnings = [
    ...attributeWarnings(request.contract, loaded.participants),
    ...(await eventTypeWarnings(session.conn, request.contract, loaded.events)),
  ];
  step('participants and eligibility');
  const attributes = new Set([...loaded.participants.extraColumns, ...STANDARD_COLUMNS]);
  await selectEvidence(session.conn, d, request, attributes);
  await injectFault('rules', session);
  const tables = await findAchievements(session.conn, d, request, step);
  step('caps and payments');
  await session.conn.run(achievementsSql(d, request.contract, tables, attributes));
  const counts = await participantCounts(session.conn);
  const achievements = await readAchievements(session.conn);
  await injectFault('cap-pass', session);
  const payments = payAchievements(request.contract, achievements, counts.total);
  await appendPayments(session.conn, payments);
  await session.conn.run(participantTotalsSql);

  const lateProblems = await employmentCheck;
  if (lateProblems.length > 0) throw new ProblemsError(sortProblems(lateProblems));
  step('writing outputs');
  const summary = await writeOutputs(session, d, request, outDir, loaded, {
    counts,
    achievements,
    payments,
    warnings,
  });
  onProgress('done', total, total);
  const layouts = INPUT_ROLES.flatMap((role) => {
    const { file, layout } = loaded[role];
    return layout ? [{ file, layout }] : [];
  });
  return { summary, achievements, payments, layouts };
}

/**
 * The run's private folder for temporary copies of inputs (a Latin-1 file as UTF-8), made
 * on first use inside the system's temporary folder (a run's own under the server, whose
 * TMPDIR points into it) and removed when the run ends, whatever happened.
 */
class Scratch {
  private folder: Promise<string> | undefined;

  readonly get = (): Promise<string> => {
    this.folder ??= mkdtemp(join(tmpdir(), 'resulta-inputs-'));
    return this.folder;
  };

  async remove(): Promise<void> {
    const folder = await this.folder?.catch(() => undefined);
    if (folder) await rm(folder, { recursive: true, force: true });
  }
}

/** Participants columns that are attributes too, besides the file's extra columns. */
const STANDARD_COLUMNS = [
  'participant_id',
  'provider_id',
  'enrolled_on',
  'person_key',
  'birth_date',
];

/**
 * Opens the three inputs, all at once, and checks them. The employment cells, tens of
 * millions at national scale, are listed on a second connection while the run goes on; the
 * caller waits for that before writing any output, and if the run fails first, closing the
 * session interrupts the work still running and waits for it.
 */
async function loadAndCheck(
  session: DuckDBSession,
  d: Dialect,
  request: EvaluationRequest,
  step: (label: string) => void,
  scratch: Scratch,
): Promise<{ loaded: Record<InputRole, LoadedInput>; employmentCheck: Promise<Problem[]> }> {
  const needEmployment = employmentOutcomes(request.contract);
  if (!request.inputs.employment && needEmployment.length > 0) {
    throw new ProblemsError([
      problem('input.file.employment_needed', { outcomes: needEmployment.join(', ') }),
    ]);
  }
  const loaded = {} as Record<InputRole, LoadedInput>;
  // The three files are read at once, each on a connection of its own: DuckDB reads a CSV
  // file in 8 MB pieces, so a small file alone keeps one core busy.
  await Promise.all(
    INPUT_ROLES.map(async (role) => {
      step(`reading ${role}`);
      const input = request.inputs[role];
      loaded[role] = await session.concurrently((conn) =>
        input
          ? openInput(conn, d, role, input.path, input.file, openOptions(request, role, scratch))
          : noEmployment(conn),
      );
    }),
  );
  const employmentCheck = employmentCellProblems(session, loaded.employment);
  await injectFault('read', session);
  const problems = await inputProblems(session.conn, loaded);
  if (problems.length > 0) {
    throw new ProblemsError(sortProblems([...problems, ...(await employmentCheck)]));
  }
  return { loaded, employmentCheck };
}

/** How one input is read: what the user said of their files, and the contract's names. */
function openOptions(request: EvaluationRequest, role: InputRole, scratch: Scratch): OpenOptions {
  const reading = request.reading ?? {};
  const mapping = reading.columns?.[role];
  const sheet = reading.sheets?.[role];
  return {
    naming: {
      ...(mapping ? { mapping } : {}),
      ...(role === 'participants' ? { attributes: contractAttributes(request.contract) } : {}),
    },
    ...(reading.delimiter ? { delimiter: reading.delimiter } : {}),
    ...(reading.decimal ? { decimal: reading.decimal } : {}),
    ...(reading.encoding ? { encoding: reading.encoding } : {}),
    ...(sheet ? { sheet } : {}),
    scratch: scratch.get,
  };
}

/**
 * The employment table of a run given no employment file (its contract counts no
 * employment): empty, with the columns and types the rules read.
 */
async function noEmployment(conn: DuckDBConnection): Promise<LoadedInput> {
  await conn.run(`CREATE OR REPLACE VIEW input_employment AS SELECT
      CAST(NULL AS BIGINT) AS __ord, CAST(NULL AS VARCHAR) AS person_key,
      CAST(NULL AS INTEGER) AS month, CAST(NULL AS BIGINT) AS earnings,
      TRUE AS __ok, CAST(NULL AS VARCHAR) AS __problem
    WHERE FALSE`);
  return {
    role: 'employment',
    file: '',
    sha256: Promise.resolve(''),
    extraColumns: [],
    columns: [],
    problems: [],
    // Nothing to check: no cell problems are looked for.
    readable: false,
    rowOf: async () => new Map(),
  };
}

/** The run's participants, and the events and employment months that can count for them. */
async function selectEvidence(
  conn: DuckDBConnection,
  d: Dialect,
  request: EvaluationRequest,
  attributes: Set<string>,
): Promise<void> {
  await conn.run(participantsSql(d, request.contract, request.asOf, attributes));
  await conn.run(personsSql);
  await conn.run(eligibleSql);
  await conn.run(eventsSql(d, request.asOf));
  await conn.run(monthsSql(request.asOf));
}

/** Each rule in contract order into `achieved_<i>`; returns the table names. */
async function findAchievements(
  conn: DuckDBConnection,
  d: Dialect,
  request: EvaluationRequest,
  step: (label: string) => void,
): Promise<string[]> {
  const outcomes = request.contract.versions[0]?.outcomes ?? [];
  const tables = outcomes.map((_, i) => `achieved_${i}`);
  for (const [i, rule] of outcomes.entries()) {
    step(`outcome ${rule.id}`);
    const anchor = outcomes.findIndex((o) => o.id === rule.after);
    const target = {
      table: tables[i] as string,
      anchorTable: anchor >= 0 ? (tables[anchor] as string) : null,
    };
    await conn.run(compileRule(d, rulePieces(request.contract, i), request.asOf, target));
  }
  return tables;
}

async function writeOutputs(
  session: DuckDBSession,
  d: Dialect,
  request: EvaluationRequest,
  outDir: string,
  loaded: Record<InputRole, LoadedInput>,
  run: {
    counts: { total: number; eligible: number };
    achievements: AchievementColumns;
    payments: PaymentColumns;
    warnings: readonly InputWarning[];
  },
): Promise<Summary> {
  const { conn } = session;
  // The two files are written at once: DuckDB writes each mostly on one thread.
  await Promise.all([
    conn.run(achievementsCsvSql(d, request.contract, join(outDir, 'achievements.csv'))),
    session.concurrently((other) =>
      other.run(participantsCsvSql(d, join(outDir, 'participants.csv'))),
    ),
  ]);
  await injectFault('write', session);
  const summary = buildSummary({
    contract: request.contract,
    asOf: request.asOf,
    participants: run.counts,
    achievements: run.achievements,
    payments: run.payments,
    byProvider: await providerTotals(conn),
    inputs: {
      contract: request.contractSha256,
      participants: await loaded.participants.sha256,
      events: await loaded.events.sha256,
      ...(request.inputs.employment ? { employment: await loaded.employment.sha256 } : {}),
    },
    warnings: run.warnings,
  });
  await writeFile(join(outDir, 'summary.json'), summaryJson(summary));
  return summary;
}

async function participantCounts(
  conn: DuckDBConnection,
): Promise<{ total: number; eligible: number }> {
  const reader = await conn.runAndReadAll(
    'SELECT COUNT(*) AS total, COUNT(*) FILTER (WHERE __reason IS NULL) AS eligible FROM run_participants',
  );
  const row = reader.getRowObjectsJS()[0] ?? {};
  return { total: Number(row.total), eligible: Number(row.eligible) };
}

async function providerTotals(conn: DuckDBConnection): Promise<Map<string, Cents>> {
  const reader = await conn.runAndReadAll(providerTotalsSql);
  return new Map(
    reader
      .getRowObjectsJS()
      .map((r) => [String(r.provider_id), centsFromInteger(r.total, 'provider total')]),
  );
}
