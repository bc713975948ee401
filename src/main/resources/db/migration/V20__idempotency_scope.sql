-- An Idempotency-Key is scoped by the caller (user and tenant claims), the method and the path: the same
-- key sent to another stay's endpoint, or by a user of the same name at another hospital or municipality,
-- is another request. Records made before this migration keep an empty scope and answer no new request.
ALTER TABLE idempotency_record
    ADD COLUMN tenant varchar(100) NOT NULL DEFAULT '',
    ADD COLUMN method varchar(10)  NOT NULL DEFAULT '',
    ADD COLUMN path   varchar(500) NOT NULL DEFAULT '';

ALTER TABLE idempotency_record DROP CONSTRAINT idempotency_record_pkey;
ALTER TABLE idempotency_record ADD PRIMARY KEY (principal, tenant, method, path, idempotency_key);

ALTER TABLE idempotency_record
    ALTER COLUMN tenant DROP DEFAULT,
    ALTER COLUMN method DROP DEFAULT,
    ALTER COLUMN path DROP DEFAULT;
