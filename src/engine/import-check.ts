/**
 * The engine's side of an import into the store: one file checked whole with the same loading
 * and cell checks as an evaluation run, its records read back as plain values, and the row
 * numbers users see for problems the store finds later (unknown providers, duplicates, scope).
 * The DuckDB session lives as long as the caller's work, so those rows can still be looked up.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { withSession } from './duckdb-session.js';
import { openCheckedInput } from './snapshot/checked-input.js';
import type { HeaderNaming } from './snapshot/header-names.js';
import type { LoadedInput } from './snapshot/load-input.js';
import { duckdb } from './sql/dialect.js';

/** A checked file: its records in a fixed order, each with its 0-based ordinal in the file. */
export interface CheckedFile<R> {
  readonly records: readonly R[];
  /** Columns beyond the table's own (participants' attributes, a national id). */
  readonly extraColumns: readonly string[];
  readonly sha256: Promise<string>;
  /** Maps record ordinals to the row numbers users see. */
  rowOf(ordinals: readonly number[]): Promise<Map<number, number>>;
}

export interface ParticipantRecord {
  readonly ord: number;
  readonly participant_id: string;
  readonly provider_id: string;
  readonly enrolled_on: string;
  readonly person_key: string | null;
  readonly birth_date: string | null;
  /** The extra columns' cells, as text; null for an empty cell. */
  readonly extra: Readonly<Record<string, string | null>>;
}

export interface EventRecord {
  readonly ord: number;
  readonly participant_id: string;
  readonly type: string;
  readonly occurred_on: string;
  readonly value: string | null;
  /** `provider` when the file leaves it empty. */
  readonly source: string;
  readonly verified: boolean;
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

async function withCheckedFile<R, T>(
  role: 'participants' | 'events',
  path: string,
  file: string,
  read: (conn: DuckDBConnection, input: LoadedInput) => Promise<R[]>,
  work: (checked: CheckedFile<R>) => Promise<T>,
  naming: HeaderNaming,
): Promise<T> {
  return withSession(async (session) => {
    const input = await openCheckedInput(session.conn, duckdb, role, path, file, naming);
    const records = await read(session.conn, input);
    return work({
      records,
      extraColumns: input.extraColumns,
      sha256: input.sha256,
      rowOf: input.rowOf,
    });
  });
}

/**
 * Checks a participants file and hands its records, in participant_id order, to `work`.
 * `naming` renames the sender's headers (a column mapping; `{}` for none).
 */
export function withCheckedParticipants<T>(
  path: string,
  file: string,
  naming: HeaderNaming,
  work: (checked: CheckedFile<ParticipantRecord>) => Promise<T>,
): Promise<T> {
  return withCheckedFile(
    'participants',
    path,
    file,
    async (conn, input) => {
      const extra = input.extraColumns.map((c) => `, ${duckdb.ident(c)}`).join('');
      const reader = await conn.runAndReadAll(`SELECT __ord, participant_id, provider_id,
        strftime(enrolled_on, '%Y-%m-%d') AS enrolled_on, person_key,
        strftime(birth_date, '%Y-%m-%d') AS birth_date${extra}
        FROM input_participants ORDER BY participant_id`);
      return reader.getRowObjectsJS().map((r) => ({
        ord: Number(r.__ord),
        participant_id: String(r.participant_id),
        provider_id: String(r.provider_id),
        enrolled_on: String(r.enrolled_on),
        person_key: text(r.person_key),
        birth_date: text(r.birth_date),
        extra: Object.fromEntries(input.extraColumns.map((c) => [c, text(r[c])])),
      }));
    },
    work,
    naming,
  );
}

/** Checks an events file and hands its records, in file order, to `work`. */
export function withCheckedEvents<T>(
  path: string,
  file: string,
  naming: HeaderNaming,
  work: (checked: CheckedFile<EventRecord>) => Promise<T>,
): Promise<T> {
  return withCheckedFile(
    'events',
    path,
    file,
    async (conn) => {
      const reader = await conn.runAndReadAll(`SELECT __ord, participant_id, type,
        strftime(occurred_on, '%Y-%m-%d') AS occurred_on, CAST(value AS VARCHAR) AS value,
        COALESCE(source, 'provider') AS source, COALESCE(verified, FALSE) AS verified
        FROM input_events ORDER BY __ord`);
      return reader.getRowObjectsJS().map((r) => ({
        ord: Number(r.__ord),
        participant_id: String(r.participant_id),
        type: String(r.type),
        occurred_on: String(r.occurred_on),
        value: text(r.value),
        source: String(r.source),
        verified: r.verified === true,
      }));
    },
    work,
    naming,
  );
}

/**
 * Checks an employment file and writes it to `target` as canonical Parquet (person_key,
 * month `YYYY-MM`, employer_id, earnings as a two-decimal number) in file order, so the same
 * data always gives the same bytes. Returns the number of rows written.
 */
export async function writeCanonicalEmployment(
  path: string,
  file: string,
  target: string,
  naming: HeaderNaming = {},
): Promise<number> {
  return withSession(async ({ conn }) => {
    await openCheckedInput(conn, duckdb, 'employment', path, file, naming);
    await conn.run(`COPY (SELECT person_key, strftime(make_date(month // 12, month % 12 + 1, 1), '%Y-%m') AS month, employer_id,
        CAST(earnings AS DECIMAL(18,0)) * CAST(0.01 AS DECIMAL(3,2)) AS earnings
      FROM input_employment ORDER BY __ord) TO ${duckdb.string(target)} (FORMAT parquet)`);
    const counted = await conn.runAndReadAll(
      `SELECT COUNT(*) AS n FROM read_parquet(${duckdb.string(target)})`,
    );
    return Number(counted.getRowObjectsJS()[0]?.n);
  });
}
