/**
 * kill -9 of the server in the middle of an import and of an evaluation run, then a
 * restart (issue #3): no partial import, no half-recorded run, the ledger unchanged, and the
 * audit log still intact.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createUser } from '../../src/services/identity.js';
import { verifyAuditLog } from '../../src/store/audit-log.js';
import { openStore, type StoreOptions } from '../../src/store/database.js';
import { tempDir } from '../support/run-engine.js';
import { onServer, testStoreOptions } from '../support/test-store.js';
import { seedTinyProgramme } from '../support/tiny-programme.js';

const CLI = join(import.meta.dirname, '../../dist/src/cli/main.js');
const PASSWORD = 'a long enough demo password';
let server: ChildProcess | undefined;

afterEach(() => {
  server?.kill('SIGKILL');
});

async function start(options: StoreOptions, port: number): Promise<void> {
  server = spawn(process.execPath, [CLI, 'serve', '--no-demo'], {
    env: {
      ...process.env,
      RESULTA_DATA: options.dataDir,
      PORT: String(port),
      DATABASE_URL: options.url ?? '',
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

async function counts(options: StoreOptions) {
  const store = await openStore(options);
  try {
    const n = async (table: 'participants' | 'run_achievements' | 'ledger_entries') =>
      Number(
        (
          await store.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      participants: await n('participants'),
      // Runs asked for are recorded at once (queued); only a succeeded run has a result.
      runs: Number(
        (
          await store.db
            .selectFrom('evaluation_runs')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('status', '=', 'succeeded')
            .executeTakeFirstOrThrow()
        ).n,
      ),
      achievements: await n('run_achievements'),
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
    const lines = ['participant_id,provider_id,enrolled_on,person_key'];
    for (let i = 0; i < 150_000; i++)
      lines.push(`B${String(i).padStart(6, '0')},prov-a,2018-05-01,KB${i}`);
    await writeFile(big, `${lines.join('\n')}\n`);

    const port = 18_000 + Math.floor(Math.random() * 1000);
    await start(options, port);
    const login = await fetch(`http://127.0.0.1:${port}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'funder@example.org', password: PASSWORD }),
    });
    const auth = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
    const upload = fetch(`http://127.0.0.1:${port}/programmes/tiny/participants?format=csv`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'text/csv' },
      body: await readFile(big),
    }).catch(() => null);
    await new Promise((r) => setTimeout(r, 1500));
    await killHard();
    await upload;
    const afterImport = await counts(options);
    expect([before.participants, before.participants + 150_000]).toContain(
      afterImport.participants,
    );
    expect(afterImport.audit.brokenAt).toBeUndefined();

    await start(options, port + 1);
    const again = await fetch(`http://127.0.0.1:${port + 1}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'funder@example.org', password: PASSWORD }),
    });
    const auth2 = { authorization: `Bearer ${((await again.json()) as { token: string }).token}` };
    const run = fetch(`http://127.0.0.1:${port + 1}/programmes/tiny/runs`, {
      method: 'POST',
      headers: { ...auth2, 'content-type': 'application/json' },
      body: JSON.stringify({ as_of: '2019-06-30' }),
    }).catch(() => null);
    await new Promise((r) => setTimeout(r, 400));
    await killHard();
    await run;
    const afterRun = await counts(options);
    // A run is recorded whole (run and its achievements) or not at all.
    if (afterRun.runs === before.runs) expect(afterRun.achievements).toBe(before.achievements);
    else expect(afterRun.achievements).toBe(before.achievements + 21);
    expect(afterRun.ledger).toBe(before.ledger);
    expect(afterRun.audit.brokenAt).toBeUndefined();
  }, 120_000);
});
