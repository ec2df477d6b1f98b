/**
 * The employment file of a run's input snapshot. A programme keeps each uploaded dataset as
 * canonical Parquet; a run evaluates them as one file. Several datasets are merged and sorted,
 * so the same data always gives the same bytes, whatever the order of the uploads.
 */
import { copyFile } from 'node:fs/promises';
import { withSession } from './duckdb-session.js';
import { duckdb } from './sql/dialect.js';

const NO_EMPLOYMENT =
  'SELECT CAST(NULL AS VARCHAR) AS person_key, CAST(NULL AS VARCHAR) AS month, CAST(NULL AS VARCHAR) AS employer_id, CAST(NULL AS DECIMAL(21,2)) AS earnings WHERE FALSE';

/** Writes `sources` (canonical Parquet datasets, in upload order) as one Parquet file. */
export async function mergeEmployment(sources: readonly string[], target: string): Promise<void> {
  if (sources.length === 1) return copyFile(sources[0] as string, target);
  const union = sources.map((p) => `SELECT * FROM read_parquet(${duckdb.string(p)})`);
  const source =
    sources.length === 0
      ? NO_EMPLOYMENT
      : `SELECT * FROM (${union.join(' UNION ALL ')}) ORDER BY person_key, month, employer_id, earnings`;
  await withSession((session) =>
    session.conn.run(`COPY (${source}) TO ${duckdb.string(target)} (FORMAT parquet)`),
  );
}
