-- Aggregates of the stored figures (stay_day), kept by statistics in the transaction of the event that
-- changed a stay's figures (StatisticsAggregates, a synchronous observer of stay's StayFiguresStored), as
-- deltas of the stay's old against its new rows, so a query never scans the stays' days.

-- Per stay, period and month: its discharge-ready and billable days with what statistics group by. The
-- stay's old figures when its next event comes, and the rows distinct stays and patients are counted over.
-- age_group: the patient's at the period's declaration ('unknown' without a birth date in the identifier);
-- care_level: the municipal care level the patient was discharged to (null: not discharged, or not to one).
CREATE TABLE statistics_stay_month (
    stay_id                uuid         NOT NULL REFERENCES stay,
    period_number          integer      NOT NULL,
    year                   smallint     NOT NULL,
    month                  smallint     NOT NULL CHECK (month BETWEEN 1 AND 12),
    age_group              varchar(7)   NOT NULL,
    paying_municipality    varchar(4)   NOT NULL,
    residence_municipality varchar(4)   NOT NULL,
    service_area           varchar(20)  NOT NULL,
    hospital               varchar(9)   NOT NULL,
    care_level             varchar(20),
    ready_days             integer      NOT NULL CHECK (ready_days > 0),
    billable_days          integer      NOT NULL CHECK (billable_days BETWEEN 0 AND ready_days),
    PRIMARY KEY (stay_id, period_number, year, month)
);
CREATE INDEX statistics_stay_month_paying_idx ON statistics_stay_month (paying_municipality, year, month);
CREATE INDEX statistics_stay_month_residence_idx ON statistics_stay_month (residence_municipality, year, month);

-- Sums per month, paying and residence municipality, service area and age group: what trends and rates per
-- 1000 (crude and age-standardised) read. Rows are never deleted; a row whose stays all moved away holds 0.
-- No CHECK on the sums: PostgreSQL checks the proposed row of INSERT ... ON CONFLICT (here a delta, which
-- may be negative) before it meets the conflict; StatisticsAggregatesTest compares them with a recomputation.
CREATE TABLE statistics_month (
    paying_municipality    varchar(4)   NOT NULL,
    year                   smallint     NOT NULL,
    month                  smallint     NOT NULL CHECK (month BETWEEN 1 AND 12),
    residence_municipality varchar(4)   NOT NULL,
    service_area           varchar(20)  NOT NULL,
    age_group              varchar(7)   NOT NULL,
    ready_days             bigint       NOT NULL,
    billable_days          bigint       NOT NULL,
    PRIMARY KEY (paying_municipality, year, month, residence_municipality, service_area, age_group)
);
CREATE INDEX statistics_month_residence_idx ON statistics_month (residence_municipality, year, month);

-- The age group of each stay's open period: the days statistics count on to today (not stored yet) need it.
CREATE TABLE statistics_open_period (
    stay_id   uuid       PRIMARY KEY REFERENCES stay,
    age_group varchar(7) NOT NULL
);
