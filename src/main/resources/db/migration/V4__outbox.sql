-- Transactional outbox: an outgoing message is written in the same transaction as the state change
-- that caused it; the relay publishes it to Kafka and marks it published.
CREATE TABLE outbox_message (
    id            uuid         PRIMARY KEY,
    message_id    uuid         NOT NULL,              -- MessageHeader.id: one logical message, for ever (a re-sent acknowledgement repeats it)
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

-- Inbox: every inbound message by its MessageHeader.id, with the acknowledgement it got, so a duplicate
-- gets the same acknowledgement again and has no second effect.
CREATE TABLE inbox_message (
    message_id   varchar(100) PRIMARY KEY,
    topic        varchar(200) NOT NULL,
    event_code   varchar(60),
    sender       varchar(100),
    stay_id      uuid,
    outcome      varchar(20)  NOT NULL CHECK (outcome IN ('ok', 'transient-error', 'fatal-error')),
    ack_message_id uuid       NOT NULL,
    ack_payload  text         NOT NULL,
    received_at  timestamptz  NOT NULL
);
