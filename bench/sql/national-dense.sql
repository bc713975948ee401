-- National-scale statistics data for measuring the board queries (a measurement tool, not a test).
--
-- Adds to the Helse Nord reference data (80 municipalities, 4 partnerships, 4 trusts) 276 synthetic
-- municipalities in 11 more partnerships and 11 more trusts (whose areas cut across the partnerships), their
-- population 2015-2026, and 2016-2025: about 1.9 million stays, about 330 000 of them with one closed
-- discharge-ready period (mean 3.4 days, about 1.1 million stay_day rows), their stay_event and stay_period rows,
-- and the aggregates (statistics_stay_month, statistics_month) as V41's backfill computes them. Patients repeat
-- (about 1.3 stays with days per patient), residence differs from the paying municipality in 2 % of the stays.
--
-- Use on a scratch database migrated by the service's Flyway (or by psql applying the migrations in order):
--   createdb -h 127.0.0.1 -U postgres national
--   java -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/national ... (or psql -f each migration)
--   psql -h 127.0.0.1 -U postgres -d national -v ON_ERROR_STOP=1 -f bench/sql/national-dense.sql   (about 3 min)
-- then point the packaged service at it and time the board queries (bench/README.md).
\set ON_ERROR_STOP on
SELECT setseed(0.42);

CREATE FUNCTION pg_temp.bench_age_group(identifier varchar, on_day date) RETURNS varchar AS $$
    SELECT CASE WHEN years < 18 THEN '0-17' WHEN years < 30 THEN '18-29' WHEN years < 50 THEN '30-49' WHEN years < 67 THEN '50-66'
                WHEN years < 80 THEN '67-79' WHEN years < 90 THEN '80-89' ELSE '90+' END
    FROM (SELECT extract(year FROM age(on_day, make_date(1900 + substr(identifier, 5, 2)::int, substr(identifier, 3, 2)::int,
                                                         substr(identifier, 1, 2)::int)))::int AS years) a
$$ LANGUAGE sql IMMUTABLE;

BEGIN;

INSERT INTO health_partnership (id, name)
SELECT 'bench-partnership-' || p, 'Bench partnership ' || p FROM generate_series(1, 11) p;
INSERT INTO hospital_trust (organisation_number, name)
SELECT (900000000 + t)::text, 'Bench trust ' || t FROM generate_series(1, 11) t;

-- Municipality i (1..276) is in partnership ceil(i / 25.1) and trust ceil((i + 12) / 26.2): the areas overlap.
INSERT INTO municipality (number, name, county, hospital_trust, local_hospital_area, health_partnership, partnership_membership_confirmed)
SELECT (3000 + i)::text, 'Bench municipality ' || i, 'Bench county',
       (900000000 + least(11, ceil((i + 12) / 26.2)::int))::text, 'Bench area', 'bench-partnership-' || least(11, ceil(i / 25.1)::int), true
FROM generate_series(1, 276) i;

-- Sizes from a few hundred to several hundred thousand inhabitants (lognormal-like), growing 0.5 % a year.
CREATE TEMPORARY TABLE bench_size ON COMMIT DROP AS
SELECT number, greatest(200, (exp(8.3 + 1.25 * sqrt(-2 * ln(random())) * cos(2 * pi() * random())))::int) AS inhabitants
FROM municipality WHERE number BETWEEN '3001' AND '3276';
INSERT INTO population (municipality_number, year, age_group, inhabitants)
SELECT s.number, y, g.age_group, (s.inhabitants * g.share * (1 + 0.005 * (y - 2015)))::int
FROM bench_size s CROSS JOIN generate_series(2015, 2026) y
CROSS JOIN (VALUES ('0-17', 0.21), ('18-29', 0.15), ('30-49', 0.26), ('50-66', 0.21), ('67-79', 0.11), ('80-89', 0.05), ('90+', 0.01))
    AS g(age_group, share);
INSERT INTO population_year (municipality_number, year, source, updated_by)
SELECT number, y, 'bench/sql/national-dense.sql', 'bench' FROM bench_size CROSS JOIN generate_series(2015, 2026) y;

-- Each municipality's share of the 1.9 million stays: its population of 2020. Its patients are numbers
-- first_patient .. first_patient + stays - 1, encoded below in a valid-looking identifier (ddmmyy of a 1920-1999
-- birth date, individual number < 500): the same number is the same patient.
CREATE TEMPORARY TABLE bench_weight ON COMMIT DROP AS
SELECT number, health_partnership, hospital_trust, stays, sum(stays) OVER (ORDER BY number) - stays AS first_patient
FROM (SELECT m.number, m.health_partnership, m.hospital_trust,
             round(1900000 * sum(p.inhabitants)::numeric / sum(sum(p.inhabitants)) OVER ())::int AS stays
      FROM municipality m JOIN population p ON p.municipality_number = m.number AND p.year = 2020 GROUP BY m.number) x;

-- 17.4 % of the stays (about 330 000) have a discharge-ready period; they draw their patient from a seventh of
-- the municipality's pool, so that patients with days repeat (about 1.3 such stays each).
CREATE TEMPORARY TABLE bench_stay ON COMMIT DROP AS
SELECT gen_random_uuid() AS id, w.number AS residence, w.health_partnership, w.hospital_trust, x.has_days,
       w.first_patient + floor(random() * w.stays * CASE WHEN x.has_days THEN 0.13 ELSE 0.75 END)::bigint AS patient,
       random() AS r_paying, x.r_area, date '2016-01-01' + floor(random() * 3653)::int AS declared_on,
       1 + floor(-ln(1 - random()) * 2.87)::int AS days, random() AS r_care,
       CASE WHEN x.r_area < 0.85 THEN 'somatic' WHEN x.r_area < 0.95 THEN 'mental-health' ELSE 'addiction' END AS service_area,
       w.number AS paying
FROM bench_weight w CROSS JOIN LATERAL (SELECT n, random() < 0.174 AS has_days, random() AS r_area FROM generate_series(1, w.stays) n) x;

-- 2 % pay elsewhere: a municipality of the same partnership (the next one by number, or the first).
UPDATE bench_stay s SET paying = coalesce(
        (SELECT min(m.number) FROM municipality m WHERE m.health_partnership = s.health_partnership AND m.number > s.residence),
        (SELECT min(m.number) FROM municipality m WHERE m.health_partnership = s.health_partnership))
WHERE s.r_paying < 0.02;

INSERT INTO stay (id, patient_identifier_kind, patient_identifier, hospital, ward, service_area, residence_municipality, paying_municipality,
                  status, admitted_at, created_at, created_by, updated_at, figures_rules_version, patient_number)
SELECT s.id, 'fodselsnummer',
       lpad((1 + s.patient % 28)::text, 2, '0') || lpad((1 + (s.patient / 28) % 12)::text, 2, '0')
           || lpad((20 + (s.patient / 336) % 80)::text, 2, '0') || lpad(((s.patient / 26880) % 500)::text, 3, '0') || '00',
       s.hospital_trust, 'Medisinsk sengepost', s.service_area, s.residence, s.paying, 'discharged',
       (s.declared_on - 3)::timestamptz, (s.declared_on - 3)::timestamptz, 'bench', (s.declared_on + s.days)::timestamptz, 'bench',
       -- the identifier is a function of s.patient, one to one: so is the patient's number
       1000000000 + s.patient
FROM bench_stay s;

INSERT INTO stay_event (id, stay_id, sequence, kind, type, occurred_at, payload, recorded_at, recorded_by)
SELECT s.id, s.id, 1, 'original', 'discharge-ready', s.declared_on::timestamptz, '{}'::jsonb, s.declared_on::timestamptz, 'bench'
FROM bench_stay s WHERE s.has_days;

INSERT INTO stay_period (id, stay_id, number, declared_on, ended_on, notice_on, municipality_ready_on, not_billable_because,
                         rules_version, event_id, computed_at)
SELECT s.id, s.id, 1, s.declared_on, s.declared_on + s.days, s.declared_on, s.declared_on + s.days, '', 'bench', s.id, now()
FROM bench_stay s WHERE s.has_days;

-- Each day of the period; the first day of one stay in five is not billable (no notice yet).
INSERT INTO stay_day (stay_id, day, period_number, year, month, billable, not_billable_reason, service_area, paying_municipality,
                      residence_municipality, hospital, rules_version, event_id)
SELECT s.id, d::date, 1, extract(year FROM d)::int, extract(month FROM d)::int, NOT (d = s.declared_on AND s.r_care < 0.2),
       CASE WHEN d = s.declared_on AND s.r_care < 0.2 THEN 'no-notice' END, s.service_area, s.paying, s.residence, s.hospital_trust,
       'bench', s.id
FROM bench_stay s CROSS JOIN generate_series(s.declared_on, s.declared_on + s.days - 1, interval '1 day') d
WHERE s.has_days;

INSERT INTO statistics_stay_month (stay_id, period_number, year, month, age_group, paying_municipality, residence_municipality,
                                   service_area, hospital, care_level, ready_days, billable_days, patient_number)
SELECT d.stay_id, d.period_number, d.year, d.month, pg_temp.bench_age_group(st.patient_identifier, s.declared_on),
       d.paying_municipality, d.residence_municipality, d.service_area, d.hospital,
       CASE WHEN s.r_care < 0.35 THEN 'home-care' WHEN s.r_care < 0.6 THEN 'short-term' WHEN s.r_care < 0.8 THEN 'nursing-home'
            WHEN s.r_care < 0.85 THEN 'other' END,
       count(*), count(*) FILTER (WHERE d.billable), st.patient_number
FROM stay_day d JOIN bench_stay s ON s.id = d.stay_id JOIN stay st ON st.id = d.stay_id
WHERE d.rules_version = 'bench'
GROUP BY d.stay_id, d.period_number, d.year, d.month, st.patient_identifier, st.patient_number, s.declared_on, s.r_care,
         d.paying_municipality, d.residence_municipality, d.service_area, d.hospital;

INSERT INTO statistics_month (paying_municipality, year, month, residence_municipality, service_area, age_group, ready_days, billable_days)
SELECT paying_municipality, year, month, residence_municipality, service_area, age_group, sum(ready_days), sum(billable_days)
FROM statistics_stay_month sm WHERE EXISTS (SELECT 1 FROM bench_stay s WHERE s.id = sm.stay_id)
GROUP BY paying_municipality, year, month, residence_municipality, service_area, age_group
ON CONFLICT (paying_municipality, year, month, residence_municipality, service_area, age_group)
    DO UPDATE SET ready_days = statistics_month.ready_days + excluded.ready_days,
                  billable_days = statistics_month.billable_days + excluded.billable_days;

COMMIT;
ANALYZE;
