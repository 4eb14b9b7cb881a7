//! SQL of Bình chọn: a poll with its choices and counts, the one on the home page and
//! the ones in an article, whether a reader voted, a vote with its counts in one
//! transaction, and the editors' list and changes.

use sqlx::{AnyConnection, AnyPool, Row, any::AnyRow};

use super::model::{CLOSED_SHOWN_SECONDS, ResultsShown};

/// A poll as stored, with its choices: (id, label, votes), in order.
pub struct PollData {
    pub id: i64,
    pub question: String,
    pub multiple: bool,
    pub opens_at: i64,
    pub closes_at: Option<i64>,
    pub shown: ResultsShown,
    pub on_home: bool,
    pub article_slug: Option<String>,
    pub voters: i64,
    pub choices: Vec<(i64, String, i64)>,
}

const COLUMNS: &str = "p.id, p.question, p.multiple, p.opens_at, p.closes_at, p.results_after, \
     p.on_home, p.article_id, p.voters, a.slug AS article_slug";

fn poll_of(r: &AnyRow) -> Result<PollData, sqlx::Error> {
    let shown: String = r.try_get("results_after")?;
    Ok(PollData {
        id: r.try_get("id")?,
        question: r.try_get("question")?,
        multiple: r.try_get::<i64, _>("multiple")? != 0,
        opens_at: r.try_get("opens_at")?,
        closes_at: r.try_get("closes_at")?,
        shown: ResultsShown::parse(&shown).unwrap_or(ResultsShown::AfterVote),
        on_home: r.try_get::<i64, _>("on_home")? != 0,
        article_slug: r.try_get("article_slug")?,
        voters: r.try_get("voters")?,
        choices: Vec::new(),
    })
}

/// Fills in the choices of `polls`, in one query.
async fn with_choices(
    pool: &AnyPool,
    mut polls: Vec<PollData>,
) -> Result<Vec<PollData>, sqlx::Error> {
    if polls.is_empty() {
        return Ok(polls);
    }
    let marks = (1..=polls.len())
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT poll_id, id, label, votes FROM poll_options WHERE poll_id IN ({marks}) \
         ORDER BY poll_id, position, id"
    );
    let mut q = sqlx::query(&sql);
    for p in &polls {
        q = q.bind(p.id);
    }
    for r in q.fetch_all(pool).await? {
        let poll: i64 = r.try_get("poll_id")?;
        if let Some(p) = polls.iter_mut().find(|p| p.id == poll) {
            p.choices
                .push((r.try_get("id")?, r.try_get("label")?, r.try_get("votes")?));
        }
    }
    Ok(polls)
}

async fn polls_where(
    pool: &AnyPool,
    filter: &str,
    binds: &[i64],
) -> Result<Vec<PollData>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM polls p LEFT JOIN articles a ON a.id = p.article_id WHERE {filter}"
    );
    let mut q = sqlx::query(&sql);
    for b in binds {
        q = q.bind(*b);
    }
    let polls = q
        .fetch_all(pool)
        .await?
        .iter()
        .map(poll_of)
        .collect::<Result<Vec<_>, _>>()?;
    with_choices(pool, polls).await
}

pub async fn by_id(pool: &AnyPool, id: i64) -> Result<Option<PollData>, sqlx::Error> {
    Ok(polls_where(pool, "p.id = $1", &[id]).await?.pop())
}

/// The home page's poll: the newest opened one, open or closed in the last week.
pub async fn on_home(pool: &AnyPool, now: i64) -> Result<Option<PollData>, sqlx::Error> {
    Ok(polls_where(
        pool,
        "p.on_home = 1 AND p.opens_at <= $1 AND (p.closes_at IS NULL OR p.closes_at > $2) \
         ORDER BY p.opens_at DESC, p.id DESC LIMIT 1",
        &[now, now - CLOSED_SHOWN_SECONDS],
    )
    .await?
    .pop())
}

/// The polls in an article that have opened, newest first.
pub async fn in_article(
    pool: &AnyPool,
    article: i64,
    now: i64,
) -> Result<Vec<PollData>, sqlx::Error> {
    polls_where(
        pool,
        "p.article_id = $1 AND p.opens_at <= $2 ORDER BY p.opens_at DESC, p.id DESC LIMIT 3",
        &[article, now],
    )
    .await
}

/// Every poll, newest first (the editors' list).
pub async fn all(pool: &AnyPool) -> Result<Vec<PollData>, sqlx::Error> {
    polls_where(
        pool,
        "1 = 1 ORDER BY p.opens_at DESC, p.id DESC LIMIT 200",
        &[],
    )
    .await
}

/// Whether any of `keys` voted in `poll`.
pub async fn voted(pool: &AnyPool, poll: i64, keys: &[&str]) -> Result<bool, sqlx::Error> {
    let marks = (2..keys.len() + 2)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!("SELECT 1 FROM poll_votes WHERE poll_id = $1 AND voter_key IN ({marks})");
    let mut q = sqlx::query(&sql).bind(poll);
    for k in keys {
        q = q.bind(*k);
    }
    Ok(q.fetch_optional(pool).await?.is_some())
}

/// Records a vote and counts it, in one transaction: false when `key` had voted (or
/// `also`, the key the same browser voted under before it had the visitor cookie).
pub async fn vote(
    pool: &AnyPool,
    poll: i64,
    key: &str,
    also: &str,
    choices: &[i64],
    now: i64,
) -> Result<bool, sqlx::Error> {
    let list = choices
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let mut tx = crate::core::state::begin_write(pool).await?;
    let earlier =
        sqlx::query("SELECT 1 FROM poll_votes WHERE poll_id = $1 AND voter_key IN ($2, $3)")
            .bind(poll)
            .bind(key)
            .bind(also)
            .fetch_optional(&mut *tx)
            .await?;
    if earlier.is_some() {
        return Ok(false);
    }
    let stored = sqlx::query(
        "INSERT INTO poll_votes (poll_id, voter_key, choices, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (poll_id, voter_key) DO NOTHING",
    )
    .bind(poll)
    .bind(key)
    .bind(&list)
    .bind(now)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if stored == 0 {
        return Ok(false);
    }
    let marks = (2..choices.len() + 2)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let sql =
        format!("UPDATE poll_options SET votes = votes + 1 WHERE poll_id = $1 AND id IN ({marks})");
    let mut q = sqlx::query(&sql).bind(poll);
    for c in choices {
        q = q.bind(*c);
    }
    q.execute(&mut *tx).await?;
    sqlx::query("UPDATE polls SET voters = voters + 1 WHERE id = $1")
        .bind(poll)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(true)
}

/// What an editor saves.
pub struct PollFields<'a> {
    pub question: &'a str,
    pub multiple: bool,
    pub opens_at: i64,
    pub closes_at: Option<i64>,
    pub shown: ResultsShown,
    pub on_home: bool,
    pub article_id: Option<i64>,
}

pub async fn create(
    conn: &mut AnyConnection,
    f: &PollFields<'_>,
    options: &[String],
    by: Option<i64>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let id: i64 = sqlx::query(
        "INSERT INTO polls (question, multiple, opens_at, closes_at, results_after, on_home, \
         article_id, created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
    )
    .bind(f.question)
    .bind(i64::from(f.multiple))
    .bind(f.opens_at)
    .bind(f.closes_at)
    .bind(f.shown.code())
    .bind(i64::from(f.on_home))
    .bind(f.article_id)
    .bind(by)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?
    .try_get("id")?;
    set_options(conn, id, options).await?;
    Ok(id)
}

/// Replaces a poll's choices (only while nobody voted).
pub async fn set_options(
    conn: &mut AnyConnection,
    id: i64,
    options: &[String],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM poll_options WHERE poll_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    for (i, label) in options.iter().enumerate() {
        sqlx::query("INSERT INTO poll_options (poll_id, label, position) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(label)
            .bind(i as i64)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Readers who voted in a poll.
pub async fn vote_count(conn: &mut AnyConnection, id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query("SELECT voters FROM polls WHERE id = $1")
        .bind(id)
        .fetch_optional(conn)
        .await?
        .map(|r| r.try_get("voters"))
        .transpose()
        .map(Option::unwrap_or_default)
}

/// Counts the demo's earlier votes: `n` readers for the choice at `position`.
pub async fn seed_votes(
    conn: &mut AnyConnection,
    id: i64,
    position: i64,
    n: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE poll_options SET votes = votes + $1 WHERE poll_id = $2 AND position = $3")
        .bind(n)
        .bind(id)
        .bind(position)
        .execute(&mut *conn)
        .await?;
    sqlx::query("UPDATE polls SET voters = voters + $1 WHERE id = $2")
        .bind(n)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The labels of a poll's choices, in order.
pub async fn labels(conn: &mut AnyConnection, id: i64) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query("SELECT label FROM poll_options WHERE poll_id = $1 ORDER BY position, id")
        .bind(id)
        .fetch_all(conn)
        .await?
        .iter()
        .map(|r| r.try_get("label"))
        .collect()
}

/// Writes an editor's change; false for no such poll.
pub async fn update(
    conn: &mut AnyConnection,
    id: i64,
    f: &PollFields<'_>,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let n = sqlx::query(
        "UPDATE polls SET question = $1, multiple = $2, opens_at = $3, closes_at = $4, \
         results_after = $5, on_home = $6, article_id = $7, updated_at = $8 WHERE id = $9",
    )
    .bind(f.question)
    .bind(i64::from(f.multiple))
    .bind(f.opens_at)
    .bind(f.closes_at)
    .bind(f.shown.code())
    .bind(i64::from(f.on_home))
    .bind(f.article_id)
    .bind(now)
    .bind(id)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(n == 1)
}
