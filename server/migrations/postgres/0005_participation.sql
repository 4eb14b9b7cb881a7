-- Readers take part: star ratings (one per voter and article), comments with their
-- moderation state, readers' reports of comments, and per-article switches. The
-- counters on articles (rating_sum, rating_count, comment_count, view_count) are what
-- pages show; they are kept in step by the code that writes ratings and moderates.

ALTER TABLE articles ADD COLUMN rating_sum BIGINT NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN rating_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN allow_ratings BIGINT NOT NULL DEFAULT 1;
ALTER TABLE articles ADD COLUMN allow_comments BIGINT NOT NULL DEFAULT 1;

CREATE TABLE ratings (
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    voter_key  TEXT NOT NULL,
    stars      BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (article_id, voter_key)
);

CREATE TABLE comments (
    id           BIGSERIAL PRIMARY KEY,
    article_id   BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    parent_id    BIGINT REFERENCES comments(id) ON DELETE CASCADE,
    author_name  TEXT NOT NULL,
    email        TEXT NOT NULL DEFAULT '',
    body         TEXT NOT NULL,
    body_hash    TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'pending',
    held_for     TEXT NOT NULL DEFAULT '',
    staff_id     BIGINT REFERENCES users(id),
    visitor_key  TEXT NOT NULL DEFAULT '',
    addr_hash    TEXT NOT NULL DEFAULT '',
    report_count BIGINT NOT NULL DEFAULT 0,
    moderated_by BIGINT REFERENCES users(id),
    moderated_at BIGINT,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);
CREATE INDEX comments_article ON comments(article_id, status, id);
CREATE INDEX comments_queue ON comments(status, id);
CREATE INDEX comments_reported ON comments(report_count, id);
CREATE INDEX comments_duplicate ON comments(article_id, body_hash);

CREATE TABLE comment_reports (
    comment_id   BIGINT NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
    reporter_key TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (comment_id, reporter_key)
);

CREATE INDEX articles_most_read ON articles(status, view_count DESC, id DESC);
CREATE INDEX articles_most_commented ON articles(status, comment_count DESC, id DESC);
