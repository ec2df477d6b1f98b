-- Evaluation runs are queued and evaluated in a child process: a run is recorded when it is
-- requested, then goes queued → running → succeeded or failed. Runs recorded before this
-- migration all succeeded. Results (inputs, outputs, paid) exist only for succeeded runs.
ALTER TABLE evaluation_runs
  ADD COLUMN status text NOT NULL DEFAULT 'succeeded'
    CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  ADD COLUMN failure_reason text,
  ADD COLUMN failure_problems jsonb,
  ADD COLUMN progress_step text,
  ADD COLUMN progress_done integer,
  ADD COLUMN progress_total integer,
  -- The server process evaluating the run, and when it last said it was alive; a running
  -- run whose heartbeat stops is failed by the next server that looks at the programme.
  ADD COLUMN runner text,
  ADD COLUMN heartbeat_at timestamptz,
  ADD COLUMN started_at timestamptz,
  ADD COLUMN finished_at timestamptz;

UPDATE evaluation_runs SET started_at = created_at, finished_at = created_at;

ALTER TABLE evaluation_runs
  ALTER COLUMN status SET DEFAULT 'queued',
  ALTER COLUMN inputs DROP NOT NULL,
  ALTER COLUMN outputs DROP NOT NULL,
  ALTER COLUMN paid_cents DROP NOT NULL,
  ADD CONSTRAINT evaluation_runs_result CHECK (
    status <> 'succeeded' OR (inputs IS NOT NULL AND outputs IS NOT NULL AND paid_cents IS NOT NULL)
  ),
  ADD CONSTRAINT evaluation_runs_failure CHECK (status <> 'failed' OR failure_reason IS NOT NULL);

-- The queue of each programme: its queued and running runs, oldest first.
CREATE INDEX evaluation_runs_active ON evaluation_runs (programme_id, id)
  WHERE status IN ('queued', 'running');
