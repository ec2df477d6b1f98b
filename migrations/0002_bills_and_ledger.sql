-- Bills for billing periods, and the append-only payment ledger.

CREATE TABLE bills (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  programme_id text NOT NULL REFERENCES programmes (id),
  period_end date NOT NULL,
  run_id bigint NOT NULL REFERENCES evaluation_runs (id),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'verified', 'approved', 'paid', 'rejected')),
  total_cents bigint NOT NULL,
  -- The ledger position the bill was computed against; paying a stale bill is refused.
  ledger_position bigint NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  decided_by text,
  decided_at timestamptz,
  reason text,
  paid_idempotency_key text UNIQUE
);

-- What a bill pays per participant and outcome: the cumulative payable amount at the end
-- of the period minus what the ledger had already paid (an adjustment when negative).
CREATE TABLE bill_lines (
  bill_id bigint NOT NULL REFERENCES bills (id),
  participant_id text NOT NULL,
  outcome_id text NOT NULL,
  cumulative_cents bigint NOT NULL,
  previously_paid_cents bigint NOT NULL,
  amount_cents bigint NOT NULL CHECK (amount_cents <> 0),
  PRIMARY KEY (bill_id, participant_id, outcome_id)
);

-- Append-only: corrections are new entries. A bill pays each participant-outcome once.
CREATE TABLE ledger_entries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  programme_id text NOT NULL REFERENCES programmes (id),
  bill_id bigint NOT NULL REFERENCES bills (id),
  participant_id text NOT NULL,
  outcome_id text NOT NULL,
  amount_cents bigint NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (bill_id, participant_id, outcome_id)
);
CREATE INDEX ledger_by_participant_outcome ON ledger_entries (programme_id, participant_id, outcome_id);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: add a correcting entry instead', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER ledger_append_only BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
