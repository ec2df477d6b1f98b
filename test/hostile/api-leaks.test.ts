/**
 * Issue #7 items 10 and 14 (evidence): small leaks. What another programme holds, and what
 * does not exist at all, answer the same bare 404; file errors name neither server paths nor
 * library internals; a provider cannot tell another provider's participant from one that
 * does not exist; and an evidence file is written only once its decision is accepted.
 */
import { createHash } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/services/api-tokens.js';
import { createProgramme } from '../../src/services/programmes.js';
import { onServer } from '../support/test-store.js';
import { seedTinyProgramme, TINY } from '../support/tiny-programme.js';
import { type HostileServer, hostileServer } from './hostile-server.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PARQUET = 'application/vnd.apache.parquet';
/** A 404 as problem details, less what differs per request (its id, twice). */
const BARE_404 = {
  type: 'urn:resulta:problem:not_found',
  title: 'Not found',
  status: 404,
  detail: 'not found',
  error: 'not_found',
  message: 'not found',
  problems: [],
};
const withoutRequestId = (body: Record<string, unknown>) => {
  const { instance: _instance, request_id: _id, ...rest } = body;
  return rest;
};

/** A participants workbook with one change made to its parts. */
async function damagedWorkbook(change: (parts: Record<string, Uint8Array>) => void) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('participants');
  sheet.addRow(['participant_id', 'provider_id', 'enrolled_on']);
  sheet.addRow(['X1', 'prov-a', '2018-05-01']);
  const parts = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
  change(parts);
  return Buffer.from(zipSync(parts));
}

const editPart = (
  parts: Record<string, Uint8Array>,
  name: string,
  edit: (xml: string) => string,
) => {
  parts[name] = strToU8(edit(strFromU8(parts[name] as Uint8Array)));
};

describe(`items 10 and 14: leaks on ${onServer ? 'the PostgreSQL server' : 'embedded PGlite'}`, () => {
  let server: HostileServer;
  /** Things of the programme `tiny`. */
  const tiny = { run: '', bill: '', sample: '', event: '' };
  /** A funder and a verifier of another programme, with API tokens. */
  const outsider = { funder: '', verifier: '' };

  beforeAll(async () => {
    server = await hostileServer(async (store) => {
      await seedTinyProgramme(store);
      await createProgramme(
        store,
        { id: 'setup' },
        {
          id: 'elsewhere',
          title: 'Another programme',
          funder: { id: 'other-ministry', name: 'other' },
          providers: [],
          verifiers: [{ id: 'other-auditor', name: 'other' }],
          investors: [],
          contractYaml: await readFile(join(TINY, 'contract.yaml'), 'utf8'),
        },
      );
    });
    const both = { scopes: ['read', 'write'] as const };
    outsider.funder = await createApiToken(server.store, 'setup', 'other-ministry', 'o', both);
    outsider.verifier = await createApiToken(server.store, 'setup', 'other-auditor', 'o', both);
    const run = await server.call('funder', 'POST', '/programmes/tiny/runs', {
      as_of: '2019-06-30',
    });
    tiny.run = run.json().id;
    const bill = await server.call('funder', 'POST', '/programmes/tiny/bills', {
      period_end: '2019-06-30',
    });
    expect(bill.statusCode, bill.body).toBe(201);
    tiny.bill = bill.json().id;
    const drawn = await server.call('verifier', 'POST', '/programmes/tiny/verification/samples', {
      size: 1,
      seed: 'leak-test-seed',
    });
    tiny.sample = drawn.json().id;
    tiny.event = drawn.json().events[0];
  });
  afterAll(() => server?.close());

  const as = (token: string, method: 'GET' | 'POST', url: string, body?: object) =>
    server.app.inject({
      method,
      url,
      ...(body ? { payload: body } : {}),
      headers: { authorization: `Bearer ${token}` },
    });

  it("answers another programme's runs, bills and samples exactly as what does not exist", async () => {
    const probes: [string, 'GET' | 'POST', (id: string) => string, object | undefined][] = [
      [outsider.funder, 'GET', (id) => `/runs/${id}`, undefined],
      [outsider.funder, 'GET', (id) => `/runs/${id}/achievements`, undefined],
      [outsider.funder, 'POST', (id) => `/bills/${id}/approve`, { reason: 'mine now' }],
      [outsider.verifier, 'GET', (id) => `/samples/${id}`, undefined],
    ];
    const ids = [tiny.run, tiny.bill, tiny.bill, tiny.sample];
    for (const [i, [token, method, path, body]] of probes.entries()) {
      for (const id of [ids[i] ?? '', '999999999', 'not-an-id']) {
        const res = await as(token, method, path(id), body);
        const answer = withoutRequestId(res.json());
        expect({ url: path(id), status: res.statusCode, body: answer }).toEqual({
          url: path(id),
          status: 404,
          body: BARE_404,
        });
      }
    }
    const programme = await as(outsider.funder, 'GET', '/programmes/tiny/dashboard');
    expect(withoutRequestId(programme.json())).toEqual(BARE_404);
  });

  it('names no server path in a Parquet error', async () => {
    const res = await server.call(
      'funder',
      'POST',
      '/programmes/tiny/employment-datasets?format=parquet&name=earnings.parquet',
      Buffer.from('PAR1 this is not really parquet'),
      PARQUET,
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().problems).toEqual([
      {
        code: 'input.file.parquet_unreadable',
        file: 'earnings.parquet',
        message: 'the file is not a readable Parquet file',
      },
    ]);
    expect(res.body).not.toMatch(/tmp|resulta-upload|Error:/);
  });

  it('echoes no JavaScript error for a damaged workbook', async () => {
    const damaged = {
      // (Cells without their optional `r` reference are valid and read by position: see
      // test/xlsx-reader.test.ts.)
      'a sheet that is not XML': await damagedWorkbook((parts) => {
        parts['xl/worksheets/sheet1.xml'] = strToU8('<worksheet><sheetData><row><<<');
      }),
      'a cell reference past the last column': await damagedWorkbook((parts) =>
        editPart(parts, 'xl/worksheets/sheet1.xml', (xml) =>
          xml.replace('r="A1"', 'r="ZZZZZZZZ1"'),
        ),
      ),
      'a workbook part that is not XML': await damagedWorkbook((parts) => {
        parts['xl/workbook.xml'] = strToU8('<workbook><<<');
      }),
    };
    for (const [what, bytes] of Object.entries(damaged)) {
      const res = await server.call(
        'funder',
        'POST',
        '/programmes/tiny/participants?format=xlsx&name=people.xlsx',
        bytes,
        XLSX,
      );
      expect({ what, status: res.statusCode, problems: res.json().problems }).toEqual({
        what,
        status: 422,
        problems: [
          {
            code: 'input.file.xlsx_unreadable',
            file: 'people.xlsx',
            message: 'the file is not a readable XLSX workbook',
          },
        ],
      });
    }
  });

  it("does not tell a provider whether another provider's participant exists", async () => {
    const events = 'participant_id,type,occurred_on,value,verified,source\n';
    const upload = async (participant: string) =>
      (
        await server.call(
          'provider',
          'POST',
          '/programmes/tiny/events?format=csv',
          `${events}${participant},training_completed,2018-08-01,,,\n`,
          'text/csv',
        )
      ).json().problems;
    const othersParticipant = await upload('P05');
    const nobody = await upload('NOBODY');
    expect(othersParticipant).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'participant_id',
        message: 'participant "P05" is not one of prov-a\'s participants',
      }),
    ]);
    expect(nobody[0].message).toBe('participant "NOBODY" is not one of prov-a\'s participants');
  });

  describe('evidence files', () => {
    const evidence = Buffer.from('a scan that must not be stored');
    const stored = async (bytes: Buffer) => {
      const sha = createHash('sha256').update(bytes).digest('hex');
      return access(join(server.store.dataDir, 'files', `${sha}.evidence`)).then(
        () => true,
        () => false,
      );
    };

    it('are not written for a sample of another programme', async () => {
      const res = await as(
        outsider.verifier,
        'POST',
        `/samples/${tiny.sample}/events/${tiny.event}`,
        { decision: 'rejected', reason: 'forged', evidence_base64: evidence.toString('base64') },
      );
      expect(res.statusCode).toBe(404);
      expect(await stored(evidence)).toBe(false);
    });

    it('are not written for an event the sample does not hold', async () => {
      const res = await server.call('verifier', 'POST', `/samples/${tiny.sample}/events/999999`, {
        decision: 'rejected',
        reason: 'not in this sample',
        evidence_base64: evidence.toString('base64'),
      });
      expect(res.statusCode).toBe(422);
      expect(await stored(evidence)).toBe(false);
    });

    it('are written with an accepted decision', async () => {
      const kept = Buffer.from('the attendance sheet, signed');
      const res = await server.call(
        'verifier',
        'POST',
        `/samples/${tiny.sample}/events/${tiny.event}`,
        {
          decision: 'rejected',
          reason: 'signature missing',
          evidence_base64: kept.toString('base64'),
        },
      );
      expect(res.statusCode).toBe(200);
      expect(await stored(kept)).toBe(true);
    });
  });
});
