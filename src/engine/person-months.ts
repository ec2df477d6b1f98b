/**
 * People's employment months in a programme's stored datasets (canonical Parquet, see
 * snapshot-export.ts): per month, the earnings summed over employers and rows, as a run
 * sums them, and how many employers paid. A filter on `person_key` over the files; the
 * datasets are sorted by key, so DuckDB skips the row groups of everyone else.
 *
 * The reader keeps one DuckDB database open with its Parquet metadata cache on: a national
 * dataset has some 1,400 row groups whose footers took 40 of the 70 ms of every participant
 * page when each read opened a database of its own. Stored files are named by their digest
 * and never change, so what the cache holds never goes stale.
 */
import { Semaphore } from '../files/semaphore.js';
import { type DuckDBSession, openSession } from './duckdb-session.js';
import { duckdb } from './sql/dialect.js';

export interface PersonMonth {
  /** `YYYY-MM`. */
  readonly month: string;
  /** Earnings in the month, exact two-decimal text. */
  readonly earnings: string;
  readonly employers: number;
}

export interface PersonMonthsReader {
  /** The months of `personKey` in `sources` (Parquet files), in month order. */
  read(sources: readonly string[], personKey: string): Promise<PersonMonth[]>;
  /** Interrupts a read under way, waits for it, and closes the database; reads after fail. */
  close(): Promise<void>;
}

export function openPersonMonthsReader(): PersonMonthsReader {
  let session: Promise<DuckDBSession> | undefined;
  let closed = false;
  // One connection, one read at a time: each is a few milliseconds of a few row groups.
  const turns = new Semaphore(1);
  const opened = async () => {
    const s = await openSession();
    await s.conn.run('SET parquet_metadata_cache = true');
    return s;
  };
  return {
    async read(sources, personKey) {
      if (closed) throw new Error('the employment months reader is closed');
      if (sources.length === 0) return [];
      session ??= opened();
      const { conn } = await session;
      return turns.run(async () => {
        const reader = await conn.runAndReadAll(monthsQuery(sources), [personKey]);
        return reader.getRowObjectsJS().map((r) => ({
          month: String(r.month),
          earnings: String(r.earnings),
          employers: Number(r.employers),
        }));
      });
    },
    async close() {
      closed = true;
      if (session) await (await session).close();
    },
  };
}

function monthsQuery(sources: readonly string[]): string {
  const union = sources
    .map((p) => `SELECT month, employer_id, earnings FROM read_parquet(${duckdb.string(p)})`)
    .map((select) => `${select} WHERE person_key = $1`)
    .join(' UNION ALL ');
  return `SELECT month, CAST(CAST(SUM(earnings) AS DECIMAL(38,2)) AS VARCHAR) AS earnings, COUNT(DISTINCT employer_id) AS employers FROM (${union}) GROUP BY month ORDER BY month`;
}
