-- Public keys this node trusts to sign decisions: its own and those of other nodes, received down
-- the tree. A (node_id, key_id) pair names one key for ever; rows are only ever added.
CREATE TABLE trusted_key (
    node_id     VARCHAR(100) NOT NULL,
    key_id      VARCHAR(200) NOT NULL,
    algorithm   VARCHAR(30)  NOT NULL,
    public_key  BYTEA        NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (node_id, key_id)
);
