-- Reference data: health partnerships, hospital trusts, municipalities (with former numbers),
-- population on 1 January by age group (SSB table 07459), daily rate per year (døgnpris).

CREATE TABLE hospital_trust (
    organisation_number varchar(9)   PRIMARY KEY CHECK (organisation_number ~ '^[0-9]{9}$'),
    name                varchar(200) NOT NULL UNIQUE
);

CREATE TABLE health_partnership (
    id   varchar(100) PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name varchar(200) NOT NULL UNIQUE
);

CREATE TABLE municipality (
    number                         varchar(4)   PRIMARY KEY CHECK (number ~ '^[0-9]{4}$'),
    name                           varchar(100) NOT NULL,
    county                         varchar(50)  NOT NULL,
    hospital_trust                 varchar(9)   NOT NULL REFERENCES hospital_trust,
    local_hospital_area            varchar(100) NOT NULL,
    health_partnership             varchar(100) NOT NULL REFERENCES health_partnership,
    partnership_membership_confirmed boolean    NOT NULL
);
CREATE INDEX municipality_health_partnership_idx ON municipality (health_partnership);
CREATE INDEX municipality_hospital_trust_idx ON municipality (hospital_trust);

-- Numbers a municipality had before a merger or split, so that history stays comparable.
CREATE TABLE municipality_former_number (
    former_number       varchar(4) PRIMARY KEY CHECK (former_number ~ '^[0-9]{4}$'),
    municipality_number varchar(4) NOT NULL REFERENCES municipality,
    valid_from_year     integer    NOT NULL,
    valid_to_year       integer    NOT NULL,
    CHECK (valid_from_year <= valid_to_year)
);
CREATE INDEX municipality_former_number_current_idx ON municipality_former_number (municipality_number);

-- Inhabitants on 1 January of the year. The total is the sum of the age groups (as in SSB's table).
CREATE TABLE population (
    municipality_number varchar(4)  NOT NULL REFERENCES municipality,
    year                integer     NOT NULL CHECK (year BETWEEN 1900 AND 2200),
    age_group           varchar(5)  NOT NULL CHECK (age_group IN ('0-17', '18-29', '30-49', '50-66', '67-79', '80-89', '90+')),
    inhabitants         integer     NOT NULL CHECK (inhabitants >= 0),
    PRIMARY KEY (municipality_number, year, age_group)
);

-- One row per municipality and year: who entered the figures, and the optimistic-lock version.
CREATE TABLE population_year (
    municipality_number varchar(4)   NOT NULL REFERENCES municipality,
    year                integer      NOT NULL CHECK (year BETWEEN 1900 AND 2200),
    source              varchar(300) NOT NULL,
    updated_at          timestamptz  NOT NULL DEFAULT now(),
    updated_by          varchar(200) NOT NULL,
    version             bigint       NOT NULL DEFAULT 0,
    PRIMARY KEY (municipality_number, year)
);

-- NOK per billable discharge-ready day (forskrift om kommunal betaling for utskrivningsklare
-- pasienter § 13), set each year in the state budget. A year without a row is unknown, never guessed.
CREATE TABLE daily_rate (
    year        integer       PRIMARY KEY CHECK (year BETWEEN 2012 AND 2200),
    nok_per_day numeric(10,2) NOT NULL CHECK (nok_per_day > 0),
    source      varchar(300)  NOT NULL,
    updated_at  timestamptz   NOT NULL DEFAULT now(),
    updated_by  varchar(200)  NOT NULL,
    version     bigint        NOT NULL DEFAULT 0
);
