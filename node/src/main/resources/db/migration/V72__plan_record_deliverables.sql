-- Deliverables of a recorded plan: metadata only (the document stays at its owner), one per kind.
CREATE TABLE plan_record_deliverable (
    record_id    VARCHAR(300)  NOT NULL REFERENCES plan_record (id),
    kind         VARCHAR(40)   NOT NULL,
    title        VARCHAR(500)  NOT NULL,
    delivered_on DATE          NOT NULL,
    size_bytes   BIGINT        NOT NULL,
    checksum     VARCHAR(64)   NOT NULL,
    link         VARCHAR(1000),
    PRIMARY KEY (record_id, kind)
);
