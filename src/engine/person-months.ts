/**
 * One person's employment months in a programme's stored datasets (canonical Parquet, see
 * snapshot-export.ts): per month, the earnings summed over employers and rows, as a run
 * sums them, and how many employers paid. A filter on `person_key` over the files; the
 * datasets are sorted by key, so DuckDB skips the row groups of everyone else.
 */
import { withSession } from './duckdb-session.js';
import { duckdb } from './sql/dialect.js';

export interface PersonMonth {
  /** `YYYY-MM`. */
  readonly month: string;
  /** Earnings in the month, exact two-decimal text. */
  readonly earnings: string;
  readonly employers: number;
}

export async function personMonths(
  sources: readonly string[],
  personKey: string,
): Promise<PersonMonth[]> {
  if (sources.length === 0) return [];
  const union = sources
    .map((p) => `SELECT month, employer_id, earnings FROM read_parquet(${duckdb.string(p)})`)
    .map((select) => `${select} WHERE person_key = $1`)
    .join(' UNION ALL ');
  return withSession(async (session) => {
    const reader = await session.conn.runAndReadAll(
      `SELECT month, CAST(CAST(SUM(earnings) AS DECIMAL(38,2)) AS VARCHAR) AS earnings, COUNT(DISTINCT employer_id) AS employers FROM (${union}) GROUP BY month ORDER BY month`,
      [personKey],
    );
    return reader.getRowObjectsJS().map((r) => ({
      month: String(r.month),
      earnings: String(r.earnings),
      employers: Number(r.employers),
    }));
  });
}
