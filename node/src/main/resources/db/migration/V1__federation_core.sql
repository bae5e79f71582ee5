-- Core schema of a Preconsult node. Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.

-- Monotonic counters. Taking a value locks the row until the transaction ends, so values are
-- handed out in commit order: a reader that sees value n knows every value below n is committed.
CREATE TABLE node_counter (
    name  VARCHAR(50) PRIMARY KEY,
    counter_value BIGINT NOT NULL
);
INSERT INTO node_counter (name, counter_value) VALUES ('envelope', 0);
INSERT INTO node_counter (name, counter_value) VALUES ('outbox', 0);
INSERT INTO node_counter (name, counter_value) VALUES ('feed', 0);
INSERT INTO node_counter (name, counter_value) VALUES ('catalogue', 0);

-- Users of this node.
CREATE TABLE app_user (
    username      VARCHAR(100) PRIMARY KEY,
    password_hash VARCHAR(300) NOT NULL,
    roles         VARCHAR(200) NOT NULL,
    display_name  VARCHAR(200),
    enabled       BOOLEAN      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Full project plans registered at this node (the owner's record; private fields stay here).
CREATE TABLE plan (
    id                    VARCHAR(64)  PRIMARY KEY,
    revision              INT          NOT NULL,
    title                 VARCHAR(500) NOT NULL,
    purpose               TEXT,
    functions             TEXT,
    function_code         VARCHAR(50),
    budget                NUMERIC(19, 2),
    planned_start         DATE,
    planned_end           DATE,
    platform              VARCHAR(500),
    language              VARCHAR(20),
    disaster_or_safety    BOOLEAN      NOT NULL,
    submitting_department VARCHAR(300),
    contact_person        VARCHAR(300),
    internal_notes        TEXT,
    status                VARCHAR(40)  NOT NULL,
    previous_case_id      VARCHAR(64),
    created_by            VARCHAR(100),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_at          TIMESTAMP WITH TIME ZONE,
    version               BIGINT       NOT NULL
);
CREATE INDEX plan_status_idx ON plan (status);

-- Decisions on this node's plans, as received from the deciding node (verified before insert).
CREATE TABLE plan_decision (
    decision_id   VARCHAR(64)  PRIMARY KEY,
    plan_id       VARCHAR(64)  NOT NULL REFERENCES plan (id),
    plan_revision INT          NOT NULL,
    case_id       VARCHAR(64)  NOT NULL,
    outcome       VARCHAR(40)  NOT NULL,
    reasons       TEXT,
    conditions    TEXT,
    deciding_node VARCHAR(100) NOT NULL,
    decided_by    VARCHAR(100),
    automatic     BOOLEAN      NOT NULL,
    decided_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    signer_key_id VARCHAR(100)
);
CREATE INDEX plan_decision_plan_idx ON plan_decision (plan_id);

-- Existing information systems registered at this node.
CREATE TABLE information_system (
    id            VARCHAR(64)  PRIMARY KEY,
    name          VARCHAR(500) NOT NULL,
    description   TEXT,
    functions     TEXT,
    function_code VARCHAR(50),
    platform      VARCHAR(500),
    status        VARCHAR(40)  NOT NULL,
    go_live_year  INT,
    owner         VARCHAR(300) NOT NULL,
    language      VARCHAR(20),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT       NOT NULL
);

-- The catalogue copy: own entries plus what the federation sends down. change_seq orders changes
-- so that a derived search index can catch up from its last committed watermark.
CREATE TABLE catalogue_entry (
    id            VARCHAR(200) PRIMARY KEY,
    kind          VARCHAR(30)  NOT NULL,
    owner         VARCHAR(300),
    name          VARCHAR(1000) NOT NULL,
    description   TEXT,
    functions     TEXT,
    function_code VARCHAR(100),
    language      VARCHAR(20),
    status        VARCHAR(30)  NOT NULL,
    budget        NUMERIC(19, 2),
    origin_node   VARCHAR(100),
    version       BIGINT       NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    change_seq    BIGINT       NOT NULL
);
CREATE INDEX catalogue_entry_change_idx ON catalogue_entry (change_seq);

-- Envelopes owed to the parent, own and relayed, in push order. A row is deleted only after the
-- parent acknowledged it.
CREATE TABLE outbox (
    position    BIGINT       PRIMARY KEY,
    origin_node VARCHAR(100) NOT NULL,
    origin_seq  BIGINT       NOT NULL,
    body_type   VARCHAR(40)  NOT NULL,
    payload     BYTEA        NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts    INT          NOT NULL,
    CONSTRAINT outbox_origin_uq UNIQUE (origin_node, origin_seq)
);

-- Envelopes received from children, recorded in the transaction of their effect.
CREATE TABLE inbox (
    origin_node VARCHAR(100) NOT NULL,
    origin_seq  BIGINT       NOT NULL,
    sender_node VARCHAR(100) NOT NULL,
    body_type   VARCHAR(40)  NOT NULL,
    result      VARCHAR(20)  NOT NULL,
    reason      VARCHAR(1000),
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (origin_node, origin_seq)
);
CREATE INDEX inbox_result_idx ON inbox (result);

-- Which child a descendant node is reached through (learned from pushes).
CREATE TABLE subtree (
    node_id    VARCHAR(100) PRIMARY KEY,
    via_child  VARCHAR(100) NOT NULL,
    first_seen TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Items for children to pull, in position order. address NULL = broadcast.
CREATE TABLE feed (
    position   BIGINT       PRIMARY KEY,
    address    VARCHAR(100),
    body_type  VARCHAR(40)  NOT NULL,
    payload    BYTEA        NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Durable cursors (position of the last item applied from the parent's feed).
CREATE TABLE sync_cursor (
    name       VARCHAR(50) PRIMARY KEY,
    position   BIGINT      NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Last successful exchange with the parent in each direction.
CREATE TABLE sync_status (
    direction       VARCHAR(20) PRIMARY KEY,
    last_success_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(1000)
);

-- Downward items this node refused to apply (bad signature, misaddressed, replayed, malformed).
CREATE TABLE rejected_item (
    id          BIGINT       PRIMARY KEY,
    source      VARCHAR(20)  NOT NULL,
    position    BIGINT,
    body_type   VARCHAR(40),
    reason      VARCHAR(1000) NOT NULL,
    rejected_at TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO node_counter (name, counter_value) VALUES ('rejected', 0);

-- Plan summaries received from the subtree (provincial and central nodes).
CREATE TABLE received_plan (
    origin_node   VARCHAR(100) NOT NULL,
    plan_id       VARCHAR(64)  NOT NULL,
    revision      INT          NOT NULL,
    owner_name    VARCHAR(300),
    title         VARCHAR(500) NOT NULL,
    summary       TEXT         NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (origin_node, plan_id, revision)
);

-- Review cases opened at this node, one per plan revision that this node reviews.
CREATE TABLE review_case (
    id                 VARCHAR(64)  PRIMARY KEY,
    origin_node        VARCHAR(100) NOT NULL,
    plan_id            VARCHAR(64)  NOT NULL,
    plan_revision      INT          NOT NULL,
    owner_name         VARCHAR(300),
    title              VARCHAR(500) NOT NULL,
    summary            TEXT         NOT NULL,
    evidence           TEXT,
    preliminary        TEXT,
    routing_reason     VARCHAR(1000),
    disaster_or_safety BOOLEAN      NOT NULL,
    status             VARCHAR(20)  NOT NULL,
    opened_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    previous_case_id   VARCHAR(64),
    decision_id        VARCHAR(64),
    outcome            VARCHAR(40),
    reasons            TEXT,
    conditions         TEXT,
    decided_by         VARCHAR(100),
    automatic          BOOLEAN,
    decided_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT review_case_plan_uq UNIQUE (origin_node, plan_id, plan_revision)
);
CREATE INDEX review_case_status_idx ON review_case (status);

-- Own public keys already offered to the subtree through the feed.
CREATE TABLE published_key (
    key_id       VARCHAR(100) PRIMARY KEY,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL
);
