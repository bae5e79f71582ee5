-- The conditions placed on a recorded plan, with their status at the owner (never their text):
-- every node above counts the overdue ones in its league table by its own clock.
CREATE TABLE plan_record_condition (
    record_id     VARCHAR(300) NOT NULL REFERENCES plan_record (id),
    condition_id  VARCHAR(64)  NOT NULL,
    decision_id   VARCHAR(64),
    deciding_node VARCHAR(100),
    due_on        DATE         NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    entry_id      VARCHAR(200),
    PRIMARY KEY (record_id, condition_id)
);

-- This node's own plans already decided: their records gain the conditions the node tracks. The
-- nodes above receive them with the record's next change.
INSERT INTO plan_record_condition (record_id, condition_id, decision_id, deciding_node, due_on, status, entry_id)
SELECT r.id, c.condition_id, c.decision_id, c.deciding_node, c.due_date, c.status, c.entry_id
FROM plan_condition c
JOIN plan_record r ON r.plan_id = c.plan_id AND r.id = CONCAT(r.owner_node, ':plan:', c.plan_id);
