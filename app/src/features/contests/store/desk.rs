//! SQL of the organisers' side of Cuộc thi trắc nghiệm: contests made and changed,
//! the question bank (added in blocks, a question deleted while no round drew it), a
//! round made with its questions drawn from the bank, the standings in results' order
//! (for the CSV and the prizes), the published results, and the dashboard's counts.

use sqlx::{AnyConnection, AnyPool, Row};

use super::{CONTEST_COLUMNS, ContestRow, ROUND_COLUMNS, RoundRow, contest_of, round_of};
use crate::features::contests::model::{BankEntry, Period};

/// What organisers save of a contest.
pub struct ContestFields<'a> {
    pub title: &'a str,
    pub intro: &'a str,
    pub period: Period,
    pub questions: i64,
    pub limit_seconds: i64,
    pub attempts: i64,
}

pub async fn contest_by_id(
    conn: &mut AnyConnection,
    id: i64,
) -> Result<Option<ContestRow>, sqlx::Error> {
    sqlx::query(&format!(
        "SELECT {CONTEST_COLUMNS} FROM contests WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(conn)
    .await?
    .as_ref()
    .map(contest_of)
    .transpose()
}

/// Makes a contest at `slug`, or at `slug-2`, `slug-3`… when taken; its id.
pub async fn create_contest(
    conn: &mut AnyConnection,
    slug: &str,
    f: &ContestFields<'_>,
    by: Option<i64>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let mut candidate = slug.to_string();
    let mut n = 1;
    while sqlx::query("SELECT 1 FROM contests WHERE slug = $1")
        .bind(&candidate)
        .fetch_optional(&mut *conn)
        .await?
        .is_some()
    {
        n += 1;
        candidate = format!("{slug}-{n}");
    }
    sqlx::query(
        "INSERT INTO contests (slug, title, intro, period, questions_per_round, \
         time_limit_seconds, attempts, created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
    )
    .bind(&candidate)
    .bind(f.title)
    .bind(f.intro)
    .bind(f.period.code())
    .bind(f.questions)
    .bind(f.limit_seconds)
    .bind(f.attempts)
    .bind(by)
    .bind(now)
    .fetch_one(conn)
    .await?
    .try_get("id")
}

/// Changes a contest (its address stays); false for no such contest.
pub async fn update_contest(
    conn: &mut AnyConnection,
    id: i64,
    f: &ContestFields<'_>,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let n = sqlx::query(
        "UPDATE contests SET title = $1, intro = $2, period = $3, questions_per_round = $4, \
         time_limit_seconds = $5, attempts = $6, updated_at = $7 WHERE id = $8",
    )
    .bind(f.title)
    .bind(f.intro)
    .bind(f.period.code())
    .bind(f.questions)
    .bind(f.limit_seconds)
    .bind(f.attempts)
    .bind(now)
    .bind(id)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// A bank question with how many rounds drew it.
pub struct BankRow {
    pub id: i64,
    pub entry: BankEntry,
    pub rounds: i64,
}

pub async fn bank(pool: &AnyPool, contest: i64) -> Result<Vec<BankRow>, sqlx::Error> {
    sqlx::query(
        "SELECT q.id, q.prompt, q.choices, q.answer, COUNT(rq.round_id) AS rounds \
         FROM contest_questions q LEFT JOIN contest_round_questions rq ON rq.question_id = q.id \
         WHERE q.contest_id = $1 GROUP BY q.id, q.prompt, q.choices, q.answer ORDER BY q.id",
    )
    .bind(contest)
    .fetch_all(pool)
    .await?
    .iter()
    .map(|r| {
        let choices: String = r.try_get("choices")?;
        Ok(BankRow {
            id: r.try_get("id")?,
            entry: BankEntry {
                prompt: r.try_get("prompt")?,
                choices: serde_json::from_str(&choices).unwrap_or_default(),
                answer: r.try_get::<i64, _>("answer")? as usize,
            },
            rounds: r.try_get("rounds")?,
        })
    })
    .collect()
}

pub async fn add_questions(
    conn: &mut AnyConnection,
    contest: i64,
    entries: &[BankEntry],
    now: i64,
) -> Result<(), sqlx::Error> {
    for e in entries {
        sqlx::query(
            "INSERT INTO contest_questions (contest_id, prompt, choices, answer, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(contest)
        .bind(&e.prompt)
        .bind(serde_json::to_string(&e.choices).unwrap_or_default())
        .bind(e.answer as i64)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// A contest's bank questions' ids, oldest first.
pub async fn bank_ids(conn: &mut AnyConnection, contest: i64) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query("SELECT id FROM contest_questions WHERE contest_id = $1 ORDER BY id")
        .bind(contest)
        .fetch_all(conn)
        .await?
        .iter()
        .map(|r| r.try_get("id"))
        .collect()
}

/// Why a question was not deleted.
pub enum Deleted {
    Done(i64),
    Missing,
    InRound,
}

/// Deletes a bank question no round drew; `Done` carries its contest.
pub async fn delete_question(conn: &mut AnyConnection, id: i64) -> Result<Deleted, sqlx::Error> {
    let Some(r) = sqlx::query(
        "SELECT q.contest_id, (SELECT COUNT(*) FROM contest_round_questions rq \
         WHERE rq.question_id = q.id) AS rounds FROM contest_questions q WHERE q.id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(Deleted::Missing);
    };
    if r.try_get::<i64, _>("rounds")? > 0 {
        return Ok(Deleted::InRound);
    }
    sqlx::query("DELETE FROM contest_questions WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(Deleted::Done(r.try_get("contest_id")?))
}

pub async fn rounds(conn: &mut AnyConnection, contest: i64) -> Result<Vec<RoundRow>, sqlx::Error> {
    sqlx::query(&format!(
        "SELECT {ROUND_COLUMNS} FROM contest_rounds WHERE contest_id = $1 ORDER BY number DESC"
    ))
    .bind(contest)
    .fetch_all(conn)
    .await?
    .iter()
    .map(round_of)
    .collect()
}

pub async fn round_by_id(
    conn: &mut AnyConnection,
    id: i64,
) -> Result<Option<RoundRow>, sqlx::Error> {
    sqlx::query(&format!(
        "SELECT {ROUND_COLUMNS} FROM contest_rounds WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(conn)
    .await?
    .as_ref()
    .map(round_of)
    .transpose()
}

/// Makes the contest's next round with `questions` (bank ids, in the round's order);
/// (id, number).
pub async fn create_round(
    conn: &mut AnyConnection,
    contest: i64,
    opens_at: i64,
    closes_at: i64,
    prizes: &str,
    questions: &[i64],
    now: i64,
) -> Result<(i64, i64), sqlx::Error> {
    let number: i64 = sqlx::query(
        "SELECT COALESCE(MAX(number), 0) + 1 FROM contest_rounds WHERE contest_id = $1",
    )
    .bind(contest)
    .fetch_one(&mut *conn)
    .await?
    .try_get(0)?;
    let id: i64 = sqlx::query(
        "INSERT INTO contest_rounds (contest_id, number, opens_at, closes_at, prizes, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(contest)
    .bind(number)
    .bind(opens_at)
    .bind(closes_at)
    .bind(prizes)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?
    .try_get("id")?;
    for (i, q) in questions.iter().enumerate() {
        sqlx::query(
            "INSERT INTO contest_round_questions (round_id, question_id, position) VALUES ($1, $2, $3)",
        )
        .bind(id)
        .bind(*q)
        .bind(i as i64)
        .execute(&mut *conn)
        .await?;
    }
    Ok((id, number))
}

/// An entrant's kept entry, with who they said they are.
pub struct StandingRow {
    pub phone: String,
    pub name: String,
    pub birth_date: String,
    pub unit: String,
    pub score: i64,
    pub prediction: i64,
    pub duration_ms: i64,
    pub submitted_ms: i64,
    pub attempts: i64,
    pub prize: Option<String>,
}

/// A round's entries in results' order (score, then the prediction's distance from
/// `actual`, then the time taken, then arrival); the first `limit` of them.
pub async fn standings(
    pool: &AnyPool,
    round: i64,
    actual: i64,
    limit: i64,
) -> Result<Vec<StandingRow>, sqlx::Error> {
    sqlx::query(
        "SELECT e.phone, a.name, a.birth_date, a.unit, e.score, e.prediction, e.duration_ms, \
         e.submitted_ms, e.attempts, e.prize FROM contest_entrants e \
         JOIN contest_attempts a ON a.id = e.attempt_id WHERE e.round_id = $1 \
         ORDER BY e.score DESC, ABS(e.prediction - $2), e.duration_ms, e.submitted_ms, e.phone \
         LIMIT $3",
    )
    .bind(round)
    .bind(actual)
    .bind(limit)
    .fetch_all(pool)
    .await?
    .iter()
    .map(standing_of)
    .collect()
}

fn standing_of(r: &sqlx::any::AnyRow) -> Result<StandingRow, sqlx::Error> {
    Ok(StandingRow {
        phone: r.try_get("phone")?,
        name: r.try_get("name")?,
        birth_date: r.try_get("birth_date")?,
        unit: r.try_get("unit")?,
        score: r.try_get("score")?,
        prediction: r.try_get("prediction")?,
        duration_ms: r.try_get("duration_ms")?,
        submitted_ms: r.try_get("submitted_ms")?,
        attempts: r.try_get("attempts")?,
        prize: r.try_get("prize")?,
    })
}

/// Publishes a round's results: the winners' ranks and prizes, as (phone, rank, prize).
pub async fn publish(
    conn: &mut AnyConnection,
    round: i64,
    winners: &[(String, i64, String)],
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE contest_entrants SET rank = NULL, prize = NULL WHERE round_id = $1")
        .bind(round)
        .execute(&mut *conn)
        .await?;
    for (phone, rank, prize) in winners {
        sqlx::query(
            "UPDATE contest_entrants SET rank = $1, prize = $2 WHERE round_id = $3 AND phone = $4",
        )
        .bind(*rank)
        .bind(prize)
        .bind(round)
        .bind(phone)
        .execute(&mut *conn)
        .await?;
    }
    sqlx::query("UPDATE contest_rounds SET published_at = $1 WHERE id = $2")
        .bind(now)
        .bind(round)
        .execute(conn)
        .await?;
    Ok(())
}

/// The published winners of a round, by rank: (rank, prize, name, unit, phone, score,
/// prediction, duration_ms).
pub async fn winners(
    pool: &AnyPool,
    round: i64,
) -> Result<Vec<(i64, String, StandingRow)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT e.rank, e.phone, a.name, a.birth_date, a.unit, e.score, e.prediction, \
         e.duration_ms, e.submitted_ms, e.attempts, e.prize FROM contest_entrants e \
         JOIN contest_attempts a ON a.id = e.attempt_id \
         WHERE e.round_id = $1 AND e.rank IS NOT NULL ORDER BY e.rank",
    )
    .bind(round)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            let row = standing_of(r)?;
            Ok((
                r.try_get("rank")?,
                row.prize.clone().unwrap_or_default(),
                row,
            ))
        })
        .collect()
}

/// For the dashboard: rounds open now, their entrants, and rounds closed whose results
/// wait to be published.
pub async fn dashboard(pool: &AnyPool, now: i64) -> Result<(i64, i64, i64), sqlx::Error> {
    let r = sqlx::query(
        "SELECT \
         CAST(COALESCE(SUM(CASE WHEN opens_at <= $1 AND closes_at > $2 THEN 1 ELSE 0 END), 0) AS BIGINT) AS open, \
         CAST(COALESCE(SUM(CASE WHEN opens_at <= $3 AND closes_at > $4 THEN entrants ELSE 0 END), 0) AS BIGINT) AS entrants, \
         CAST(COALESCE(SUM(CASE WHEN closes_at <= $5 AND published_at IS NULL THEN 1 ELSE 0 END), 0) AS BIGINT) AS waiting \
         FROM contest_rounds",
    )
    .bind(now)
    .bind(now)
    .bind(now)
    .bind(now)
    .bind(now)
    .fetch_one(pool)
    .await?;
    Ok((
        r.try_get("open")?,
        r.try_get("entrants")?,
        r.try_get("waiting")?,
    ))
}
