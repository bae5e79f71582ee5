-- Idempotency-Key values of catalogue imports that were written, with a hash of what they carried
-- and the summary that was answered, so that a retried request gets the same answer and a key
-- reused for other content is refused. Recorded in the transaction of the import itself.
CREATE TABLE import_idempotency_key (
    idempotency_key VARCHAR(200) PRIMARY KEY,
    request_hash    VARCHAR(64)  NOT NULL,
    summary         TEXT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
