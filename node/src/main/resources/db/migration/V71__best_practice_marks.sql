-- Best-practice marks: set by central or a province, broadcast down; one row per entry and
-- marking node, kept (withdrawn) when the mark is taken back.
CREATE TABLE best_practice_mark (
    entry_id     VARCHAR(300) NOT NULL,
    marking_node VARCHAR(100) NOT NULL,
    marking_name VARCHAR(300),
    reason       VARCHAR(1000),
    marked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    withdrawn    BOOLEAN      NOT NULL,
    version      BIGINT       NOT NULL,
    PRIMARY KEY (entry_id, marking_node)
);
