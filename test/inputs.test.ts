/**
 * Bad input (spec §1): every problem with file, row, column and reason; nothing written.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatProblem, ProblemsError } from '../src/domain/problem.js';
import {
  EMPLOYMENT_HEADER,
  EVENTS_HEADER,
  runCase,
  runFiles,
  tempDir,
} from './support/run-engine.js';

const CONTRACT = `contract: c
title: C
currency: ARS
starts_on: 2018-01-01
ends_on: 2019-12-31
enrolment: { from: 2018-01-01, to: 2019-12-31 }
outcomes:
  - { id: job, kind: employment_start, after: enrolment, price: 100 }
  - { id: done, kind: event, event: done, after: enrolment, price: 10 }
`;
const PARTICIPANTS = 'participant_id,provider_id,enrolled_on,person_key\nA,p,2018-02-01,KA\n';

async function problemsOf(data: {
  participants?: string;
  events?: string;
  employment?: string;
}): Promise<string[]> {
  try {
    await runCase({
      contract: CONTRACT,
      participants: data.participants ?? PARTICIPANTS,
      events: data.events,
      employment: data.employment,
      asOf: '2019-12-31',
    });
  } catch (error) {
    if (error instanceof ProblemsError)
      return error.problems.map((p) => formatProblem({ ...p, file: p.file?.replace(/.*\//, '') }));
    throw error;
  }
  return [];
}

describe('bad input', () => {
  it.each([
    [
      'an impossible date',
      { participants: 'participant_id,provider_id,enrolled_on\nA,p,2019-02-30\n' },
      'participants.csv, row 2, column enrolled_on: "2019-02-30" is not a real date',
    ],
    [
      'a date in another format',
      { participants: 'participant_id,provider_id,enrolled_on\nA,p,2019.02.01\n' },
      'row 2, column enrolled_on: expected a date YYYY-MM-DD, got "2019.02.01"',
    ],
    [
      'a date day first',
      { participants: 'participant_id,provider_id,enrolled_on\nA,p,01/02/2019\n' },
      'participants.csv, column enrolled_on: 1 row uses DD/MM/YYYY or MM/DD/YYYY: row 2 "01/02/2019"; expected YYYY-MM-DD',
    ],
    [
      'a date outside 1900–2100',
      { participants: 'participant_id,provider_id,enrolled_on\nA,p,1899-12-31\n' },
      'row 2, column enrolled_on: "1899-12-31" is outside 1900–2100',
    ],
    [
      'an empty required value',
      { participants: 'participant_id,provider_id,enrolled_on\nA, ,2019-01-01\n' },
      'row 2, column provider_id: is empty; expected a value',
    ],
    [
      'a missing required column',
      { participants: 'participant_id,enrolled_on\nA,2019-01-01\n' },
      'row 1, column provider_id: missing required column "provider_id"',
    ],
    [
      'a duplicate participant_id',
      { participants: `${PARTICIPANTS}B,p,2018-02-01,\nA,q,2018-02-01,\n` },
      'row 4, column participant_id: duplicate participant_id "A" (first at row 2)',
    ],
    [
      'an event for an unknown participant',
      { events: `${EVENTS_HEADER}Z,done,2018-03-01,,,\n` },
      'events.csv, row 2, column participant_id: participant "Z" is not in',
    ],
    [
      'negative earnings',
      { employment: `${EMPLOYMENT_HEADER}KA,2018-03,E,-5\n` },
      'row 2, column earnings: earnings must not be negative, got "-5"',
    ],
    [
      'earnings with three decimals',
      { employment: `${EMPLOYMENT_HEADER}KA,2018-03,E,5.123\n` },
      'row 2, column earnings: "5.123" has more than two decimals',
    ],
    [
      'earnings in exponent form',
      { employment: `${EMPLOYMENT_HEADER}KA,2018-03,E,1e3\n` },
      'expected an amount like 1200.50, got "1e3"',
    ],
    [
      'an impossible month',
      { employment: `${EMPLOYMENT_HEADER}KA,2018-13,E,5\n` },
      'row 2, column month: expected a month YYYY-MM, got "2018-13"',
    ],
    [
      'a verified value outside the list',
      { events: `${EVENTS_HEADER}A,done,2018-03-01,,yes,\n` },
      'column verified: expected true, false or empty, got "yes"',
    ],
    [
      'a source outside the list',
      { events: `${EVENTS_HEADER}A,done,2018-03-01,,,Admin\n` },
      'column source: expected provider, admin, verifier or empty, got "Admin"',
    ],
    [
      'a value that is not a number',
      { events: `${EVENTS_HEADER}A,done,2018-03-01,.5,,\n` },
      'column value: expected a number like 12 or 3.5, got ".5"',
    ],
    [
      'a value with more digits than compared exactly',
      { events: `${EVENTS_HEADER}A,done,2018-03-01,1.1234567,,\n` },
      'column value: "1.1234567" has more digits than Resulta compares exactly (12 before the point and 6 after)',
    ],
    [
      'an age_at_enrolment column',
      {
        participants:
          'participant_id,provider_id,enrolled_on,age_at_enrolment\nA,p,2019-01-01,20\n',
      },
      'age_at_enrolment is computed',
    ],
    [
      'a row with too many fields',
      { participants: `${PARTICIPANTS}B,p,2018-02-01,K,extra\n` },
      'participants.csv: cannot read the file: line 3: Expected Number of Columns: 4 Found: 5',
    ],
    [
      'an empty file',
      { events: '' },
      'events.csv: the file is empty: expected a header row with participant_id, type, occurred_on',
    ],
  ])('reports %s', async (_, data, message) => {
    expect((await problemsOf(data)).join('\n')).toContain(message);
  });

  it('reports a file that is not UTF-8 with the line', async () => {
    const latin1 = Buffer.from(
      'participant_id,provider_id,enrolled_on,region\nA,p,2018-02-01,Bogot\xe1\n',
      'latin1',
    ).toString('latin1');
    const dir = await tempDir();
    const path = join(dir, 'p.csv');
    await writeFile(path, Buffer.from(latin1, 'latin1'));
    const error = await runFiles(
      CONTRACT,
      { participants: path, events: path, employment: path },
      '2019-01-01',
      join(dir, 'out'),
    ).catch((e) => e);
    expect(error).toBeInstanceOf(ProblemsError);
    expect(formatProblem((error as ProblemsError).problems[0] as never)).toContain(
      'row 2: the file is not UTF-8 text',
    );
  });

  it('reports every problem at once, numbering rows with blank lines counted', async () => {
    const found = await problemsOf({
      participants:
        'participant_id,provider_id,enrolled_on\n\nA,p,2018-02-30\n"B\nB",p,2018-02-01\nC,,x\n',
    });
    expect(found).toEqual([
      'participants.csv, row 3, column enrolled_on: "2018-02-30" is not a real date',
      'participants.csv, row 6, column enrolled_on: expected a date YYYY-MM-DD, got "x"',
      'participants.csv, row 6, column provider_id: is empty; expected a value',
    ]);
  });

  it('ignores a BOM, trims spaces and keeps identifiers as written', async () => {
    const out = await runCase({
      contract: CONTRACT,
      participants:
        '\uFEFFparticipant_id,provider_id,enrolled_on,person_key\n 007 ,p, 2018-02-01 ,K\n',
      employment: `${EMPLOYMENT_HEADER}K,2018-03,E,1\n`,
      asOf: '2019-12-31',
    });
    expect(out.achievements.map((a) => a.participant_id)).toEqual(['007']);
  });

  it('writes nothing when the input is bad', async () => {
    const dir = await tempDir();
    const bad = join(dir, 'p.csv');
    await writeFile(bad, 'participant_id,provider_id,enrolled_on\nA,p,2019-02-30\n');
    const out = join(dir, 'out');
    await expect(
      runFiles(CONTRACT, { participants: bad, events: bad, employment: bad }, '2019-01-01', out),
    ).rejects.toBeInstanceOf(ProblemsError);
    expect(existsSync(join(out, 'achievements.csv'))).toBe(false);
  });
});

describe('other formats', () => {
  it('reads XLSX cells in their plain form and refuses formulas', async () => {
    const dir = await tempDir();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('participants');
    sheet.addRow(['participant_id', 'provider_id', 'enrolled_on', 'person_key']);
    sheet.addRow([7, 'p', new Date(Date.UTC(2018, 1, 1)), 'K']);
    const xlsx = join(dir, 'participants.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    const employment = join(dir, 'employment.csv');
    const events = join(dir, 'events.csv');
    await writeFile(employment, `${EMPLOYMENT_HEADER}K,2018-03,E,1\n`);
    await writeFile(events, EVENTS_HEADER);
    const out = await runFiles(
      CONTRACT,
      { participants: xlsx, events, employment },
      '2019-12-31',
      join(dir, 'out'),
    );
    expect(out.achievements.map((a) => [a.participant_id, a.achieved_on])).toEqual([
      ['7', '2018-03-31'],
    ]);

    sheet.addRow(['8', 'p', { formula: 'TODAY()' }, 'K']);
    await workbook.xlsx.writeFile(xlsx);
    const error = await runFiles(
      CONTRACT,
      { participants: xlsx, events, employment },
      '2019-12-31',
      join(dir, 'out2'),
    ).catch((e) => e);
    expect(formatProblem((error as ProblemsError).problems[0] as never)).toContain(
      'row 3, column enrolled_on: cell C3 holds a formula (=TODAY())',
    );
  });

  it('reads Parquet with typed columns', async () => {
    const dir = await tempDir();
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    const participants = join(dir, 'p.parquet');
    const employment = join(dir, 'm.parquet');
    await conn.run(
      `COPY (SELECT 7 AS participant_id, 'p' AS provider_id, DATE '2018-02-01' AS enrolled_on, 'K' AS person_key) TO '${participants}' (FORMAT parquet)`,
    );
    await conn.run(
      `COPY (SELECT 'K' AS person_key, '2018-03' AS month, 'E' AS employer_id, CAST(1200.5 AS DECIMAL(12,2)) AS earnings UNION ALL SELECT 'K', '2018-04', 'E', CAST(-1 AS DECIMAL(12,2))) TO '${employment}' (FORMAT parquet)`,
    );
    conn.closeSync();
    const events = join(dir, 'e.csv');
    await writeFile(events, EVENTS_HEADER);
    const error = await runFiles(
      CONTRACT,
      { participants, events, employment },
      '2019-12-31',
      join(dir, 'out'),
    ).catch((e) => e);
    expect(
      (error as ProblemsError).problems.map((p) => formatProblem({ ...p, file: 'm.parquet' })),
    ).toEqual(['m.parquet, row 3, column earnings: earnings must not be negative, got "-1.00"']);
  });
});

describe('the two forms of each cell check', () => {
  it('agree: a row is fine exactly when it has no problem text', async () => {
    const { openSession } = await import('../src/engine/duckdb-session.js');
    const { openInput } = await import('../src/engine/snapshot/load-input.js');
    const { duckdb } = await import('../src/engine/sql/dialect.js');
    const dir = await tempDir();
    const cells = {
      participant_id: ['A', ' ', '007', ''],
      type: ['done', '', ' x '],
      occurred_on: ['2019-02-28', '2019-02-30', '1899-12-31', '2019-2-3', '', ' 2019-01-01 '],
      value: ['', '1', '-2.5', '.5', '1e3', '1.1234567', '1234567890123'],
      verified: ['', 'TRUE', 'false', 'yes'],
      source: ['', 'admin', 'Admin', 'verifier'],
    };
    const rows: string[] = [];
    const columns = Object.values(cells);
    const longest = Math.max(...columns.map((c) => c.length));
    for (let i = 0; i < longest * 3; i++) {
      rows.push(columns.map((c, j) => `"${c[(i * (j + 1)) % c.length]}"`).join(','));
    }
    const path = join(dir, 'events.csv');
    await writeFile(path, `${Object.keys(cells).join(',')}\n${rows.join('\n')}\n`);
    const session = await openSession();
    try {
      await openInput(session.conn, duckdb, 'events', path, 'events.csv');
      const reader = await session.conn.runAndReadAll(
        'SELECT COUNT(*) FILTER (WHERE __ok <> (__problem IS NULL)) AS disagree, COUNT(*) FILTER (WHERE NOT __ok) AS bad FROM input_events',
      );
      const [row] = reader.getRowObjectsJS();
      expect(Number(row?.disagree)).toBe(0);
      expect(Number(row?.bad)).toBeGreaterThan(0);
    } finally {
      session.close();
    }
  });
});
