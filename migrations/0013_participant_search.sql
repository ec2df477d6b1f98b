-- Issue #9, the web app's participant search (src/services/participant-search.ts): a
-- programme's participant ids in byte order (COLLATE "C"), with and without the provider,
-- so that an id prefix is one range of an index whatever the database's collation, and a
-- page of a search (first or deep, with or without a prefix) is a short index scan.
CREATE INDEX participants_by_id_bytes
  ON participants (programme_id, participant_id COLLATE "C");
CREATE INDEX participants_by_provider_id_bytes
  ON participants (programme_id, provider_id, participant_id COLLATE "C");
