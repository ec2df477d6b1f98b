/**
 * kill -9 of the server in the middle of an import and of an evaluation run, then a
 * restart (issue #3): no partial import, no half-recorded run, the ledger unchanged, and the
 * audit log still intact.
 *
 * A kill that lands before the work starts or after it ends proves nothing, so the test
 * waits for evidence that the work is under way and checks afterwards that it never ended:
 * - the import is killed once the participants table has grown on disk by uncommitted rows
 *   (its relation file under PGlite, pg_relation_size on a server), and its request never
 *   answered and never removed its upload folder;
 * - the run is killed while its working folder exists, which the run removes when it ends.
 * The server gets its own TMPDIR, so those folders are this test's to see.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createUser } from '../../src/services/identity.js';
import { verifyAuditLog } from '../../src/store/audit-log.js';
import { openStore, type StoreOptions } from '../../src/store/database.js';
import { tempDir } from '../support/run-engine.js';
import { onServer, testStoreOptions } from '../support/test-store.js';
import { seedTinyProgramme } from '../support/tiny-programme.js';

const CLI = join(import.meta.dirname, '../../dist/src/cli/main.js');
const PASSWORD = 'a long enough demo password';
const IMPORTED = 150_000;
/** Uncommitted rows the table must have grown by before the kill: 16 pages of 8 kB. */
const GROWN = 16 * 8192;
let server: ChildProcess | undefined;

afterEach(() => {
  server?.kill('SIGKILL');
});

async function start(options: StoreOptions, port: number, tmp: string): Promise<void> {
  server = spawn(process.execPath, [CLI, 'serve', '--no-demo'], {
    env: {
      ...process.env,
      RESULTA_DATA: options.dataDir,
      PORT: String(port),
      DATABASE_URL: options.url ?? '',
      TMPDIR: tmp,
      RESULTA_PERSON_KEY_SECRET: 'crash-test-person-key-secret',
    },
    stdio: 'ignore',
  });
  for (let i = 0; i < 300; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not become ready');
}

async function killHard(): Promise<void> {
  const child = server;
  if (!child) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

async function login(port: number): Promise<Record<string, string>> {
  const res = await fetch(`http://127.0.0.1:${port}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'funder@example.org', password: PASSWORD }),
  });
  return { authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
}

/** A request whose answer (or its absence, when the server dies first) is kept. */
function request(url: string, init: RequestInit) {
  const call = { answered: false, status: 0 };
  const done = fetch(url, init).then(
    (res) => Object.assign(call, { answered: true, status: res.status }),
    () => call,
  );
  return { call, done };
}

/** Waits for `seen`, checking every 10 ms; fails if the work ended first or took too long. */
async function whileInProgress(
  what: string,
  seen: () => Promise<boolean>,
  ended: () => boolean,
): Promise<void> {
  for (let i = 0; i < 6000; i++) {
    if (await seen()) return;
    if (ended()) throw new Error(`${what} ended before it was seen in progress`);
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`${what} was not seen in progress within a minute`);
}

/** Names in `dir` that start with `prefix`: the server's working folders. */
async function folders(dir: string, prefix: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.startsWith(prefix));
}

/**
 * The participants table's size on disk, which grows as rows are written, committed or
 * not: the relation file under PGlite (the test cannot connect while the server holds it),
 * pg_relation_size on a server.
 */
async function tableSize(options: StoreOptions) {
  const store = await openStore(options);
  const file = await sql<{ path: string }>`SELECT pg_relation_filepath('participants') AS path`
    .execute(store.db)
    .then((r) => r.rows[0]?.path ?? '');
  await store.close();
  if (!options.url) {
    const path = join(options.dataDir, 'pglite', file);
    return { bytes: async () => (await stat(path)).size, close: async () => {} };
  }
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  return {
    bytes: async () =>
      Number(
        (await client.query<{ n: string }>(`SELECT pg_relation_size('participants') AS n`)).rows[0]
          ?.n,
      ),
    close: () => client.end(),
  };
}

async function counts(options: StoreOptions) {
  const store = await openStore(options);
  try {
    const n = async (table: 'participants' | 'ledger_entries') =>
      Number(
        (
          await store.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const runs = await store.db
      .selectFrom('evaluation_runs as r')
      .leftJoin('run_achievements as a', 'a.run_id', 'r.id')
      .select((eb) => ['r.id', 'r.status', eb.fn.count<string>('a.run_id').as('achievements')])
      .groupBy(['r.id', 'r.status'])
      .orderBy('r.id')
      .execute();
    return {
      participants: await n('participants'),
      runs: runs.map((r) => ({ id: r.id, status: r.status, achievements: Number(r.achievements) })),
      ledger: await n('ledger_entries'),
      audit: await verifyAuditLog(store.db),
    };
  } finally {
    await store.close();
  }
}

describe(`kill -9 during writes, on ${onServer ? 'the PostgreSQL server' : 'embedded PGlite'}`, () => {
  it('leaves no partial import and no half-recorded run', async () => {
    const options = await testStoreOptions();
    const tmp = await tempDir();
    const store = await openStore(options);
    await seedTinyProgramme(store);
    await createUser(store, {
      email: 'funder@example.org',
      name: 'funder',
      organisationId: 'ministry',
      password: PASSWORD,
    });
    await store.close();
    const before = await counts(options);

    const big = join(await tempDir(), 'big.csv');
    const lines = ['participant_id,provider_id,enrolled_on,national_id'];
    for (let i = 0; i < IMPORTED; i++)
      lines.push(`B${String(i).padStart(6, '0')},prov-a,2018-05-01,NID${i}`);
    await writeFile(big, `${lines.join('\n')}\n`);

    const table = await tableSize(options);
    const empty = await table.bytes();
    const port = 18_000 + Math.floor(Math.random() * 1000);
    await start(options, port, tmp);
    const upload = request(`http://127.0.0.1:${port}/programmes/tiny/participants?format=csv`, {
      method: 'POST',
      headers: { ...(await login(port)), 'content-type': 'text/csv' },
      body: await readFile(big),
    });
    try {
      await whileInProgress(
        'the import',
        async () => (await table.bytes()) >= empty + GROWN,
        () => upload.call.answered,
      );
    } finally {
      await table.close();
    }
    await killHard();
    await upload.done;
    // Killed mid-write: rows were on disk, the request never answered or cleaned up.
    expect(upload.call).toEqual({ answered: false, status: 0 });
    expect(await folders(tmp, 'resulta-upload-')).toHaveLength(1);
    const afterImport = await counts(options);
    expect(afterImport.participants).toBe(before.participants);
    expect(afterImport.audit.brokenAt).toBeUndefined();

    await start(options, port + 1, tmp);
    const run = request(`http://127.0.0.1:${port + 1}/programmes/tiny/runs`, {
      method: 'POST',
      headers: { ...(await login(port + 1)), 'content-type': 'application/json' },
      body: JSON.stringify({ as_of: '2019-06-30' }),
    });
    await whileInProgress(
      'the run',
      async () => (await folders(tmp, 'resulta-run-')).length > 0,
      // A run is queued and answered at once; it has ended when its folder is gone again.
      () => false,
    );
    await killHard();
    await run.done;
    expect(await folders(tmp, 'resulta-run-')).toHaveLength(1);
    const afterRun = await counts(options);
    // Runs from before are untouched; the killed one has no result and no achievements.
    expect(afterRun.runs.slice(0, before.runs.length)).toEqual(before.runs);
    expect(afterRun.runs.slice(before.runs.length)).toEqual([
      { id: expect.any(String), status: 'running', achievements: 0 },
    ]);
    expect(afterRun.ledger).toBe(before.ledger);
    expect(afterRun.audit.brokenAt).toBeUndefined();
  }, 180_000);
});
