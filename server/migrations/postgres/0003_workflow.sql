-- Editorial workflow: who wrote an article, and every status change with who, when,
-- from, to and why.

ALTER TABLE articles ADD COLUMN created_by BIGINT REFERENCES users(id);

CREATE TABLE article_events (
    id          BIGSERIAL PRIMARY KEY,
    article_id  BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    actor_id    BIGINT REFERENCES users(id),
    from_status TEXT NOT NULL,
    to_status   TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    created_at  BIGINT NOT NULL
);
CREATE INDEX article_events_article ON article_events(article_id, id);
CREATE INDEX articles_scheduled ON articles(status, publish_at);
