-- Flexible bed pools (sengepool, felles senger): beds run by a hospital, a municipality or several
-- together, used by participating municipalities, each with optional quotas of bed-days per period.
-- btree_gist lets an exclusion constraint compare plain columns with = beside ranges with && (a trusted
-- extension since PostgreSQL 13: the schema owner may create it).
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE bed_pool (
    id         uuid         PRIMARY KEY,
    name       varchar(200) NOT NULL UNIQUE,
    created_at timestamptz  NOT NULL,
    created_by varchar(200) NOT NULL,
    version    bigint       NOT NULL DEFAULT 0
);

-- Who runs the pool: one or more hospital trusts and municipalities.
CREATE TABLE bed_pool_operator (
    pool_id      uuid       NOT NULL REFERENCES bed_pool,
    hospital     varchar(9) REFERENCES hospital_trust,
    municipality varchar(4) REFERENCES municipality,
    CHECK ((hospital IS NULL) <> (municipality IS NULL))
);
CREATE UNIQUE INDEX bed_pool_operator_unique_idx ON bed_pool_operator (pool_id, coalesce(hospital, municipality));

CREATE TABLE bed_pool_participant (
    pool_id      uuid       NOT NULL REFERENCES bed_pool,
    municipality varchar(4) NOT NULL REFERENCES municipality,
    PRIMARY KEY (pool_id, municipality)
);

-- At most one quota per participant and day.
CREATE TABLE bed_pool_quota (
    pool_id      uuid       NOT NULL,
    municipality varchar(4) NOT NULL,
    from_date    date       NOT NULL,
    through_date date       NOT NULL CHECK (through_date >= from_date),
    bed_days     integer    NOT NULL CHECK (bed_days >= 0),
    FOREIGN KEY (pool_id, municipality) REFERENCES bed_pool_participant DEFERRABLE INITIALLY DEFERRED,
    EXCLUDE USING gist (pool_id WITH =, municipality WITH =, daterange(from_date, through_date, '[]') WITH &&)
);

CREATE TABLE bed (
    id         uuid         PRIMARY KEY,
    pool_id    uuid         NOT NULL REFERENCES bed_pool,
    label      varchar(50)  NOT NULL,
    status     varchar(20)  NOT NULL CHECK (status IN ('free', 'occupied', 'reserved', 'closed', 'being-cleaned',
                                                       'contaminated', 'isolated')),
    updated_at timestamptz  NOT NULL,
    updated_by varchar(200) NOT NULL,
    version    bigint       NOT NULL DEFAULT 0,
    UNIQUE (pool_id, label)
);
