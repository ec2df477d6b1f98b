CREATE OR REPLACE TABLE "achieved_2" AS
WITH anchors AS (SELECT __pidx, person_id, a, CAST((EXTRACT(YEAR FROM a) * 12 + EXTRACT(MONTH FROM a) - 1) AS INTEGER) AS ma
  FROM (SELECT __pidx, person_id, enrolled_on AS a
    FROM run_eligible) z)
SELECT __pidx, last_day(make_date(CAST((MIN(m)) // 12 AS BIGINT), CAST((MIN(m)) % 12 + 1 AS BIGINT), 1)) AS achieved_on
FROM ((SELECT an.__pidx, MIN(pm.m) AS m
    FROM anchors an
    JOIN run_months pm ON pm.person_id = an.person_id
    WHERE pm.m > an.ma AND pm.m <= (EXTRACT(YEAR FROM CAST(an.a + INTERVAL 180 DAY AS DATE)) * 12 + EXTRACT(MONTH FROM CAST(an.a + INTERVAL 180 DAY AS DATE)) - 1) AND pm.m <= 24227 AND pm.cents >= 100000
    GROUP BY an.__pidx)
  UNION ALL
  (SELECT an.__pidx, MIN(pm.m) AS m
    FROM anchors an
    JOIN run_months pm ON pm.person_id = an.person_id
    WHERE pm.m > an.ma AND pm.m <= (EXTRACT(YEAR FROM CAST(an.a + INTERVAL 365 DAY AS DATE)) * 12 + EXTRACT(MONTH FROM CAST(an.a + INTERVAL 365 DAY AS DATE)) - 1) AND pm.m >= 24228 AND pm.m <= 24233 AND pm.cents >= 100000
    GROUP BY an.__pidx)) f
GROUP BY __pidx