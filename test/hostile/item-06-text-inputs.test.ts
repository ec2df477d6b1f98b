/**
 * Issue #7 item 6, through the API: text no request can use to break the audit chain. An
 * unpaired UTF-16 surrogate or a NUL is refused wherever a request carries text (JSON bodies,
 * object keys, query strings, path parameters) with 400 and where it was, and in uploaded
 * CSV and XLSX cells with 422 and file, row and column; `/audit/verify` stays intact.
 */
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onServer } from '../support/test-store.js';
import { type HostileServer, hostileServer } from './hostile-server.js';

describe(`item 6: text inputs on ${onServer ? 'the PostgreSQL server' : 'embedded PGlite'}`, () => {
  let server: HostileServer;
  let billId: string;

  beforeAll(async () => {
    server = await hostileServer();
    const bill = await server.call('funder', 'POST', '/programmes/tiny/bills', {
      period_end: '2019-06-30',
    });
    expect(bill.statusCode, bill.body).toBe(201);
    billId = bill.json().id;
  });
  afterAll(() => server?.close());

  const auditIntact = async () => {
    const audit = await server.call('verifier', 'GET', '/audit/verify');
    expect(audit.statusCode).toBe(200);
    expect(audit.json()).toMatchObject({ intact: true, broken_at: null, breaks: [] });
  };

  it('refuses an unpaired surrogate in a bill rejection reason; the chain stays intact', async () => {
    // The raw body carries the JSON escape, as a client would send it.
    const res = await server.call(
      'funder',
      'POST',
      `/bills/${billId}/reject`,
      '{"reason":"bad \\ud800 data"}',
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: 'invalid_text',
      problems: [
        {
          code: 'request.text',
          column: 'body.reason',
          message: expect.stringContaining('unpaired UTF-16 surrogate U+D800 at character 5'),
        },
      ],
    });
    await auditIntact();
    const state = await server.store.db
      .selectFrom('bills')
      .select('status')
      .where('id', '=', billId)
      .executeTakeFirstOrThrow();
    expect(state.status).toBe('draft');
  });

  it('refuses an unpaired surrogate in a sample decision reason', async () => {
    const drawn = await server.call('verifier', 'POST', '/programmes/tiny/verification/samples', {
      size: 1,
      seed: 'hostile-seed',
    });
    expect(drawn.statusCode).toBe(201);
    const { id, events } = drawn.json() as { id: string; events: string[] };
    const res = await server.call(
      'verifier',
      'POST',
      `/samples/${id}/events/${events[0]}`,
      '{"decision":"rejected","reason":"bad \\udc00 data"}',
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('body.reason');
    expect(res.json().message).toContain('unpaired UTF-16 surrogate U+DC00');
    await auditIntact();
  });

  it('refuses NUL and surrogates in bodies, keys, query strings and path parameters', async () => {
    const cases: [string, LightMyRequestResponse][] = [
      [
        'body.reason',
        await server.call('funder', 'POST', `/bills/${billId}/reject`, '{"reason":"a\\u0000b"}'),
      ],
      [
        'body key',
        await server.call(
          'funder',
          'POST',
          `/bills/${billId}/reject`,
          '{"reason":"ok","\\ud800":1}',
        ),
      ],
      [
        'query.after',
        await server.call('funder', 'GET', '/programmes/tiny/participants?after=%00'),
      ],
      ['params.programme', await server.call('funder', 'GET', '/programmes/ti%00ny/dashboard')],
      [
        'body.email',
        await server.call(
          'anonymous',
          'POST',
          '/auth/login',
          '{"email":"x\\u0000@example.org","password":"p"}',
        ),
      ],
    ];
    for (const [where, res] of cases) {
      expect({ where, status: res.statusCode }).toEqual({ where, status: 400 });
      expect(res.json().error).toBe('invalid_text');
    }
    expect(cases[0]?.[1].json().message).toContain('NUL character (U+0000) at character 2');
    expect(cases[1]?.[1].json().problems[0].column).toBe('body["\\ud800"] (the key)');
    expect(cases[2]?.[1].json().problems[0].column).toBe('query.after');
    expect(cases[3]?.[1].json().problems[0].column).toBe('params.programme');
    await auditIntact();
  });

  it('still answers 401 first to an anonymous caller of a private route', async () => {
    const res = await server.call('anonymous', 'GET', '/programmes/tiny/participants?after=%00');
    expect(res.statusCode).toBe(401);
  });

  it('accepts well-formed text, astral characters included, and the chain verifies', async () => {
    const res = await server.call(
      'funder',
      'POST',
      `/bills/${billId}/reject`,
      '{"reason":"wrong period \\ud83d\\ude00 — ré-draft"}',
    );
    expect(res.statusCode).toBe(200);
    const reason = await server.store.db
      .selectFrom('audit_log')
      .select('reason')
      .where('action', '=', 'reject')
      .executeTakeFirstOrThrow();
    expect(reason.reason).toBe('wrong period 😀 — ré-draft');
    await auditIntact();
  });

  it('refuses a NUL in a CSV cell with file, row and column', async () => {
    const csv =
      'participant_id,provider_id,enrolled_on,group\n' +
      'P50,prov-a,2019-01-01,a\n' +
      'P5\u00001,prov-a,2019-01-01,b\n' +
      'P52,prov-a,2019-01-01,c\u0000d\n';
    const res = await server.call(
      'funder',
      'POST',
      '/programmes/tiny/participants?format=csv&name=nul.csv',
      csv,
      'text/csv',
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().problems).toEqual([
      {
        code: 'input.cell.nul',
        file: 'nul.csv',
        row: 3,
        column: 'participant_id',
        message: 'contains a NUL character (U+0000) at character 3; remove it',
      },
      {
        code: 'input.cell.nul',
        file: 'nul.csv',
        row: 4,
        column: 'group',
        message: 'contains a NUL character (U+0000) at character 2; remove it',
      },
    ]);
    await auditIntact();
  });

  it('refuses a NUL or an unpaired surrogate in an XLSX cell with file, row and column', async () => {
    // Spreadsheets write such characters as _xHHHH_ escapes (ECMA-376 ST_Xstring); ExcelJS
    // drops them when writing, so the escapes are put into the shared strings by hand.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('participants');
    sheet.addRow(['participant_id', 'provider_id', 'enrolled_on']);
    sheet.addRow(['P60', 'prov-a', '2019-01-01']);
    sheet.addRow(['P61', 'PROV-NUL', '2019-01-01']);
    sheet.addRow(['P62-SURROGATE', 'prov-a', '2019-01-01']);
    const files = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
    const strings = strFromU8(files['xl/sharedStrings.xml'] as Uint8Array)
      .replace('PROV-NUL', 'prov_x0000_-a')
      .replace('P62-SURROGATE', 'P62_xD800_');
    files['xl/sharedStrings.xml'] = strToU8(strings);
    const res = await server.call(
      'funder',
      'POST',
      '/programmes/tiny/participants?format=xlsx&name=nul.xlsx',
      Buffer.from(zipSync(files)),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().problems).toEqual([
      {
        code: 'input.cell.nul',
        file: 'nul.xlsx',
        row: 3,
        column: 'provider_id',
        message: 'contains a NUL character (U+0000) at character 5; remove it',
      },
      {
        code: 'input.cell.surrogate',
        file: 'nul.xlsx',
        row: 4,
        column: 'participant_id',
        message:
          'contains an unpaired UTF-16 surrogate U+D800 at character 4; text must be well-formed Unicode',
      },
    ]);
  });
});
