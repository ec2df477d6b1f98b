/**
 * Issue #7 item 1: a retried employment upload doubled earnings. A programme held the same
 * dataset twice and a run merged both: a person employed 600.00 a month (pays nothing) went
 * to 1,200.00 and was paid 1,600.00. Now a dataset the programme already holds is refused
 * (409, naming it, who uploaded it and when), whether sent as the same bytes or re-saved;
 * datasets are in force, superseded or withdrawn, with who, when and why; a run uses exactly
 * those in force and records which.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onServer, testStoreOptions } from '../support/test-store.js';
import {
  employmentCsv,
  employmentProgramme,
  keyOf,
  PROGRAMME,
  type ProgrammeServer,
} from './employment-programme.js';

const DATASETS = `/programmes/${PROGRAMME}/employment-datasets`;
const KEY = keyOf('NID-600');

async function asXlsx(csv: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('employment');
  for (const line of csv.trim().split('\n')) sheet.addRow(line.split(','));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe(`item 1: employment datasets on ${onServer ? 'the PostgreSQL server' : 'embedded PGlite'}`, () => {
  let server: ProgrammeServer;
  const upload = (
    body: string | Buffer,
    query = 'format=csv',
    role: 'funder' | 'verifier' = 'funder',
  ) => server.call(role, 'POST', `${DATASETS}?${query}`, body);
  const list = async () => {
    const res = await server.call('verifier', 'GET', DATASETS);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().datasets as Record<string, unknown>[];
  };

  beforeAll(async () => {
    server = await employmentProgramme();
    const enrolled = await server.call(
      'provA',
      'POST',
      `/programmes/${PROGRAMME}/participants?format=csv`,
      'participant_id,provider_id,enrolled_on,national_id\nP1,prov-a,2018-05-01,NID-600\n',
    );
    expect(enrolled.statusCode, enrolled.body).toBe(201);
  });
  afterAll(() => server?.close());

  it('refuses a retried upload with 409 naming the dataset held; the bill still pays 0.00', async () => {
    const first = await upload(employmentCsv(KEY, '600'));
    expect(first.statusCode, first.body).toBe(201);
    const retry = await upload(employmentCsv(KEY, '600'));
    // Both held, the run merged them: 1,200.00 a month, paid 1,600.00.
    expect((await server.draftBill()).total_cents).toBe(0);
    expect(retry.statusCode, retry.body).toBe(409);
    expect(first.json()).toMatchObject({ dataset: { status: 'in_force', rows: 6 } });
    const id = first.json().dataset.id;
    expect(retry.json()).toMatchObject({
      error: 'dataset_held',
      dataset: { id, uploaded_by: 'funder@example.org', status: 'in_force' },
    });
    expect(retry.json().message).toContain(`dataset ${id}`);
    expect(retry.json().message).toContain('funder@example.org');
    expect(await list()).toHaveLength(1);
  });

  it('refuses the same records re-saved: other line ends, number spelling, quoting, XLSX', async () => {
    const [held] = await list();
    const resaved = employmentCsv(KEY, '600.00', '\r\n').replaceAll('E1', '"E1"');
    const [header, ...rows] = employmentCsv(KEY, '600').trim().split('\n');
    const resorted = `${[header, ...rows.reverse()].join('\n')}\n`;
    for (const [body, format] of [
      [resaved, 'csv'],
      [resorted, 'csv'],
      [await asXlsx(employmentCsv(KEY, '600')), 'xlsx'],
    ] as const) {
      const res = await upload(body, `format=${format}`, 'verifier');
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().dataset).toMatchObject({ id: held?.id, uploaded_by: 'funder@example.org' });
    }
    expect((await server.draftBill()).total_cents).toBe(0);
  });

  it('lets one of two identical uploads sent at once in, never both', async () => {
    const body = employmentCsv(keyOf('NID-other'), '50');
    const codes = (await Promise.all([upload(body), upload(body), upload(body)]))
      .map((r) => r.statusCode)
      .sort();
    expect(codes).toEqual([201, 409, 409]);
    const held = (await list()).filter((d) => d.status === 'in_force');
    expect(held).toHaveLength(2);
  });

  it('refuses a dataset sharing records with one in force, saying how many and which', async () => {
    const [, other] = (await list()).filter((d) => d.status === 'in_force');
    const key = keyOf('NID-other');
    const more = `person_key,month,employer_id,earnings\n${key},2018-11,E1,50\n${key},2018-12,E1,50\n`;
    const res = await upload(more);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({ error: 'dataset_overlaps', dataset: { id: other?.id } });
    expect(res.json().message).toContain(`1 of the 2 person-month-employer records`);
    expect(res.json().message).toContain(`?supersedes=${other?.id}`);
    // Another employer in the same month is another record.
    const elsewhere = more
      .replace(',2018-11,E1,', ',2018-11,E2,')
      .replace(/\n[^\n]*2018-12[^\n]*/, '');
    const accepted = await upload(elsewhere);
    expect(accepted.statusCode, accepted.body).toBe(201);
    const withdrawn = await server.call(
      'funder',
      'POST',
      `${DATASETS}/${accepted.json().dataset.id}/withdraw`,
      { reason: 'second job, test only' },
    );
    expect(withdrawn.statusCode).toBe(200);
  });

  it('supersedes a dataset with a corrected one, with who, when and why; the run uses the new one', async () => {
    const [old] = await list();
    const noReason = await upload(employmentCsv(KEY, '1200'), `format=csv&supersedes=${old?.id}`);
    expect(noReason.statusCode, noReason.body).toBe(422);
    const unknown = await upload(
      employmentCsv(KEY, '1200'),
      'format=csv&supersedes=999999&reason=corrected',
    );
    expect(unknown.statusCode, unknown.body).toBe(404);
    const corrected = await upload(
      employmentCsv(KEY, '1200'),
      `format=csv&supersedes=${old?.id}&reason=${encodeURIComponent('earnings were halved by the export')}`,
    );
    expect(corrected.statusCode, corrected.body).toBe(201);
    const next = corrected.json().dataset.id;
    const datasets = await list();
    expect(datasets.find((d) => d.id === old?.id)).toMatchObject({
      status: 'superseded',
      superseded_by: next,
      ended_by: 'funder@example.org',
      reason: 'earnings were halved by the export',
      ended_at: expect.any(String),
    });
    expect(datasets.find((d) => d.id === next)).toMatchObject({ status: 'in_force' });
    expect((await server.draftBill()).total_cents).toBe(160000);
    // The superseded content cannot come back in beside its correction.
    const again = await upload(employmentCsv(KEY, '600'));
    expect(again.statusCode).toBe(409);
    expect(again.json().dataset).toMatchObject({ id: old?.id, status: 'superseded' });
    // Nor can a superseded dataset be superseded again.
    const twice = await upload(
      employmentCsv(KEY, '900'),
      `format=csv&supersedes=${old?.id}&reason=again`,
    );
    expect(twice.statusCode, twice.body).toBe(409);
  });

  it('withdraws a dataset with a reason; the run and its evidence pack name the datasets used', async () => {
    const inForce = (await list()).filter((d) => d.status === 'in_force');
    // The correction of P1's earnings, and the other person's dataset.
    const [other, paying] = inForce;
    expect(inForce).toHaveLength(2);
    const withdraw = (id: unknown, body: object, role: 'funder' | 'provA' = 'funder') =>
      server.call(role, 'POST', `${DATASETS}/${id}/withdraw`, body);
    expect((await withdraw(other?.id, {})).statusCode).toBe(400);
    expect((await withdraw(other?.id, { reason: '   ' })).statusCode).toBe(422);
    expect((await withdraw(other?.id, { reason: 'x' }, 'provA')).statusCode).toBe(403);
    expect((await withdraw('424242', { reason: 'x' })).statusCode).toBe(404);
    const done = await withdraw(other?.id, { reason: 'test data, uploaded by mistake' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      id: other?.id,
      status: 'withdrawn',
      ended_by: 'funder@example.org',
      reason: 'test data, uploaded by mistake',
    });
    expect((await withdraw(other?.id, { reason: 'again' })).statusCode).toBe(409);

    const run = await server.call('funder', 'POST', `/programmes/${PROGRAMME}/runs`, {
      as_of: '2019-06-30',
    });
    expect(run.statusCode).toBe(202);
    const runId = run.json().id;
    for (let i = 0; i < 600; i++) {
      const state = (await server.call('funder', 'GET', `/runs/${runId}`)).json();
      if (state.status === 'succeeded') break;
      expect(['queued', 'running']).toContain(state.status);
      await new Promise((r) => setTimeout(r, 100));
    }
    const used = await server.call('verifier', 'GET', `/runs/${runId}/employment-datasets`);
    expect(used.statusCode, used.body).toBe(200);
    expect(used.json().datasets.map((d: { id: string }) => d.id)).toEqual([paying?.id]);
    const pack = await server.call('verifier', 'GET', `/runs/${runId}/evidence-pack`);
    const manifest = JSON.parse(
      Buffer.from(unzipSync(pack.rawPayload)['manifest.json'] ?? []).toString(),
    );
    expect(manifest.employment_datasets).toEqual([
      { id: paying?.id, sha256: paying?.sha256, rows: 6 },
    ]);

    // Withdrawing the last one leaves nothing to pay for.
    expect((await withdraw(paying?.id, { reason: 'wrong programme' })).statusCode).toBe(200);
    expect((await server.draftBill()).total_cents).toBe(0);
  });

  it('records every change in the audit log, and lets no provider or investor see the list', async () => {
    const actions = await server.store.db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'reason'])
      .where('entity', '=', 'employment_dataset')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'import',
      'import',
      'import',
      'withdraw',
      'import',
      'supersede',
      'withdraw',
      'withdraw',
    ]);
    expect(actions[5]?.reason).toBe('earnings were halved by the export');
    const audit = await server.call('verifier', 'GET', '/audit/verify');
    expect(audit.json()).toMatchObject({ intact: true });
    for (const role of ['provA', 'investor'] as const)
      expect((await server.call(role, 'GET', DATASETS)).statusCode).toBe(403);
    expect((await server.call('funder', 'GET', DATASETS)).statusCode).toBe(200);
  });
});

/** A plain SQL session on a fresh database (PGlite) or schema (server), without migrations. */
async function bareDatabase() {
  const options = await testStoreOptions();
  if (options.url) {
    const client = new pg.Client({ connectionString: options.url });
    await client.connect();
    return {
      exec: async (text: string) => void (await client.query(text)),
      rows: async (text: string) => (await client.query(text)).rows,
      close: () => client.end(),
    };
  }
  const db = await PGlite.create(join(options.dataDir, 'pglite'));
  return {
    exec: async (text: string) => void (await db.exec(text)),
    rows: async (text: string) => (await db.query(text)).rows,
    close: () => db.close(),
  };
}

describe(`migration 0009 on ${onServer ? 'the PostgreSQL server' : 'embedded PGlite'}`, () => {
  it('withdraws every later copy of a dataset a programme held twice, keeping the first', async () => {
    const folder = join(import.meta.dirname, '../../migrations');
    const files = (await readdir(folder)).filter((f) => f.endsWith('.sql')).sort();
    const at = files.indexOf('0009_datasets_and_person_keys.sql');
    expect(at).toBeGreaterThan(0);
    const db = await bareDatabase();
    try {
      for (const file of files.slice(0, at))
        await db.exec(await readFile(join(folder, file), 'utf8'));
      await db.exec(`INSERT INTO organisations VALUES ('f', 'f', 'funder');
        INSERT INTO programmes (id, title, funder_id) VALUES ('p', 'p', 'f'), ('q', 'q', 'f');
        INSERT INTO employment_datasets (programme_id, sha256, row_count, source_name, uploaded_by) VALUES
          ('p', 'aaa', 6, 'a.csv', 'x'), ('p', 'aaa', 6, 'a-retry.csv', 'x'), ('p', 'bbb', 3, 'b.csv', 'x'),
          ('q', 'aaa', 6, 'a.csv', 'y'), ('p', 'aaa', 6, 'a-again.csv', 'x');`);
      await db.exec(await readFile(join(folder, files[at] as string), 'utf8'));
      const withdrawn = {
        status: 'withdrawn',
        ended_by: 'migration 0009',
        end_reason: 'the same data as dataset 1, held twice before duplicates were refused',
      };
      const kept = { status: 'in_force', ended_by: null, end_reason: null };
      expect(
        await db.rows(
          'SELECT CAST(id AS text) AS id, status, ended_by, end_reason FROM employment_datasets ORDER BY id',
        ),
      ).toEqual([
        { id: '1', ...kept },
        { id: '2', ...withdrawn },
        { id: '3', ...kept },
        { id: '4', ...kept },
        { id: '5', ...withdrawn },
      ]);
      // Never edited again, but for the one end of a dataset in force; never removed.
      await expect(
        db.exec('UPDATE employment_datasets SET row_count = 7 WHERE id = 1'),
      ).rejects.toThrow('never changed');
      await expect(db.exec('DELETE FROM employment_datasets WHERE id = 2')).rejects.toThrow(
        'append-only',
      );
    } finally {
      await db.close();
    }
  });
});
