/**
 * Names that would break hand-assembled SQL or CSV, pinned: an attribute column named like
 * an injection, used in eligibility, a segment and a bonus; an event type with a quote; ids
 * at the edges of their grammars (outcome ids `[a-z0-9_]+`, segment and amendment ids any
 * text, participant and provider ids with quotes, commas and characters beyond the BMP).
 * The run must succeed, leave the session's other tables alone, agree with the in-memory
 * reading of the spec, and write outputs that read back to the same names.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Contract } from '../src/domain/contract/contract.js';
import { parseContract } from '../src/domain/contract/parse-contract.js';
import type { LocalDate } from '../src/domain/local-date.js';
import { withSession } from '../src/engine/duckdb-session.js';
import { evaluateInSession } from '../src/engine/evaluate.js';
import { csvField } from './support/programme-arbitrary.js';
import { compareCodePoints, expectAgreement } from './support/reference-reading.js';
import {
  type CaseOutput,
  EMPLOYMENT_HEADER,
  EVENTS_HEADER,
  parseCsv,
  tempDir,
} from './support/run-engine.js';

const REGION = `re"gion'); DROP TABLE x;--`;
const QUOTED_SEGMENT = `it's "hard"`;
const MULTILINE_SEGMENT = 'größer, 名前\nzweite Zeile';
const LONG_OUTCOME = `a${'_9'.repeat(150)}`;
const AMENDMENT = `v2'); DROP TABLE x;--`;
const AS_OF = '2019-06-30' as LocalDate;
const y = (text: string) => JSON.stringify(text);

const CONTRACT = `contract: "-"
title: ${y(`Hostile "names" ' -- ;`)}
currency: ARS
starts_on: 2018-01-01
ends_on: 2019-12-31
enrolment: { from: 2018-01-01, to: 2018-12-31 }
eligibility:
  - { attribute: ${y(REGION)}, in: [north, "so'uth", "3", "3.50"] }
segments:
  - { id: ${y(QUOTED_SEGMENT)}, when: { attribute: ${y(REGION)}, equals: "so'uth" } }
  - { id: ${y(MULTILINE_SEGMENT)}, when: { attribute: ${y(REGION)}, between: [2.5, 3.5] } }
  - { id: "'" }
outcomes:
  - id: "_"
    kind: event
    after: enrolment
    event: "it's"
    price: { ${y(QUOTED_SEGMENT)}: 100, ${y(MULTILINE_SEGMENT)}: 200, "'": 300 }
    bonus:
      - { when: { attribute: ${y(REGION)}, in: [north] }, percent: 10 }
      - { when: { attribute: constructor, equals: "x'y" }, percent: 5 }
  - id: "0"
    kind: assessment_gain
    after: "_"
    pre: "it's"
    post: "po\\"st"
    max_score: 100
    min_gain: 0.5
    price: 50
  - { id: ${LONG_OUTCOME}, kind: employment_start, after: "0", within_days: 1000000000, price: 7 }
caps:
  volume: { "0": 2 }
amendments:
  - id: ${y(AMENDMENT)}
    effective_from: 2018-09-01
    reason: ${y("it's; DROP TABLE x;--")}
    outcomes: { "_": { event: "it's", price: { ${y(QUOTED_SEGMENT)}: 110, ${y(MULTILINE_SEGMENT)}: 210, "'": 310 } } }
`;

const csv = (rows: string[][]) => rows.map((r) => `${r.map(csvField).join(',')}\n`).join('');

/** [participant_id, provider_id, enrolled_on, person_key, region, constructor] */
const PEOPLE = [
  ["P'1", 'prov, "a"', '2018-02-01', 'K1', 'north', "x'y"],
  ['𝒜', 'prov-b', '2018-03-01', 'K2', "so'uth", ''],
  ['ﬀ', 'prov-b', '2018-03-01', 'K2', '3', 'x'],
  ['"q"', 'prov, "a"', '2018-10-01', '', '3.50', ''],
  ['a,b', 'prov-b', '2018-04-01', 'K3', '', ''],
];

const FILES = {
  participants: csv([
    ['participant_id', 'provider_id', 'enrolled_on', 'person_key', REGION, 'constructor'],
    ...PEOPLE,
  ]),
  events:
    EVENTS_HEADER +
    csv(
      PEOPLE.flatMap(([id = '', , enrolled = '']) => {
        const month = enrolled.slice(0, 8);
        return [
          [id, "it's", `${month}10`, '20', '', ''],
          [id, 'po"st', `${month}20`, '80', '', ''],
          [id, 'po"st', '2018-10-05', '60', '', ''],
        ];
      }),
    ),
  employment: `${EMPLOYMENT_HEADER}K1,2018-05,E1,10\nK2,2018-06,E1,10\nK3,2018-06,E1,10\n`,
};

/** Evaluates in a session that also holds a table `x`, and reports whether `x` survived. */
async function evaluateBesideTableX(): Promise<{ out: CaseOutput; xRows: number }> {
  const parsed = parseContract(CONTRACT);
  if (!parsed.contract)
    throw new Error(parsed.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('\n'));
  const contract = parsed.contract;
  const dir = await tempDir();
  try {
    const path = (name: string) => join(dir, name);
    for (const [name, text] of Object.entries(FILES)) await writeFile(path(`${name}.csv`), text);
    const outDir = path('out');
    await mkdir(outDir);
    const input = (name: string) => ({ path: path(`${name}.csv`), file: `${name}.csv` });
    return await withSession(async (session) => {
      await session.conn.run('CREATE TABLE x AS SELECT 42 AS answer');
      const result = await evaluateInSession(
        session,
        {
          contract,
          contractSha256: '0'.repeat(64),
          asOf: AS_OF,
          inputs: {
            participants: input('participants'),
            events: input('events'),
            employment: input('employment'),
          },
        },
        outDir,
      );
      const x = await session.conn.runAndReadAll('SELECT COUNT(*) AS n FROM x');
      const text = (name: string) => readFile(join(outDir, name), 'utf8');
      const files = {
        'achievements.csv': await text('achievements.csv'),
        'participants.csv': await text('participants.csv'),
        'summary.json': await text('summary.json'),
      };
      const out: CaseOutput = {
        achievements: parseCsv(files['achievements.csv']),
        participants: parseCsv(files['participants.csv']),
        summary: JSON.parse(files['summary.json']),
        files,
        result,
      };
      return { out, xRows: Number(x.getRowObjectsJS()[0]?.n) };
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('hostile names', () => {
  const contract = parseContract(CONTRACT).contract as Contract;

  it('validate', () => {
    expect(parseContract(CONTRACT).problems).toEqual([]);
    expect(contract.versions.map((v) => v.id)).toEqual(['base', AMENDMENT]);
    expect(contract.versions[0]?.outcomes.map((o) => o.id)).toEqual(['_', '0', LONG_OUTCOME]);
  });

  it('run, agree with the in-memory reading, and leave other tables alone', async () => {
    const { out, xRows } = await evaluateBesideTableX();
    expect(xRows).toBe(1);
    expectAgreement(contract, FILES, AS_OF, out);

    // Names read back from the outputs exactly as given, in code-point order.
    const ids = PEOPLE.map(([id]) => id as string).sort(compareCodePoints);
    expect(out.participants.map((p) => p.participant_id)).toEqual(ids);
    expect(ids.indexOf('ﬀ')).toBeLessThan(ids.indexOf('𝒜')); // U+FB00 < U+1D49C
    expect(new Set(out.participants.map((p) => p.segment))).toEqual(
      new Set([QUOTED_SEGMENT, MULTILINE_SEGMENT, "'"]),
    );
    expect(out.participants.find((p) => p.participant_id === 'a,b')?.reason).toBe(
      `fails eligibility on ${REGION}`,
    );
    const rows = out.achievements.map((a) => [
      a.participant_id,
      a.provider_id,
      a.outcome_id,
      a.version,
    ]);
    expect(rows).toContainEqual(["P'1", 'prov, "a"', '_', 'base']);
    expect(rows).toContainEqual(['"q"', 'prov, "a"', '_', AMENDMENT]);
    expect(rows.some(([, , outcome]) => outcome === '0')).toBe(true);
    expect(rows.some(([, , outcome]) => outcome === LONG_OUTCOME)).toBe(true);
    expect(Object.keys(out.summary.by_provider)).toContain('prov, "a"');
  });
});
