-- Stays and their history. The stay row holds the current state; every change is also an event row,
-- written in the same transaction. Events, idempotency records and the audit log are append-only.

CREATE FUNCTION refuse_change_of_append_only_row() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END
$$ LANGUAGE plpgsql;

CREATE TABLE stay (
    id                      uuid         PRIMARY KEY,
    -- Personal data: the identifier lives in this row only (conventions.md).
    patient_identifier_kind varchar(30)  NOT NULL CHECK (patient_identifier_kind IN ('fodselsnummer', 'd-nummer', 'felles-hjelpenummer')),
    patient_identifier      varchar(11)  NOT NULL CHECK (patient_identifier ~ '^[0-9]{11}$'),
    hospital                varchar(9)   NOT NULL REFERENCES hospital_trust,
    ward                    varchar(100) NOT NULL,
    service_area            varchar(20)  NOT NULL CHECK (service_area IN ('somatic', 'mental-health', 'addiction')),
    residence_municipality  varchar(4)   NOT NULL REFERENCES municipality,
    paying_municipality     varchar(4)   NOT NULL REFERENCES municipality,
    status                  varchar(40)  NOT NULL,
    admitted_at             timestamptz  NOT NULL,
    created_at              timestamptz  NOT NULL,
    created_by              varchar(200) NOT NULL,
    updated_at              timestamptz  NOT NULL,
    version                 bigint       NOT NULL DEFAULT 0
);
CREATE INDEX stay_hospital_idx ON stay (hospital, admitted_at DESC);
CREATE INDEX stay_paying_municipality_status_idx ON stay (paying_municipality, status);

CREATE TABLE stay_event (
    id          uuid         PRIMARY KEY,
    stay_id     uuid         NOT NULL REFERENCES stay,
    sequence    integer      NOT NULL,
    kind        varchar(20)  NOT NULL CHECK (kind IN ('original', 'correction', 'cancellation')),
    type        varchar(40)  NOT NULL,
    occurred_at timestamptz,
    payload     jsonb,
    replaces    uuid         REFERENCES stay_event,
    cancels     uuid         REFERENCES stay_event,
    reason      varchar(500),
    recorded_at timestamptz  NOT NULL,
    recorded_by varchar(200) NOT NULL,
    UNIQUE (stay_id, sequence),
    CHECK ((kind = 'original' AND replaces IS NULL AND cancels IS NULL AND payload IS NOT NULL)
        OR (kind = 'correction' AND replaces IS NOT NULL AND cancels IS NULL AND payload IS NOT NULL)
        OR (kind = 'cancellation' AND cancels IS NOT NULL AND replaces IS NULL AND payload IS NULL))
);
CREATE TRIGGER stay_event_append_only BEFORE UPDATE OR DELETE ON stay_event
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only_row();

-- A retried POST with the same Idempotency-Key gets the first answer again and has no second effect.
CREATE TABLE idempotency_record (
    principal       varchar(200) NOT NULL,
    idempotency_key varchar(200) NOT NULL,
    request_hash    varchar(64)  NOT NULL,
    response_status integer      NOT NULL,
    response_body   text         NOT NULL,
    location        varchar(500),
    created_at      timestamptz  NOT NULL,
    PRIMARY KEY (principal, idempotency_key)
);

-- Who read or changed personal data, when and why.
CREATE TABLE audit_log (
    id        bigserial    PRIMARY KEY,
    at        timestamptz  NOT NULL,
    principal varchar(200) NOT NULL,
    role      varchar(40)  NOT NULL,
    tenant    varchar(20),
    action    varchar(60)  NOT NULL,
    stay_id   uuid
);
CREATE INDEX audit_log_stay_idx ON audit_log (stay_id);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only_row();
