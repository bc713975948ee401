-- The statistics read a month's rows of every municipality at once (StayMonthRowStore): a whole month's stay-month
-- aggregates, kept in memory per month, and for a month covered in part the same rows joined to their days (by
-- stay_day's primary key). By month alone, not per municipality.
CREATE INDEX statistics_stay_month_month_idx ON statistics_stay_month (year, month);
