-- Bình chọn: a poll's question, single or multiple choice, when it opens and closes,
-- when readers see its results (after voting, or only once it closes), whether it
-- sits on the home page, the article it sits in (if any), who made it, and how many
-- readers voted (kept with every vote).
CREATE TABLE polls (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    question       TEXT NOT NULL,
    multiple       INTEGER NOT NULL DEFAULT 0,
    opens_at       INTEGER NOT NULL,
    closes_at      INTEGER,
    results_after  TEXT NOT NULL DEFAULT 'vote',
    on_home        INTEGER NOT NULL DEFAULT 0,
    article_id     INTEGER REFERENCES articles(id) ON DELETE SET NULL,
    created_by     INTEGER REFERENCES users(id),
    voters         INTEGER NOT NULL DEFAULT 0,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);
CREATE INDEX polls_home ON polls(on_home, opens_at);
CREATE INDEX polls_by_article ON polls(article_id);

-- A poll's choices in their order, each with its count (kept with every vote, in the
-- vote's transaction).
CREATE TABLE poll_options (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    poll_id   INTEGER NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
    label     TEXT NOT NULL,
    position  INTEGER NOT NULL,
    votes     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX poll_options_of ON poll_options(poll_id, position);

-- One vote per reader and poll (the reader as the ratings know them: an account, the
-- visitor cookie, else the hash of address and browser), with the choices it gave.
CREATE TABLE poll_votes (
    poll_id    INTEGER NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
    voter_key  TEXT NOT NULL,
    choices    TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (poll_id, voter_key)
);
