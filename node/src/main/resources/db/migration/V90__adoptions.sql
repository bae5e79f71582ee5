-- Adoptions between governments: kept by the adopter and by the owner under the same id.
CREATE TABLE adoption (
    id            VARCHAR(200)  NOT NULL PRIMARY KEY,
    entry_id      VARCHAR(300)  NOT NULL,
    entry_name    VARCHAR(300),
    owner_node    VARCHAR(100)  NOT NULL,
    owner_name    VARCHAR(300),
    adopter_node  VARCHAR(100)  NOT NULL,
    adopter_name  VARCHAR(300),
    copy_entry_id VARCHAR(300),
    state         VARCHAR(20)   NOT NULL,
    motivation    VARCHAR(1000),
    answer_reason VARCHAR(1000),
    requested_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_by  VARCHAR(300),
    answered_at   TIMESTAMP WITH TIME ZONE,
    answered_by   VARCHAR(300),
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX adoption_by_entry ON adoption (entry_id);
CREATE INDEX adoption_by_copy ON adoption (copy_entry_id);

-- Change notices of an adoption, sent and received, under the sender's message id.
CREATE TABLE adoption_notice (
    message_id       VARCHAR(200)  NOT NULL PRIMARY KEY,
    adoption_id      VARCHAR(200)  NOT NULL,
    from_node        VARCHAR(100)  NOT NULL,
    to_node          VARCHAR(100)  NOT NULL,
    changed_entry_id VARCHAR(300),
    changed_version  BIGINT        NOT NULL,
    changed_status   VARCHAR(20),
    text             VARCHAR(1000),
    sent_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX adoption_notice_by_adoption ON adoption_notice (adoption_id);

-- Adoption messages this node applied (as their addressee) or passed down (as a relay): each
-- message id once, written in the transaction of its effect.
CREATE TABLE adoption_message_seen (
    message_id VARCHAR(200) NOT NULL PRIMARY KEY,
    from_node  VARCHAR(100) NOT NULL,
    to_node    VARCHAR(100) NOT NULL,
    kind       VARCHAR(20)  NOT NULL,
    handled    VARCHAR(20)  NOT NULL,
    seen_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
