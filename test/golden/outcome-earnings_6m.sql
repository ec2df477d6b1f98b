CREATE OR REPLACE TABLE "achieved_4" AS
WITH anchors AS (SELECT __pidx, person_id, a, CAST((EXTRACT(YEAR FROM a) * 12 + EXTRACT(MONTH FROM a) - 1) AS INTEGER) AS ma
  FROM (SELECT __pidx, person_id, enrolled_on AS a
    FROM run_eligible) z)
SELECT __pidx, last_day(make_date(CAST((MIN(m)) // 12 AS BIGINT), CAST((MIN(m)) % 12 + 1 AS BIGINT), 1)) AS achieved_on
FROM (SELECT w.__pidx, MIN(w.m) AS m
  FROM (SELECT an.__pidx, pm.m, an.ma + 6 AS window_end, SUM(pm.cents) OVER (PARTITION BY an.__pidx ORDER BY pm.m ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cumulative
    FROM anchors an
    JOIN run_months pm ON pm.person_id = an.person_id
    WHERE pm.m BETWEEN an.ma + 1 AND an.ma + 6) w
  WHERE w.cumulative >= 500000
  GROUP BY w.__pidx, w.window_end
  HAVING MIN(w.m) <= LEAST(w.window_end, 24233)) f
GROUP BY __pidx