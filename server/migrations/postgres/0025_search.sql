-- Search (bài viết, văn bản, hỏi – đáp): one entry per published item, keyed by its
-- publication time (id = published_at * 2^20 + a small number), so "the newest that
-- match" walk the primary key. Title, lead and body are kept as readers see them, for
-- the snippets; the members-only keep their title alone.
CREATE TABLE search_entries (
    id           BIGINT PRIMARY KEY,
    kind         TEXT NOT NULL,
    ref_id       BIGINT NOT NULL,
    category_id  BIGINT,
    published_at BIGINT NOT NULL,
    expire_at    BIGINT,
    members_only BIGINT NOT NULL DEFAULT 0,
    path         TEXT NOT NULL,
    title        TEXT NOT NULL,
    lead         TEXT NOT NULL,
    body         TEXT NOT NULL,
    -- the terms of features/search/terms.rs (ASCII words marked with their field),
    -- parsed by the 'simple' configuration: the same matches as SQLite's FTS5
    terms        TSVECTOR NOT NULL,
    UNIQUE (kind, ref_id)
);
CREATE INDEX search_entries_terms ON search_entries USING gin (terms);

-- The index's version: a server that finds it older rebuilds the index once.
INSERT INTO settings (key, value) VALUES ('search_version', '0');
