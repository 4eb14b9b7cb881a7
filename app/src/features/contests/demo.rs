//! The demo portal's contest (a contest with its bank and an open round, seeded once)
//! and the dashboard's counts of contests.

use super::model::{BankEntry, ContestCounts, Period};
use super::store::desk::{self, ContestFields};
use crate::core::error::AppError;

/// A contest of the demo portal: its bank, as organisers would type it.
pub struct DemoContest {
    pub title: &'static str,
    pub intro: &'static str,
    pub questions: i64,
    pub limit_minutes: i64,
    pub attempts: i64,
    pub bank: &'static str,
    /// The open round: opened this many days ago, open this many more.
    pub opened_days_ago: i64,
    pub open_for_days: i64,
    pub prizes: &'static str,
}

/// Seeds the demo's contest with its open round, unless a contest of the same title is
/// there; how many were added.
pub async fn seed_demo(
    pool: &sqlx::AnyPool,
    contests: &[DemoContest],
    now: i64,
) -> Result<usize, AppError> {
    let existing = super::store::contests(pool).await?;
    let mut added = 0;
    for c in contests {
        if existing.iter().any(|e| e.title == c.title) {
            continue;
        }
        let bank: Vec<BankEntry> = super::model::parse_bank(c.bank).map_err(AppError::Invalid)?;
        let mut tx = crate::core::state::begin_write(pool).await?;
        let fields = ContestFields {
            title: c.title,
            intro: c.intro,
            period: Period::Week,
            questions: c.questions,
            limit_seconds: c.limit_minutes * 60,
            attempts: c.attempts,
        };
        let slug = crate::core::text::slugify(c.title);
        let id = desk::create_contest(&mut tx, &slug, &fields, None, now).await?;
        desk::add_questions(&mut tx, id, &bank, now).await?;
        let ids: Vec<i64> = desk::bank_ids(&mut tx, id).await?;
        let opens = now - c.opened_days_ago * 86_400;
        desk::create_round(
            &mut tx,
            id,
            opens,
            now + c.open_for_days * 86_400,
            c.prizes,
            &ids[..(c.questions as usize).min(ids.len())],
            now,
        )
        .await?;
        tx.commit().await?;
        added += 1;
    }
    Ok(added)
}

/// For organisers' dashboard.
pub async fn dashboard_counts(pool: &sqlx::AnyPool) -> Result<ContestCounts, AppError> {
    let (open_rounds, entrants, waiting) = desk::dashboard(pool, crate::core::time::now()).await?;
    Ok(ContestCounts {
        open_rounds,
        entrants,
        waiting,
    })
}
