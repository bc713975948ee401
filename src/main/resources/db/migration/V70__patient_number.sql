-- A number per patient for the statistics, so that distinct patients are counted from the aggregate rows alone,
-- without reading the stay row of each (that join was nine tenths of a board answer's time at national scale).
-- It is a surrogate from a sequence, not derived from the identifier: the identifier stays in the stay row only
-- (conventions.md). Every stay of one patient (same kind and identifier) has the same number; a new patient's number
-- is given under a transaction lock (stay.PatientNumbers), so two stays of one new patient never get two numbers.
CREATE SEQUENCE patient_number_seq;

ALTER TABLE stay ADD COLUMN patient_number bigint;
UPDATE stay SET patient_number = numbered.number
FROM (SELECT id, dense_rank() OVER (ORDER BY patient_identifier_kind, patient_identifier) AS number FROM stay) numbered
WHERE numbered.id = stay.id;
SELECT setval('patient_number_seq', coalesce((SELECT max(patient_number) FROM stay), 0) + 1, false);
ALTER TABLE stay ALTER COLUMN patient_number SET NOT NULL;
CREATE INDEX stay_patient_identifier_idx ON stay (patient_identifier_kind, patient_identifier) INCLUDE (patient_number);

ALTER TABLE statistics_stay_month ADD COLUMN patient_number bigint;
UPDATE statistics_stay_month sm SET patient_number = s.patient_number FROM stay s WHERE s.id = sm.stay_id;
ALTER TABLE statistics_stay_month ALTER COLUMN patient_number SET NOT NULL;

-- The statistics no longer read the identifier through stay's primary key (V66).
DROP INDEX stay_patient_idx;
