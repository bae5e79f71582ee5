-- Received decisions this node refused, with the rule they broke, for the operator.
-- decision_id is NULL when the content was refused before it could be trusted enough to read.
CREATE TABLE rejected_decision (
    id          BIGINT       PRIMARY KEY,
    decision_id VARCHAR(64),
    signer_node VARCHAR(100),
    key_id      VARCHAR(200),
    reason      VARCHAR(30)  NOT NULL,
    detail      VARCHAR(2000) NOT NULL,
    rejected_at TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO node_counter (name, counter_value) VALUES ('rejected_decision', 0);
