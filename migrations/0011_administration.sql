-- Administration (issue #8 part 4): people who administer Resulta, invitations by one-time
-- link, and accounts that can be deactivated. docs/administration.md says who may do what;
-- src/services/admin-rights.ts decides it.
--
-- Neither table below holds programme data, and caller-scoped work (migration 0010, role
-- resulta_caller) is granted neither: administration is system work done by the owner's
-- role after the application has checked the administrator's rights.

ALTER TABLE users
  ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
  -- A deactivated person cannot sign in; their sessions are ended and their API tokens
  -- revoked when it happens. The row stays: the audit log names people by e-mail.
  ADD COLUMN deactivated_at timestamptz;

-- What a person may administer, beyond what their organisation's kind lets them do:
-- * platform_admin: the whole installation (organisations, programmes, every person);
-- * organisation_admin: the people of their own organisation;
-- * programme_admin: one programme funded by their organisation (its members, its people,
--   its contract). The service checks that the person belongs to the funder.
CREATE TABLE user_roles (
  user_id bigint NOT NULL REFERENCES users (id),
  role text NOT NULL CHECK (role IN ('platform_admin', 'organisation_admin', 'programme_admin')),
  programme_id text REFERENCES programmes (id),
  granted_by text NOT NULL,
  granted_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((role = 'programme_admin') = (programme_id IS NOT NULL))
);
CREATE UNIQUE INDEX user_roles_unscoped ON user_roles (user_id, role) WHERE programme_id IS NULL;
CREATE UNIQUE INDEX user_roles_programme ON user_roles (user_id, programme_id)
  WHERE programme_id IS NOT NULL;
CREATE INDEX user_roles_by_programme ON user_roles (programme_id) WHERE programme_id IS NOT NULL;

-- An invitation to open an account (or reopen a deactivated one) in an organisation, with
-- one role. The link's secret is random; only its SHA-256 is stored. It works once, until
-- it expires, unless it is revoked (by hand, by a newer invitation to the same address, or
-- because its inviter was deactivated).
CREATE TABLE invitations (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  -- Lower-cased.
  email text NOT NULL,
  -- The invitee's name as the inviter typed it; the invitee may change it when accepting.
  name text NOT NULL DEFAULT '',
  organisation_id text NOT NULL REFERENCES organisations (id),
  role text NOT NULL
    CHECK (role IN ('member', 'organisation_admin', 'programme_admin', 'platform_admin')),
  -- The programme the invitation is about: required for programme_admin, otherwise the
  -- programme the invitee's organisation takes part in that the e-mail names.
  programme_id text REFERENCES programmes (id),
  -- The language of the e-mail and of the acceptance page.
  language text NOT NULL CHECK (language IN ('en', 'es', 'fr')),
  invited_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  user_id bigint REFERENCES users (id),
  revoked_at timestamptz,
  revoked_by text,
  CHECK (role <> 'programme_admin' OR programme_id IS NOT NULL),
  CHECK (accepted_at IS NULL OR revoked_at IS NULL)
);
CREATE INDEX invitations_pending ON invitations (email)
  WHERE accepted_at IS NULL AND revoked_at IS NULL;
