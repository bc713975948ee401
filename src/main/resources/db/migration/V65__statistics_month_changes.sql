-- How often each statistics_month row has been written: every event that rewrote a stay's month rows adds 1 to the
-- rows of the months it touched (old or new, even when their sums did not change, e.g. a corrected care level), in
-- its own transaction. The sum over a range's months thus grows with every committed change of the range's figures
-- (rows are never deleted, and a later snapshot sees every commit an earlier one saw), so it keys a cache of what is
-- computed from the range's rows correctly on any number of instances (StatisticsCache).
ALTER TABLE statistics_month ADD COLUMN changes bigint NOT NULL DEFAULT 0;
CREATE INDEX statistics_month_changes_idx ON statistics_month (year, month) INCLUDE (changes);
