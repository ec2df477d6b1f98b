/**
 * Issue #7, defence in depth: PostgreSQL row-level security keyed on the caller's
 * organisation. Caller-scoped work (store/caller-scope.ts `withCaller`) sees and writes only
 * the participant-level rows its organisation may: a provider its own participants', the
 * funder and verifiers the whole programme, an investor or an outsider none, even when the
 * query has no WHERE clause at all. The store's own role (a superuser here, on PGlite and
 * on CI's server) still sees everything: the fence is the role the work runs as.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAchievementsFile } from '../../src/services/achievements-export.js';
import { importEvents, importParticipants } from '../../src/services/import-data.js';
import { listParticipants } from '../../src/services/participant-list.js';
import { createProgramme } from '../../src/services/programmes.js';
import { drawSample, readSample } from '../../src/services/verification.js';
import { CALLER_ROLE, withCaller } from '../../src/store/caller-scope.js';
import type { Store } from '../../src/store/database.js';
import { tempDir } from '../support/run-engine.js';
import { onServer, openTestStore } from '../support/test-store.js';
import { seedTinyProgramme } from '../support/tiny-programme.js';

const PROV_A = ['P01', 'P02', 'P03', 'P07', 'P10', 'P11', 'P13'];
const PROV_B = ['P04', 'P05', 'P06', 'P08', 'P09', 'P12'];
const TINY_ALL = [...PROV_A, ...PROV_B].sort();

/**
 * Participant-level tables: how to name the participant of a row (the provider for
 * provider_counts), and the column that says which programme's row it is.
 */
const TABLES = {
  participants: { who: 'participant_id', of: 'programme_id' },
  events: { who: 'participant_id', of: 'programme_id' },
  provider_counts: { who: 'provider_id', of: 'programme_id' },
  ledger_entries: { who: 'participant_id', of: 'programme_id' },
  run_achievements: { who: 'participant_id', of: 'run_id' },
  bill_lines: { who: 'participant_id', of: 'bill_id' },
  verification_sample_events: {
    who: '(SELECT participant_id FROM events WHERE events.id = verification_sample_events.event_id)',
    of: 'sample_id',
  },
} as const;
type Table = keyof typeof TABLES;
const tables = Object.keys(TABLES) as Table[];
type Row = Record<string, unknown>;

class Rollback extends Error {}

describe(`row-level security on ${onServer ? 'the PostgreSQL server' : 'embedded PGlite'}`, () => {
  let store: Store;
  /** What names programme `tiny` in each kind of `of` column. */
  const tiny: Record<string, string> = { programme_id: 'tiny' };

  /** Rows of a raw query, run as `organisation` through withCaller. */
  const asCaller = (organisation: string, query: string) =>
    withCaller(store.db, organisation, async (tx) => (await sql.raw<Row>(query).execute(tx)).rows);
  /** Rows of a raw query, as the store's own role. */
  const asOwner = async (query: string) => (await sql.raw<Row>(query).execute(store.db)).rows;
  /** Each row of a table as a caller sees it: whose it is, and whether it is of `tiny`. */
  const seen = async (organisation: string, table: Table) => {
    const { who, of } = TABLES[table];
    const rows = await asCaller(organisation, `SELECT ${who} AS who, ${of} AS of FROM ${table}`);
    return rows.map((r) => ({ who: String(r.who), tiny: String(r.of) === tiny[of] }));
  };
  /** The distinct participants (providers) of `tiny` a caller sees in a table. */
  const seenInTiny = async (organisation: string, table: Table) =>
    [...new Set((await seen(organisation, table)).filter((r) => r.tiny).map((r) => r.who))].sort();

  beforeAll(async () => {
    store = await openTestStore();
    await seedTinyProgramme(store);
    const [contract] = await asOwner(
      `SELECT yaml FROM contract_versions WHERE programme_id = 'tiny'`,
    );
    await createProgramme(
      store,
      { id: 'setup' },
      {
        id: 'elsewhere',
        title: 'Another programme',
        funder: { id: 'other-ministry', name: 'other' },
        providers: [{ id: 'prov-c', name: 'other' }],
        contractYaml: String(contract?.yaml),
      },
    );
    // Participant ids are unique per programme only: `elsewhere` has a P01 too.
    await sql`
      INSERT INTO participants (programme_id, participant_id, provider_id, enrolled_on)
        VALUES ('elsewhere', 'P01', 'prov-c', '2018-01-01'), ('elsewhere', 'C1', 'prov-c', '2018-01-01')
    `.execute(store.db);
    await sql`
      INSERT INTO events (programme_id, participant_id, type, occurred_on)
        VALUES ('elsewhere', 'P01', 'job_start', '2018-02-01'), ('elsewhere', 'C1', 'job_start', '2018-02-01')
    `.execute(store.db);
    await sql`
      INSERT INTO provider_counts (programme_id, provider_id, participants)
        VALUES ('tiny', 'prov-a', 7), ('tiny', 'prov-b', 6), ('elsewhere', 'prov-c', 2)
        ON CONFLICT (programme_id, provider_id) DO NOTHING
    `.execute(store.db);
    // A run, a bill and ledger entries per programme for one participant of each provider,
    // written as the store's role: runs and bills are system work.
    for (const [programme, who] of [
      ['tiny', ['P01', 'P04']],
      ['elsewhere', ['P01', 'C1']],
    ] as const) {
      const [run] = await asOwner(`
        INSERT INTO evaluation_runs (programme_id, contract_version, as_of, created_by, status, failure_reason)
        VALUES ('${programme}', 1, '2020-06-30', 'setup', 'failed', 'a row to hang achievements on')
        RETURNING id`);
      const [bill] = await asOwner(`
        INSERT INTO bills (programme_id, period_end, run_id, total_cents, ledger_position, created_by)
        VALUES ('${programme}', '2020-06-30', ${run?.id}, 200000, 0, 'setup') RETURNING id`);
      if (programme === 'tiny') Object.assign(tiny, { run_id: run?.id, bill_id: bill?.id });
      for (const participant of who) {
        await asOwner(`
          INSERT INTO run_achievements (run_id, participant_id, outcome_id, achieved_on, version, price_cents, amount_cents, status)
          VALUES (${run?.id}, '${participant}', 'job_start', '2019-01-01', '1', 100000, 100000, 'paid')`);
        await asOwner(`
          INSERT INTO bill_lines (bill_id, participant_id, outcome_id, cumulative_cents, previously_paid_cents, amount_cents, kind)
          VALUES (${bill?.id}, '${participant}', 'job_start', 100000, 0, 100000, 'payment')`);
        await asOwner(`
          INSERT INTO ledger_entries (programme_id, bill_id, participant_id, outcome_id, amount_cents, created_by)
          VALUES ('${programme}', ${bill?.id}, '${participant}', 'job_start', 100000, 'setup')`);
      }
    }
    tiny.sample_id = (await drawSample(store, { id: 'setup' }, 'tiny', 100, 'seed')).id;
    await drawSample(store, { id: 'setup' }, 'elsewhere', 100, 'seed');
  });

  afterAll(async () => {
    await store?.close();
  });

  it('every table holds rows of both providers and of another programme, all seen by the store', async () => {
    for (const table of tables) {
      const { who, of } = TABLES[table];
      const rows = await asOwner(`SELECT ${who} AS who, ${of} AS of FROM ${table}`);
      const inTiny = rows.filter((r) => String(r.of) === tiny[of]).map((r) => String(r.who));
      expect(ofBothProviders(table, inTiny), table).toBe(true);
      expect(rows.length, table).toBeGreaterThan(inTiny.length);
    }
  });

  it('a provider sees only its own participants’ rows, even with no WHERE clause at all', async () => {
    const everything = await asCaller('prov-a', 'SELECT * FROM participants');
    expect(everything.map((r) => `${r.programme_id}/${r.participant_id}/${r.provider_id}`)).toEqual(
      PROV_A.map((p) => `tiny/${p}/prov-a`),
    );
    for (const table of tables) {
      const rows = await seen('prov-a', table);
      expect(rows.length, table).toBeGreaterThan(0);
      const own = table === 'provider_counts' ? ['prov-a'] : PROV_A;
      for (const row of rows)
        expect(row, table).toEqual({ who: expect.toBeOneOf(own), tiny: true });
    }
    expect(await seenInTiny('prov-b', 'participants')).toEqual(PROV_B);
  });

  it('the funder and the verifier see the whole programme, and nothing of another', async () => {
    for (const org of ['ministry', 'audit-co']) {
      expect(await seenInTiny(org, 'participants')).toEqual(TINY_ALL);
      for (const table of tables) {
        const rows = await seen(org, table);
        expect(
          rows.every((r) => r.tiny),
          `${org} ${table}`,
        ).toBe(true);
        expect(ofBothProviders(table, await seenInTiny(org, table)), `${org} ${table}`).toBe(true);
      }
    }
  });

  it('an organisation outside the programme sees nothing of it; an investor no participant', async () => {
    for (const org of ['prov-c', 'other-ministry']) {
      for (const table of tables) {
        const rows = await seen(org, table);
        expect(rows.length, `${org} ${table}`).toBeGreaterThan(0);
        expect(
          rows.filter((r) => r.tiny),
          `${org} ${table}`,
        ).toEqual([]);
      }
      expect(
        await asCaller(org, `SELECT * FROM evaluation_runs WHERE programme_id = 'tiny'`),
      ).toEqual([]);
    }
    for (const org of ['impact-fund', 'no-such-organisation']) {
      for (const table of tables) {
        expect(await asCaller(org, `SELECT * FROM ${table}`), `${org} ${table}`).toEqual([]);
      }
    }
    // An investor takes part: it sees the programme's runs, only not who achieved what.
    expect(await asCaller('impact-fund', 'SELECT id FROM evaluation_runs')).toEqual([
      { id: tiny.run_id },
    ]);
  });

  it('a provider cannot write rows of another provider or programme (WITH CHECK)', async () => {
    const enrol = (programme: string, provider: string) =>
      withCaller(store.db, 'prov-a', async (tx) => {
        await sql`INSERT INTO participants (programme_id, participant_id, provider_id, enrolled_on)
          VALUES (${programme}, 'X1', ${provider}, '2019-01-01')`.execute(tx);
        throw new Rollback();
      });
    await expect(enrol('tiny', 'prov-b')).rejects.toThrow(/row-level security/);
    await expect(enrol('elsewhere', 'prov-c')).rejects.toThrow(/row-level security/);
    // The same insert for itself passes the policy (and is rolled back here).
    await expect(enrol('tiny', 'prov-a')).rejects.toBeInstanceOf(Rollback);
    await expect(
      withCaller(store.db, 'prov-a', (tx) =>
        sql`INSERT INTO events (programme_id, participant_id, type, occurred_on)
          VALUES ('tiny', 'P04', 'job_start', '2019-01-01')`.execute(tx),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      withCaller(store.db, 'prov-a', (tx) =>
        sql`INSERT INTO provider_counts (programme_id, provider_id, participants) VALUES ('tiny', 'prov-b', 1)
          ON CONFLICT (programme_id, provider_id) DO UPDATE SET participants = provider_counts.participants + 1`.execute(
          tx,
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    expect(await asOwner(`SELECT * FROM participants WHERE participant_id = 'X1'`)).toEqual([]);
  });

  it('caller-scoped work is refused every table and change it was not granted', async () => {
    for (const query of [
      'SELECT * FROM users',
      'SELECT * FROM sessions',
      'SELECT * FROM api_tokens',
      'SELECT reason FROM audit_log',
      'SELECT * FROM programme_members',
      `UPDATE participants SET provider_id = 'prov-a'`,
      'DELETE FROM events',
    ]) {
      await expect(asCaller('ministry', query), query).rejects.toThrow(/permission denied/);
    }
  });

  it('the role and the organisation end with the transaction, also when it fails', async () => {
    const [owner] = await asOwner(
      'SELECT current_user AS role, (SELECT count(*) FROM participants)::int AS participants',
    );
    expect(owner?.role).not.toBe(CALLER_ROLE);
    expect(await asCaller('prov-a', 'SELECT current_user AS role')).toEqual([
      { role: CALLER_ROLE },
    ]);
    await expect(asCaller('prov-a', 'SELECT 1 / 0')).rejects.toThrow();
    // More rounds than the server's pool has connections, so every connection is checked.
    for (let i = 0; i < 12; i++) {
      await asCaller('prov-a', 'SELECT 1');
      const [after] = await asOwner(
        `SELECT current_user AS role, coalesce(current_setting('resulta.organisation', true), '') AS org,
          (SELECT count(*) FROM participants)::int AS participants`,
      );
      expect(after).toEqual({ ...owner, org: '' });
    }
  });

  it('withCaller needs an organisation and a connection outside a transaction', async () => {
    await expect(withCaller(store.db, '', async () => 1)).rejects.toThrow(/organisation/);
    await expect(
      store.db.transaction().execute((tx) => withCaller(tx, 'prov-a', async () => 1)),
    ).rejects.toThrow(/outside/);
  });

  describe('services that forget the provider’s scope still return only its rows', () => {
    const forgetful = { organisationId: 'prov-a' };

    it('the participant list', async () => {
      const page = await listParticipants(store, 'tiny', forgetful, { limit: 100 });
      expect(page.participants.map((p) => p.participant_id)).toEqual(PROV_A);
      const outsider = await listParticipants(
        store,
        'tiny',
        { organisationId: 'prov-c' },
        {
          limit: 100,
        },
      );
      expect(outsider.participants).toEqual([]);
    });

    it('the achievements export', async () => {
      const file = await runAchievementsFile(store, 'tiny', String(tiny.run_id), forgetful, 'csv');
      const lines = String(file.body).trim().split('\n').slice(1);
      expect(lines.map((l) => l.split(',')[0])).toEqual(['P01']);
      const funder = await runAchievementsFile(
        store,
        'tiny',
        String(tiny.run_id),
        { organisationId: 'ministry' },
        'csv',
      );
      expect(String(funder.body).trim().split('\n')).toHaveLength(3);
    });

    it('sample reads', async () => {
      const all = await readSample(store, String(tiny.sample_id), { organisationId: 'audit-co' });
      const mine = await readSample(store, String(tiny.sample_id), forgetful);
      expect(mine.events.length).toBeGreaterThan(0);
      expect(mine.events.length).toBeLessThan(all.events.length);
      for (const e of mine.events) expect(PROV_A).toContain(e.participant_id);
      await expect(
        readSample(store, String(tiny.sample_id), { organisationId: 'prov-c' }),
      ).rejects.toThrow(/no sample/);
    });

    it('imports', async () => {
      const dir = await tempDir();
      const participants = join(dir, 'participants.csv');
      await writeFile(
        participants,
        'participant_id,provider_id,enrolled_on\nX2,prov-b,2019-01-01\n',
      );
      await expect(
        importParticipants(
          store,
          { id: 'prov-a' },
          'tiny',
          participants,
          'participants.csv',
          forgetful,
        ),
      ).rejects.toThrow(/row-level security/);
      const events = join(dir, 'events.csv');
      await writeFile(
        events,
        'participant_id,type,occurred_on,value,verified,source\nP04,job_start,2019-03-01,,false,provider\n',
      );
      await expect(
        importEvents(store, { id: 'prov-a' }, 'tiny', events, 'events.csv', forgetful),
      ).rejects.toThrow(/row-level security/);
      expect(await asOwner(`SELECT * FROM participants WHERE participant_id = 'X2'`)).toEqual([]);
      // Within its scope, a caller-scoped import writes, counts and audits as before.
      await writeFile(
        participants,
        'participant_id,provider_id,enrolled_on\nX3,prov-a,2019-01-01\n',
      );
      const scope = { organisationId: 'prov-a', providerId: 'prov-a' };
      expect(
        await importParticipants(
          store,
          { id: 'prov-a' },
          'tiny',
          participants,
          'participants.csv',
          scope,
        ),
      ).toBe(1);
      expect(
        await asOwner(
          `SELECT participants::int AS n FROM provider_counts WHERE programme_id = 'tiny' AND provider_id = 'prov-a'`,
        ),
      ).toEqual([{ n: 8 }]);
      expect(await asOwner(`SELECT actor, action FROM audit_log ORDER BY id DESC LIMIT 1`)).toEqual(
        [{ actor: 'prov-a', action: 'import' }],
      );
    });
  });
});

/** True when rows of both providers of `tiny` are among `who`. */
function ofBothProviders(table: Table, who: readonly string[]): boolean {
  const [a, b] = table === 'provider_counts' ? [['prov-a'], ['prov-b']] : [PROV_A, PROV_B];
  return who.some((w) => a.includes(w)) && who.some((w) => b.includes(w));
}
