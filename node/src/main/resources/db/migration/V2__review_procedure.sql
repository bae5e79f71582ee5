-- The review procedure: who decides, preliminary reviews, overrides, automatic decisions,
-- conditions as tracked obligations, and decisions reported from lower levels.

ALTER TABLE review_case ADD COLUMN deciding_level VARCHAR(20);
ALTER TABLE review_case ADD COLUMN recommended_outcome VARCHAR(40);
ALTER TABLE review_case ADD COLUMN override_reason VARCHAR(2000);
ALTER TABLE review_case ADD COLUMN forwarded_to VARCHAR(100);

-- Operator's choices for this node's review (one row).
CREATE TABLE review_policy (
    id                  INT          PRIMARY KEY,
    automatic_decisions BOOLEAN      NOT NULL,
    min_confidence      NUMERIC(4, 3) NOT NULL,
    updated_by          VARCHAR(100),
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Decisions taken below this node and reported upward, for turnaround and statistics per level.
CREATE TABLE reported_case (
    case_id        VARCHAR(64)  NOT NULL,
    deciding_node  VARCHAR(100) NOT NULL,
    decision_id    VARCHAR(64),
    plan_id        VARCHAR(64)  NOT NULL,
    plan_revision  INT          NOT NULL,
    owner_node     VARCHAR(100) NOT NULL,
    owner_name     VARCHAR(300),
    deciding_level VARCHAR(20)  NOT NULL,
    outcome        VARCHAR(40)  NOT NULL,
    submitted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    automatic      BOOLEAN      NOT NULL,
    routing_reason VARCHAR(1000),
    PRIMARY KEY (deciding_node, case_id)
);

-- Conditions this node imposed, as obligations tracked per government.
CREATE TABLE case_condition (
    condition_id VARCHAR(64)  PRIMARY KEY,
    case_id      VARCHAR(64)  NOT NULL REFERENCES review_case (id),
    decision_id  VARCHAR(64)  NOT NULL,
    plan_id      VARCHAR(64)  NOT NULL,
    owner_node   VARCHAR(100) NOT NULL,
    owner_name   VARCHAR(300),
    text         VARCHAR(2000) NOT NULL,
    due_date     DATE         NOT NULL,
    entry_id     VARCHAR(200),
    status       VARCHAR(20)  NOT NULL,
    evidence     VARCHAR(4000),
    changed_by   VARCHAR(200),
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX case_condition_owner_idx ON case_condition (owner_node, status);

-- Conditions placed on this node's plans, as the applicant tracks them.
CREATE TABLE plan_condition (
    condition_id  VARCHAR(64)  PRIMARY KEY,
    plan_id       VARCHAR(64)  NOT NULL REFERENCES plan (id),
    decision_id   VARCHAR(64)  NOT NULL,
    deciding_node VARCHAR(100) NOT NULL,
    text          VARCHAR(2000) NOT NULL,
    due_date      DATE         NOT NULL,
    entry_id      VARCHAR(200),
    status        VARCHAR(20)  NOT NULL,
    evidence      VARCHAR(4000),
    changed_by    VARCHAR(200),
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX plan_condition_plan_idx ON plan_condition (plan_id);
