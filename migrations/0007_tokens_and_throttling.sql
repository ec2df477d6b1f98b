-- API tokens (issue #7, item 12): an id to list and revoke them by, the person who minted
-- them, scopes, an expiry and the last use. Failed sign-ins per e-mail (item 13), kept in the
-- database so that every server sharing it applies the same lockout.

ALTER TABLE api_tokens
  ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  -- Null for tokens made outside a session (set-up scripts, tokens minted before this).
  ADD COLUMN user_id bigint REFERENCES users (id),
  ADD COLUMN scopes text[] NOT NULL DEFAULT ARRAY['read', 'write']::text[]
    CHECK (cardinality(scopes) > 0 AND scopes <@ ARRAY['read', 'write']::text[]),
  ADD COLUMN expires_at timestamptz,
  ADD COLUMN last_used_at timestamptz;

-- Tokens minted before this change could do everything and never expired: they keep both
-- scopes and expire in 90 days, time enough to mint scoped replacements.
UPDATE api_tokens SET expires_at = now() + interval '90 days';
ALTER TABLE api_tokens
  ALTER COLUMN expires_at SET NOT NULL,
  ALTER COLUMN scopes DROP DEFAULT;

UPDATE api_tokens t SET user_id = u.id FROM users u WHERE u.email = t.created_by;

-- A token could mint tokens (created_by 'token:<name>'), and the child outlived its parent.
-- Keep a live token only if it descends, through live tokens of its organisation, from one
-- minted by a person or a set-up script; revoke the rest.
WITH RECURSIVE rooted (token_hash, organisation_id, name) AS (
  SELECT token_hash, organisation_id, name FROM api_tokens
  WHERE revoked_at IS NULL AND created_by NOT LIKE 'token:%'
  UNION
  SELECT c.token_hash, c.organisation_id, c.name
  FROM api_tokens c
  JOIN rooted p ON c.organisation_id = p.organisation_id AND c.created_by = 'token:' || p.name
  WHERE c.revoked_at IS NULL
)
UPDATE api_tokens SET revoked_at = now()
WHERE revoked_at IS NULL AND token_hash NOT IN (SELECT token_hash FROM rooted);

-- Names could repeat; a person's live tokens now have distinct names: later ones get their id.
UPDATE api_tokens t SET name = t.name || '-' || t.id
FROM (
  SELECT id, row_number() OVER (PARTITION BY user_id, name ORDER BY id) AS n
  FROM api_tokens WHERE revoked_at IS NULL AND user_id IS NOT NULL
) d
WHERE d.id = t.id AND d.n > 1;

CREATE UNIQUE INDEX api_tokens_name_per_user ON api_tokens (user_id, name)
  WHERE revoked_at IS NULL;
CREATE INDEX api_tokens_organisation ON api_tokens (organisation_id) WHERE revoked_at IS NULL;

-- Sign-in attempts per e-mail as typed (known or not), by SHA-256 of the lower-cased address
-- so no list of typed addresses is kept. An attempt counts when it starts and the row goes
-- when one succeeds; from the policy's threshold on, each counted attempt locks the e-mail
-- for a doubling time (src/services/login-throttle.ts).
CREATE TABLE login_throttle (
  email_hash text PRIMARY KEY,
  failures integer NOT NULL CHECK (failures >= 0),
  last_attempt_at timestamptz NOT NULL,
  locked_until timestamptz
);
CREATE INDEX login_throttle_last_attempt ON login_throttle (last_attempt_at);
