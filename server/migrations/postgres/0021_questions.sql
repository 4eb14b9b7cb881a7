-- Hỏi – Đáp: the fields (lĩnh vực) citizens ask under, in the order the portal lists them.
CREATE TABLE qa_topics (
    id        BIGSERIAL PRIMARY KEY,
    slug      TEXT NOT NULL UNIQUE,
    name      TEXT NOT NULL,
    position  BIGINT NOT NULL DEFAULT 0
);

-- A citizen's question: who asked (the contact, an e-mail or a phone, is for the
-- answerers only), under which field, the question as sent (never changed) and as
-- published (the moderators may reword it; each rewording is in the audit log), its
-- status (new, assigned, answered, rejected), who answers it, the answer (the
-- document model, JSON) and who gave it, whether and since when it is published and
-- at which address, its tracking code (stored hashed), the guard's keys, and its
-- published words folded for search.
CREATE TABLE questions (
    id               BIGSERIAL PRIMARY KEY,
    code_hash        TEXT NOT NULL UNIQUE,
    topic_id         BIGINT NOT NULL REFERENCES qa_topics(id),
    asker_name       TEXT NOT NULL,
    asker_contact    TEXT NOT NULL DEFAULT '',
    asked_text       TEXT NOT NULL,
    public_title     TEXT NOT NULL,
    public_text      TEXT NOT NULL,
    status           TEXT NOT NULL,
    assignee_id      BIGINT REFERENCES users(id),
    assigned_at      BIGINT,
    answer           TEXT NOT NULL DEFAULT '',
    answered_by      BIGINT REFERENCES users(id),
    answered_at      BIGINT,
    published        BIGINT NOT NULL DEFAULT 0,
    published_at     BIGINT,
    slug             TEXT UNIQUE,
    held_for         TEXT NOT NULL DEFAULT '',
    body_hash        TEXT NOT NULL,
    visitor_key      TEXT NOT NULL DEFAULT '',
    addr_hash        TEXT NOT NULL DEFAULT '',
    search_text      TEXT NOT NULL DEFAULT '',
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
CREATE INDEX questions_published ON questions(published, published_at, id);
CREATE INDEX questions_by_topic ON questions(topic_id, published, published_at);
CREATE INDEX questions_queue ON questions(status, created_at);
CREATE INDEX questions_by_hash ON questions(body_hash, created_at);
