/**
 * Issue #7 item 6, in the store: the audit hash covers exactly what is stored. Text the
 * database cannot hold as given (an unpaired surrogate, a NUL) is refused before anything is
 * written; data survives the trip through jsonb (key order, numbers, dates, members without a
 * value); and verification lists every break, saying whether an entry was changed or the
 * chain was cut.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditLog } from '../../src/store/audit-log.js';
import { canonicalJson } from '../../src/store/canonical-json.js';
import { openStore, type Store } from '../../src/store/database.js';
import { onServer, openTestStore, testStoreOptions } from '../support/test-store.js';

const entry = (reason: string, data: unknown = { n: 1 }) => ({
  actor: 'tester',
  action: 'reject',
  entity: 'bill',
  entityId: '1',
  reason,
  data,
});

describe(`item 6: the audit chain on ${onServer ? 'the PostgreSQL server' : 'embedded PGlite'}`, () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(() => store?.close());

  const append = (e: ReturnType<typeof entry>) =>
    store.db.transaction().execute((tx) => appendAudit(tx, e));
  const count = async () =>
    Number(
      (
        await store.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses text it could not store as hashed, and writes nothing', async () => {
    await append(entry('first'));
    await expect(append(entry('bad \ud800 data'))).rejects.toThrow(
      /audit entry reason: contains an unpaired UTF-16 surrogate U\+D800 at character 5/,
    );
    await expect(append(entry('ok', { note: 'a\u0000b' }))).rejects.toThrow(
      /audit entry data\.note: contains a NUL character/,
    );
    await expect(append(entry('nul\u0000'))).rejects.toThrow(/audit entry reason: contains a NUL/);
    expect(await count()).toBe(1);
    expect(await verifyAuditLog(store.db)).toEqual({ entries: 1, breaks: [] });
  });

  it('hashes data as it reads back from jsonb', async () => {
    await append(
      entry('awkward data', {
        // jsonb orders keys by length, then bytes; canonical JSON by UTF-16 code units.
        '€': 1,
        '\r': 2,
        zz: 3,
        a: { y: [1e21, 0.1, -0, 5e-324, Number('12345678901234567890')], x: 'é 😀' },
        on: new Date('2020-06-30T00:00:00Z'),
        missing: undefined,
      }),
    );
    expect(await verifyAuditLog(store.db)).toEqual({ entries: 2, breaks: [] });
    const row = await store.db
      .selectFrom('audit_log')
      .select('data')
      .where('reason', '=', 'awkward data')
      .executeTakeFirstOrThrow();
    expect(canonicalJson(row.data)).toBe(
      '{"\\r":2,"a":{"x":"é 😀","y":[1e+21,0.1,0,5e-324,12345678901234567000]},"on":"2020-06-30T00:00:00.000Z","zz":3,"€":1}',
    );
  });

  it('lists every break, each as a changed entry or a cut in the chain', async () => {
    for (const reason of ['third', 'fourth', 'fifth', 'sixth']) await append(entry(reason));
    const ids = (await store.db.selectFrom('audit_log').select('id').orderBy('id').execute()).map(
      (r) => r.id,
    );
    expect(ids).toHaveLength(6);
    // Someone able to switch the append-only guard off edits two entries and removes one.
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_append_only`.execute(store.db);
    try {
      await store.db
        .updateTable('audit_log')
        .set({ reason: 'nothing to see' })
        .where('id', 'in', [ids[1] as string, ids[3] as string])
        .execute();
      await store.db
        .deleteFrom('audit_log')
        .where('id', '=', ids[4] as string)
        .execute();
    } finally {
      await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_append_only`.execute(store.db);
    }
    const check = await verifyAuditLog(store.db);
    expect(check).toEqual({
      entries: 5,
      brokenAt: ids[1],
      breaks: [
        { id: ids[1], contentChanged: true, linkBroken: false },
        { id: ids[3], contentChanged: true, linkBroken: false },
        { id: ids[5], contentChanged: false, linkBroken: true },
      ],
    });
  });

  it('checks a long log page by page and finds the same breaks', async () => {
    await store.db.transaction().execute(async (tx) => {
      for (let i = 0; i < 120; i++) await appendAudit(tx, entry(`entry ${i}`, { i }));
    });
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_append_only`.execute(store.db);
    try {
      await store.db
        .updateTable('audit_log')
        .set({ reason: 'edited' })
        .where('reason', '=', 'entry 119')
        .execute();
    } finally {
      await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_append_only`.execute(store.db);
    }
    const paged = await verifyAuditLog(store.db, { pageSize: 50 });
    expect(paged.entries).toBe(125);
    expect(paged.breaks).toHaveLength(4);
    expect(paged.breaks[3]).toMatchObject({ contentChanged: true, linkBroken: false });
    expect(await verifyAuditLog(store.db)).toEqual(paged);
  });
});

describe('resulta audit verify', () => {
  it('prints every break and exits 1', async () => {
    const options = await testStoreOptions();
    const store = await openStore(options);
    const ids: string[] = [];
    try {
      for (const reason of ['one', 'two', 'three', 'four']) {
        await store.db.transaction().execute((tx) => appendAudit(tx, entry(reason)));
      }
      ids.push(
        ...(await store.db.selectFrom('audit_log').select('id').orderBy('id').execute()).map(
          (r) => r.id,
        ),
      );
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_append_only`.execute(store.db);
      await store.db
        .updateTable('audit_log')
        .set({ reason: 'edited' })
        .where('id', '=', ids[0] as string)
        .execute();
      await store.db
        .deleteFrom('audit_log')
        .where('id', '=', ids[1] as string)
        .execute();
      await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_append_only`.execute(store.db);
    } finally {
      await store.close();
    }
    const cli = join(import.meta.dirname, '../../dist/src/cli/main.js');
    const run = spawnSync(process.execPath, [cli, 'audit', 'verify'], {
      encoding: 'utf8',
      env: { ...process.env, RESULTA_DATA: options.dataDir, DATABASE_URL: options.url ?? '' },
    });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toBe(
      'audit log broken at 2 of 3 entries:\n' +
        `  entry ${ids[0]}: changed after it was written\n` +
        `  entry ${ids[2]}: does not follow the entry before it (one was removed or inserted)\n`,
    );
  });
});
