-- Fills the aggregates of V40 from the figures stored before them (stay_day, stay_period, the stays' events),
-- as StatisticsAggregates keeps them from now on. StatisticsAggregatesTest runs this file again over the
-- maintained aggregates and expects the same rows.

-- The patient's age group at a date, from the birth date the identifier encodes (PersonIdentifier.birthDate,
-- PatientAgeGroup): 'unknown' without one (felles hjelpenummer, no century rule, born after the date).
CREATE FUNCTION statistics_age_group(kind varchar, identifier varchar, on_day date) RETURNS varchar AS $$
DECLARE
    dd int := substr(identifier, 1, 2)::int % 40;
    mm int := substr(identifier, 3, 2)::int % 40;
    yy int := substr(identifier, 5, 2)::int;
    iii int := substr(identifier, 7, 3)::int;
    century int;
    birth date;
    years int;
BEGIN
    IF kind = 'felles-hjelpenummer' THEN
        RETURN 'unknown';
    END IF;
    century := CASE WHEN iii < 500 THEN 1900 WHEN yy < 40 THEN 2000 WHEN iii >= 900 THEN 1900
                    WHEN iii < 750 AND yy >= 54 THEN 1800 END;
    IF century IS NULL THEN
        RETURN 'unknown';
    END IF;
    BEGIN
        birth := make_date(century + yy, mm, dd);
    EXCEPTION WHEN others THEN
        RETURN 'unknown';
    END;
    IF birth > on_day THEN
        RETURN 'unknown';
    END IF;
    years := extract(year FROM age(on_day, birth))::int;
    RETURN CASE WHEN years < 18 THEN '0-17' WHEN years < 30 THEN '18-29' WHEN years < 50 THEN '30-49' WHEN years < 67 THEN '50-66'
                WHEN years < 80 THEN '67-79' WHEN years < 90 THEN '80-89' ELSE '90+' END;
END
$$ LANGUAGE plpgsql IMMUTABLE;

-- The care level of each stay's discharge in force (corrections applied, cancelled events left out; CareLevel).
CREATE TEMPORARY TABLE statistics_backfill_care_level ON COMMIT DROP AS
WITH RECURSIVE chain AS (
    SELECT id, stay_id, id AS original, type, sequence, kind, payload, occurred_at FROM stay_event WHERE kind = 'original'
    UNION ALL
    SELECT e.id, e.stay_id, c.original, c.type, e.sequence, e.kind, e.payload, e.occurred_at
    FROM stay_event e JOIN chain c ON c.id = coalesce(e.replaces, e.cancels)
), in_force AS (
    SELECT DISTINCT ON (original) stay_id, payload, occurred_at FROM chain c
    WHERE type = 'discharged' AND NOT EXISTS (SELECT 1 FROM chain x WHERE x.original = c.original AND x.kind = 'cancellation')
      AND kind <> 'cancellation'
    ORDER BY original, sequence DESC
)
SELECT DISTINCT ON (stay_id) stay_id,
       CASE payload ->> 'destination' WHEN 'home-care' THEN 'home-care' WHEN 'short-term-bed' THEN 'short-term'
            WHEN 'nursing-home' THEN 'nursing-home' WHEN 'bed-pool' THEN 'other' WHEN 'other' THEN 'other' END AS care_level
FROM in_force ORDER BY stay_id, occurred_at DESC;

DELETE FROM statistics_stay_month;
DELETE FROM statistics_month;
DELETE FROM statistics_open_period;

INSERT INTO statistics_stay_month (stay_id, period_number, year, month, age_group, paying_municipality, residence_municipality,
                                   service_area, hospital, care_level, ready_days, billable_days)
SELECT d.stay_id, d.period_number, d.year, d.month,
       statistics_age_group(s.patient_identifier_kind, s.patient_identifier, p.declared_on),
       d.paying_municipality, d.residence_municipality, d.service_area, d.hospital, c.care_level,
       count(*), count(*) FILTER (WHERE d.billable)
FROM stay_day d
JOIN stay s ON s.id = d.stay_id
JOIN stay_period p ON p.stay_id = d.stay_id AND p.number = d.period_number
LEFT JOIN statistics_backfill_care_level c ON c.stay_id = d.stay_id
GROUP BY d.stay_id, d.period_number, d.year, d.month, s.patient_identifier_kind, s.patient_identifier, p.declared_on,
         d.paying_municipality, d.residence_municipality, d.service_area, d.hospital, c.care_level;

INSERT INTO statistics_month (paying_municipality, year, month, residence_municipality, service_area, age_group, ready_days, billable_days)
SELECT paying_municipality, year, month, residence_municipality, service_area, age_group, sum(ready_days), sum(billable_days)
FROM statistics_stay_month
GROUP BY paying_municipality, year, month, residence_municipality, service_area, age_group;

INSERT INTO statistics_open_period (stay_id, age_group)
SELECT p.stay_id, statistics_age_group(s.patient_identifier_kind, s.patient_identifier, p.declared_on)
FROM stay_period p JOIN stay s ON s.id = p.stay_id WHERE p.ended_on IS NULL;

DROP FUNCTION statistics_age_group(varchar, varchar, date);
