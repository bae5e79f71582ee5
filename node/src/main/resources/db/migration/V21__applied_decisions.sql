-- Decisions applied at this node, inserted in the transaction that applies them. The primary key
-- makes a replayed decision a conflict; the unique plan revision makes a second, different
-- decision for the same plan revision a conflict too (NULLs never conflict, for callers that
-- mark by decision id only).
CREATE TABLE applied_decision (
    decision_id   VARCHAR(64)  PRIMARY KEY,
    applied_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    plan_id       VARCHAR(64),
    plan_revision INT,
    CONSTRAINT applied_decision_plan_uq UNIQUE (plan_id, plan_revision)
);
