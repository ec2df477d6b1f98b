-- Participants per provider, kept with each import so the dashboard reads a few rows
-- instead of counting a national programme on every request.
CREATE TABLE provider_counts (
  programme_id text NOT NULL REFERENCES programmes (id),
  provider_id text NOT NULL REFERENCES organisations (id),
  participants bigint NOT NULL,
  PRIMARY KEY (programme_id, provider_id)
);
CREATE INDEX bills_paid ON bills (programme_id) WHERE status = 'paid';
CREATE INDEX evaluation_runs_latest ON evaluation_runs (programme_id, id DESC);
