/**
 * Bill statements and the achievements export through a real server (issue #8 part 2), on
 * the worked example held by a programme whose names carry accents: a bill drafted,
 * verified, approved and paid; then a verifier's decision that changes a paid period, and a
 * second bill of adjustments. The statements' numbers are checked against the run's own
 * achievements.csv from its evidence pack, computed independently here; who may see which
 * statement, in which language, is checked call by call.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import excel from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { ACHIEVEMENT_COLUMNS } from '../../src/domain/output-columns.js';
import { csvRecords } from '../../src/files/csv-records.js';
import { createApiToken } from '../../src/services/api-tokens.js';
import { createUser } from '../../src/services/identity.js';
import {
  importEmployment,
  importEvents,
  importParticipants,
} from '../../src/services/import-data.js';
import { createProgramme } from '../../src/services/programmes.js';
import type { Store } from '../../src/store/database.js';
import { drawnStrings, hasPdftotext, pdfPages, pdftotext } from '../support/pdf-text.js';
import { onServer, openTestStore } from '../support/test-store.js';
import { TINY } from '../support/tiny-programme.js';

/** The bytes as ExcelJS's typings want them: an ArrayBuffer of exactly these bytes. */
const arrayBuffer = (bytes: Buffer) =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

const PASSWORD = 'correct horse battery staple';
/** Set-up evaluates in child processes: more than the default minute on a loaded machine. */
const SETUP_TIMEOUT = 240_000;

/** RESULTA_KEEP_STATEMENTS=<folder> keeps the PDFs, to look at them. */
async function keep(name: string, pdf: Uint8Array): Promise<void> {
  const folder = process.env.RESULTA_KEEP_STATEMENTS;
  if (!folder) return;
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, name), pdf);
}
const TITLE = 'Programa de Empleo Joven — Córdoba';
const PROVIDER_A = 'Fundación Señor Ñandú';
const PROVIDER_B = 'Association Ça Marche';
type Who = 'funder' | 'provider' | 'verifier' | 'investor' | 'providerB' | 'outsider';

describe(`bill statements on ${onServer ? 'the PostgreSQL server' : 'embedded PGlite'}`, () => {
  let store: Store;
  let app: FastifyInstance;
  const tokens = {} as Record<Who, string>;
  let runId: string;
  let billId: string;
  let achievements: string[][];

  const call = (who: Who | null, url: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'GET',
      url,
      headers: { ...headers, ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}) },
    });
  const post = (who: Who, url: string, payload?: object, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url,
      payload,
      headers: { ...headers, authorization: `Bearer ${tokens[who]}` },
    });
  const workbook = async (bytes: Buffer) => {
    const book = new excel.Workbook();
    await book.xlsx.load(arrayBuffer(bytes));
    return book;
  };

  beforeAll(async () => {
    store = await openTestStore();
    const setup = { id: 'setup' };
    await createProgramme(store, setup, {
      id: 'empleo',
      title: TITLE,
      funder: { id: 'ministerio', name: 'Ministerio de Trabajo' },
      providers: [
        { id: 'prov-a', name: PROVIDER_A },
        { id: 'prov-b', name: PROVIDER_B },
      ],
      verifiers: [{ id: 'auditoria', name: 'Auditoría Federal' }],
      investors: [{ id: 'fondo', name: 'Fondo de Impacto' }],
      contractYaml: await readFile(join(TINY, 'contract.yaml'), 'utf8'),
    });
    const file = (name: string) => [join(TINY, name), name] as const;
    await importParticipants(store, setup, 'empleo', ...file('participants.csv'), {
      personKeysFromFile: true,
    });
    await importEvents(store, setup, 'empleo', ...file('events.csv'));
    await importEmployment(store, setup, 'empleo', ...file('employment.csv'));
    const people: [Exclude<Who, 'providerB' | 'outsider'>, string, string][] = [
      ['funder', 'ministerio', 'María José Pérez'],
      ['provider', 'prov-a', 'Ramón Ñúñez'],
      ['verifier', 'auditoria', 'François Lefèvre'],
      ['investor', 'fondo', 'Inversora'],
    ];
    for (const [who, organisationId, name] of people)
      await createUser(store, {
        email: `${who}@example.org`,
        name,
        organisationId,
        password: PASSWORD,
      });
    app = await buildServer(store, { loginRateLimit: 1000 });
    for (const [who] of people) {
      const res = await app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { email: `${who}@example.org`, password: PASSWORD },
      });
      tokens[who] = res.json().token;
    }
    tokens.providerB = await createApiToken(store, 'setup', 'prov-b', 'prov-b system');
    await createProgramme(store, setup, {
      id: 'elsewhere',
      title: 'Another programme',
      funder: { id: 'other-ministry', name: 'Other ministry' },
      providers: [{ id: 'other-provider', name: 'Other provider' }],
      verifiers: [],
      investors: [],
      contractYaml: await readFile(join(TINY, 'contract.yaml'), 'utf8'),
    });
    tokens.outsider = await createApiToken(store, 'setup', 'other-ministry', 'outsider');

    const drafted = await post('funder', '/programmes/empleo/bills', { period_end: '2019-06-30' });
    expect(drafted.statusCode, drafted.body).toBe(201);
    billId = drafted.json().id;
    expect(
      (await post('verifier', `/bills/${billId}/verify`, { reason: 'muestra revisada' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await post('funder', `/bills/${billId}/approve`, { reason: 'conforme' })).statusCode,
    ).toBe(200);
    const paid = await post('funder', `/bills/${billId}/pay`, undefined, {
      'idempotency-key': 'pago-2019-06-statement',
    });
    expect(paid.statusCode, paid.body).toBe(200);
    runId = String(
      (
        await store.db
          .selectFrom('bills')
          .select('run_id')
          .where('id', '=', billId)
          .executeTakeFirstOrThrow()
      ).run_id,
    );
    const pack = await call('funder', `/runs/${runId}/evidence-pack`);
    const files = unzipSync(new Uint8Array(pack.rawPayload));
    achievements = csvRecords(strFromU8(files['outputs/achievements.csv'] as Uint8Array)).slice(1);
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  /** Per outcome, from the run's achievements.csv: participants paid and the sum paid. */
  function expectedByOutcome(provider?: string) {
    const by = new Map<string, { participants: Set<string>; cents: number }>();
    for (const [participant, prov, , outcome, , , , amount] of achievements) {
      if (provider && prov !== provider) continue;
      const cents = Math.round(Number(amount) * 100);
      if (cents === 0) continue;
      const entry = by.get(outcome as string) ?? { participants: new Set(), cents: 0 };
      entry.participants.add(participant as string);
      entry.cents += cents;
      by.set(outcome as string, entry);
    }
    return by;
  }

  it('gives a provider’s statement as an XLSX whose lines add up to that provider’s achievements', async () => {
    const res = await call('funder', `/bills/${billId}/statement.xlsx?provider=prov-a`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = await workbook(res.rawPayload);
    const lines = book.getWorksheet('Lines');
    if (!lines) throw new Error('no Lines sheet');
    const expected = expectedByOutcome('prov-a');
    expect(expected.size).toBeGreaterThan(0);
    const got = new Map<string, { participants: number; amount: number }>();
    lines.eachRow((row, n) => {
      if (n === 1) return;
      expect(row.getCell(1).value).toBe('payment');
      got.set(String(row.getCell(2).value), {
        participants: row.getCell(4).value as number,
        amount: row.getCell(6).value as number,
      });
      expect(row.getCell(6).type).toBe(excel.ValueType.Number);
      expect(row.getCell(6).numFmt).toBe('#,##0.00');
    });
    expect(
      [...got].map(([o, g]) => [o, g.participants, Math.round(g.amount * 100)]).sort(),
    ).toEqual([...expected].map(([o, e]) => [o, e.participants.size, e.cents]).sort());
    const facts = book.getWorksheet('Statement');
    const fact = (label: string) => {
      let value: unknown;
      facts?.eachRow((row) => {
        if (row.getCell(1).value === label) value = row.getCell(2).value;
      });
      return value;
    };
    expect(fact('Programme')).toBe(TITLE);
    expect(fact('Provider')).toBe(PROVIDER_A);
    expect(fact('Total')).toBe(6200);
    expect((fact('Period to') as Date).toISOString().slice(0, 10)).toBe('2019-06-30');
    expect((fact('Period from') as Date).toISOString().slice(0, 10)).toBe('2018-04-01');
  });

  it('names the evidence pack by its SHA-256, which is the pack the API hands out', async () => {
    const pack = await call('verifier', `/runs/${runId}/evidence-pack`);
    const sha = createHash('sha256').update(pack.rawPayload).digest('hex');
    const res = await call('verifier', `/bills/${billId}/statement.xlsx`);
    const book = await workbook(res.rawPayload);
    let found = '';
    book.getWorksheet('Statement')?.eachRow((row) => {
      if (row.getCell(1).value === 'Evidence pack SHA-256') found = String(row.getCell(2).value);
    });
    expect(found).toBe(sha);
    // The whole bill: both providers, adding up to the bill.
    const providers = book.getWorksheet('By provider');
    const rows: unknown[][] = [];
    providers?.eachRow((row, n) => {
      if (n > 1) rows.push([row.getCell(1).value, row.getCell(2).value, row.getCell(4).value]);
    });
    expect(rows).toEqual([
      [PROVIDER_A, 'prov-a', 6200],
      [PROVIDER_B, 'prov-b', 800],
    ]);
  });

  it('speaks Spanish and French as Accept-Language asks, accents and all', async () => {
    const es = await call('funder', `/bills/${billId}/statement.pdf?provider=prov-a`, {
      'accept-language': 'es-AR,es;q=0.9,en;q=0.5',
    });
    expect(es.statusCode, es.body).toBe(200);
    expect(es.headers['content-type']).toBe('application/pdf');
    expect(es.headers['content-language']).toBe('es');
    expect(es.headers['content-disposition']).toBe(
      `attachment; filename="bill-${billId}-statement-prov-a-es.pdf"`,
    );
    const pdf = new Uint8Array(es.rawPayload);
    await keep(`bill-${billId}-prov-a-es.pdf`, es.rawPayload);
    for (const size of await pdfPages(pdf)) expect(size).toEqual({ width: 595.28, height: 841.89 });
    const text = (await drawnStrings(pdf)).flat().join('\n');
    const pack = createHash('sha256')
      .update((await call('funder', `/runs/${runId}/evidence-pack`)).rawPayload)
      .digest('hex');
    for (const expected of [
      'Liquidación de factura',
      TITLE,
      PROVIDER_A,
      'del 1 de abril de 2018 al 30 de junio de 2019',
      'pagada',
      '6200,00 ARS',
      'Topes y margen disponible al 30 de junio de 2019',
      'Pagos totales del programa',
      '7000,00 ARS',
      'María José Pérez',
      'François Lefèvre',
      'Auditoría Federal',
      'Elaborada',
      'Verificada',
      'Aprobada',
      'Pagada',
      'muestra revisada',
      pack,
    ])
      expect(text, expected).toContain(expected);
    // Each outcome's amount as a Spanish reader writes it.
    for (const [outcome, e] of expectedByOutcome('prov-a')) {
      expect(text).toContain(outcome);
      const amount = (e.cents / 100).toFixed(2).replace('.', ',');
      expect(text).toContain(`${amount} ARS`);
    }
    if (hasPdftotext) {
      const read = (await pdftotext(pdf)).join('\n');
      for (const expected of ['Liquidación de factura', TITLE, PROVIDER_A, 'François Lefèvre'])
        expect(read).toContain(expected);
    }
    const fr = await call('verifier', `/bills/${billId}/statement.pdf`, {
      'accept-language': 'fr-SN',
    });
    const french = (await drawnStrings(new Uint8Array(fr.rawPayload))).flat().join('\n');
    await keep(`bill-${billId}-all-fr.pdf`, fr.rawPayload);
    expect(french).toContain('Relevé de facture');
    expect(french).toContain('Tous les prestataires');
    expect(french).toContain('7\u00a0000,00 ARS');
    expect(french).toContain(PROVIDER_B);
    const english = await call('verifier', `/bills/${billId}/statement.pdf`, {
      'accept-language': 'de-DE',
    });
    expect(english.headers['content-language']).toBe('en');
    expect((await drawnStrings(new Uint8Array(english.rawPayload))).flat()).toContain(
      'Bill statement',
    );
  });

  it('gives a provider its own statement and nobody else’s', async () => {
    const own = await call('provider', `/bills/${billId}/statement.pdf`);
    expect(own.statusCode, own.body).toBe(200);
    const text = (await drawnStrings(new Uint8Array(own.rawPayload))).flat().join('\n');
    expect(text).toContain(PROVIDER_A);
    expect(text).not.toContain(PROVIDER_B);
    expect(text).toContain('6,200.00 ARS');
    expect(
      (await call('provider', `/bills/${billId}/statement.pdf?provider=prov-a`)).statusCode,
    ).toBe(200);
    const other = await call('provider', `/bills/${billId}/statement.xlsx?provider=prov-b`);
    expect(other.statusCode).toBe(404);
    // A provider's token gets its own, whatever the query says about the whole bill.
    const b = await call('providerB', `/bills/${billId}/statement.xlsx`);
    expect(b.statusCode).toBe(200);
    const facts: unknown[] = [];
    (await workbook(b.rawPayload)).getWorksheet('Statement')?.eachRow((row) => {
      facts.push(row.getCell(2).value);
    });
    expect(facts).toContain(PROVIDER_B);
    expect(facts).toContain(800);
    expect((await call('investor', `/bills/${billId}/statement.pdf`)).statusCode).toBe(403);
    expect((await call(null, `/bills/${billId}/statement.pdf`)).statusCode).toBe(401);
    expect((await call('outsider', `/bills/${billId}/statement.pdf`)).statusCode).toBe(404);
    expect((await call('funder', `/bills/${billId}/statement.pdf?provider=fondo`)).statusCode).toBe(
      404,
    );
    expect((await call('funder', '/bills/999999/statement.pdf')).statusCode).toBe(404);
  });

  it('shows a later bill’s adjustments to the paid period, with their cause', async () => {
    // The verifier confirms an event the first bill could not count: the paid period changes.
    const sample = await post('verifier', '/programmes/empleo/verification/samples', {
      size: 100,
      seed: 'statement',
    });
    expect(sample.statusCode, sample.body).toBe(201);
    const drawn = (await call('verifier', `/samples/${sample.json().id}`)).json();
    const event = drawn.events.find(
      (e: { participant_id: string; type: string }) =>
        e.participant_id === 'P02' && e.type === 'training_completed',
    );
    expect(event).toBeDefined();
    const decided = await post(
      'verifier',
      `/samples/${sample.json().id}/events/${event.event_id}`,
      {
        decision: 'verified',
      },
    );
    expect(decided.statusCode, decided.body).toBe(200);
    const second = await post('funder', '/programmes/empleo/bills', { period_end: '2019-06-30' });
    expect(second.statusCode, second.body).toBe(201);
    const bill = second.json();
    expect(bill.adjustments.lines).toBeGreaterThan(0);
    const res = await call('funder', `/bills/${bill.id}/statement.pdf`, {
      'accept-language': 'es',
    });
    const text = (await drawnStrings(new Uint8Array(res.rawPayload))).flat().join('\n');
    expect(text).toContain('hasta el 30 de junio de 2019 (ajustes de períodos ya pagados)');
    expect(text).toContain('Ajustes por resultado');
    // The cause wraps in its cell: its first words are one drawn line.
    expect(text).toContain('cambio de datos (registros');
    await keep(`bill-${bill.id}-adjustments-es.pdf`, res.rawPayload);
    expect(text).toContain('training_completed');
    const book = await workbook(
      (await call('funder', `/bills/${bill.id}/statement.xlsx`, { 'accept-language': 'es' }))
        .rawPayload,
    );
    let sum = 0;
    book.getWorksheet('Líneas')?.eachRow((row, n) => {
      if (n > 1) sum += Math.round((row.getCell(6).value as number) * 100);
    });
    expect(sum).toBe(bill.total_cents);
  });

  it('documents both statements in the OpenAPI document, as binary files', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const pdf = doc.paths['/bills/{bill}/statement.pdf'].get;
    expect(pdf.operationId).toBe('getBillStatementPdf');
    expect(pdf.summary).toBeTruthy();
    expect(pdf.description).toContain('Accept-Language');
    expect(pdf.responses['200'].content['application/pdf'].schema).toMatchObject({
      type: 'string',
      format: 'binary',
    });
    const xlsx = doc.paths['/bills/{bill}/statement.xlsx'].get;
    expect(xlsx.operationId).toBe('getBillStatementXlsx');
    expect(Object.keys(xlsx.responses['200'].content)).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    const exported = doc.paths['/runs/{run}/achievements'].get;
    expect(exported.operationId).toBe('exportRunAchievements');
  });
});

describe(`the achievements export on ${onServer ? 'the PostgreSQL server' : 'embedded PGlite'}`, () => {
  let store: Store;
  let app: FastifyInstance;
  let token: string;
  let providerToken: string;
  let runId: string;
  let packAchievements: string[][];

  beforeAll(async () => {
    store = await openTestStore();
    const setup = { id: 'setup' };
    await createProgramme(store, setup, {
      id: 'tiny',
      title: 'Tiny',
      funder: { id: 'ministry', name: 'Ministry' },
      providers: [
        { id: 'prov-a', name: 'A' },
        { id: 'prov-b', name: 'B' },
      ],
      verifiers: [],
      investors: [],
      contractYaml: await readFile(join(TINY, 'contract.yaml'), 'utf8'),
    });
    await importParticipants(store, setup, 'tiny', join(TINY, 'participants.csv'), 'p.csv', {
      personKeysFromFile: true,
    });
    await importEvents(store, setup, 'tiny', join(TINY, 'events.csv'), 'e.csv');
    await importEmployment(store, setup, 'tiny', join(TINY, 'employment.csv'), 'm.csv');
    app = await buildServer(store);
    token = await createApiToken(store, 'setup', 'ministry', 'exports');
    providerToken = await createApiToken(store, 'setup', 'prov-b', 'exports');
    const run = await app.inject({
      method: 'POST',
      url: '/programmes/tiny/runs',
      payload: { as_of: '2019-06-30' },
      headers: { authorization: `Bearer ${token}` },
    });
    runId = run.json().id;
    for (let i = 0; i < 600; i++) {
      const state = await app.inject({
        url: `/runs/${runId}`,
        headers: { authorization: `Bearer ${token}` },
      });
      if (state.json().status === 'succeeded') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const pack = await app.inject({
      url: `/runs/${runId}/evidence-pack`,
      headers: { authorization: `Bearer ${token}` },
    });
    packAchievements = csvRecords(
      strFromU8(
        unzipSync(new Uint8Array(pack.rawPayload))['outputs/achievements.csv'] as Uint8Array,
      ),
    );
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  const get = (url: string, as = token) =>
    app.inject({ url, headers: { authorization: `Bearer ${as}` } });

  it('has the engine’s columns, segment included, each row as the run wrote it', async () => {
    const res = await get(`/runs/${runId}/achievements?format=csv`);
    const rows = csvRecords(res.body);
    expect(rows[0]).toEqual(ACHIEVEMENT_COLUMNS.map((c) => c.name));
    expect(rows[0]).toEqual(packAchievements[0]);
    // The same rows as the pack's machine file (in day order rather than cap order).
    const key = (r: string[]) => r.join(',');
    expect(rows.slice(1).map(key).sort()).toEqual(packAchievements.slice(1).map(key).sort());
    expect(rows.some((r) => r[2] === 'harder_to_help')).toBe(true);
  });

  it('writes the XLSX with real cells and the segment column', async () => {
    const res = await get(`/runs/${runId}/achievements?format=xlsx`, providerToken);
    const book = new excel.Workbook();
    await book.xlsx.load(arrayBuffer(res.rawPayload));
    const sheet = book.getWorksheet('achievements');
    if (!sheet) throw new Error('no sheet');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(
      ACHIEVEMENT_COLUMNS.map((c) => c.name),
    );
    const own = packAchievements.slice(1).filter((r) => r[1] === 'prov-b');
    expect(sheet.rowCount).toBe(own.length + 1);
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      expect(row.getCell(2).value).toBe('prov-b');
      expect(typeof row.getCell(3).value).toBe('string');
      expect(row.getCell(5).type).toBe(excel.ValueType.Date);
      expect(row.getCell(7).type).toBe(excel.ValueType.Number);
      expect(row.getCell(8).numFmt).toBe('#,##0.00');
      const match = own.find((r) => r[0] === row.getCell(1).value && r[3] === row.getCell(4).value);
      expect(match?.[2]).toBe(row.getCell(3).value);
      expect(match?.[7]).toBe((row.getCell(8).value as number).toFixed(2));
    });
  });

  it('lays the CSV out for a Spanish spreadsheet when asked', async () => {
    const res = await get(`/runs/${runId}/achievements?format=csv&delimiter=%3B&bom=true`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body.startsWith('\uFEFFparticipant_id;provider_id;segment;')).toBe(true);
    expect(res.body).toContain(
      '\nP01;prov-a;standard;training_completed;2018-06-01;base;200,00;200,00;paid\n',
    );
  });
});
