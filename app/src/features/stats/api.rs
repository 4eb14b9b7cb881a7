//! Statistics' server functions: the block's numbers (from memory, no database read;
//! asked by the page after it has hydrated, so cached pages stay the same for every
//! visitor) and the admin's report of a period (`Permission::ViewStatistics`).

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::model::{StatsReport, VisitBlock};
use crate::core::error::AppError;

/// "Thống kê truy cập" now.
#[server(input = GetUrl)]
pub async fn get_visit_block() -> Result<VisitBlock, AppError> {
    let ctx = crate::core::state::app_context()?;
    // the numbers of this moment: no shared cache keeps them
    crate::core::state::keep_private();
    Ok(super::block(&ctx, crate::core::time::now()))
}

/// The report from `from` to `to` (YYYY-MM-DD, both included; the last 30 days when
/// empty). Dates that cannot be read, backwards or over a year apart give the last 30
/// days, with why.
#[server(input = GetUrl)]
pub async fn get_stats_report(from: String, to: String) -> Result<StatsReport, AppError> {
    use super::model::{DEFAULT_DAYS, DayRow, MAX_DAYS, TOP};
    use super::store;
    use crate::core::time::{local_date, parse_date};
    use crate::core::visits::day_number;
    use crate::features::accounts::{Permission, auth};
    use crate::i18n::tst;

    // the context before the first await: the request's owner is gone after it
    let ctx = crate::core::state::app_context()?;
    auth::require(Permission::ViewStatistics).await?;
    let pool = &ctx.pool;
    let now = crate::core::time::now();
    let last = parse_date(&to);
    let first = parse_date(&from);
    let mut error = None;
    let (first, last) = match (first, last) {
        _ if from.trim().is_empty() && to.trim().is_empty() => {
            (now - (DEFAULT_DAYS - 1) * 86_400, now)
        }
        (Some(f), Some(l)) if f <= l && (l - f) / 86_400 < MAX_DAYS => (f, l),
        _ => {
            error = Some(tst().period_invalid.to_string());
            (now - (DEFAULT_DAYS - 1) * 86_400, now)
        }
    };
    let (from_day, to_day) = (day_number(first), day_number(last));
    let (stored, sums) = store::days(pool, from_day, to_day).await?;
    let (articles, categories, referrers) = tokio::try_join!(
        store::top_articles(pool, from_day, to_day, TOP),
        store::top_categories(pool, from_day, to_day, TOP),
        store::top_referrers(pool, from_day, to_day, TOP),
    )?;
    // every day of the period, the ones nobody visited too
    let mut days = Vec::new();
    let mut at = first;
    while day_number(at) <= to_day {
        let day = day_number(at);
        days.push(
            stored
                .iter()
                .find(|d| d.day == day)
                .cloned()
                .unwrap_or(DayRow {
                    day,
                    visits: 0,
                    page_views: 0,
                }),
        );
        at += 86_400;
    }
    Ok(StatsReport {
        from: local_date(first),
        to: local_date(last),
        visits: days.iter().map(|d| d.visits).sum(),
        page_views: days.iter().map(|d| d.page_views).sum(),
        days,
        phone_visits: sums[0],
        desktop_visits: sums[1],
        bot_views: sums[2],
        articles,
        categories,
        referrers,
        error,
    })
}
