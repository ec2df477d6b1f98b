/**
 * A fresh store for one test: embedded PGlite in a temporary folder, or, when the suite runs
 * against a PostgreSQL server (DATABASE_URL), a schema of its own on that server. Folders
 * and schemas are removed when the test file ends.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';
import { openStore, type Store, type StoreOptions } from '../../src/store/database.js';
import { tempDir } from './run-engine.js';

export const onServer = Boolean(process.env.DATABASE_URL);

/** Schemas this test file made on the server. */
const schemas: string[] = [];

// Runs after the file's own afterAll hooks (hooks run in reverse order), once its stores
// are closed.
afterAll(async () => {
  const url = process.env.DATABASE_URL;
  if (!url || schemas.length === 0) return;
  await onAdmin(url, async (admin) => {
    for (const schema of schemas.splice(0)) await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  });
});

async function onAdmin(url: string, work: (admin: pg.Client) => Promise<void>): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}

export async function openTestStore(): Promise<Store> {
  return openStore(await testStoreOptions());
}

/** Options for a fresh store: a new data folder, and on a server a new schema. */
export async function testStoreOptions(): Promise<StoreOptions> {
  const dataDir = await tempDir();
  const url = process.env.DATABASE_URL;
  if (!url) return { dataDir };
  const schema = `test_${randomBytes(6).toString('hex')}`;
  await onAdmin(url, async (admin) => void (await admin.query(`CREATE SCHEMA ${schema}`)));
  schemas.push(schema);
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  return { url: scoped.toString(), dataDir };
}
