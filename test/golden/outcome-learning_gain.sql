CREATE OR REPLACE TABLE "achieved_1" AS
WITH anchors AS (SELECT __pidx, person_id, a, CAST((EXTRACT(YEAR FROM a) * 12 + EXTRACT(MONTH FROM a) - 1) AS INTEGER) AS ma
  FROM (SELECT __pidx, person_id, enrolled_on AS a
    FROM run_eligible) z)
SELECT __pidx, MIN(day) AS achieved_on
FROM (SELECT x.__pidx, MIN(x.d) AS day
  FROM (SELECT post.__pidx, post.d, post.v AS post_v, pre.v AS pre_v, pre.d AS pre_d, MAX(pre.d) OVER (PARTITION BY post.__pidx, post.d, post.v) AS latest
    FROM (SELECT an.__pidx, ev.occurred_on AS d, ev.value AS v
      FROM anchors an
      JOIN run_events ev ON ev.__pidx = an.__pidx
      WHERE ev.type = 'post_assessment' AND ev.value IS NOT NULL AND ev.occurred_on >= an.a) post
    JOIN (SELECT __pidx, occurred_on AS d, MAX(value) AS v
      FROM run_events
      WHERE type = 'pre_assessment' AND value IS NOT NULL
      GROUP BY __pidx, occurred_on) pre ON pre.__pidx = post.__pidx AND pre.d <= post.d) x
  WHERE x.pre_d = x.latest AND x.pre_v < CAST('100' AS DECIMAL(18,6)) AND (x.post_v - x.pre_v) >= CAST('0.3' AS DECIMAL(18,6)) * (CAST('100' AS DECIMAL(18,6)) - x.pre_v)
  GROUP BY x.__pidx) f
GROUP BY __pidx