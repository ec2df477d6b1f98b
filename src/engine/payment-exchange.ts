/**
 * Moves achievements from DuckDB into the cap pass's typed arrays and its results back, a
 * data chunk at a time; the cap pass itself stays pure domain code.
 */
import {
  BIGINT,
  type DuckDBConnection,
  DuckDBDataChunk,
  INTEGER,
  UTINYINT,
} from '@duckdb/node-api';
import type { AchievementColumns, PaymentColumns } from '../domain/cap-pass.js';

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

export async function appendPayments(
  conn: DuckDBConnection,
  payments: PaymentColumns,
): Promise<void> {
  await conn.run(
    'CREATE OR REPLACE TEMP TABLE run_payments (ord INTEGER, price BIGINT, amount BIGINT, status UTINYINT)',
  );
  const appender = await conn.createAppender('run_payments');
  const count = payments.price.length;
  for (let start = 0; start < count; start += CHUNK) {
    const size = Math.min(CHUNK, count - start);
    const chunk = DuckDBDataChunk.create([INTEGER, BIGINT, BIGINT, UTINYINT], size);
    const range = (array: Float64Array | Uint8Array) =>
      Array.from(array.subarray(start, start + size));
    chunk.setColumnValues(
      0,
      Array.from({ length: size }, (_, i) => start + i),
    );
    chunk.setColumnValues(1, range(payments.price).map(BigInt));
    chunk.setColumnValues(2, range(payments.amount).map(BigInt));
    chunk.setColumnValues(3, range(payments.status));
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
}
