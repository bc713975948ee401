-- Messaging as a port: its tables no longer refer to stays. The stay capability keeps, on each event,
-- the message that told the municipality about it (message_id) and the inbound message that reported
-- it (source_message_id), so corrections can find what they replace after the outbox is cleaned up.
ALTER TABLE stay_event ADD COLUMN message_id uuid;
ALTER TABLE stay_event ADD COLUMN source_message_id varchar(100);
ALTER TABLE stay_event DISABLE TRIGGER stay_event_append_only;
UPDATE stay_event e SET message_id = o.message_id FROM outbox_message o WHERE o.stay_event_id = e.id;
ALTER TABLE stay_event ENABLE TRIGGER stay_event_append_only;
CREATE INDEX stay_event_source_message_idx ON stay_event (stay_id, source_message_id) WHERE source_message_id IS NOT NULL;
CREATE INDEX stay_event_message_idx ON stay_event (stay_id, message_id) WHERE message_id IS NOT NULL;

-- Outbox: published in the order of a sequence drawn under a per-key lock (commit order per key), not of
-- a clock; a record Kafka refuses too often is set aside (quarantined) so it holds nothing back.
CREATE SEQUENCE outbox_sequence;
ALTER TABLE outbox_message ADD COLUMN sequence bigint;
UPDATE outbox_message o SET sequence = n.seq
FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS seq FROM outbox_message) n WHERE n.id = o.id;
SELECT setval('outbox_sequence', coalesce((SELECT max(sequence) FROM outbox_message), 0) + 1, false);
ALTER TABLE outbox_message ALTER COLUMN sequence SET NOT NULL;
ALTER TABLE outbox_message ADD COLUMN subject varchar(100);
UPDATE outbox_message SET subject = stay_id::text WHERE stay_id IS NOT NULL;
ALTER TABLE outbox_message DROP COLUMN stay_event_id;
ALTER TABLE outbox_message DROP COLUMN stay_id;
ALTER TABLE outbox_message ADD COLUMN refusals integer NOT NULL DEFAULT 0;
ALTER TABLE outbox_message ADD COLUMN quarantined_at timestamptz;
DROP INDEX outbox_message_unpublished_idx;
CREATE UNIQUE INDEX outbox_message_sequence_idx ON outbox_message (sequence);
CREATE INDEX outbox_message_pending_idx ON outbox_message (sequence) WHERE published_at IS NULL AND quarantined_at IS NULL;
CREATE INDEX outbox_message_published_idx ON outbox_message (published_at) WHERE published_at IS NOT NULL;

-- Inbox: a message is the same message when topic, sender and MessageHeader.id agree (FHIR messaging);
-- the fingerprint tells a resend (same content) from new content under a used id.
ALTER TABLE inbox_message DROP CONSTRAINT inbox_message_pkey;
ALTER TABLE inbox_message ADD COLUMN id uuid;
UPDATE inbox_message SET id = gen_random_uuid();
ALTER TABLE inbox_message ALTER COLUMN id SET NOT NULL;
ALTER TABLE inbox_message ADD PRIMARY KEY (id);
UPDATE inbox_message SET sender = 'unknown' WHERE sender IS NULL;
ALTER TABLE inbox_message ALTER COLUMN sender SET NOT NULL;
ALTER TABLE inbox_message ADD COLUMN bundle_id varchar(100);
ALTER TABLE inbox_message ADD COLUMN fingerprint varchar(64);
ALTER TABLE inbox_message RENAME COLUMN stay_id TO subject;
ALTER TABLE inbox_message ALTER COLUMN subject TYPE varchar(100) USING subject::text;
CREATE UNIQUE INDEX inbox_message_sender_message_idx ON inbox_message (topic, sender, message_id);
CREATE INDEX inbox_message_received_idx ON inbox_message (received_at);

CREATE INDEX idempotency_record_created_idx ON idempotency_record (created_at);
