-- What a kept statistics answer (StatisticsCache) is found by, read in a few rows instead of a scan.
--
-- 1. The months' change counts are read from a row per month and shard instead of every statistics_month row (V65: a
--    ten-year range summed 74 000 rows, twice per answer): each transaction that rewrites a month's sums adds 1 to its month's row
--    of the shard of the paying municipality (StatisticsAggregates). The shards (8) keep events of different
--    municipalities from waiting for one row; a transaction raises them once, as it commits. The sum over a range's
--    months grows with every committed change of them, as before. Month index -1 counts the changes of open periods
--    (their days not yet stored are in no month's sums): every transaction that rewrites a stay that had or has an open
--    period adds 1 to it.
--    statistics_month.changes stays, and is still raised, for the instances of the release before this one during a
--    rolling deploy (they find their kept answers by it); a later release drops it and its index.
CREATE TABLE statistics_month_change (
    month_index integer NOT NULL,
    shard       smallint NOT NULL CHECK (shard BETWEEN 0 AND 7),
    changes     bigint NOT NULL,
    PRIMARY KEY (month_index, shard)
);
INSERT INTO statistics_month_change (month_index, shard, changes)
SELECT year * 12 + month - 1, 0, sum(changes) FROM statistics_month GROUP BY year, month;

-- 2. A version of the reference data every answer reads besides the days (municipalities and their partnerships and
--    trusts, populations, daily rates), raised by PostgreSQL itself after every statement that changes them, so a kept
--    answer never outlives the groups, denominators or rates it was computed from, whichever path wrote them.
CREATE TABLE statistics_reference_version (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    version  bigint NOT NULL
);
INSERT INTO statistics_reference_version (version) VALUES (0);

CREATE FUNCTION statistics_reference_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE statistics_reference_version SET version = version + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER municipality_statistics_reference AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON municipality
    FOR EACH STATEMENT EXECUTE FUNCTION statistics_reference_changed();
CREATE TRIGGER health_partnership_statistics_reference AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON health_partnership
    FOR EACH STATEMENT EXECUTE FUNCTION statistics_reference_changed();
CREATE TRIGGER hospital_trust_statistics_reference AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON hospital_trust
    FOR EACH STATEMENT EXECUTE FUNCTION statistics_reference_changed();
CREATE TRIGGER population_statistics_reference AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON population
    FOR EACH STATEMENT EXECUTE FUNCTION statistics_reference_changed();
CREATE TRIGGER daily_rate_statistics_reference AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON daily_rate
    FOR EACH STATEMENT EXECUTE FUNCTION statistics_reference_changed();
