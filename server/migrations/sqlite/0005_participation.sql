-- Readers take part: star ratings (one per voter and article), comments with their
-- moderation state, readers' reports of comments, and per-article switches. The
-- counters on articles (rating_sum, rating_count, comment_count, view_count) are what
-- pages show; they are kept in step by the code that writes ratings and moderates.

ALTER TABLE articles ADD COLUMN rating_sum INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN rating_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN allow_ratings INTEGER NOT NULL DEFAULT 1;
ALTER TABLE articles ADD COLUMN allow_comments INTEGER NOT NULL DEFAULT 1;

CREATE TABLE ratings (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    voter_key  TEXT NOT NULL,
    stars      INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (article_id, voter_key)
);

CREATE TABLE comments (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    parent_id    INTEGER REFERENCES comments(id) ON DELETE CASCADE,
    author_name  TEXT NOT NULL,
    email        TEXT NOT NULL DEFAULT '',
    body         TEXT NOT NULL,
    body_hash    TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'pending',
    held_for     TEXT NOT NULL DEFAULT '',
    staff_id     INTEGER REFERENCES users(id),
    visitor_key  TEXT NOT NULL DEFAULT '',
    addr_hash    TEXT NOT NULL DEFAULT '',
    report_count INTEGER NOT NULL DEFAULT 0,
    moderated_by INTEGER REFERENCES users(id),
    moderated_at INTEGER,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);
CREATE INDEX comments_article ON comments(article_id, status, id);
CREATE INDEX comments_queue ON comments(status, id);
CREATE INDEX comments_reported ON comments(report_count, id);
CREATE INDEX comments_duplicate ON comments(article_id, body_hash);

CREATE TABLE comment_reports (
    comment_id   INTEGER NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
    reporter_key TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (comment_id, reporter_key)
);

CREATE INDEX articles_most_read ON articles(status, view_count DESC, id DESC);
CREATE INDEX articles_most_commented ON articles(status, comment_count DESC, id DESC);
