-- Append-only audit trail of every state change at this node. Ids come from the 'audit' counter,
-- taken in the transaction of the change, so id order is commit order.
-- The application has no statement that updates or deletes these rows. On PostgreSQL, operators
-- can enforce it in the database too: REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM <app role>
-- (not done here because the migration must also run on H2, which has no such roles by default).
CREATE TABLE audit_event (
    id           BIGINT       PRIMARY KEY,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        VARCHAR(200) NOT NULL,
    node_id      VARCHAR(100) NOT NULL,
    entity_type  VARCHAR(60)  NOT NULL,
    entity_id    VARCHAR(200) NOT NULL,
    action       VARCHAR(60)  NOT NULL,
    before_state TEXT,
    after_state  TEXT,
    detail       TEXT
);
CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id);
CREATE INDEX audit_event_actor_idx ON audit_event (actor);
INSERT INTO node_counter (name, counter_value) VALUES ('audit', 0);
