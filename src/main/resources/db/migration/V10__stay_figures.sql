-- Stored figures (architecture.md, "State and history"): each stay's discharge-ready periods and their
-- days, written in the same transaction as the event that changed them, from the corrected history, with
-- the version of the counting rules that produced them. They are derived rows: each event rewrites the
-- stay's rows; the history itself stays append-only in stay_event.

-- What the work list needs of the stay without reading its events, and the counting rules its figures
-- were made by (null until they are stored: the service stores them at start-up).
ALTER TABLE stay ADD COLUMN expected_discharge_date date;
ALTER TABLE stay ADD COLUMN expected_needs varchar(2000);
ALTER TABLE stay ADD COLUMN figures_rules_version varchar(200);
CREATE INDEX stay_paying_municipality_expected_idx ON stay (paying_municipality, expected_discharge_date);

CREATE TABLE stay_period (
    id                     uuid          PRIMARY KEY,
    stay_id                uuid          NOT NULL REFERENCES stay,
    number                 integer       NOT NULL CHECK (number > 0),
    declared_on            date          NOT NULL,
    -- null while the period lasts: its days then run up to today (counted at read time from these facts)
    ended_on               date,
    notice_on              date,
    municipality_ready_on  date,
    -- codes of the §§ 8-10 conditions the period fails, comma-separated; empty when billable
    not_billable_because   varchar(200)  NOT NULL,
    needs                  varchar(2000),
    -- the municipality's latest answer in this period (§ 11)
    can_receive            boolean,
    ready_from             date,
    expected_ready_on      date,
    offer                  varchar(500),
    rules_version          varchar(200)  NOT NULL,
    event_id               uuid          NOT NULL REFERENCES stay_event,
    computed_at            timestamptz   NOT NULL,
    UNIQUE (stay_id, number)
);
-- The work list: the open period of each stay.
CREATE UNIQUE INDEX stay_period_open_idx ON stay_period (stay_id) WHERE ended_on IS NULL;

-- One row per discharge-ready day (overliggerdøgn), billable or not and why, with the dimensions the
-- statistics group by: sum(1) and sum(billable::int) per municipality per month need no join. The days of
-- an open period are stored up to the day before the last computation; stay_period.declared_on and its
-- facts give the days since (DayCounter.days).
CREATE TABLE stay_day (
    stay_id                uuid          NOT NULL REFERENCES stay,
    day                    date          NOT NULL,
    period_number          integer       NOT NULL,
    year                   smallint      NOT NULL,
    month                  smallint      NOT NULL CHECK (month BETWEEN 1 AND 12),
    billable               boolean       NOT NULL,
    not_billable_reason    varchar(40),
    service_area           varchar(20)   NOT NULL,
    paying_municipality    varchar(4)    NOT NULL,
    residence_municipality varchar(4)    NOT NULL,
    hospital               varchar(9)    NOT NULL,
    rules_version          varchar(200)  NOT NULL,
    event_id               uuid          NOT NULL REFERENCES stay_event,
    PRIMARY KEY (stay_id, day),
    FOREIGN KEY (stay_id, period_number) REFERENCES stay_period (stay_id, number) ON DELETE CASCADE,
    CHECK (billable = (not_billable_reason IS NULL))
);
CREATE INDEX stay_day_paying_month_idx ON stay_day (paying_municipality, year, month);
CREATE INDEX stay_day_residence_month_idx ON stay_day (residence_municipality, year, month);
