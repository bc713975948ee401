-- Statistics count distinct patients of the stays their aggregate rows name: with the identifier in the index, that
-- lookup reads the index alone (an index-only scan) instead of a heap page of the wide stay row per row counted.
-- The identifier stays in the stay row's own table (conventions.md); an index is part of it.
CREATE INDEX stay_patient_idx ON stay (id) INCLUDE (patient_identifier_kind, patient_identifier);
