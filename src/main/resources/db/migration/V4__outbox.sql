-- Transactional outbox: an outgoing message is written in the same transaction as the state change
-- that caused it; the relay publishes it to Kafka and marks it published.
CREATE TABLE outbox_message (
    id            uuid         PRIMARY KEY,           -- MessageHeader.id: one logical message, for ever
    topic         varchar(200) NOT NULL,
    message_key   varchar(100) NOT NULL,              -- never personal data: municipality number or stay id
    event_code    varchar(60)  NOT NULL,
    payload       text         NOT NULL,              -- the FHIR message Bundle, JSON
    stay_id       uuid         REFERENCES stay,
    stay_event_id uuid         REFERENCES stay_event,
    created_at    timestamptz  NOT NULL,
    published_at  timestamptz,
    attempts      integer      NOT NULL DEFAULT 0,
    last_error    varchar(1000)
);
CREATE INDEX outbox_message_unpublished_idx ON outbox_message (created_at) WHERE published_at IS NULL;
CREATE INDEX outbox_message_stay_event_idx ON outbox_message (stay_event_id);
