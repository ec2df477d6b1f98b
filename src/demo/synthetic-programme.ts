/**
 * Writes a synthetic programme (participants, events, employment) with DuckDB, so a demo
 * of a few thousand and a national benchmark of millions come from the same generator.
 * Values come from `hash(seed, …)`, so the same size and seed give the same files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { DEMO_CONTRACT } from './demo-contract.js';

export interface ProgrammeSize {
  readonly participants: number;
  /** People in the administrative data who never enrolled. */
  readonly others: number;
  readonly providers: number;
  readonly seed: number;
  readonly format: 'csv' | 'parquet';
}

export interface ProgrammeFiles {
  readonly contract: string;
  readonly participants: string;
  readonly events: string;
  readonly employment: string;
}

/** Months of records: July 2018 to June 2020. */
const FIRST_MONTH = 2018 * 12 + 6;
const MONTHS = 24;

/** Whole cents as an exact two-decimal amount. */
const cents = (expr: string) => `CAST(${expr} AS DECIMAL(14,0)) * CAST(0.01 AS DECIMAL(3,2))`;

export async function writeProgramme(
  conn: DuckDBConnection,
  dir: string,
  size: ProgrammeSize,
  onStep: (step: string) => void = () => {},
): Promise<ProgrammeFiles> {
  await mkdir(dir, { recursive: true });
  const ext = size.format;
  const files: ProgrammeFiles = {
    contract: join(dir, 'contract.yaml'),
    participants: join(dir, `participants.${ext}`),
    events: join(dir, `events.${ext}`),
    employment: join(dir, `employment.${ext}`),
  };
  await writeFile(files.contract, DEMO_CONTRACT);
  const copy = (sql: string, path: string) =>
    conn.run(
      `COPY (${sql}) TO '${path.replaceAll("'", "''")}' (FORMAT ${ext === 'csv' ? 'csv, HEADER true' : 'parquet'})`,
    );
  const u = (salt: number, ...cols: string[]) =>
    `(hash(${size.seed}, ${salt}, ${cols.join(', ')}) % 1000000)`;
  onStep('people');
  await conn.run(`CREATE OR REPLACE TABLE synth_people AS
SELECT i, i < ${size.participants} AS enrolled,
  CAST(DATE '2018-04-01' + CAST(${u(1, 'i')} % 640 AS INTEGER) AS DATE) AS enrolled_on,
  ${u(2, 'i')} AS luck,
  CAST(${u(3, 'i')} % 12 + 1 AS INTEGER) AS start_after,
  CAST(${u(4, 'i')} % 16 + 3 AS INTEGER) AS job_months
FROM range(${size.participants + size.others}) t(i)`);
  onStep('participants');
  await copy(
    `SELECT 'P' || lpad(CAST(i AS VARCHAR), 7, '0') AS participant_id,
  'prov-' || CAST(i % ${size.providers} + 1 AS VARCHAR) AS provider_id,
  strftime(enrolled_on, '%Y-%m-%d') AS enrolled_on,
  CASE WHEN luck % 100 < 97 THEN 'K' || md5(CAST(i AS VARCHAR))[1:16] END AS person_key,
  strftime(CAST(enrolled_on - INTERVAL (CAST(16 + ${u(5, 'i')} % 10 AS INTEGER)) YEAR - INTERVAL (CAST(${u(6, 'i')} % 365 AS INTEGER)) DAY AS DATE), '%Y-%m-%d') AS birth_date,
  CASE WHEN luck % 10 < 3 THEN 'extremely_vulnerable' ELSE 'vulnerable' END AS "group",
  CASE WHEN ${u(7, 'i')} % 2 = 0 THEN 'F' ELSE 'M' END AS sex,
  CASE WHEN ${u(8, 'i')} % 100 < 12 THEN 'yes' ELSE 'no' END AS young_mother
FROM synth_people WHERE enrolled ORDER BY i`,
    files.participants,
  );
  onStep('events');
  await copy(
    `SELECT participant_id, type, strftime(occurred_on, '%Y-%m-%d') AS occurred_on, value, verified, source FROM (
  SELECT i, 1 AS k, 'P' || lpad(CAST(i AS VARCHAR), 7, '0') AS participant_id, 'pre_assessment' AS type,
    CAST(enrolled_on + CAST(${u(9, 'i')} % 10 AS INTEGER) AS DATE) AS occurred_on,
    CAST(20 + ${u(10, 'i')} % 50 AS VARCHAR) AS value, NULL AS verified, NULL AS source
  FROM synth_people WHERE enrolled
  UNION ALL
  SELECT i, 2, 'P' || lpad(CAST(i AS VARCHAR), 7, '0'), 'post_assessment',
    CAST(enrolled_on + CAST(60 + ${u(11, 'i')} % 90 AS INTEGER) AS DATE),
    CAST(LEAST(100, 20 + ${u(10, 'i')} % 50 + ${u(12, 'i')} % 45) AS VARCHAR), NULL, NULL
  FROM synth_people WHERE enrolled AND ${u(13, 'i')} % 100 < 85
  UNION ALL
  SELECT i, 3, 'P' || lpad(CAST(i AS VARCHAR), 7, '0'), 'training_completed',
    CAST(enrolled_on + CAST(30 + ${u(14, 'i')} % 170 AS INTEGER) AS DATE), NULL,
    CASE WHEN ${u(15, 'i')} % 100 < 75 THEN 'true' ELSE 'false' END,
    CASE WHEN ${u(16, 'i')} % 100 < 10 THEN 'verifier' ELSE 'provider' END
  FROM synth_people WHERE enrolled AND ${u(17, 'i')} % 100 < 80
) e ORDER BY i, k`,
    files.events,
  );
  onStep('employment');
  const enrolMonth = `(EXTRACT(YEAR FROM enrolled_on) * 12 + EXTRACT(MONTH FROM enrolled_on) - 1)`;
  await copy(
    `SELECT person_key, month, employer_id, earnings FROM (
  SELECT p.i, m.m, 1 AS k, 'K' || md5(CAST(p.i AS VARCHAR))[1:16] AS person_key,
    strftime(make_date(CAST((${FIRST_MONTH} + m.m) // 12 AS BIGINT), CAST((${FIRST_MONTH} + m.m) % 12 + 1 AS BIGINT), 1), '%Y-%m') AS month,
    'E' || CAST(hash(${size.seed}, 20, p.i) % 50000 AS VARCHAR) AS employer_id,
    CASE WHEN ${FIRST_MONTH} + m.m >= ${enrolMonth} + p.start_after AND ${FIRST_MONTH} + m.m < ${enrolMonth} + p.start_after + p.job_months
           AND (NOT p.enrolled OR p.luck % 100 < 70)
         THEN ${cents(`100000 + ${u(21, 'p.i', 'm.m')} % 250000`)}
         ELSE ${cents(`10000 + ${u(22, 'p.i', 'm.m')} % 90000`)} END AS earnings
  FROM synth_people p, range(${MONTHS}) m(m)
  WHERE ${u(23, 'p.i', 'm.m')} % 100 < 92
) x`,
    files.employment,
  );
  await conn.run('DROP TABLE synth_people');
  return files;
}
