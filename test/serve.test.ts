/**
 * `resulta serve` and the demo (issue #8 part 4): the demo is seeded only when asked for
 * (`--demo`, which `npm start` passes) and only into an empty database; a database holding
 * anything else is refused untouched and the server does not start; without --demo an empty
 * database is served as it is, with the command that invites the first administrator, and
 * an embedded one is the server's alone while it runs.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { operator } from '../src/services/admin-rights.js';
import { DEMO_PROGRAMME, seedDemo } from '../src/services/demo-seed.js';
import { createOrganisation } from '../src/services/organisations.js';
import { openStore, type StoreOptions } from '../src/store/database.js';
import { onServer, openTestStore, testStoreOptions } from './support/test-store.js';

const CLI = join(import.meta.dirname, '../dist/src/cli/main.js');

describe(`the demo and resulta serve on ${onServer ? 'the PostgreSQL server' : 'embedded PGlite'}`, {
  timeout: 300_000,
}, () => {
  it('seeds an empty store once, the funder administering it, and no other store', async () => {
    const store = await openTestStore();
    try {
      const first = await seedDemo(store, 60);
      expect(first.seeded).toBe(true);
      const password = first.seeded ? first.password : '';
      expect(await readFile(join(store.dataDir, 'demo-password.txt'), 'utf8')).toBe(
        `${password}\n`,
      );
      expect(await seedDemo(store, 60)).toEqual({ seeded: false, reason: 'present' });
      const roles = await store.db
        .selectFrom('user_roles as r')
        .innerJoin('users as u', 'u.id', 'r.user_id')
        .select(['u.email', 'r.role', 'r.programme_id'])
        .orderBy('r.role')
        .execute();
      expect(roles).toEqual([
        { email: 'funder@demo.resulta.org', role: 'platform_admin', programme_id: null },
        { email: 'funder@demo.resulta.org', role: 'programme_admin', programme_id: DEMO_PROGRAMME },
      ]);
    } finally {
      await store.close();
    }
    const other = await openTestStore();
    try {
      await createOrganisation(other, operator('test'), {
        id: 'ministerio',
        name: 'Ministerio',
        kind: 'funder',
      });
      expect(await seedDemo(other, 60)).toEqual({
        seeded: false,
        reason: 'not_empty',
        holds: { programmes: [], organisations: 1, users: 0, invitations: 0 },
      });
      const programmes = await other.db.selectFrom('programmes').select('id').execute();
      expect(programmes).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('refuses --demo on a database holding other data, and does not start', async () => {
    const options = await testStoreOptions();
    const store = await openStore(options);
    await createOrganisation(store, operator('test'), {
      id: 'ministerio',
      name: 'Ministerio',
      kind: 'funder',
    });
    await store.close();
    const run = spawnSync(process.execPath, [CLI, 'serve', '--demo'], {
      encoding: 'utf8',
      env: environment(options, await freePort()),
      timeout: 120_000,
    });
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stderr).toContain(
      'resulta: The database holds data that is not the demo (programmes: 0; organisations: 1; accounts: 0; invitations: 0). The demo is only seeded into an empty database, so nothing was changed.',
    );
    expect(run.stdout).not.toContain('Resulta API on');
    const after = await openStore(options);
    try {
      expect(await after.db.selectFrom('programmes').select('id').execute()).toEqual([]);
    } finally {
      await after.close();
    }
  });

  it('serves an empty database without --demo and says how to invite the first administrator', async () => {
    const options = await testStoreOptions();
    const port = await freePort();
    const child = spawn(process.execPath, [CLI, 'serve'], {
      env: environment(options, port),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const output = await untilListening(child);
      expect(output).toContain('No administrator yet.');
      expect(output).toContain('resulta admin init --email');
      expect(output).not.toContain('demo');
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      const login = await fetch(`http://127.0.0.1:${port}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'funder@demo.resulta.org', password: 'anything at all' }),
      });
      expect(login.status).toBe(401);
      // The embedded database belongs to the server while it runs: an operator's command is
      // refused rather than writing pages the server does not see. A server database is
      // shared.
      const admin = spawnSync(process.execPath, [CLI, 'admin', 'list-organisations'], {
        encoding: 'utf8',
        env: environment(options, port),
        timeout: 120_000,
      });
      if (onServer) expect(admin.status, admin.stderr).toBe(0);
      else {
        expect(admin.status).toBe(1);
        expect(admin.stderr).toContain(
          `resulta: The embedded database in ${join(options.dataDir, 'pglite')} is in use by process ${child.pid} (a running resulta serve?).`,
        );
      }
    } finally {
      await stop(child);
    }
    const after = await openStore(options);
    try {
      expect(await after.db.selectFrom('programmes').select('id').execute()).toEqual([]);
    } finally {
      await after.close();
    }
  });
});

function environment(options: StoreOptions, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    RESULTA_DATA: options.dataDir,
    DATABASE_URL: options.url ?? '',
    RESULTA_LANG: '',
    RESULTA_LOG_LEVEL: 'error',
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Everything the server printed until it listens; rejects if it exits first. */
function untilListening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Resulta API on')) resolve(output);
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}
