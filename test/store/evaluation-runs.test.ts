/**
 * Evaluation runs from the store (issue #3): a programme imported from the spec's worked
 * example, evaluated, and its evidence pack re-run with `resulta evaluate` byte for byte.
 */

import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProblemsError } from '../../src/domain/problem.js';
import { readEvidencePack, runEvaluation } from '../../src/services/evaluation-runs.js';
import {
  importEmployment,
  importEvents,
  importParticipants,
} from '../../src/services/import-data.js';
import { createProgramme } from '../../src/services/programmes.js';
import { verifyAuditLog } from '../../src/store/audit-log.js';
import type { Store } from '../../src/store/database.js';
import { tempDir } from '../support/run-engine.js';
import { onServer, openTestStore } from '../support/test-store.js';
import { seedTinyProgramme, TINY } from '../support/tiny-programme.js';

const CLI = join(import.meta.dirname, '../../dist/src/cli/main.js');
const ADMIN = { id: 'admin@funder.example' };

describe(`evaluation runs on ${onServer ? 'the PostgreSQL server' : 'embedded PGlite'}`, () => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(async () => {
    await store.close();
  });

  it('records a run whose evidence pack re-runs to the same bytes', async () => {
    await seedTinyProgramme(store, ADMIN);
    const run = await runEvaluation(store, ADMIN, 'tiny', '2019-06-30');
    expect(run.paid).toBe('7000.00');

    const zip = await readEvidencePack(store, run.runId);
    if (!zip) throw new Error(`run ${run.runId} has no evidence pack`);
    const pack = unzipSync(zip);
    const dir = await tempDir();
    for (const [name, bytes] of Object.entries(pack)) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), bytes);
    }
    const manifest = JSON.parse(new TextDecoder().decode(pack['manifest.json']));
    // Run the manifest's own command, with its paths inside the unpacked folder.
    const words = (manifest.rerun as string).split(' ').slice(1);
    const args = words.map((w, i) => {
      const flag = words[i - 1] ?? '';
      if (flag === '--out') return join(dir, 'again');
      return ['--contract', '--participants', '--events', '--employment'].includes(flag)
        ? join(dir, w)
        : w;
    });
    const rerun = spawnSync(process.execPath, [CLI, ...args, '--quiet']);
    expect(rerun.status).toBe(0);
    for (const name of ['achievements.csv', 'participants.csv', 'summary.json']) {
      expect(await readFile(join(dir, 'again', name), 'utf8')).toBe(
        new TextDecoder().decode(pack[`outputs/${name}`]),
      );
    }
    // The pack's bill is the spec's worked example, computed from data held in the store.
    expect(new TextDecoder().decode(pack['outputs/achievements.csv'])).toBe(
      await readFile(join(TINY, 'expected/achievements.csv'), 'utf8'),
    );

    const stored = await store.db
      .selectFrom('run_achievements')
      .select(['participant_id', 'outcome_id', 'amount_cents', 'status'])
      .where('run_id', '=', run.runId)
      .orderBy('participant_id')
      .orderBy('outcome_id')
      .execute();
    expect(stored).toHaveLength(21);
    expect(
      stored.find((a) => a.participant_id === 'P01' && a.outcome_id === 'earnings_6m'),
    ).toMatchObject({ amount_cents: '20000', status: 'partially_capped' });
  });

  it('evaluates several employment datasets as one, whatever their order', async () => {
    await createProgramme(store, ADMIN, {
      id: 'split',
      title: 'Tiny, employment in two uploads',
      funder: { id: 'ministry', name: 'Ministry' },
      providers: [
        { id: 'prov-a', name: 'A' },
        { id: 'prov-b', name: 'B' },
      ],
      contractYaml: await readFile(join(TINY, 'contract.yaml'), 'utf8'),
    });
    await importParticipants(
      store,
      ADMIN,
      'split',
      join(TINY, 'participants.csv'),
      'participants.csv',
      { personKeysFromFile: true },
    );
    await importEvents(store, ADMIN, 'split', join(TINY, 'events.csv'), 'events.csv');
    const [header, ...rows] = (await readFile(join(TINY, 'employment.csv'), 'utf8'))
      .trim()
      .split('\n');
    const dir = await tempDir();
    for (const [name, part] of [
      ['late.csv', rows.slice(20)],
      ['early.csv', rows.slice(0, 20)],
    ] as const) {
      await writeFile(join(dir, name), `${header}\n${part.join('\n')}\n`);
      await importEmployment(store, ADMIN, 'split', join(dir, name), name);
    }
    const run = await runEvaluation(store, ADMIN, 'split', '2019-06-30');
    expect(run.paid).toBe('7000.00');
  });

  it('imports all or nothing, and keeps a hash-chained audit log that detects tampering', async () => {
    await seedTinyProgramme(store, ADMIN);
    const bad = join(await tempDir(), 'events.csv');
    await writeFile(
      bad,
      'participant_id,type,occurred_on,value,verified,source\nP01,x,2018-05-01,,,\nP01,x,2018-02-30,,,\n',
    );
    await expect(importEvents(store, ADMIN, 'tiny', bad, 'events.csv')).rejects.toBeInstanceOf(
      ProblemsError,
    );
    const count = await store.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(14);

    const check = await verifyAuditLog(store.db);
    expect(check.entries).toBe(5);
    expect(check.brokenAt).toBeUndefined();
    const edit = () =>
      store.db
        .updateTable('audit_log')
        .set({ reason: 'nothing to see' })
        .where('action', '=', 'import')
        .execute();
    await expect(edit()).rejects.toThrow(/audit_log is append-only/);
    // Someone with the power to switch the guard off still cannot hide the edit.
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_append_only`.execute(store.db);
    await store.db
      .updateTable('audit_log')
      .set({ reason: 'nothing to see' })
      .where('action', '=', 'import')
      .where('entity', '=', 'events')
      .execute();
    const tampered = await verifyAuditLog(store.db);
    expect(tampered.brokenAt).toBeDefined();
  });
});
