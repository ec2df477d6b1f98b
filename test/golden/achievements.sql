CREATE OR REPLACE TABLE "run_achievements" AS
SELECT CAST(row_number() OVER (ORDER BY x.achieved_on, x.__pidx, x.outcome) - 1 AS INTEGER) AS ord, x.__pidx, CAST(x.outcome AS INTEGER) AS outcome, x.achieved_on, CAST(x.achieved_on - DATE '1970-01-01' AS INTEGER) AS day, CAST(CASE WHEN x.achieved_on >= DATE '2019-01-01' THEN 1 ELSE 0 END AS INTEGER) AS version, p.__seg AS segment, CAST(CASE WHEN CASE WHEN x.achieved_on >= DATE '2019-01-01' THEN 1 ELSE 0 END = 0 AND x.outcome = 2 THEN CASE WHEN COALESCE(CAST(p."young_mother" AS VARCHAR) = 'yes', FALSE) THEN 40 ELSE 0 END WHEN CASE WHEN x.achieved_on >= DATE '2019-01-01' THEN 1 ELSE 0 END = 1 AND x.outcome = 2 THEN CASE WHEN COALESCE(CAST(p."young_mother" AS VARCHAR) = 'yes', FALSE) THEN 40 ELSE 0 END ELSE 0 END AS INTEGER) AS bonus
FROM ((SELECT __pidx, 0 AS outcome, achieved_on
    FROM "achieved_0")
  UNION ALL
  (SELECT __pidx, 1 AS outcome, achieved_on
    FROM "achieved_1")
  UNION ALL
  (SELECT __pidx, 2 AS outcome, achieved_on
    FROM "achieved_2")
  UNION ALL
  (SELECT __pidx, 3 AS outcome, achieved_on
    FROM "achieved_3")
  UNION ALL
  (SELECT __pidx, 4 AS outcome, achieved_on
    FROM "achieved_4")) x
JOIN run_participants p ON p.__pidx = x.__pidx