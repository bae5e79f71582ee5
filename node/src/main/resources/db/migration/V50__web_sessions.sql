-- Browser sessions of the web UI. The cookie carries a random token; only its SHA-256 is stored, so
-- a copy of this table signs nobody in. Signing out deletes the row: the session ends at once.
-- csrf_token is the synchronizer token every form of the session must send back.
CREATE TABLE web_session (
    token_hash   VARCHAR(64)  PRIMARY KEY,
    username     VARCHAR(200) NOT NULL,
    csrf_token   VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX web_session_username_idx ON web_session (username);
