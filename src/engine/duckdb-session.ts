/**
 * One in-memory DuckDB database per run: nothing of a run outlives it, and large inputs
 * spill to a temporary folder instead of failing. A run may open more connections to the
 * same database to work on two things at once; all close with the session.
 */
import { tmpdir } from 'node:os';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

export interface DuckDBSession {
  readonly conn: DuckDBConnection;
  connect(): Promise<DuckDBConnection>;
  close(): void;
}

export async function openSession(): Promise<DuckDBSession> {
  const instance = await DuckDBInstance.create(':memory:', {
    temp_directory: tmpdir(),
    preserve_insertion_order: 'true',
  });
  const connections = [await instance.connect()];
  return {
    conn: connections[0] as DuckDBConnection,
    async connect() {
      const extra = await instance.connect();
      connections.push(extra);
      return extra;
    },
    close() {
      for (const c of connections) c.closeSync();
      instance.closeSync();
    },
  };
}
