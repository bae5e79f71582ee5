-- Durability across crashes and restores: no number ever means two things.

-- The incarnation of this node's database: created with it, replaced when an operator starts a
-- restored copy (preconsult.node.restored=true) or when the parent reports that this node's
-- numbers went back. Envelopes and cursors carry it.
CREATE TABLE node_incarnation (
    id          VARCHAR(64) PRIMARY KEY,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reason      VARCHAR(300) NOT NULL,
    current     BOOLEAN NOT NULL
);

-- What was received under each (origin, seq): the incarnation and a digest of the envelope, so a
-- reused number with other content is a conflict, not a duplicate.
ALTER TABLE inbox ADD COLUMN origin_incarnation VARCHAR(64);
ALTER TABLE inbox ADD COLUMN digest VARCHAR(64);

-- The parent's incarnation and the digest of the item the cursor stands on.
ALTER TABLE sync_cursor ADD COLUMN incarnation VARCHAR(64);
ALTER TABLE sync_cursor ADD COLUMN digest VARCHAR(64);

-- Conflicts and re-synchronisations, for the operator: nothing is dropped silently.
CREATE TABLE sync_conflict (
    id          BIGINT        PRIMARY KEY,
    kind        VARCHAR(40)   NOT NULL,
    origin_node VARCHAR(100),
    origin_seq  BIGINT,
    detail      VARCHAR(2000) NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO node_counter (name, counter_value) VALUES ('conflict', 0);

-- When the parent confirmed it holds a submitted plan revision (by acknowledging its envelope or
-- by reconciliation); a plan submitted long ago and never confirmed is flagged.
-- A refusal by the parent is kept with its reason.
CREATE TABLE plan_delivery (
    plan_id      VARCHAR(64) NOT NULL,
    revision     INT         NOT NULL,
    confirmed_at TIMESTAMP WITH TIME ZONE,
    rejection    VARCHAR(1000),
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (plan_id, revision)
);

-- Feed items carry the digest children keep with their cursor, and the subject of a decision
-- (plan id and revision), so a decision can be found and queued again by reconciliation.
ALTER TABLE feed ADD COLUMN digest VARCHAR(64);
ALTER TABLE feed ADD COLUMN subject VARCHAR(200);
CREATE INDEX feed_address_subject_idx ON feed (address, subject);

-- What an owed envelope is about (a plan revision), so that reconciliation does not report a plan
-- as missing at the parent while its envelope is still on the way.
ALTER TABLE outbox ADD COLUMN subject VARCHAR(200);
CREATE INDEX outbox_subject_idx ON outbox (subject);
