-- Verification: reproducible random samples of provider-reported events, and decisions.

CREATE TABLE verification_samples (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  programme_id text NOT NULL REFERENCES programmes (id),
  seed text NOT NULL,
  population integer NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE verification_sample_events (
  sample_id bigint NOT NULL REFERENCES verification_samples (id),
  event_id bigint NOT NULL REFERENCES events (id),
  draw integer NOT NULL,
  decision text CHECK (decision IN ('verified', 'rejected')),
  reason text,
  evidence_sha256 text,
  decided_by text,
  decided_at timestamptz,
  PRIMARY KEY (sample_id, event_id),
  CHECK (decision IS DISTINCT FROM 'rejected' OR reason IS NOT NULL)
);
