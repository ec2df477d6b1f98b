CREATE OR REPLACE TABLE "run_participants" AS
SELECT ids.__pidx, p.*, CASE WHEN NOT (p.enrolled_on BETWEEN DATE '2018-04-01' AND DATE '2018-12-31') THEN 'enrolled outside the enrolment window' WHEN NOT (COALESCE(p.__age BETWEEN CAST('17' AS DECIMAL(18,6)) AND CAST('24' AS DECIMAL(18,6)), FALSE)) THEN 'fails eligibility on age_at_enrolment' ELSE NULL END AS __reason, CASE WHEN COALESCE(CAST(p."group" AS VARCHAR) IN ('conflict_victim', 'disability'), FALSE) THEN 'harder_to_help' ELSE 'standard' END AS __segment, CAST(CASE WHEN COALESCE(CAST(p."group" AS VARCHAR) IN ('conflict_victim', 'disability'), FALSE) THEN 0 ELSE 1 END AS INTEGER) AS __seg
FROM (SELECT i.*, CAST(EXTRACT(YEAR FROM enrolled_on) - EXTRACT(YEAR FROM birth_date) - CASE WHEN (EXTRACT(MONTH FROM enrolled_on) * 100 + EXTRACT(DAY FROM enrolled_on)) < (EXTRACT(MONTH FROM birth_date) * 100 + EXTRACT(DAY FROM birth_date)) THEN 1 ELSE 0 END AS INTEGER) AS __age
  FROM input_participants i
  WHERE enrolled_on <= DATE '2019-06-30') p
JOIN (SELECT participant_id, CAST(row_number() OVER (ORDER BY participant_id) - 1 AS INTEGER) AS __pidx
  FROM input_participants
  WHERE enrolled_on <= DATE '2019-06-30') ids ON ids.participant_id = p.participant_id