-- Issue #7, items 3 and 5. A contract version is in force, or a correction of a period
-- already paid that waits for a second person's decision, or a correction refused. Bill lines
-- say whether they pay something new or adjust what was paid, and which correction caused
-- them. Idempotency keys belong to the caller who sent them and name one bill.

ALTER TABLE contract_versions
  ADD COLUMN status text NOT NULL DEFAULT 'in_force'
    CHECK (status IN ('in_force', 'pending_correction', 'rejected')),
  -- The first day on which the version pays differently from the one before it; null when
  -- it changes no term (layout, comments, title). Versions before this migration: null.
  ADD COLUMN affects_from date,
  -- Corrections only: why the past changes, and who decided, when and why.
  ADD COLUMN correction_reason text,
  ADD COLUMN decided_by text,
  ADD COLUMN decided_at timestamptz,
  ADD COLUMN decision_reason text,
  ADD CONSTRAINT contract_versions_correction_reason
    CHECK (status = 'in_force' OR correction_reason IS NOT NULL),
  ADD CONSTRAINT contract_versions_decision
    CHECK (correction_reason IS NULL OR (status = 'pending_correction') = (decided_by IS NULL));

-- A version is never edited or removed; the only change is the one decision on a pending
-- correction (to in force, or rejected).
CREATE FUNCTION contract_version_decided_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'pending_correction' OR NEW.status = 'pending_correction'
    OR ROW(NEW.programme_id, NEW.version, NEW.yaml, NEW.sha256, NEW.created_by, NEW.created_at,
           NEW.reason, NEW.affects_from, NEW.correction_reason)
       IS DISTINCT FROM
       ROW(OLD.programme_id, OLD.version, OLD.yaml, OLD.sha256, OLD.created_by, OLD.created_at,
           OLD.reason, OLD.affects_from, OLD.correction_reason)
  THEN
    RAISE EXCEPTION 'contract versions are never changed: only a pending correction is decided, once';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER contract_versions_decided_once BEFORE UPDATE ON contract_versions
  FOR EACH ROW EXECUTE FUNCTION contract_version_decided_once();
CREATE TRIGGER contract_versions_kept BEFORE DELETE ON contract_versions
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- 'payment': an achievement of the billed period paid for the first time. 'adjustment': a
-- change to what a period already paid pays (late data, a reversed verification, a
-- correction); correction_version names the correction that caused it, if one did.
ALTER TABLE bill_lines
  ADD COLUMN kind text NOT NULL DEFAULT 'payment' CHECK (kind IN ('payment', 'adjustment')),
  ADD COLUMN correction_version integer,
  ADD CONSTRAINT bill_lines_correction_is_adjustment
    CHECK (correction_version IS NULL OR kind = 'adjustment');
-- Lines drafted before: those changing an amount already paid were adjustments.
UPDATE bill_lines SET kind = 'adjustment' WHERE previously_paid_cents <> 0;
ALTER TABLE bill_lines ALTER COLUMN kind DROP DEFAULT;

-- Keys were unique across every bill and caller: reusing one, or another funder choosing the
-- same string, failed the unique index (a 500 that told one funder another's key existed).
-- A key now belongs to its caller and names the one bill it paid.
CREATE TABLE payment_keys (
  caller text NOT NULL,
  key text NOT NULL,
  bill_id bigint NOT NULL REFERENCES bills (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (caller, key)
);
INSERT INTO payment_keys (caller, key, bill_id)
  SELECT decided_by, paid_idempotency_key, id FROM bills
  WHERE status = 'paid' AND paid_idempotency_key IS NOT NULL AND decided_by IS NOT NULL;
ALTER TABLE bills DROP CONSTRAINT bills_paid_idempotency_key_key;
