-- Cuộc thi trắc nghiệm: a contest (its address, title and rules; weekly or monthly
-- rounds; how many questions a round draws, the time an entrant has, how many attempts
-- a phone may make, the best kept).
CREATE TABLE contests (
    id                  BIGSERIAL PRIMARY KEY,
    slug                TEXT NOT NULL UNIQUE,
    title               TEXT NOT NULL,
    intro               TEXT NOT NULL DEFAULT '',
    period              TEXT NOT NULL DEFAULT 'week',
    questions_per_round BIGINT NOT NULL,
    time_limit_seconds  BIGINT NOT NULL,
    attempts            BIGINT NOT NULL DEFAULT 1,
    created_by          BIGINT REFERENCES users(id),
    created_at          BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL
);

-- The contest's question bank: a prompt, its choices (a JSON array, as written) and
-- the index of the correct one — read only on the server, never sent to an entrant.
CREATE TABLE contest_questions (
    id          BIGSERIAL PRIMARY KEY,
    contest_id  BIGINT NOT NULL REFERENCES contests(id) ON DELETE CASCADE,
    prompt      TEXT NOT NULL,
    choices     TEXT NOT NULL,
    answer      BIGINT NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX contest_questions_of ON contest_questions(contest_id, id);

-- A round: its number in the contest, when it opens and closes, its prizes (one a
-- line, "Giải Nhất: 1"), how many entrants it has (kept with every first entry), and
-- when the organisers published its results.
CREATE TABLE contest_rounds (
    id            BIGSERIAL PRIMARY KEY,
    contest_id    BIGINT NOT NULL REFERENCES contests(id) ON DELETE CASCADE,
    number        BIGINT NOT NULL,
    opens_at      BIGINT NOT NULL,
    closes_at     BIGINT NOT NULL,
    prizes        TEXT NOT NULL DEFAULT '',
    entrants      BIGINT NOT NULL DEFAULT 0,
    published_at  BIGINT,
    created_at    BIGINT NOT NULL,
    UNIQUE (contest_id, number)
);

-- The questions a round drew from the bank, in the round's order (a bank question in
-- a round cannot be deleted).
CREATE TABLE contest_round_questions (
    round_id     BIGINT NOT NULL REFERENCES contest_rounds(id) ON DELETE CASCADE,
    question_id  BIGINT NOT NULL REFERENCES contest_questions(id),
    position     BIGINT NOT NULL,
    PRIMARY KEY (round_id, question_id)
);
CREATE INDEX contest_round_questions_q ON contest_round_questions(question_id);

-- An attempt: the entrant as they gave themselves, the secret that names the attempt
-- (its address), the seed of its order of questions and answers, when it started and
-- must be in (milliseconds), and once submitted their answers, score and prediction.
CREATE TABLE contest_attempts (
    id            BIGSERIAL PRIMARY KEY,
    round_id      BIGINT NOT NULL REFERENCES contest_rounds(id) ON DELETE CASCADE,
    token         TEXT NOT NULL UNIQUE,
    phone         TEXT NOT NULL,
    name          TEXT NOT NULL,
    birth_date    TEXT NOT NULL,
    unit          TEXT NOT NULL,
    seed          BIGINT NOT NULL,
    started_ms    BIGINT NOT NULL,
    deadline_ms   BIGINT NOT NULL,
    submitted_ms  BIGINT,
    answers       TEXT,
    score         BIGINT,
    prediction    BIGINT,
    visitor_key   TEXT NOT NULL
);
CREATE INDEX contest_attempts_phone ON contest_attempts(round_id, phone);

-- One row per phone and round: the best attempt's score, prediction, time taken and
-- when it came in, how many attempts the phone made, and once the results are
-- published its rank and prize.
CREATE TABLE contest_entrants (
    round_id      BIGINT NOT NULL REFERENCES contest_rounds(id) ON DELETE CASCADE,
    phone         TEXT NOT NULL,
    attempt_id    BIGINT NOT NULL REFERENCES contest_attempts(id),
    score         BIGINT NOT NULL,
    prediction    BIGINT NOT NULL,
    duration_ms   BIGINT NOT NULL,
    submitted_ms  BIGINT NOT NULL,
    attempts      BIGINT NOT NULL DEFAULT 1,
    rank          BIGINT,
    prize         TEXT,
    PRIMARY KEY (round_id, phone)
);
CREATE INDEX contest_entrants_score ON contest_entrants(round_id, score, duration_ms);
