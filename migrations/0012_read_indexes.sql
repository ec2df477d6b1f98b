-- Issue #8 part 4, the read API: indexes for lists paged newest first and for the history
-- of one thing in the audit log. Without them each page or bill read scans its table.

-- GET /programmes/{p}/bills and /samples: keyset pages by id, newest first.
CREATE INDEX bills_by_programme ON bills (programme_id, id DESC);
CREATE INDEX verification_samples_by_programme ON verification_samples (programme_id, id DESC);

-- A bill's approvals (GET /bills/{b}) and a programme's imports (GET /programmes/{p}/imports)
-- are audit entries of one entity; the log only grows.
CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id, id);
