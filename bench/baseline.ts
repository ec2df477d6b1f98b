/**
 * The benchmark's baseline: the demo contract written by hand as plain DuckDB SQL, the way
 * an analyst would script it. It reads the same files (Parquet, or CSV with the types the
 * query needs named and the rest sniffed) and writes the same achievements (no cell checks,
 * no cap pass, no summary), so the engine's ratio to it is the cost of generality,
 * validation and payments.
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export async function runBaseline(
  conn: DuckDBConnection,
  files: { participants: string; events: string; employment: string },
  out: string,
): Promise<number> {
  const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
  // Sniffed from CSV, `verified` would be a boolean, `value` an integer and `earnings` a
  // double: the analyst says what they are.
  const read = (path: string, csvTypes = '') =>
    path.endsWith('.csv')
      ? `read_csv(${q(path)}${csvTypes && `, types = {${csvTypes}}`})`
      : `read_parquet(${q(path)})`;
  const mi = (d: string) => `(year(${d}) * 12 + month(${d}) - 1)`;
  const steps = [
    `CREATE TEMP TABLE b_el AS SELECT row_number() OVER (ORDER BY participant_id) AS pidx, participant_id, person_key, CAST(enrolled_on AS DATE) AS a, ${mi('CAST(enrolled_on AS DATE)')} AS ma,
       CASE WHEN "group" = 'extremely_vulnerable' THEN 1 ELSE 0 END AS ev
     FROM ${read(files.participants)}
     WHERE CAST(enrolled_on AS DATE) BETWEEN DATE '2018-04-01' AND DATE '2019-12-31' AND CAST(enrolled_on AS DATE) <= DATE '2020-06-30'
       AND date_sub('year', CAST(birth_date AS DATE), CAST(enrolled_on AS DATE)) BETWEEN 17 AND 24`,
    `CREATE TEMP TABLE b_ev AS SELECT e.pidx, x.type, CAST(x.occurred_on AS DATE) AS d, CAST(x.value AS DECIMAL(38,10)) AS v,
       coalesce(lower(x.verified) = 'true', false) OR coalesce(x.source IN ('admin', 'verifier'), false) AS ok
     FROM ${read(files.events, `'value': 'VARCHAR', 'verified': 'VARCHAR'`)} x JOIN b_el e USING (participant_id) WHERE CAST(x.occurred_on AS DATE) <= DATE '2020-06-30'`,
    `CREATE TEMP TABLE b_pm AS SELECT person_key, CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER) - 1 AS m, SUM(CAST(earnings * 100 AS BIGINT)) AS c
     FROM ${read(files.employment, `'earnings': 'DECIMAL(18,2)'`)} WHERE month <= '2020-06' AND person_key IN (SELECT person_key FROM b_el) GROUP BY ALL`,
    `CREATE TEMP TABLE b_train AS SELECT e.pidx, MIN(v.d) AS d FROM b_el e JOIN b_ev v USING (pidx)
     WHERE v.type = 'training_completed' AND v.ok AND v.d BETWEEN e.a AND e.a + 180 GROUP BY ALL`,
    `CREATE TEMP TABLE b_gain AS WITH pre AS (SELECT pidx, d, MAX(v) AS v FROM b_ev WHERE type = 'pre_assessment' AND v IS NOT NULL GROUP BY ALL),
       post AS (SELECT v.pidx, v.d, v.v FROM b_el e JOIN b_ev v USING (pidx) WHERE v.type = 'post_assessment' AND v.v IS NOT NULL AND v.d BETWEEN e.a AND e.a + 240)
     SELECT pidx, MIN(d) AS d FROM (SELECT post.pidx, post.d, post.v AS pv, pre.v AS rv FROM post ASOF JOIN pre ON post.pidx = pre.pidx AND post.d >= pre.d) x
     WHERE rv < 100 AND pv - rv >= 0.3 * (100 - rv) GROUP BY ALL`,
    `CREATE TEMP TABLE b_job AS SELECT e.pidx, e.person_key, MIN(p.m) AS m FROM b_el e JOIN b_pm p USING (person_key)
     WHERE p.m > e.ma AND p.c >= 100000 AND ((p.m < 2020 * 12 + 3 AND p.m <= ${mi('e.a + 270')}) OR (p.m >= 2020 * 12 + 3 AND p.m <= ${mi('e.a + 365')})) GROUP BY ALL`,
    `CREATE TEMP TABLE b_ret AS SELECT pidx, m FROM (SELECT j.pidx, p.m, row_number() OVER (PARTITION BY j.pidx ORDER BY p.m) AS k FROM b_job j JOIN b_pm p USING (person_key)
       WHERE p.m BETWEEN j.m + 3 AND j.m + 6 AND p.c >= 100000) WHERE k = 4`,
    `CREATE TEMP TABLE b_12 AS SELECT pidx, m FROM (SELECT j.pidx, p.m, row_number() OVER (PARTITION BY j.pidx ORDER BY p.m) AS k FROM b_job j JOIN b_pm p USING (person_key)
       WHERE p.m BETWEEN j.m AND j.m + 13 AND p.c >= 100000) WHERE k = 12`,
    `COPY (SELECT e.participant_id, x.outcome, x.d FROM (
        SELECT pidx, 0 AS outcome, d FROM b_train UNION ALL SELECT pidx, 1, d FROM b_gain
        UNION ALL SELECT pidx, 2, last_day(make_date(m // 12, m % 12 + 1, 1)) FROM b_job
        UNION ALL SELECT pidx, 3, last_day(make_date(m // 12, m % 12 + 1, 1)) FROM b_ret
        UNION ALL SELECT pidx, 4, last_day(make_date(m // 12, m % 12 + 1, 1)) FROM b_12) x JOIN b_el e USING (pidx)
      ORDER BY x.d, e.participant_id, x.outcome) TO ${q(out)} (FORMAT csv, HEADER true)`,
  ];
  for (const sql of steps) await conn.run(sql);
  const reader = await conn.runAndReadAll(
    `SELECT (SELECT COUNT(*) FROM b_train) + (SELECT COUNT(*) FROM b_gain) + (SELECT COUNT(*) FROM b_job) + (SELECT COUNT(*) FROM b_ret) + (SELECT COUNT(*) FROM b_12) AS n`,
  );
  return Number(reader.getRowObjectsJS()[0]?.n);
}
