CREATE OR REPLACE TABLE "achieved_3" AS
WITH anchors AS (SELECT __pidx, person_id, a, CAST((EXTRACT(YEAR FROM a) * 12 + EXTRACT(MONTH FROM a) - 1) AS INTEGER) AS ma
  FROM (SELECT e.__pidx, e.person_id, x.achieved_on AS a
    FROM run_eligible e
    JOIN "achieved_2" x ON x.__pidx = e.__pidx) z)
SELECT __pidx, last_day(make_date(CAST((MIN(m)) // 12 AS BIGINT), CAST((MIN(m)) % 12 + 1 AS BIGINT), 1)) AS achieved_on
FROM ((SELECT w.__pidx, w.m AS m
    FROM (SELECT an.__pidx, pm.m, an.ma + 3 AS window_end, row_number() OVER (PARTITION BY an.__pidx ORDER BY pm.m) AS employed
      FROM anchors an
      JOIN run_months pm ON pm.person_id = an.person_id
      WHERE pm.m BETWEEN an.ma + 0 AND an.ma + 3 AND pm.cents >= 100000) w
    WHERE w.employed = 3 AND w.m <= LEAST(w.window_end, 24227))
  UNION ALL
  (SELECT w.__pidx, GREATEST(w.m, 24228) AS m
    FROM (SELECT an.__pidx, pm.m, an.ma + 3 AS window_end, row_number() OVER (PARTITION BY an.__pidx ORDER BY pm.m) AS employed
      FROM anchors an
      JOIN run_months pm ON pm.person_id = an.person_id
      WHERE pm.m BETWEEN an.ma + 0 AND an.ma + 3 AND pm.cents >= 100000) w
    WHERE w.employed = 3 AND GREATEST(w.m, 24228) <= LEAST(w.window_end, 24233))) f
GROUP BY __pidx