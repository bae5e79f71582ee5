-- Life after the decision: what each node knows about the plans of its subtree (and its own)
-- after review. The owner writes its plans' records; every node above keeps the highest version
-- it received. Statistics, stale and late-registration counts are read from here.
CREATE TABLE plan_record (
    id             VARCHAR(300) PRIMARY KEY,
    owner_node     VARCHAR(100) NOT NULL,
    plan_id        VARCHAR(64)  NOT NULL,
    owner_name     VARCHAR(300),
    title          VARCHAR(500) NOT NULL,
    budget         NUMERIC(19, 2),
    stage          VARCHAR(30)  NOT NULL,
    submitted_at   TIMESTAMP WITH TIME ZONE,
    approved_at    TIMESTAMP WITH TIME ZONE,
    kickoff_on     DATE,
    go_live_on     DATE,
    cancel_reason  VARCHAR(2000),
    system_id      VARCHAR(64),
    last_update_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT       NOT NULL,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX plan_record_owner_idx ON plan_record (owner_node);

-- Each decision on each revision of a recorded plan: one application in the statistics.
CREATE TABLE plan_record_decision (
    record_id     VARCHAR(300) NOT NULL REFERENCES plan_record (id),
    revision      INT          NOT NULL,
    outcome       VARCHAR(40)  NOT NULL,
    budget        NUMERIC(19, 2),
    submitted_at  TIMESTAMP WITH TIME ZONE,
    decided_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    deciding_node VARCHAR(100),
    PRIMARY KEY (record_id, revision)
);
