-- Issue #7, items 1 and 2. Employment datasets are in force, superseded by a later dataset,
-- or withdrawn, each change with who, when and why; a programme holds a dataset's content
-- once. Runs record the datasets they used. Verifiers decide whose a person key shared by
-- several participants is; bills record the participants they held back until then.

ALTER TABLE employment_datasets
  -- SHA-256 of the bytes as uploaded (`sha256` is that of the canonical Parquet).
  ADD COLUMN source_sha256 text,
  ADD COLUMN status text NOT NULL DEFAULT 'in_force'
    CHECK (status IN ('in_force', 'superseded', 'withdrawn')),
  ADD COLUMN superseded_by bigint REFERENCES employment_datasets (id),
  ADD COLUMN ended_by text,
  ADD COLUMN ended_at timestamptz,
  ADD COLUMN end_reason text,
  ADD CONSTRAINT employment_datasets_ended
    CHECK ((status = 'in_force') = (ended_by IS NULL AND ended_at IS NULL AND end_reason IS NULL)),
  ADD CONSTRAINT employment_datasets_superseded
    CHECK ((status = 'superseded') = (superseded_by IS NOT NULL));

-- A programme that received the same dataset twice before this migration paid for it twice.
-- Every copy after the first is withdrawn here, so the next bill takes the double payment
-- back as adjustment lines.
UPDATE employment_datasets d
SET status = 'withdrawn',
  ended_by = 'migration 0009',
  ended_at = now(),
  end_reason = 'the same data as dataset ' || first.id || ', held twice before duplicates were refused'
FROM (
  SELECT programme_id, sha256, min(id) AS id FROM employment_datasets GROUP BY programme_id, sha256
) first
WHERE d.programme_id = first.programme_id AND d.sha256 = first.sha256 AND d.id <> first.id;

-- The content once among the datasets that count or counted; a withdrawn one may come back.
CREATE UNIQUE INDEX employment_datasets_held_once
  ON employment_datasets (programme_id, sha256) WHERE status <> 'withdrawn';

-- A dataset is never edited or removed; the only change is the one end of a dataset in force.
CREATE FUNCTION employment_dataset_ended_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'in_force' OR NEW.status = 'in_force'
    OR ROW(NEW.programme_id, NEW.id, NEW.sha256, NEW.row_count, NEW.source_name, NEW.uploaded_by,
           NEW.uploaded_at, NEW.source_sha256)
       IS DISTINCT FROM
       ROW(OLD.programme_id, OLD.id, OLD.sha256, OLD.row_count, OLD.source_name, OLD.uploaded_by,
           OLD.uploaded_at, OLD.source_sha256)
  THEN
    RAISE EXCEPTION 'employment datasets are never changed: one in force is superseded or withdrawn, once';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER employment_datasets_ended_once BEFORE UPDATE ON employment_datasets
  FOR EACH ROW EXECUTE FUNCTION employment_dataset_ended_once();
CREATE TRIGGER employment_datasets_kept BEFORE DELETE ON employment_datasets
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- The ids of the employment datasets a run evaluated (a JSON array); null before 0009.
ALTER TABLE evaluation_runs ADD COLUMN employment_datasets jsonb;

CREATE INDEX participants_by_person_key
  ON participants (programme_id, person_key) WHERE person_key IS NOT NULL;

-- A verifier's decision on a key shared by several participants: which of them it belongs to.
-- The latest decision on a key stands; each covers the key's participants when it was made.
CREATE TABLE person_key_decisions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  programme_id text NOT NULL REFERENCES programmes (id),
  person_key text NOT NULL,
  reason text NOT NULL CHECK (btrim(reason) <> ''),
  decided_by text NOT NULL,
  decided_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX person_key_decisions_by_key ON person_key_decisions (programme_id, person_key, id);

CREATE TABLE person_key_claims (
  decision_id bigint NOT NULL REFERENCES person_key_decisions (id),
  participant_id text NOT NULL,
  -- true: the key is this participant's; false: it is not, and runs read no employment for them.
  belongs boolean NOT NULL,
  PRIMARY KEY (decision_id, participant_id)
);
CREATE TRIGGER person_key_decisions_kept BEFORE UPDATE OR DELETE ON person_key_decisions
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER person_key_claims_kept BEFORE UPDATE OR DELETE ON person_key_claims
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- The participants whose achievements a bill held back, their key shared and undecided.
ALTER TABLE bills ADD COLUMN held_participants jsonb NOT NULL DEFAULT '[]'::jsonb;
