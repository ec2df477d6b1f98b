/**
 * Which stored employment datasets already hold records of a new one. Runs add up every
 * record of the datasets in force (spec: rows are never deduplicated), so a record of the
 * same person, month and employer in two of them counts twice: a retried upload, the same
 * file sorted otherwise, or a correction sent without saying what it corrects. The datasets
 * are canonical Parquet (import-check.ts), compared as sets of (person_key, month, employer_id).
 */
import { withSession } from './duckdb-session.js';
import { duckdb } from './sql/dialect.js';

export interface EmploymentOverlap {
  /** Index of the stored dataset in the list given. */
  readonly index: number;
  /** Distinct (person, month, employer) of the new dataset found in it. */
  readonly shared: number;
  /** Distinct (person, month, employer) of the new dataset, and of the stored one. */
  readonly candidateKeys: number;
  readonly storedKeys: number;
}

/** The stored datasets sharing records with `candidate`, most shared first. */
export async function employmentOverlaps(
  candidate: string,
  stored: readonly string[],
): Promise<EmploymentOverlap[]> {
  if (stored.length === 0) return [];
  const files = `[${stored.map((p) => duckdb.string(p)).join(', ')}]`;
  return withSession(async ({ conn }) => {
    const reader = await conn.runAndReadAll(`
      WITH fresh AS (
        SELECT DISTINCT person_key, month, employer_id FROM read_parquet(${duckdb.string(candidate)})
      ), held AS (
        SELECT DISTINCT filename, person_key, month, employer_id
        FROM read_parquet(${files}, filename = true)
      ), sizes AS (
        SELECT filename, COUNT(*) AS stored_keys FROM held GROUP BY filename
      )
      SELECT h.filename, COUNT(*) AS shared, ANY_VALUE(s.stored_keys) AS stored_keys,
        (SELECT COUNT(*) FROM fresh) AS candidate_keys
      FROM fresh f
      JOIN held h ON h.person_key = f.person_key AND h.month = f.month
        AND h.employer_id IS NOT DISTINCT FROM f.employer_id
      JOIN sizes s ON s.filename = h.filename
      GROUP BY h.filename
      ORDER BY shared DESC, h.filename`);
    return reader.getRowObjectsJS().map((r) => ({
      index: stored.indexOf(String(r.filename)),
      shared: Number(r.shared),
      candidateKeys: Number(r.candidate_keys),
      storedKeys: Number(r.stored_keys),
    }));
  });
}
