//! The demo portal's visitor statistics: the 60 days before today, as a provincial
//! portal sees them (fewer readers at the weekend, most on phones, search engines,
//! Facebook and Zalo sending them), and its articles' reads, so the footer's block and
//! the admin's chart show real numbers from the start. The same numbers every time
//! (seeded); written once.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sqlx::AnyPool;
use toasoan_app::core::visits::{DayCounts, day_number};
use toasoan_app::features::{articles, stats};

use crate::import::ImportError;

/// Days of history.
pub const DAYS: i64 = 60;

/// Referring sites and their share of the visits, in thousandths.
const REFERRERS: [(&str, i64); 5] = [
    ("www.google.com", 180),
    ("www.facebook.com", 90),
    ("zalo.me", 70),
    ("coccoc.com", 30),
    ("baochinhphu.vn", 10),
];

/// Writes the history; returns the days written (0 when there was one).
pub async fn seed(pool: &AnyPool, now: i64) -> Result<usize, ImportError> {
    let db = |e: sqlx::Error| ImportError::Db {
        file: "demo: thống kê".into(),
        reason: e.to_string(),
    };
    let read = articles::newest(pool, now, &articles::ListFilter::All, 30)
        .await
        .map_err(db)?;
    let mut rng = ChaCha8Rng::seed_from_u64(2026);
    let mut days = Vec::new();
    let mut reads = Vec::new();
    for back in (1..=DAYS).rev() {
        let at = now - back * 86_400;
        let day = day_number(at);
        // Saturdays and Sundays (2 and 1 from the weekday of 1970-01-01, a Thursday)
        let weekday = (at / 86_400 + 4) % 7;
        let weekend = weekday == 0 || weekday == 6;
        let base = if weekend { 620 } else { 1_150 };
        let visits = base + rng.random_range(0..260) + (DAYS - back) * 4;
        let phone = visits * rng.random_range(58..70) / 100;
        days.push((
            day,
            DayCounts {
                visits,
                page_views: visits * rng.random_range(26..36) / 10,
                bot_views: visits * rng.random_range(30..60) / 100,
                phone_visits: phone,
                desktop_visits: visits - phone,
                referrers: REFERRERS
                    .iter()
                    .map(|(host, share)| {
                        (
                            host.to_string(),
                            visits * share / 1000 + rng.random_range(0..8),
                        )
                    })
                    .collect(),
            },
        ));
        // the articles of the day: the newer ones read more
        let views = read
            .iter()
            .enumerate()
            .map(|(rank, card)| {
                (
                    card.id,
                    visits / (rank as i64 + 3) + rng.random_range(0..12),
                )
            })
            .collect();
        reads.push((day, views));
    }
    let written = stats::seed_demo(pool, &days, &reads).await.map_err(db)?;
    Ok(if written { days.len() } else { 0 })
}
