/**
 * A fresh store for one test: embedded PGlite in a temporary folder, or, when the suite runs
 * against a PostgreSQL server (DATABASE_URL), a schema of its own on that server.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store, type StoreOptions } from '../../src/store/database.js';
import { tempDir } from './run-engine.js';

export const onServer = Boolean(process.env.DATABASE_URL);

export async function openTestStore(): Promise<Store> {
  return openStore(await testStoreOptions());
}

/** Options for a fresh store: a new data folder, and on a server a new schema. */
export async function testStoreOptions(): Promise<StoreOptions> {
  const dataDir = await tempDir();
  const url = process.env.DATABASE_URL;
  if (!url) return { dataDir };
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  return { url: scoped.toString(), dataDir };
}
