/**
 * Opens the system of record: PostgreSQL through Kysely, embedded (PGlite, a data folder
 * on disk) by default, or a PostgreSQL server when `DATABASE_URL` is set. Both speak the
 * same SQL; migrations run on open.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { lockEmbedded } from './embedded-lock.js';
import { migrate } from './migrate.js';
import type { Database } from './schema.js';

export interface Store {
  readonly db: Kysely<Database>;
  /** Where uploaded files and evidence packs live (RESULTA_DATA). */
  readonly dataDir: string;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** A PostgreSQL server; when absent, PGlite in `<dataDir>/pglite`. */
  readonly url?: string | undefined;
  readonly dataDir: string;
}

// Both drivers return the same JavaScript values: DATE as `YYYY-MM-DD` text (never a Date
// shifted by a time zone), BIGINT and NUMERIC as exact text, as node-postgres does.
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const AS_TEXT = (text: string) => text;
pg.types.setTypeParser(DATE_OID, AS_TEXT);

export async function openStore(options: StoreOptions): Promise<Store> {
  await mkdir(join(options.dataDir, 'files'), { recursive: true });
  return options.url ? openServer(options.url, options.dataDir) : openEmbedded(options.dataDir);
}

async function openServer(url: string, dataDir: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const client = await pool.connect();
  try {
    await migrate({
      exec: async (script) => void (await client.query(script)),
      names: async (query) => (await client.query<{ name: string }>(query)).rows.map((r) => r.name),
    });
  } finally {
    client.release();
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dataDir, close: () => db.destroy() };
}

async function openEmbedded(dataDir: string): Promise<Store> {
  const folder = join(dataDir, 'pglite');
  await mkdir(folder, { recursive: true });
  // One process at a time: PGlite has no lock of its own (embedded-lock.ts).
  const unlock = await lockEmbedded(folder);
  try {
    const pglite = await PGlite.create(folder, {
      parsers: { [DATE_OID]: AS_TEXT, [INT8_OID]: AS_TEXT, [NUMERIC_OID]: AS_TEXT },
    });
    await migrate({
      exec: async (script) => void (await pglite.exec(script)),
      names: async (query) => (await pglite.query<{ name: string }>(query)).rows.map((r) => r.name),
    });
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    return { db, dataDir, close: () => db.destroy().finally(unlock) };
  } catch (error) {
    await unlock();
    throw error;
  }
}

/** Options from the environment: DATABASE_URL and RESULTA_DATA (default ./data). */
export function storeOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): StoreOptions {
  return { url: env.DATABASE_URL || undefined, dataDir: env.RESULTA_DATA || 'data' };
}
