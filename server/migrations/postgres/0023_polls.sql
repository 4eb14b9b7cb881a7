-- Bình chọn: a poll's question, single or multiple choice, when it opens and closes,
-- when readers see its results (after voting, or only once it closes), whether it
-- sits on the home page, the article it sits in (if any), who made it, and how many
-- readers voted (kept with every vote).
CREATE TABLE polls (
    id             BIGSERIAL PRIMARY KEY,
    question       TEXT NOT NULL,
    multiple       BIGINT NOT NULL DEFAULT 0,
    opens_at       BIGINT NOT NULL,
    closes_at      BIGINT,
    results_after  TEXT NOT NULL DEFAULT 'vote',
    on_home        BIGINT NOT NULL DEFAULT 0,
    article_id     BIGINT REFERENCES articles(id) ON DELETE SET NULL,
    created_by     BIGINT REFERENCES users(id),
    voters         BIGINT NOT NULL DEFAULT 0,
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL
);
CREATE INDEX polls_home ON polls(on_home, opens_at);
CREATE INDEX polls_by_article ON polls(article_id);

-- A poll's choices in their order, each with its count (kept with every vote, in the
-- vote's transaction).
CREATE TABLE poll_options (
    id        BIGSERIAL PRIMARY KEY,
    poll_id   BIGINT NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
    label     TEXT NOT NULL,
    position  BIGINT NOT NULL,
    votes     BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX poll_options_of ON poll_options(poll_id, position);

-- One vote per reader and poll (the reader as the ratings know them: an account, the
-- visitor cookie, else the hash of address and browser), with the choices it gave.
CREATE TABLE poll_votes (
    poll_id    BIGINT NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
    voter_key  TEXT NOT NULL,
    choices    TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (poll_id, voter_key)
);
