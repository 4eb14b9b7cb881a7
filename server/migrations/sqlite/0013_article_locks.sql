-- Who is editing an article now: the block editor takes the lock when it opens and
-- beats it every 20 seconds; a lock not beaten for a minute is free, and the
-- editor-in-chief may take one over at any time.
CREATE TABLE article_locks (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    taken_at   INTEGER NOT NULL,
    beat_at    INTEGER NOT NULL
);
