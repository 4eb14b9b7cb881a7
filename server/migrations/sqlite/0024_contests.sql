-- Cuộc thi trắc nghiệm: a contest (its address, title and rules; weekly or monthly
-- rounds; how many questions a round draws, the time an entrant has, how many attempts
-- a phone may make, the best kept).
CREATE TABLE contests (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    slug                TEXT NOT NULL UNIQUE,
    title               TEXT NOT NULL,
    intro               TEXT NOT NULL DEFAULT '',
    period              TEXT NOT NULL DEFAULT 'week',
    questions_per_round INTEGER NOT NULL,
    time_limit_seconds  INTEGER NOT NULL,
    attempts            INTEGER NOT NULL DEFAULT 1,
    created_by          INTEGER REFERENCES users(id),
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
);

-- The contest's question bank: a prompt, its choices (a JSON array, as written) and
-- the index of the correct one — read only on the server, never sent to an entrant.
CREATE TABLE contest_questions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    contest_id  INTEGER NOT NULL REFERENCES contests(id) ON DELETE CASCADE,
    prompt      TEXT NOT NULL,
    choices     TEXT NOT NULL,
    answer      INTEGER NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX contest_questions_of ON contest_questions(contest_id, id);

-- A round: its number in the contest, when it opens and closes, its prizes (one a
-- line, "Giải Nhất: 1"), how many entrants it has (kept with every first entry), and
-- when the organisers published its results.
CREATE TABLE contest_rounds (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    contest_id    INTEGER NOT NULL REFERENCES contests(id) ON DELETE CASCADE,
    number        INTEGER NOT NULL,
    opens_at      INTEGER NOT NULL,
    closes_at     INTEGER NOT NULL,
    prizes        TEXT NOT NULL DEFAULT '',
    entrants      INTEGER NOT NULL DEFAULT 0,
    published_at  INTEGER,
    created_at    INTEGER NOT NULL,
    UNIQUE (contest_id, number)
);

-- The questions a round drew from the bank, in the round's order (a bank question in
-- a round cannot be deleted).
CREATE TABLE contest_round_questions (
    round_id     INTEGER NOT NULL REFERENCES contest_rounds(id) ON DELETE CASCADE,
    question_id  INTEGER NOT NULL REFERENCES contest_questions(id),
    position     INTEGER NOT NULL,
    PRIMARY KEY (round_id, question_id)
);
CREATE INDEX contest_round_questions_q ON contest_round_questions(question_id);

-- An attempt: the entrant as they gave themselves, the secret that names the attempt
-- (its address), the seed of its order of questions and answers, when it started and
-- must be in (milliseconds), and once submitted their answers, score and prediction.
CREATE TABLE contest_attempts (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    round_id      INTEGER NOT NULL REFERENCES contest_rounds(id) ON DELETE CASCADE,
    token         TEXT NOT NULL UNIQUE,
    phone         TEXT NOT NULL,
    name          TEXT NOT NULL,
    birth_date    TEXT NOT NULL,
    unit          TEXT NOT NULL,
    seed          INTEGER NOT NULL,
    started_ms    INTEGER NOT NULL,
    deadline_ms   INTEGER NOT NULL,
    submitted_ms  INTEGER,
    answers       TEXT,
    score         INTEGER,
    prediction    INTEGER,
    visitor_key   TEXT NOT NULL
);
CREATE INDEX contest_attempts_phone ON contest_attempts(round_id, phone);

-- One row per phone and round: the best attempt's score, prediction, time taken and
-- when it came in, how many attempts the phone made, and once the results are
-- published its rank and prize.
CREATE TABLE contest_entrants (
    round_id      INTEGER NOT NULL REFERENCES contest_rounds(id) ON DELETE CASCADE,
    phone         TEXT NOT NULL,
    attempt_id    INTEGER NOT NULL REFERENCES contest_attempts(id),
    score         INTEGER NOT NULL,
    prediction    INTEGER NOT NULL,
    duration_ms   INTEGER NOT NULL,
    submitted_ms  INTEGER NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 1,
    rank          INTEGER,
    prize         TEXT,
    PRIMARY KEY (round_id, phone)
);
CREATE INDEX contest_entrants_score ON contest_entrants(round_id, score, duration_ms);
