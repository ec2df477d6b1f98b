-- Issue #7, defence in depth: row-level security on participant-level data, keyed on the
-- caller's organisation, so a query that forgets its scope still returns only the caller's
-- rows. Work done for an API caller runs in a transaction as role `resulta_caller` with the
-- setting `resulta.organisation` (src/store/caller-scope.ts). System work (runs, bills,
-- audit, migrations) keeps the owner's role, which row-level security does not apply to.
-- docs/decisions.md "Row-level security"; docs/operations.md for servers.

-- The role is cluster-wide, shared by every database and schema on a server; the grants
-- below are per schema. Two databases migrating at once may both try to create it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'resulta_caller') THEN
    CREATE ROLE resulta_caller NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END;
$$;

-- The application's role must be able to become the caller role. A superuser can already;
-- any other role needs membership (with SET from PostgreSQL 16), which it can give itself
-- only if it created the role or administers it.
DO $$
DECLARE
  can_set boolean := pg_has_role(current_user, 'resulta_caller',
    CASE WHEN current_setting('server_version_num')::int >= 160000 THEN 'SET' ELSE 'MEMBER' END);
BEGIN
  IF NOT can_set THEN
    EXECUTE format('GRANT resulta_caller TO %I', current_user);
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE EXCEPTION 'role % cannot become resulta_caller', current_user
    USING HINT = format('As an administrator: GRANT resulta_caller TO %I (docs/operations.md)', current_user);
END;
$$;

DO $$
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO resulta_caller', current_schema());
END;
$$;

-- The programmes the caller takes part in (as their funder or a member) and its kind there.
-- A view runs with its owner's rights, so the caller reads these rows and nothing else of
-- programmes, members or organisations. No setting (system work, a forgotten withCaller):
-- no rows, so every policy below admits nothing.
CREATE VIEW caller_programmes AS
SELECT x.programme_id, o.id AS organisation_id, o.kind
FROM (
  SELECT id AS programme_id, funder_id AS organisation_id FROM programmes
  UNION
  SELECT programme_id, organisation_id FROM programme_members
) x
JOIN organisations o ON o.id = x.organisation_id
WHERE x.organisation_id = current_setting('resulta.organisation', true);

-- Who sees what, per row:
-- * programme-level rows (runs, bills, samples): every organisation taking part;
-- * participant-level rows: the funder and verifiers of the programme all of them, a
--   provider only its own participants' rows, an investor none;
-- and a caller-scoped write must stay within what the caller sees (WITH CHECK, the same
-- expression for FOR ALL). Each participant-level policy first asks the small question
-- "whole programme?" once per query (a hashed subplan), and only for providers looks up the
-- participant row, itself under its policy.

ALTER TABLE evaluation_runs ENABLE ROW LEVEL SECURITY;
CREATE POLICY caller_programme ON evaluation_runs TO resulta_caller
  USING (programme_id IN (SELECT programme_id FROM caller_programmes));

ALTER TABLE bills ENABLE ROW LEVEL SECURITY;
CREATE POLICY caller_programme ON bills TO resulta_caller
  USING (programme_id IN (SELECT programme_id FROM caller_programmes));

ALTER TABLE verification_samples ENABLE ROW LEVEL SECURITY;
CREATE POLICY caller_programme ON verification_samples TO resulta_caller
  USING (programme_id IN (SELECT programme_id FROM caller_programmes));

ALTER TABLE participants ENABLE ROW LEVEL SECURITY;
CREATE POLICY caller_participants ON participants TO resulta_caller
  USING (
    programme_id IN (SELECT programme_id FROM caller_programmes WHERE kind IN ('funder', 'verifier'))
    OR (programme_id, provider_id) IN (
      SELECT programme_id, organisation_id FROM caller_programmes WHERE kind = 'provider'
    )
  );

ALTER TABLE provider_counts ENABLE ROW LEVEL SECURITY;
CREATE POLICY caller_participants ON provider_counts TO resulta_caller
  USING (
    programme_id IN (SELECT programme_id FROM caller_programmes WHERE kind IN ('funder', 'verifier'))
    OR (programme_id, provider_id) IN (
      SELECT programme_id, organisation_id FROM caller_programmes WHERE kind = 'provider'
    )
  );

ALTER TABLE events ENABLE ROW LEVEL SECURITY;
CREATE POLICY caller_participants ON events TO resulta_caller
  USING (
    programme_id IN (SELECT programme_id FROM caller_programmes WHERE kind IN ('funder', 'verifier'))
    OR EXISTS (
      SELECT FROM participants p
      WHERE p.programme_id = events.programme_id AND p.participant_id = events.participant_id
    )
  );

ALTER TABLE ledger_entries ENABLE ROW LEVEL SECURITY;
CREATE POLICY caller_participants ON ledger_entries TO resulta_caller
  USING (
    programme_id IN (SELECT programme_id FROM caller_programmes WHERE kind IN ('funder', 'verifier'))
    OR EXISTS (
      SELECT FROM participants p
      WHERE p.programme_id = ledger_entries.programme_id
        AND p.participant_id = ledger_entries.participant_id
    )
  );

ALTER TABLE run_achievements ENABLE ROW LEVEL SECURITY;
CREATE POLICY caller_participants ON run_achievements TO resulta_caller
  USING (
    run_id IN (
      SELECT id FROM evaluation_runs
      WHERE programme_id IN (SELECT programme_id FROM caller_programmes WHERE kind IN ('funder', 'verifier'))
    )
    OR EXISTS (
      SELECT FROM evaluation_runs r
      JOIN participants p ON p.programme_id = r.programme_id
      WHERE r.id = run_achievements.run_id AND p.participant_id = run_achievements.participant_id
    )
  );

ALTER TABLE bill_lines ENABLE ROW LEVEL SECURITY;
CREATE POLICY caller_participants ON bill_lines TO resulta_caller
  USING (
    bill_id IN (
      SELECT id FROM bills
      WHERE programme_id IN (SELECT programme_id FROM caller_programmes WHERE kind IN ('funder', 'verifier'))
    )
    OR EXISTS (
      SELECT FROM bills b
      JOIN participants p ON p.programme_id = b.programme_id
      WHERE b.id = bill_lines.bill_id AND p.participant_id = bill_lines.participant_id
    )
  );

-- Sampled events and their decisions, evidence included.
ALTER TABLE verification_sample_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY caller_participants ON verification_sample_events TO resulta_caller
  USING (
    sample_id IN (
      SELECT id FROM verification_samples
      WHERE programme_id IN (SELECT programme_id FROM caller_programmes WHERE kind IN ('funder', 'verifier'))
    )
    OR EXISTS (SELECT FROM events e WHERE e.id = verification_sample_events.event_id)
  );

-- What caller-scoped work does, and nothing more: a table not named here is refused to it
-- outright (permission denied), so a new table is out of reach until a migration decides.
GRANT SELECT ON caller_programmes TO resulta_caller;
GRANT SELECT, INSERT ON participants, events TO resulta_caller;
GRANT SELECT, INSERT, UPDATE ON provider_counts TO resulta_caller;
GRANT SELECT ON evaluation_runs, run_achievements, bills, bill_lines, ledger_entries,
  verification_samples, verification_sample_events TO resulta_caller;
-- An import appends its audit entry in its own transaction: it chains onto the last hash and
-- may read nothing else of the log.
GRANT INSERT, SELECT (id, hash) ON audit_log TO resulta_caller;
