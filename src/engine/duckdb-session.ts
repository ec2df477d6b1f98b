/**
 * One in-memory DuckDB database per run: nothing of a run outlives it, and large inputs
 * spill to a temporary folder instead of failing.
 */
import { tmpdir } from 'node:os';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

export interface DuckDBSession {
  readonly conn: DuckDBConnection;
  close(): void;
}

export async function openSession(): Promise<DuckDBSession> {
  const instance = await DuckDBInstance.create(':memory:', {
    temp_directory: tmpdir(),
    preserve_insertion_order: 'true',
  });
  const conn = await instance.connect();
  return {
    conn,
    close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}
