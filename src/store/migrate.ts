/**
 * Applies the SQL files in migrations/ once each, in file-name order, each in one
 * transaction together with its record in `schema_migrations`. An advisory lock keeps two
 * servers starting at once from applying the same file twice.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** One session on the database that can run multi-statement scripts. */
export interface ScriptSession {
  exec(script: string): Promise<void>;
  names(query: string): Promise<string[]>;
}

const LOCK = 7_240_518;

export async function migrate(session: ScriptSession): Promise<string[]> {
  const folder = migrationsFolder();
  const files = (await readdir(folder)).filter((f) => f.endsWith('.sql')).sort();
  await session.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  await session.exec(`SELECT pg_advisory_lock(${LOCK})`);
  try {
    const seen = new Set(await session.names('SELECT name FROM schema_migrations'));
    const pending = files.filter((f) => !seen.has(f));
    for (const file of pending) {
      const text = await readFile(join(folder, file), 'utf8');
      const name = file.replaceAll("'", "''");
      await session.exec(
        `BEGIN;\n${text}\n;INSERT INTO schema_migrations (name) VALUES ('${name}');\nCOMMIT;`,
      );
    }
    return pending;
  } catch (error) {
    await session.exec('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await session.exec(`SELECT pg_advisory_unlock(${LOCK})`);
  }
}

/** migrations/ at the project root, found from this file in src/ or in dist/src/. */
function migrationsFolder(): string {
  for (let dir = import.meta.dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'migrations');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
  }
  throw new Error('cannot find the migrations folder next to package.json');
}
