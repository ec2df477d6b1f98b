/**
 * Moves achievements from DuckDB into the cap pass's typed arrays and its results back, a
 * data chunk at a time; the cap pass itself stays pure domain code.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { AchievementColumns, PaymentColumns } from '../domain/cap-pass.js';
import { BIGINT, DuckDBDataChunk, INTEGER, UTINYINT } from './duckdb-library.js';

const COLUMNS = ['__pidx', 'outcome', 'day', 'version', 'segment', 'bonus'] as const;

export async function readAchievements(conn: DuckDBConnection): Promise<AchievementColumns> {
  const countReader = await conn.runAndReadAll('SELECT COUNT(*) AS n FROM run_achievements');
  const count = Number(countReader.getRowObjectsJS()[0]?.n ?? 0);
  const arrays = COLUMNS.map(() => new Int32Array(count));
  const result = await conn.stream(
    `SELECT ${COLUMNS.join(', ')} FROM run_achievements ORDER BY ord`,
  );
  let offset = 0;
  for (
    let chunk = await result.fetchChunk();
    chunk && chunk.rowCount > 0;
    chunk = await result.fetchChunk()
  ) {
    for (const [c, array] of arrays.entries()) {
      array.set(chunk.getColumnValues(c) as number[], offset);
    }
    offset += chunk.rowCount;
  }
  const [participant, outcome, day, version, segment, bonusPercent] = arrays as [
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
  ];
  return { count, participant, outcome, day, version, segment, bonusPercent };
}

const CHUNK = 2048;
const INT32_MAX = 2 ** 31 - 1;

/**
 * Appends the cap pass results as `run_payments(price, amount, status, cut_by)`; row i is
 * achievement ord i (the appender keeps insertion order, so `rowid` = ord). Cents travel as
 * INTEGER when every amount fits, which spares a BigInt per value; otherwise as BIGINT.
 */
export async function appendPayments(
  conn: DuckDBConnection,
  payments: PaymentColumns,
): Promise<void> {
  // Prices alone decide: the cap pass asserts 0 ≤ amount ≤ price for every achievement.
  const small = payments.price.every((p) => p <= INT32_MAX);
  const money = small ? INTEGER : BIGINT;
  await conn.run(
    `CREATE OR REPLACE TABLE run_payments (price ${money}, amount ${money}, status UTINYINT, cut_by UTINYINT)`,
  );
  const appender = await conn.createAppender('run_payments');
  const count = payments.price.length;
  const values = (array: Float64Array, start: number, size: number) =>
    small
      ? Array.from(array.subarray(start, start + size))
      : Array.from(array.subarray(start, start + size), BigInt);
  for (let start = 0; start < count; start += CHUNK) {
    const size = Math.min(CHUNK, count - start);
    const chunk = DuckDBDataChunk.create([money, money, UTINYINT, UTINYINT], size);
    chunk.setColumnValues(0, values(payments.price, start, size));
    chunk.setColumnValues(1, values(payments.amount, start, size));
    chunk.setColumnValues(2, Array.from(payments.status.subarray(start, start + size)));
    chunk.setColumnValues(3, Array.from(payments.cutBy.subarray(start, start + size)));
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
}
