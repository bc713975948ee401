-- The statistics read a month's rows of every municipality at once (StayMonthRowStore): a whole month's stay-month
-- aggregates, kept in memory per month, and a month covered in part day by day. Both by month alone, not per municipality.
CREATE INDEX statistics_stay_month_month_idx ON statistics_stay_month (year, month);
CREATE INDEX stay_day_month_idx ON stay_day (year, month, day);
