-- Programmes, their contracts and data, evaluation runs, and the audit log.
-- Plain SQL, applied once each in file-name order by src/store/migrate.ts.

CREATE TABLE organisations (
  id text PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('funder', 'provider', 'verifier', 'investor'))
);

CREATE TABLE programmes (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9-]+$'),
  title text NOT NULL,
  funder_id text NOT NULL REFERENCES organisations (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Every version of a programme's contract file, byte for byte; never updated.
CREATE TABLE contract_versions (
  programme_id text NOT NULL REFERENCES programmes (id),
  version integer NOT NULL CHECK (version >= 1),
  yaml text NOT NULL,
  sha256 text NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  reason text NOT NULL,
  PRIMARY KEY (programme_id, version)
);

CREATE TABLE participants (
  programme_id text NOT NULL REFERENCES programmes (id),
  participant_id text NOT NULL,
  provider_id text NOT NULL REFERENCES organisations (id),
  enrolled_on date NOT NULL,
  -- Keyed HMAC of the national id; the id itself is never stored.
  person_key text,
  birth_date date,
  attributes jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (programme_id, participant_id)
);
CREATE INDEX participants_by_provider ON participants (programme_id, provider_id, participant_id);

CREATE TABLE events (
  programme_id text NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  participant_id text NOT NULL,
  type text NOT NULL,
  occurred_on date NOT NULL,
  value numeric(18, 6),
  source text NOT NULL DEFAULT 'provider' CHECK (source IN ('provider', 'admin', 'verifier')),
  verification text NOT NULL DEFAULT 'unverified' CHECK (verification IN ('unverified', 'verified', 'rejected')),
  FOREIGN KEY (programme_id, participant_id) REFERENCES participants (programme_id, participant_id)
);
CREATE INDEX events_by_participant ON events (programme_id, participant_id);

-- Administrative employment datasets, kept as Parquet files named by their SHA-256.
CREATE TABLE employment_datasets (
  programme_id text NOT NULL REFERENCES programmes (id),
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sha256 text NOT NULL,
  row_count bigint NOT NULL,
  source_name text NOT NULL,
  uploaded_by text NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);

-- One evaluation of a contract version over a snapshot; recorded whole or not at all.
CREATE TABLE evaluation_runs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  programme_id text NOT NULL REFERENCES programmes (id),
  contract_version integer NOT NULL,
  as_of date NOT NULL,
  inputs jsonb NOT NULL,
  outputs jsonb NOT NULL,
  paid_cents bigint NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (programme_id, contract_version) REFERENCES contract_versions (programme_id, version)
);

CREATE TABLE run_achievements (
  run_id bigint NOT NULL REFERENCES evaluation_runs (id),
  participant_id text NOT NULL,
  outcome_id text NOT NULL,
  achieved_on date NOT NULL,
  version text NOT NULL,
  price_cents bigint NOT NULL,
  amount_cents bigint NOT NULL,
  status text NOT NULL,
  PRIMARY KEY (run_id, participant_id, outcome_id)
);

-- Append-only, hash-chained: each entry's hash covers the previous entry's hash.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text NOT NULL,
  reason text NOT NULL,
  data jsonb NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL UNIQUE
);
