-- People and systems that use the API, each acting for one organisation.

CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL UNIQUE,
  name text NOT NULL,
  organisation_id text NOT NULL REFERENCES organisations (id),
  -- argon2id; the password itself is never stored.
  password_hash text NOT NULL
);

-- Sessions and API tokens are stored as SHA-256 of the secret the client holds.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id),
  expires_at timestamptz NOT NULL
);

CREATE TABLE api_tokens (
  token_hash text PRIMARY KEY,
  name text NOT NULL,
  organisation_id text NOT NULL REFERENCES organisations (id),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- The organisations taking part in a programme besides its funder, and in which role.
CREATE TABLE programme_members (
  programme_id text NOT NULL REFERENCES programmes (id),
  organisation_id text NOT NULL REFERENCES organisations (id),
  PRIMARY KEY (programme_id, organisation_id)
);
