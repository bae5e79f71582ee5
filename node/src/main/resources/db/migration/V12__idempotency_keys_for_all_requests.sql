-- Idempotency keys serve every state-changing request now, scoped by the kind of request and,
-- where it matters, the user: one table under a general name, with room for the scope.
ALTER TABLE import_idempotency_key RENAME TO idempotency_key;
ALTER TABLE idempotency_key ALTER COLUMN idempotency_key SET DATA TYPE VARCHAR(400);
