/**
 * Files as users have them (issue #8 part 1), on real files and a real DuckDB: CSV written
 * by Excel in Spanish and French (`;`, decimal comma), months typed as dates, Latin-1 text,
 * headers in another case or another language, and the loud mistakes: warnings for
 * attributes the contract uses and no column has, repeated mistakes grouped, "did you mean".
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseContract } from '../src/domain/contract/parse-contract.js';
import { parseLocalDate } from '../src/domain/local-date.js';
import {
  formatProblem,
  type Problem,
  ProblemsError,
  problemMessage,
} from '../src/domain/problem.js';
import type { Summary } from '../src/domain/summary.js';
import { type EvaluationResult, evaluate } from '../src/engine/evaluate.js';
import { parseColumnMapping } from '../src/engine/snapshot/column-mapping.js';
import type { InputReading } from '../src/engine/snapshot/input-reading.js';
import { parseCsv, tempDir } from './support/run-engine.js';

const TINY = join(import.meta.dirname, '../examples/tiny');

interface Files {
  participants: string;
  events: string;
  employment?: string;
}

interface Run {
  files: Record<string, string>;
  summary: Summary;
  result: EvaluationResult;
}

/** Evaluates files already on disk, read as `reading` says, as of `asOf`. */
async function evaluateFiles(
  contractText: string,
  files: Files,
  asOf: string,
  reading: InputReading = {},
): Promise<Run> {
  const parsed = parseContract(contractText);
  if (!parsed.contract) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
  const out = join(await tempDir(), 'out');
  await mkdir(out);
  const input = (path: string) => ({ path, file: path.replace(/.*\//, '') });
  const result = await evaluate(
    {
      contract: parsed.contract,
      contractSha256: createHash('sha256').update(contractText).digest('hex'),
      asOf: parseLocalDate(asOf) as never,
      inputs: {
        participants: input(files.participants),
        events: input(files.events),
        ...(files.employment ? { employment: input(files.employment) } : {}),
      },
      reading,
    },
    out,
  );
  const text = (name: string) => readFile(join(out, name), 'utf8');
  const names = ['achievements.csv', 'participants.csv', 'summary.json'];
  const outputs = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await text(n)])));
  return { files: outputs, summary: JSON.parse(outputs['summary.json']), result };
}

/** Writes text files into a new folder; returns their paths by name. */
async function write(files: Record<string, string | Buffer>): Promise<Record<string, string>> {
  const dir = await tempDir();
  const paths: Record<string, string> = {};
  for (const [name, content] of Object.entries(files)) {
    paths[name] = join(dir, name);
    await writeFile(paths[name], content);
  }
  return paths;
}

/** The problems of a run that must fail, each as a user reads it. */
async function problemsOf(run: Promise<unknown>): Promise<string[]> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ProblemsError)) throw new Error(`expected problems, got ${String(error)}`);
  return error.problems.map((p) => formatProblem(p));
}

/** The tiny example's CSV text as Excel writes it in Spanish: `;`, decimal comma, CRLF. */
function asSpanishExcel(csv: string, decimals: boolean): string {
  return csv
    .trimEnd()
    .split('\n')
    .map((line, i) =>
      line
        .split(',')
        .map((cell) => (decimals && i > 0 && /^\d+$/.test(cell) ? `${cell},00` : cell))
        .join(';'),
    )
    .join('\r\n')
    .concat('\r\n');
}

const tinyContract = () => readFile(join(TINY, 'contract.yaml'), 'utf8');

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
const EVENTS = 'participant_id,type,occurred_on\n';
const EMPLOYMENT = 'person_key,month,employer_id,earnings\n';

describe('CSV as Excel writes it in Spanish and French', () => {
  it('reads ; and a decimal comma to exactly the outputs of , and .', async () => {
    const csv = async (name: string) => readFile(join(TINY, name), 'utf8');
    const plain = {
      participants: join(TINY, 'participants.csv'),
      events: join(TINY, 'events.csv'),
      employment: join(TINY, 'employment.csv'),
    };
    const spanish = await write({
      'participants.csv': asSpanishExcel(await csv('participants.csv'), false),
      'events.csv': asSpanishExcel(await csv('events.csv'), false),
      'employment.csv': asSpanishExcel(await csv('employment.csv'), true),
    });
    const contract = await tinyContract();
    const before = await evaluateFiles(contract, plain, '2019-06-30');
    const after = await evaluateFiles(
      contract,
      {
        participants: spanish['participants.csv'] as string,
        events: spanish['events.csv'] as string,
        employment: spanish['employment.csv'] as string,
      },
      '2019-06-30',
    );
    expect(after.files['achievements.csv']).toBe(before.files['achievements.csv']);
    expect(after.files['participants.csv']).toBe(before.files['participants.csv']);
    expect({ ...after.summary, inputs: {} }).toEqual({ ...before.summary, inputs: {} });
    expect(after.result.layouts.map((l) => [l.file, l.layout.delimiter, l.layout.decimal])).toEqual(
      [
        ['participants.csv', ';', '.'],
        ['events.csv', ';', '.'],
        ['employment.csv', ';', ','],
      ],
    );
  });

  it('keeps a decimal point in a ; file whose cells show one, and reads tab files', async () => {
    const files = await write({
      'p.csv': 'participant_id;provider_id;enrolled_on;person_key\nA;p;2018-02-01;K\n',
      'e.csv': EVENTS,
      'm.csv': 'person_key\tmonth\temployer_id\tearnings\nK\t2018-03\tE\t1000.50\n',
    });
    const run = await evaluateFiles(
      CONTRACT,
      {
        participants: files['p.csv'] as string,
        events: files['e.csv'] as string,
        employment: files['m.csv'] as string,
      },
      '2019-12-31',
    );
    expect(run.result.layouts.map((l) => [l.layout.delimiter, l.layout.decimal])).toEqual([
      [';', '.'],
      [',', '.'],
      ['\t', '.'],
    ]);
    expect(parseCsv(run.files['achievements.csv'] as string)).toHaveLength(1);
  });

  it('refuses to guess a decimal mark the cells leave open, and names --decimal', async () => {
    const files = await write({
      'p.csv': 'participant_id,provider_id,enrolled_on,person_key\nA,p,2018-02-01,K\n',
      'e.csv': EVENTS,
      'm.csv': 'person_key;month;employer_id;earnings\nK;2018-03;E;1000,50\nK;2018-04;E;1000.50\n',
    });
    const problems = await problemsOf(
      evaluateFiles(
        CONTRACT,
        {
          participants: files['p.csv'] as string,
          events: files['e.csv'] as string,
          employment: files['m.csv'] as string,
        },
        '2019-12-31',
      ),
    );
    expect(problems).toEqual([
      'm.csv: cannot tell the decimal mark: column earnings has both "1000,50" and "1000.50" in its first rows; say which with --decimal , or --decimal .',
    ]);
  });

  it('refuses to guess a separator the first lines leave open, and names --delimiter', async () => {
    // Each line splits into two fields on "," and on ";" alike.
    const files = await write({
      'p.csv': 'participant_id;provider_id,enrolled_on\nA;p,2018-02-01\n',
      'e.csv': EVENTS,
    });
    const problems = await problemsOf(
      evaluateFiles(
        CONTRACT.replace(/ {2}- \{ id: job.*\n/, ''),
        { participants: files['p.csv'] as string, events: files['e.csv'] as string },
        '2019-12-31',
      ),
    );
    expect(problems).toEqual([
      'p.csv: cannot tell what separates the columns: the first lines read as well with ",", ";"; say which with --delimiter (",", ";" or "tab")',
    ]);
  });

  it('says which separator a header seems to use when told another', async () => {
    const files = await write({
      'p.csv': 'participant_id;provider_id;enrolled_on\nA;p;2018-02-01\n',
      'e.csv': EVENTS,
    });
    const problems = await problemsOf(
      evaluateFiles(
        CONTRACT.replace(/ {2}- \{ id: job.*\n/, ''),
        { participants: files['p.csv'] as string, events: files['e.csv'] as string },
        '2019-12-31',
        { delimiter: ',' },
      ),
    );
    expect(problems[0]).toBe(
      'p.csv, row 1, column participant_id: missing required column "participant_id" (the header has: participant_id;provider_id;enrolled_on); the header looks separated by ";": try --delimiter ;',
    );
  });
});

describe('months typed as dates', () => {
  it('reads the 1st of a month as the month, in CSV and in XLSX date cells', async () => {
    const csvMonths = await write({
      'p.csv': 'participant_id,provider_id,enrolled_on,person_key\nA,p,2018-02-01,K\n',
      'e.csv': EVENTS,
      'm.csv': `${EMPLOYMENT}K,2018-03-01,E,1000\n`,
    });
    const files = (m: string) => ({
      participants: csvMonths['p.csv'] as string,
      events: csvMonths['e.csv'] as string,
      employment: m,
    });
    const fromCsv = await evaluateFiles(
      CONTRACT,
      files(csvMonths['m.csv'] as string),
      '2019-12-31',
    );
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('empleo');
    sheet.addRow(['person_key', 'month', 'employer_id', 'earnings']);
    sheet.addRow(['K', new Date(Date.UTC(2018, 2, 1)), 'E', 1000]);
    const xlsx = join(await tempDir(), 'm.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    const fromXlsx = await evaluateFiles(CONTRACT, files(xlsx), '2019-12-31');
    for (const run of [fromCsv, fromXlsx]) {
      expect(parseCsv(run.files['achievements.csv'] as string).map((a) => a.achieved_on)).toEqual([
        '2018-03-31',
      ]);
    }
  });

  it('says a date with another day is a date, not a month', async () => {
    const files = await write({
      'p.csv': 'participant_id,provider_id,enrolled_on,person_key\nA,p,2018-02-01,K\n',
      'e.csv': EVENTS,
      'm.csv': `${EMPLOYMENT}K,2024-06-15,E,1000\n`,
    });
    const problems = await problemsOf(
      evaluateFiles(
        CONTRACT,
        {
          participants: files['p.csv'] as string,
          events: files['e.csv'] as string,
          employment: files['m.csv'] as string,
        },
        '2019-12-31',
      ),
    );
    expect(problems).toEqual([
      'm.csv, row 2, column month: 2024-06-15 is a date; a month is YYYY-MM, or the 1st of the month',
    ]);
  });
});

describe('Latin-1 files', () => {
  const contract = `${CONTRACT.replace(/ {2}- \{ id: job.*\n/, '')}segments:
  - { id: capital, when: { attribute: region, in: [Bogotá] } }
  - { id: other }
`;
  it('are refused with the option that reads them, then read with it', async () => {
    const latin1 = Buffer.from(
      'participant_id,provider_id,enrolled_on,region\nA,p,2018-02-01,Bogotá\nB,p,2018-02-01,Medellín\n',
      'latin1',
    );
    const files = await write({ 'p.csv': latin1, 'e.csv': `${EVENTS}A,done,2018-03-01\n` });
    const paths = { participants: files['p.csv'] as string, events: files['e.csv'] as string };
    const problems = await problemsOf(evaluateFiles(contract, paths, '2019-12-31'));
    expect(problems).toEqual([
      'p.csv, row 2: the file is not UTF-8 text: save it as "CSV UTF-8" and try again, or, if it was saved as Windows-1252 / Latin-1 (Excel\'s "CSV" in Western European languages), read it with --encoding latin1',
    ]);
    const run = await evaluateFiles(contract, paths, '2019-12-31', { encoding: 'latin1' });
    expect(parseCsv(run.files['participants.csv'] as string).map((p) => p.segment)).toEqual([
      'capital',
      'other',
    ]);
    // The hash is of the user's bytes, not of the copy read.
    expect(run.summary.inputs.participants).toBe(createHash('sha256').update(latin1).digest('hex'));
    // A UTF-8 file said to be Latin-1 would be garbled: refused, not believed.
    const utf8 = await write({ 'p.csv': latin1.toString('latin1'), 'e.csv': EVENTS });
    const garbled = await problemsOf(
      evaluateFiles(
        contract,
        { participants: utf8['p.csv'] as string, events: utf8['e.csv'] as string },
        '2019-12-31',
        { encoding: 'latin1' },
      ),
    );
    expect(garbled).toEqual([
      'p.csv: the file is UTF-8 text with letters beyond ASCII, which reading it as Latin-1 would garble: leave out --encoding latin1',
    ]);
  });
});

describe('headers', () => {
  it('are matched without regard to case and surrounding spaces', async () => {
    const files = await write({
      'p.csv': ' Participant_ID ,PROVIDER_ID,Enrolled_On,Person_Key,Sex\nA,p,2018-02-01,K,f\n',
      'e.csv': 'Participant_Id,Type,Occurred_On\nA,done,2018-03-01\n',
    });
    const run = await evaluateFiles(
      `${CONTRACT.replace(/ {2}- \{ id: job.*\n/, '')}segments:
  - { id: women, when: { attribute: sex, equals: f } }
  - { id: other }
`,
      { participants: files['p.csv'] as string, events: files['e.csv'] as string },
      '2019-12-31',
    );
    expect(parseCsv(run.files['participants.csv'] as string)).toEqual([
      {
        participant_id: 'A',
        eligible: 'true',
        reason: '',
        segment: 'women',
        total_amount: '10.00',
      },
    ]);
    expect(run.summary.warnings).toBeUndefined();
  });

  it('are renamed by a column mapping', async () => {
    const parsed = parseColumnMapping(
      'participants:\n  ID Participante: participant_id\n  sexo: sex\nevents:\n  id_participante: participant_id\n  tipo: type\n  fecha: occurred_on\n',
      'columns.yaml',
    );
    const files = await write({
      'p.csv': 'id participante,provider_id,enrolled_on,sexo\nA,p,2018-02-01,f\n',
      'e.csv': 'id_participante,tipo,fecha\nA,done,2018-03-01\n',
    });
    const run = await evaluateFiles(
      `${CONTRACT.replace(/ {2}- \{ id: job.*\n/, '')}segments:
  - { id: women, when: { attribute: sex, equals: f } }
  - { id: other }
`,
      { participants: files['p.csv'] as string, events: files['e.csv'] as string },
      '2019-12-31',
      { columns: parsed.mapping ?? {} },
    );
    expect(parseCsv(run.files['participants.csv'] as string)[0]?.segment).toBe('women');
    expect(parseCsv(run.files['achievements.csv'] as string)).toHaveLength(1);
  });

  it('that read as the same name are a header problem, not a crash', async () => {
    const files = await write({
      'p.csv': 'participant_id,provider_id,enrolled_on,Region,region\nA,p,2018-02-01,x,y\n',
      'e.csv': EVENTS,
    });
    const problems = await problemsOf(
      evaluateFiles(
        CONTRACT.replace(/ {2}- \{ id: job.*\n/, ''),
        { participants: files['p.csv'] as string, events: files['e.csv'] as string },
        '2019-12-31',
      ),
    );
    expect(problems).toEqual([
      'p.csv, row 1, column region: columns "Region" and "region" both read as "region" (headers are matched without regard to case and surrounding spaces): rename or remove one',
    ]);
  });

  it('suggest the likely column for a missing one', async () => {
    const files = await write({
      'p.csv': 'participant_di,provider_id,enrolled_on\nA,p,2018-02-01\n',
      'e.csv': EVENTS,
    });
    const problems = await problemsOf(
      evaluateFiles(
        CONTRACT.replace(/ {2}- \{ id: job.*\n/, ''),
        { participants: files['p.csv'] as string, events: files['e.csv'] as string },
        '2019-12-31',
      ),
    );
    expect(problems).toEqual([
      'p.csv, row 1, column participant_id: missing required column "participant_id" (the header has: participant_di, provider_id, enrolled_on); did you mean "participant_di"? Map it with --columns',
    ]);
  });
});

describe('attributes the contract uses and no column has', () => {
  const segments = `${CONTRACT.replace(/ {2}- \{ id: job.*\n/, '')}eligibility:
  - { attribute: age_at_enrolment, between: [16, 30] }
segments:
  - { id: women, when: { attribute: sex, equals: f } }
  - { id: other }
`;

  it('are warned of in summary.json, with the likely column', async () => {
    const files = await write({
      'p.csv':
        'participant_id,provider_id,enrolled_on,birth_date,sexo\nA,p,2018-02-01,2000-01-01,f\n',
      'e.csv': EVENTS,
    });
    const run = await evaluateFiles(
      segments,
      { participants: files['p.csv'] as string, events: files['e.csv'] as string },
      '2019-12-31',
    );
    expect(parseCsv(run.files['participants.csv'] as string)[0]?.segment).toBe('other');
    expect(JSON.parse(run.files['summary.json'] as string).warnings).toEqual([
      {
        code: 'input.warning.missing_attribute_did_you_mean',
        message:
          'the contract\'s conditions use the attribute "sex", but p.csv has no such column: no participant meets a condition on it. Did you mean "sexo"? Map it with --columns',
        params: { attribute: 'sex', file: 'p.csv', suggestion: 'sexo' },
      },
    ]);
  });

  it('are warned of when birth_date is missing and age is a condition', async () => {
    const files = await write({
      'p.csv': 'participant_id,provider_id,enrolled_on,sex\nA,p,2018-02-01,f\n',
      'e.csv': EVENTS,
    });
    const run = await evaluateFiles(
      segments,
      { participants: files['p.csv'] as string, events: files['e.csv'] as string },
      '2019-12-31',
    );
    expect(parseCsv(run.files['participants.csv'] as string)[0]?.eligible).toBe('false');
    expect(run.summary.warnings?.map((w) => w.code)).toEqual(['input.warning.no_birth_date']);
    expect(run.summary.warnings?.[0]?.message).toBe(
      "the contract's conditions use age_at_enrolment, computed from birth_date, but p.csv has no birth_date column: no participant meets a condition on age",
    );
  });

  it('leave the worked example without warnings and its summary unchanged', async () => {
    const run = await evaluateFiles(
      await tinyContract(),
      {
        participants: join(TINY, 'participants.csv'),
        events: join(TINY, 'events.csv'),
        employment: join(TINY, 'employment.csv'),
      },
      '2019-06-30',
    );
    expect(run.files['summary.json']).toBe(
      await readFile(join(TINY, 'expected/summary.json'), 'utf8'),
    );
  });
});

describe('mistakes repeated in a column', () => {
  it('are one problem with the count and the first row', async () => {
    const rows = Array.from({ length: 1204 }, (_, i) => `P${i},p,15/03/2019`).join('\n');
    const files = await write({
      'p.csv': `participant_id,provider_id,enrolled_on\n${rows}\nQ,p,2019-02-30\n`,
      'e.csv': EVENTS,
    });
    const problems = await problemsOf(
      evaluateFiles(
        CONTRACT.replace(/ {2}- \{ id: job.*\n/, ''),
        { participants: files['p.csv'] as string, events: files['e.csv'] as string },
        '2019-12-31',
      ),
    );
    expect(problems).toEqual([
      'p.csv, column enrolled_on: 1,204 rows use DD/MM/YYYY, e.g. row 2 "15/03/2019"; expected YYYY-MM-DD',
      'p.csv, row 1206, column enrolled_on: "2019-02-30" is not a real date',
    ]);
  });

  it('settle day and month order by the rows that show it, and speak the reader’s language', async () => {
    const files = await write({
      'p.csv':
        'participant_id,provider_id,enrolled_on\nA,p,01/02/2019\nB,p,12/25/2019\nC,p,03/04/2019\n',
      'e.csv': EVENTS,
    });
    const error = await evaluateFiles(
      CONTRACT.replace(/ {2}- \{ id: job.*\n/, ''),
      { participants: files['p.csv'] as string, events: files['e.csv'] as string },
      '2019-12-31',
    ).catch((e: ProblemsError) => e);
    const [only] = (error as ProblemsError).problems as Problem[];
    expect(formatProblem(only as Problem)).toBe(
      'p.csv, column enrolled_on: 3 rows use MM/DD/YYYY, e.g. row 2 "01/02/2019"; expected YYYY-MM-DD',
    );
    expect(problemMessage(only as Problem, 'es')).toBe(
      '3 filas usan MM/DD/AAAA, p. ej. fila 2 "01/02/2019"; se esperaba AAAA-MM-DD',
    );
  });

  it('name decimal commas, thousands separators and serial days, and count the rest', async () => {
    const files = await write({
      'p.csv': 'participant_id,provider_id,enrolled_on,person_key\nA,p,43466,K\nB,p,43467,K2\n',
      'e.csv': EVENTS,
      'm.csv': `${EMPLOYMENT}K,2018-03,E,"1200,50"\nK,2018-04,E,"1200,50"\nK,2018-05,E,"1.234.567,00"\nK,2018-06,E,n/a\nK,2018-07,E,?\nK,2018-08,E,-\nK,2018-09,E,none\nK,2018-10,E,--\nK,2018-11,E,$1200\n`,
    });
    const problems = await problemsOf(
      evaluateFiles(
        CONTRACT,
        {
          participants: files['p.csv'] as string,
          events: files['e.csv'] as string,
          employment: files['m.csv'] as string,
        },
        '2019-12-31',
      ),
    );
    expect(problems).toEqual([
      'm.csv, column earnings: 1 row has a currency sign or letters around the number: row 10 "$1200"; write the number alone',
      'm.csv, column earnings: 1 row uses a thousands separator: row 4 "1.234.567,00"; write numbers without them, like 1234567.00',
      'm.csv, column earnings: 2 rows use a decimal comma, e.g. row 2 "1200,50"; this file\'s numbers use a decimal point: write 1200.50, or save the file with ";" between columns and read it with --decimal ,',
      'm.csv, row 5, column earnings: expected an amount like 1200.50, got "n/a"',
      'm.csv, row 6, column earnings: expected an amount like 1200.50, got "?"',
      'm.csv, row 7, column earnings: expected an amount like 1200.50, got "-"',
      'm.csv, row 7, column earnings: …and 2 more rows with the same problem in this column',
      'p.csv, column enrolled_on: 2 rows hold spreadsheet day numbers instead of dates, e.g. row 2 "43466"; format the column as dates YYYY-MM-DD before saving',
    ]);
  });
});

describe('did you mean', () => {
  it('a close event type the contract counts', async () => {
    const files = await write({
      'p.csv': 'participant_id,provider_id,enrolled_on\nA,p,2018-02-01\n',
      'e.csv': `${EVENTS}A,Done,2018-03-01\nA,Done,2018-03-02\n`,
    });
    const run = await evaluateFiles(
      CONTRACT.replace(/ {2}- \{ id: job.*\n/, ''),
      { participants: files['p.csv'] as string, events: files['e.csv'] as string },
      '2019-12-31',
    );
    expect(run.summary.warnings?.map((w) => w.message)).toEqual([
      'the contract counts events of type "done", which e.csv never has; did you mean "Done" (2 events)?',
    ]);
  });

  it('a close participant id for an unknown one', async () => {
    const files = await write({
      'p.csv': 'participant_id,provider_id,enrolled_on\nP-0001,p,2018-02-01\nP-0002,p,2018-02-01\n',
      'e.csv': `${EVENTS}P-001,done,2018-03-01\nZZZZZZ,done,2018-03-01\n`,
    });
    const problems = await problemsOf(
      evaluateFiles(
        CONTRACT.replace(/ {2}- \{ id: job.*\n/, ''),
        { participants: files['p.csv'] as string, events: files['e.csv'] as string },
        '2019-12-31',
      ),
    );
    expect(problems).toEqual([
      'e.csv, row 2, column participant_id: participant "P-001" is not in p.csv; did you mean "P-0001"?',
      'e.csv, row 3, column participant_id: participant "ZZZZZZ" is not in p.csv',
    ]);
  });
});

describe('without an employment file', () => {
  it('evaluates a contract with no employment outcome', async () => {
    const files = await write({
      'p.csv': 'participant_id,provider_id,enrolled_on\nA,p,2018-02-01\n',
      'e.csv': `${EVENTS}A,done,2018-03-01\n`,
    });
    const run = await evaluateFiles(
      CONTRACT.replace(/ {2}- \{ id: job.*\n/, ''),
      { participants: files['p.csv'] as string, events: files['e.csv'] as string },
      '2019-12-31',
    );
    expect(run.summary.paid).toBe('10.00');
    expect(Object.keys(run.summary.inputs)).toEqual(['contract', 'participants', 'events']);
  });

  it('refuses a contract with employment outcomes, naming them', async () => {
    const files = await write({
      'p.csv': 'participant_id,provider_id,enrolled_on\nA,p,2018-02-01\n',
      'e.csv': EVENTS,
    });
    const problems = await problemsOf(
      evaluateFiles(
        CONTRACT,
        { participants: files['p.csv'] as string, events: files['e.csv'] as string },
        '2019-12-31',
      ),
    );
    expect(problems).toEqual([
      'no employment file was given, but the contract counts employment in job: pass one with --employment',
    ]);
  });
});
