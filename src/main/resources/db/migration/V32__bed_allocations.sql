-- A bed given to a discharge-ready patient (a stay) for a range of days, possibly starting later (a
-- reservation of a bed that will be free). Two allocations of one bed never overlap, reservations
-- included; nor do two of one stay (moving a patient ends one allocation and starts the other).
CREATE TABLE bed_allocation (
    id           uuid         PRIMARY KEY,
    pool_id      uuid         NOT NULL REFERENCES bed_pool,
    bed_id       uuid         NOT NULL REFERENCES bed,
    stay_id      uuid         NOT NULL REFERENCES stay,
    -- The paying municipality, a participant of the pool.
    municipality varchar(4)   NOT NULL,
    from_date    date         NOT NULL,
    -- The last day; open (until discharge) when absent.
    through_date date         CHECK (through_date >= from_date),
    period       daterange    GENERATED ALWAYS AS (daterange(from_date, through_date, '[]')) STORED,
    allocated_at timestamptz  NOT NULL,
    allocated_by varchar(200) NOT NULL,
    version      bigint       NOT NULL DEFAULT 0,
    FOREIGN KEY (pool_id, municipality) REFERENCES bed_pool_participant,
    CONSTRAINT bed_allocation_bed_overlap EXCLUDE USING gist (bed_id WITH =, period WITH &&),
    CONSTRAINT bed_allocation_stay_overlap EXCLUDE USING gist (stay_id WITH =, period WITH &&)
);
CREATE INDEX bed_allocation_pool_idx ON bed_allocation USING gist (pool_id, period);
