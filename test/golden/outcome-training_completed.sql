CREATE OR REPLACE TABLE "achieved_0" AS
WITH anchors AS (SELECT __pidx, person_id, a, CAST((EXTRACT(YEAR FROM a) * 12 + EXTRACT(MONTH FROM a) - 1) AS INTEGER) AS ma
  FROM (SELECT __pidx, person_id, enrolled_on AS a
    FROM run_eligible) z)
SELECT __pidx, MIN(day) AS achieved_on
FROM (SELECT an.__pidx, MIN(ev.occurred_on) AS day
  FROM anchors an
  JOIN run_events ev ON ev.__pidx = an.__pidx
  WHERE ev.type = 'training_completed' AND ev.occurred_on >= an.a AND ev.occurred_on <= CAST(an.a + INTERVAL 120 DAY AS DATE) AND ev.verified
  GROUP BY an.__pidx) f
GROUP BY __pidx