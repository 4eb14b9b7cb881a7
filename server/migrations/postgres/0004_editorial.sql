-- The editorial desk: revisions of every save, editors' notes on articles, one-time
-- links (first-admin set-up, password reset) and the audit log of administration.

CREATE TABLE article_revisions (
    id          BIGSERIAL PRIMARY KEY,
    article_id  BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    number      BIGINT NOT NULL,
    title       TEXT NOT NULL,
    sapo        TEXT NOT NULL DEFAULT '',
    category_id BIGINT NOT NULL,
    tags        TEXT NOT NULL DEFAULT '',
    byline      TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL DEFAULT '',
    body_json   TEXT NOT NULL,
    author_id   BIGINT REFERENCES users(id),
    summary     TEXT NOT NULL DEFAULT '',
    created_at  BIGINT NOT NULL,
    UNIQUE (article_id, number)
);

CREATE TABLE article_notes (
    id         BIGSERIAL PRIMARY KEY,
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    author_id  BIGINT REFERENCES users(id),
    body       TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX article_notes_article ON article_notes(article_id, id);

CREATE TABLE one_time_links (
    id          BIGSERIAL PRIMARY KEY,
    token_hash  TEXT NOT NULL UNIQUE,
    purpose     TEXT NOT NULL,
    user_id     BIGINT REFERENCES users(id) ON DELETE CASCADE,
    created_by  BIGINT REFERENCES users(id),
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    used_at     BIGINT
);

CREATE TABLE audit_events (
    id         BIGSERIAL PRIMARY KEY,
    actor_id   BIGINT REFERENCES users(id),
    action     TEXT NOT NULL,
    target     TEXT NOT NULL DEFAULT '',
    detail     TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX audit_events_time ON audit_events(created_at, id);
CREATE INDEX article_events_time ON article_events(created_at, id);
CREATE INDEX articles_author ON articles(created_by, status);
