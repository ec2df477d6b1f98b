/**
 * The server survives its engine (issue #6): runs are evaluated in a child process, so a run
 * made to crash (RESULTA_TEST_FAULT, src/engine/test-fault.ts) or to hang past the time limit
 * fails alone, with its reason, while the server goes on answering and the ledger and the
 * audit log stay as they were. Runs of one programme go one at a time, the others queued, and
 * a running run shows its progress.
 */

import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { runLimitsFromEnv, splitMemory } from '../../src/engine/isolated-run.js';
import { decideBill, payBill } from '../../src/services/bills.js';
import { createUser } from '../../src/services/identity.js';
import { verifyAuditLog } from '../../src/store/audit-log.js';
import type { Store } from '../../src/store/database.js';
import { onServer, openTestStore } from '../support/test-store.js';
import { seedTinyProgramme } from '../support/tiny-programme.js';

const PASSWORD = 'correct horse battery staple';

interface RunView {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  position: number | null;
  progress: { step: string; done: number; total: number | null } | null;
  failure_reason: string | null;
  paid: string | null;
  started_at: string | null;
  finished_at: string | null;
}

describe(`runs isolated from the server, on ${onServer ? 'the PostgreSQL server' : 'embedded PGlite'}`, () => {
  let store: Store;
  let app: FastifyInstance;
  let auth: Record<string, string>;

  const post = (url: string, body: object) =>
    app.inject({ method: 'POST', url, payload: body, headers: auth });
  const run = async (id: string): Promise<RunView> =>
    (await app.inject({ method: 'GET', url: `/runs/${id}`, headers: auth })).json();
  const startRun = async (asOf = '2019-06-30'): Promise<RunView> => {
    const res = await post('/programmes/tiny/runs', { as_of: asOf });
    expect(res.statusCode).toBe(202);
    return res.json();
  };
  /** Polls the run until `done` holds, as a client would. */
  const until = async (id: string, done: (r: RunView) => boolean, seconds = 90) => {
    for (const deadline = Date.now() + seconds * 1000; Date.now() < deadline; ) {
      const view = await run(id);
      if (done(view)) return view;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(
      `run ${id} did not get there in ${seconds} s: ${JSON.stringify(await run(id))}`,
    );
  };
  const finished = (id: string) =>
    until(id, (r) => r.status === 'succeeded' || r.status === 'failed');

  /** What a failed run must not touch: the ledger and the audit log. */
  const books = async () => {
    const ledger = await store.db
      .selectFrom('ledger_entries')
      .select((eb) => [
        eb.fn.countAll<string>().as('rows'),
        eb.fn.sum<string>('amount_cents').as('total'),
      ])
      .executeTakeFirstOrThrow();
    return { ledger, audit: await verifyAuditLog(store.db) };
  };
  const achievementsOf = async (runId: string) =>
    Number(
      (
        await store.db
          .selectFrom('run_achievements')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('run_id', '=', runId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    store = await openTestStore();
    await seedTinyProgramme(store);
    await createUser(store, {
      email: 'funder@example.org',
      name: 'funder',
      organisationId: 'ministry',
      password: PASSWORD,
    });
    app = await buildServer(store, { loginRateLimit: 1000 });
    const login = await app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email: 'funder@example.org', password: PASSWORD },
    });
    auth = { authorization: `Bearer ${login.json().token}` };
    // A paid bill, so the ledger has rows a failed run could disturb.
    const bill = await post('/programmes/tiny/bills', { period_end: '2019-06-30' });
    expect(bill.statusCode).toBe(201);
    await decideBill(store, { id: 'verifier' }, bill.json().id, 'verify', 'checked');
    await decideBill(store, { id: 'funder' }, bill.json().id, 'approve', 'ok');
    await payBill(store, { id: 'funder' }, bill.json().id, 'isolation-first-payment');
  });

  afterEach(() => {
    delete process.env.RESULTA_TEST_FAULT;
    delete process.env.RESULTA_RUN_TIMEOUT_S;
  });

  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it('fails a run whose process crashes, and goes on serving with the books untouched', async () => {
    const before = await books();
    expect(Number(before.ledger.rows)).toBe(14);
    process.env.RESULTA_TEST_FAULT = 'rules:crash';
    const started = await startRun();
    const crashed = await finished(started.id);
    delete process.env.RESULTA_TEST_FAULT;

    expect(crashed.status).toBe('failed');
    expect(crashed.failure_reason).toMatch(
      /^the evaluation process stopped unexpectedly \(signal SIGABRT\)/,
    );
    expect(crashed.paid).toBeNull();
    expect(await achievementsOf(started.id)).toBe(0);
    const dashboard = await app.inject({
      method: 'GET',
      url: '/programmes/tiny/dashboard',
      headers: auth,
    });
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.json().latest_run.id).not.toBe(started.id);
    const pack = await app.inject({
      method: 'GET',
      url: `/runs/${started.id}/evidence-pack`,
      headers: auth,
    });
    expect(pack.statusCode).toBe(409);
    const after = await books();
    expect(after.ledger).toEqual(before.ledger);
    expect(after.audit).toEqual(before.audit);
    expect(after.audit.brokenAt).toBeUndefined();
  }, 120_000);

  it('refuses to draft a bill when its evaluation crashes', async () => {
    const before = await books();
    const bills = async () =>
      (await store.db.selectFrom('bills').select('id').execute()).map((b) => b.id);
    const billsBefore = await bills();
    process.env.RESULTA_TEST_FAULT = 'cap-pass:crash';
    const res = await post('/programmes/tiny/bills', { period_end: '2019-06-30' });
    expect(res.statusCode).toBe(422);
    expect(res.json().problems[0]).toMatchObject({ code: 'run.failed' });
    expect(res.json().message).toMatch(/failed: the evaluation process stopped unexpectedly/);
    expect(await bills()).toEqual(billsBefore);
    expect(await books()).toEqual(before);
  }, 120_000);

  it('shows the progress of a running run, and fails a run that hangs past the time limit', async () => {
    const before = await books();
    process.env.RESULTA_TEST_FAULT = 'write:hang';
    process.env.RESULTA_RUN_TIMEOUT_S = '20';
    const started = await startRun();
    const stuck = await until(started.id, (r) => r.progress?.step === 'writing outputs');
    expect(stuck.status).toBe('running');
    expect(stuck.progress?.total).toBeGreaterThan(stuck.progress?.done ?? Number.MAX_VALUE);
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);

    const timedOut = await finished(started.id);
    expect(timedOut.status).toBe('failed');
    expect(timedOut.failure_reason).toBe(
      'timed out after 20 s (the limit is RESULTA_RUN_TIMEOUT_S)',
    );
    expect(await achievementsOf(started.id)).toBe(0);
    expect(await books()).toEqual(before);
  }, 120_000);

  it('runs the next run normally after failures', async () => {
    const started = await startRun();
    const done = await finished(started.id);
    expect(done).toMatchObject({ status: 'succeeded', paid: '7000.00', failure_reason: null });
    expect(await achievementsOf(started.id)).toBe(21);
    const pack = await app.inject({
      method: 'GET',
      url: `/runs/${started.id}/evidence-pack`,
      headers: auth,
    });
    expect(pack.statusCode).toBe(200);
  }, 120_000);

  it('queues the second of two runs asked for at once, then runs it', async () => {
    const [a, b] = await Promise.all([startRun('2019-06-30'), startRun('2019-03-31')]);
    const [first, second] = [a, b].sort((x, y) => Number(x.id) - Number(y.id)) as [
      RunView,
      RunView,
    ];
    // The older request runs; the other waits behind it.
    expect(first).toMatchObject({ status: 'running', position: null });
    expect(second).toMatchObject({ status: 'queued', position: 1 });
    expect((await run(second.id)).status).toBe('queued');

    const one = await finished(first.id);
    const two = await finished(second.id);
    expect([one.status, two.status]).toEqual(['succeeded', 'succeeded']);
    // One at a time: the second started only once the first had finished.
    expect(Date.parse(two.started_at ?? '')).toBeGreaterThanOrEqual(
      Date.parse(one.finished_at ?? ''),
    );
  }, 180_000);
});

describe('run limits from the environment', () => {
  it('reads RESULTA_RUN_MEMORY_MB and RESULTA_RUN_TIMEOUT_S, with defaults', () => {
    expect(runLimitsFromEnv({})).toEqual({ memoryMb: 4096, timeoutSeconds: 1800 });
    expect(
      runLimitsFromEnv({ RESULTA_RUN_MEMORY_MB: '2048', RESULTA_RUN_TIMEOUT_S: '90' }),
    ).toEqual({ memoryMb: 2048, timeoutSeconds: 90 });
    // A quarter for the JavaScript heap (at least 256 MB), the rest for DuckDB.
    expect(splitMemory(4096)).toEqual({ heapMb: 1024, duckdbMb: 3072 });
    expect(splitMemory(512)).toEqual({ heapMb: 256, duckdbMb: 256 });
  });

  it('refuses a bad value with its name, and the server does not start with one', async () => {
    expect(() => runLimitsFromEnv({ RESULTA_RUN_TIMEOUT_S: 'soon' })).toThrow(
      'RESULTA_RUN_TIMEOUT_S="soon": expected a number of at least 0.1',
    );
    expect(() => runLimitsFromEnv({ RESULTA_RUN_MEMORY_MB: '100' })).toThrow(
      'RESULTA_RUN_MEMORY_MB="100": expected a number of at least 512',
    );
    const store = await openTestStore();
    process.env.RESULTA_RUN_MEMORY_MB = 'lots';
    try {
      await expect(buildServer(store)).rejects.toThrow(/RESULTA_RUN_MEMORY_MB="lots"/);
    } finally {
      delete process.env.RESULTA_RUN_MEMORY_MB;
      await store.close();
    }
  });
});
