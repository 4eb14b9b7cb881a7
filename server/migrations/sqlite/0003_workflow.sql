-- Editorial workflow: who wrote an article, and every status change with who, when,
-- from, to and why.

ALTER TABLE articles ADD COLUMN created_by INTEGER REFERENCES users(id);

CREATE TABLE article_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    actor_id    INTEGER REFERENCES users(id),
    from_status TEXT NOT NULL,
    to_status   TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL
);
CREATE INDEX article_events_article ON article_events(article_id, id);
CREATE INDEX articles_scheduled ON articles(status, publish_at);
