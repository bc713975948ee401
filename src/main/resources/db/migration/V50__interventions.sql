-- Measures a municipality or health partnership took to cut discharge-ready days (tiltak), e.g. "intake team
-- started 2022-01-01", so boards can compare the figures before and after them. No personal data.
-- A deleted measure keeps its row (who deleted it, when) and is no longer shown.
CREATE TABLE intervention (
    id                  uuid          PRIMARY KEY,
    municipality        varchar(4)    REFERENCES municipality,
    health_partnership  varchar(100)  REFERENCES health_partnership,
    title               varchar(200)  NOT NULL,
    description         varchar(4000),
    starts_on           date          NOT NULL,
    created_at          timestamptz   NOT NULL,
    created_by          varchar(200)  NOT NULL,
    updated_at          timestamptz   NOT NULL,
    updated_by          varchar(200)  NOT NULL,
    deleted_at          timestamptz,
    deleted_by          varchar(200),
    version             bigint        NOT NULL DEFAULT 0,
    CHECK ((municipality IS NULL) <> (health_partnership IS NULL))
);
CREATE INDEX intervention_municipality_idx ON intervention (municipality) WHERE deleted_at IS NULL;
CREATE INDEX intervention_partnership_idx ON intervention (health_partnership) WHERE deleted_at IS NULL;
-- The same measure twice: the service answers 409 first; this refuses the second of two racing requests.
CREATE UNIQUE INDEX intervention_once_idx ON intervention (coalesce(municipality, health_partnership), title, starts_on)
    WHERE deleted_at IS NULL;
