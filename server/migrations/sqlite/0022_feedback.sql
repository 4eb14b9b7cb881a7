-- Góp ý, đề xuất: the units feedback is forwarded to (a department of the committee,
-- a district), in the order the forward form lists them.
CREATE TABLE feedback_units (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    name      TEXT NOT NULL UNIQUE,
    position  INTEGER NOT NULL DEFAULT 0
);

-- A citizen's feedback or proposal: its subject and text as sent (never changed), who
-- sent it and their contact (both optional, for the handlers only), its attachment
-- (a file under the media folder's private part, checked by the media pipeline; its
-- name as sent, its type from its bytes and its size), its status (new, forwarded,
-- answered, closed), the unit it was forwarded to and when, the answer the sender
-- reads on the follow page and who gave it, its tracking code (stored hashed), and
-- the guard's keys.
CREATE TABLE feedback (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    code_hash        TEXT NOT NULL UNIQUE,
    subject          TEXT NOT NULL,
    body             TEXT NOT NULL,
    sender_name      TEXT NOT NULL DEFAULT '',
    sender_contact   TEXT NOT NULL DEFAULT '',
    file_name        TEXT NOT NULL DEFAULT '',
    file_original    TEXT NOT NULL DEFAULT '',
    file_mime        TEXT NOT NULL DEFAULT '',
    file_size        INTEGER NOT NULL DEFAULT 0,
    status           TEXT NOT NULL,
    unit_id          INTEGER REFERENCES feedback_units(id),
    forwarded_at     INTEGER,
    answer           TEXT NOT NULL DEFAULT '',
    answered_by      INTEGER REFERENCES users(id),
    answered_at      INTEGER,
    closed_at        INTEGER,
    held_for         TEXT NOT NULL DEFAULT '',
    body_hash        TEXT NOT NULL,
    visitor_key      TEXT NOT NULL DEFAULT '',
    addr_hash        TEXT NOT NULL DEFAULT '',
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);
CREATE INDEX feedback_queue ON feedback(status, created_at);
CREATE INDEX feedback_by_hash ON feedback(body_hash, created_at);

-- The handlers' internal notes on a piece of feedback (never shown to its sender).
CREATE TABLE feedback_notes (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    feedback_id  INTEGER NOT NULL REFERENCES feedback(id) ON DELETE CASCADE,
    author_id    INTEGER REFERENCES users(id),
    body         TEXT NOT NULL,
    created_at   INTEGER NOT NULL
);
CREATE INDEX feedback_notes_of ON feedback_notes(feedback_id, created_at);
