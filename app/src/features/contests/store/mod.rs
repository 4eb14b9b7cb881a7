//! SQL of Cuộc thi trắc nghiệm's entrants' side: contests and their rounds, a round's
//! questions (with their answers: for scoring, never for a page), an attempt by its
//! secret, the start of an attempt (one phone's allowance counted, an unfinished one
//! taken up again) and its submission (the score, the phone's best kept and the
//! round's entrants counted, in one transaction). The organisers' SQL is in `desk`.

pub mod desk;

use sqlx::{AnyConnection, AnyPool, Row, any::AnyRow};

use super::model::{Entrant, Period, Standing};

/// A contest as stored.
pub struct ContestRow {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub intro: String,
    pub period: Period,
    pub questions: i64,
    pub limit_seconds: i64,
    pub attempts: i64,
}

pub const CONTEST_COLUMNS: &str =
    "id, slug, title, intro, period, questions_per_round, time_limit_seconds, attempts";

pub fn contest_of(r: &AnyRow) -> Result<ContestRow, sqlx::Error> {
    let period: String = r.try_get("period")?;
    Ok(ContestRow {
        id: r.try_get("id")?,
        slug: r.try_get("slug")?,
        title: r.try_get("title")?,
        intro: r.try_get("intro")?,
        period: Period::parse(&period).unwrap_or(Period::Week),
        questions: r.try_get("questions_per_round")?,
        limit_seconds: r.try_get("time_limit_seconds")?,
        attempts: r.try_get("attempts")?,
    })
}

/// A round as stored.
pub struct RoundRow {
    pub id: i64,
    pub contest_id: i64,
    pub number: i64,
    pub opens_at: i64,
    pub closes_at: i64,
    pub prizes: String,
    pub entrants: i64,
    pub published_at: Option<i64>,
}

pub const ROUND_COLUMNS: &str =
    "id, contest_id, number, opens_at, closes_at, prizes, entrants, published_at";

pub fn round_of(r: &AnyRow) -> Result<RoundRow, sqlx::Error> {
    Ok(RoundRow {
        id: r.try_get("id")?,
        contest_id: r.try_get("contest_id")?,
        number: r.try_get("number")?,
        opens_at: r.try_get("opens_at")?,
        closes_at: r.try_get("closes_at")?,
        prizes: r.try_get("prizes")?,
        entrants: r.try_get("entrants")?,
        published_at: r.try_get("published_at")?,
    })
}

pub async fn contests(pool: &AnyPool) -> Result<Vec<ContestRow>, sqlx::Error> {
    sqlx::query(&format!(
        "SELECT {CONTEST_COLUMNS} FROM contests ORDER BY id DESC LIMIT 100"
    ))
    .fetch_all(pool)
    .await?
    .iter()
    .map(contest_of)
    .collect()
}

pub async fn contest_by_slug(
    pool: &AnyPool,
    slug: &str,
) -> Result<Option<ContestRow>, sqlx::Error> {
    sqlx::query(&format!(
        "SELECT {CONTEST_COLUMNS} FROM contests WHERE slug = $1"
    ))
    .bind(slug)
    .fetch_optional(pool)
    .await?
    .as_ref()
    .map(contest_of)
    .transpose()
}

/// The rounds of `contests` that opened by `now` (all of them when `now` is None),
/// newest first, in one query.
pub async fn rounds_of(
    pool: &AnyPool,
    contests: &[i64],
    now: Option<i64>,
) -> Result<Vec<RoundRow>, sqlx::Error> {
    if contests.is_empty() {
        return Ok(Vec::new());
    }
    let marks = (2..contests.len() + 2)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT {ROUND_COLUMNS} FROM contest_rounds WHERE opens_at <= $1 AND contest_id IN ({marks}) \
         ORDER BY contest_id, number DESC"
    );
    let mut q = sqlx::query(&sql).bind(now.unwrap_or(i64::MAX));
    for c in contests {
        q = q.bind(*c);
    }
    q.fetch_all(pool).await?.iter().map(round_of).collect()
}

pub async fn round_by_number(
    pool: &AnyPool,
    contest: i64,
    number: i64,
) -> Result<Option<RoundRow>, sqlx::Error> {
    sqlx::query(&format!(
        "SELECT {ROUND_COLUMNS} FROM contest_rounds WHERE contest_id = $1 AND number = $2"
    ))
    .bind(contest)
    .bind(number)
    .fetch_optional(pool)
    .await?
    .as_ref()
    .map(round_of)
    .transpose()
}

/// A question of a round: (id, prompt, choices as written, the correct one's index).
pub struct RoundQuestion {
    pub id: i64,
    pub prompt: String,
    pub choices: Vec<String>,
    pub answer: usize,
}

/// A round's questions in the round's order, with their answers (for scoring and for
/// the published results only).
pub async fn round_questions(
    conn: &mut AnyConnection,
    round: i64,
) -> Result<Vec<RoundQuestion>, sqlx::Error> {
    sqlx::query(
        "SELECT q.id, q.prompt, q.choices, q.answer FROM contest_round_questions rq \
         JOIN contest_questions q ON q.id = rq.question_id WHERE rq.round_id = $1 \
         ORDER BY rq.position",
    )
    .bind(round)
    .fetch_all(conn)
    .await?
    .iter()
    .map(|r| {
        let choices: String = r.try_get("choices")?;
        Ok(RoundQuestion {
            id: r.try_get("id")?,
            prompt: r.try_get("prompt")?,
            choices: serde_json::from_str(&choices).unwrap_or_default(),
            answer: r.try_get::<i64, _>("answer")? as usize,
        })
    })
    .collect()
}

/// An attempt with its round and contest.
pub struct AttemptRow {
    pub id: i64,
    pub round_id: i64,
    pub round_number: i64,
    pub contest: ContestRow,
    pub phone: String,
    pub name: String,
    pub seed: i64,
    pub started_ms: i64,
    pub deadline_ms: i64,
    pub submitted_ms: Option<i64>,
    pub score: Option<i64>,
    pub prediction: Option<i64>,
    /// The round's results are out: no more entries.
    pub published: bool,
}

pub async fn attempt(
    conn: &mut AnyConnection,
    token: &str,
) -> Result<Option<AttemptRow>, sqlx::Error> {
    let Some(r) = sqlx::query(
        "SELECT a.id AS attempt_id, a.round_id, a.phone, a.name, a.seed, a.started_ms, \
         a.deadline_ms, a.submitted_ms, a.score, a.prediction, r.number AS round_number, r.published_at, \
         c.id, c.slug, c.title, c.intro, c.period, c.questions_per_round, \
         c.time_limit_seconds, c.attempts FROM contest_attempts a \
         JOIN contest_rounds r ON r.id = a.round_id JOIN contests c ON c.id = r.contest_id \
         WHERE a.token = $1",
    )
    .bind(token)
    .fetch_optional(conn)
    .await?
    else {
        return Ok(None);
    };
    Ok(Some(AttemptRow {
        id: r.try_get("attempt_id")?,
        round_id: r.try_get("round_id")?,
        round_number: r.try_get("round_number")?,
        contest: contest_of(&r)?,
        phone: r.try_get("phone")?,
        name: r.try_get("name")?,
        seed: r.try_get("seed")?,
        started_ms: r.try_get("started_ms")?,
        deadline_ms: r.try_get("deadline_ms")?,
        submitted_ms: r.try_get("submitted_ms")?,
        score: r.try_get("score")?,
        prediction: r.try_get("prediction")?,
        published: r.try_get::<Option<i64>, _>("published_at")?.is_some(),
    }))
}

/// When a phone first started in a round (milliseconds): its time taken counts from
/// there, whichever attempt it sends, so a second attempt gains no time.
pub async fn first_start(pool: &AnyPool, round: i64, phone: &str) -> Result<i64, sqlx::Error> {
    sqlx::query(
        "SELECT COALESCE(MIN(started_ms), 0) FROM contest_attempts WHERE round_id = $1 AND phone = $2",
    )
    .bind(round)
    .bind(phone)
    .fetch_one(pool)
    .await?
    .try_get(0)
}

/// How many attempts a phone made in a round.
pub async fn attempts_of(pool: &AnyPool, round: i64, phone: &str) -> Result<i64, sqlx::Error> {
    sqlx::query("SELECT COUNT(*) FROM contest_attempts WHERE round_id = $1 AND phone = $2")
        .bind(round)
        .bind(phone)
        .fetch_one(pool)
        .await?
        .try_get(0)
}

/// What a start gives back.
pub enum Started {
    /// A new attempt, or the phone's unfinished one (the same entrant): its secret.
    Attempt(String),
    /// The phone has used its attempts.
    Used,
}

/// Starts an attempt of `who` in `round`, in one transaction: the phone's unfinished
/// attempt is taken up again when the same name and date of birth come back; a new one
/// is made while the phone has attempts left.
pub struct NewAttempt<'a> {
    pub round: i64,
    pub who: &'a Entrant,
    pub allowed: i64,
    pub token: &'a str,
    pub seed: i64,
    pub now_ms: i64,
    pub deadline_ms: i64,
    pub visitor_key: &'a str,
}

pub async fn start(pool: &AnyPool, a: &NewAttempt<'_>) -> Result<Started, sqlx::Error> {
    let mut tx = crate::core::state::begin_write(pool).await?;
    if crate::core::state::is_postgres(pool) {
        // SQLite's write lock makes one start at a time; on PostgreSQL two starts of
        // one phone would both count its attempts before either made one: they take
        // their turn on a lock of the phone's (until the transaction ends)
        let key = crate::core::text::short_hash(&[&a.round.to_string(), &a.who.phone], 8);
        let key = i64::from_str_radix(&key[..15], 16).unwrap_or_default();
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(key)
            .execute(&mut *tx)
            .await?;
    }
    let made = sqlx::query(
        "SELECT token, name, birth_date, deadline_ms, submitted_ms FROM contest_attempts \
         WHERE round_id = $1 AND phone = $2 ORDER BY id",
    )
    .bind(a.round)
    .bind(&a.who.phone)
    .fetch_all(&mut *tx)
    .await?;
    for r in &made {
        let unfinished = r.try_get::<Option<i64>, _>("submitted_ms")?.is_none()
            && r.try_get::<i64, _>("deadline_ms")? > a.now_ms;
        let same = r.try_get::<String, _>("name")?.to_lowercase() == a.who.name.to_lowercase()
            && r.try_get::<String, _>("birth_date")? == a.who.birth_date;
        if unfinished && same {
            return Ok(Started::Attempt(r.try_get("token")?));
        }
    }
    if made.len() as i64 >= a.allowed {
        return Ok(Started::Used);
    }
    sqlx::query(
        "INSERT INTO contest_attempts (round_id, token, phone, name, birth_date, unit, seed, \
         started_ms, deadline_ms, visitor_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(a.round)
    .bind(a.token)
    .bind(&a.who.phone)
    .bind(&a.who.name)
    .bind(&a.who.birth_date)
    .bind(&a.who.unit)
    .bind(a.seed)
    .bind(a.now_ms)
    .bind(a.deadline_ms)
    .bind(a.visitor_key)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Started::Attempt(a.token.to_string()))
}

/// A scored submission.
pub struct Submission<'a> {
    pub attempt: i64,
    pub round: i64,
    pub phone: &'a str,
    pub answers: &'a str,
    pub standing: Standing,
}

/// Stores a submission, in one transaction: false when the attempt was in already.
/// The phone's row keeps its best attempt; a phone's first entry counts the round's
/// entrants.
pub async fn submit(pool: &AnyPool, s: &Submission<'_>) -> Result<bool, sqlx::Error> {
    let st = &s.standing;
    let mut tx = crate::core::state::begin_write(pool).await?;
    let stored = sqlx::query(
        "UPDATE contest_attempts SET submitted_ms = $1, answers = $2, score = $3, prediction = $4 \
         WHERE id = $5 AND submitted_ms IS NULL",
    )
    .bind(st.submitted_ms)
    .bind(s.answers)
    .bind(st.score)
    .bind(st.prediction)
    .bind(s.attempt)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if stored == 0 {
        return Ok(false);
    }
    // a phone's first entry makes its row (two of its attempts at once: the second
    // waits for the first and finds the row)
    let first = sqlx::query(
        "INSERT INTO contest_entrants (round_id, phone, attempt_id, score, prediction, \
         duration_ms, submitted_ms) VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (round_id, phone) DO NOTHING",
    )
    .bind(s.round)
    .bind(s.phone)
    .bind(s.attempt)
    .bind(st.score)
    .bind(st.prediction)
    .bind(st.duration_ms)
    .bind(st.submitted_ms)
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    if first {
        sqlx::query("UPDATE contest_rounds SET entrants = entrants + 1 WHERE id = $1")
            .bind(s.round)
            .execute(&mut *tx)
            .await?;
    } else {
        // the better attempt kept: the comparison is in the statement, which
        // PostgreSQL checks again against the row as the other attempt left it
        sqlx::query(
            "UPDATE contest_entrants SET attempt_id = $1, score = $2, prediction = $3, \
             duration_ms = $4, submitted_ms = $5 WHERE round_id = $6 AND phone = $7 \
             AND (score < $8 OR (score = $9 AND duration_ms > $10))",
        )
        .bind(s.attempt)
        .bind(st.score)
        .bind(st.prediction)
        .bind(st.duration_ms)
        .bind(st.submitted_ms)
        .bind(s.round)
        .bind(s.phone)
        .bind(st.score)
        .bind(st.score)
        .bind(st.duration_ms)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "UPDATE contest_entrants SET attempts = attempts + 1 WHERE round_id = $1 AND phone = $2",
        )
        .bind(s.round)
        .bind(s.phone)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(true)
}
