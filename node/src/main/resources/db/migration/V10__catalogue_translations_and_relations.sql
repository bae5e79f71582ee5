-- Translations and relations of catalogue entries (publiccode.yml imports bring both).
-- Entries are never deleted (retired and cancelled ones stay as tombstones), so the foreign keys
-- only guard against rows that point nowhere. Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.

-- The entry's name, description and functions in another language than the entry's own.
-- functions holds one function per line, like catalogue_entry.functions.
CREATE TABLE catalogue_translation (
    entry_id    VARCHAR(200)  NOT NULL REFERENCES catalogue_entry (id) ON DELETE CASCADE,
    language    VARCHAR(20)   NOT NULL,
    name        VARCHAR(1000),
    description TEXT,
    functions   TEXT,
    PRIMARY KEY (entry_id, language)
);

-- Free-text relations of an entry: USED_BY (an organisation using it) or IS_BASED_ON (what it
-- derives from). position keeps the order the source listed them in.
CREATE TABLE catalogue_relation (
    entry_id      VARCHAR(200)  NOT NULL REFERENCES catalogue_entry (id) ON DELETE CASCADE,
    relation_type VARCHAR(20)   NOT NULL,
    target        VARCHAR(1000) NOT NULL,
    position      INT           NOT NULL,
    PRIMARY KEY (entry_id, relation_type, target)
);
