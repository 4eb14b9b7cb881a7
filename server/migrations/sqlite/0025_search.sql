-- Search (bài viết, văn bản, hỏi – đáp): one entry per published item, keyed by its
-- publication time (id = published_at * 2^20 + a small number), so the index's own
-- order is newest first and "the newest that match" stop early. Title, lead and body
-- are kept as readers see them, for the snippets; the members-only keep their title
-- alone.
CREATE TABLE search_entries (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,
    ref_id       INTEGER NOT NULL,
    category_id  INTEGER,
    published_at INTEGER NOT NULL,
    expire_at    INTEGER,
    members_only INTEGER NOT NULL DEFAULT 0,
    path         TEXT NOT NULL,
    title        TEXT NOT NULL,
    lead         TEXT NOT NULL,
    body         TEXT NOT NULL,
    UNIQUE (kind, ref_id)
);

-- The terms of each entry (features/search/terms.rs): ASCII words only, each marked
-- with the field it comes from, so the same words give the same matches here and on
-- PostgreSQL. Contentless: the text lives in search_entries.
CREATE VIRTUAL TABLE search_fts USING fts5(
    terms, content = '', contentless_delete = 1, tokenize = 'ascii'
);

-- The index's version: a server that finds it older rebuilds the index once.
INSERT INTO settings (key, value) VALUES ('search_version', '0');
