//! Rate limits (sign-in failures, comments, reports, ratings): at most `max` events per
//! key in a sliding `window`. A `Limit` counts in this process (`RateLimiter`, one
//! server: SQLite) or in the database (`Tally::Database`, table `limit_hits`: the
//! servers sharing one PostgreSQL add up, one statement per check).

use std::collections::HashMap;
use std::sync::Mutex;

/// Where limits count.
#[derive(Clone)]
pub enum Tally {
    /// In this process's memory.
    Process,
    /// In the database, shared by every server on it.
    Database(sqlx::AnyPool),
}

/// One limit: `name` tells its counts from other limits' in the database.
pub struct Limit {
    name: &'static str,
    memory: RateLimiter,
    tally: Tally,
}

impl Limit {
    pub fn new(name: &'static str, max: usize, window_seconds: i64, tally: Tally) -> Self {
        Limit {
            name,
            memory: RateLimiter::new(max, window_seconds),
            tally,
        }
    }

    /// True if another event for `key` is allowed now; the event is then counted (in
    /// the database it is counted either way).
    pub async fn hit(&self, key: &str, now: i64) -> Result<bool, sqlx::Error> {
        Ok(hit_all(&[(self, key)], now).await?[0])
    }

    /// True if `key` has used up its allowance, without counting an event.
    pub async fn is_blocked(&self, key: &str, now: i64) -> Result<bool, sqlx::Error> {
        match &self.tally {
            Tally::Process => Ok(self.memory.is_blocked(key, now)),
            Tally::Database(pool) => {
                let (current, previous) = windows(now, self.memory.window);
                let rows = sqlx::query(
                    "SELECT bucket, hits FROM limit_hits WHERE limiter = $1 AND key = $2 AND bucket IN ($3, $4)",
                )
                .bind(self.name)
                .bind(key)
                .bind(current)
                .bind(previous)
                .fetch_all(pool)
                .await?;
                let (mut now_hits, mut before) = (0, 0);
                for row in rows {
                    use sqlx::Row;
                    if row.try_get::<i64, _>("bucket")? == current {
                        now_hits = row.try_get("hits")?;
                    } else {
                        before = row.try_get("hits")?;
                    }
                }
                Ok(estimate(now_hits, before, now, self.memory.window) >= self.memory.max as i64)
            }
        }
    }

    /// Forgets `key` (after a successful sign-in).
    pub async fn clear(&self, key: &str) -> Result<(), sqlx::Error> {
        self.memory.clear(key);
        if let Tally::Database(pool) = &self.tally {
            sqlx::query("DELETE FROM limit_hits WHERE limiter = $1 AND key = $2")
                .bind(self.name)
                .bind(key)
                .execute(pool)
                .await?;
        }
        Ok(())
    }
}

/// Counts one event for each `(limit, key)` (limits of one tally) and tells, in order,
/// whether each is within its limit. In the database (PostgreSQL) one statement counts
/// them all and reads their previous windows.
pub async fn hit_all(checks: &[(&Limit, &str)], now: i64) -> Result<Vec<bool>, sqlx::Error> {
    let Some(Tally::Database(pool)) = checks.first().map(|(l, _)| &l.tally) else {
        return Ok(checks
            .iter()
            .map(|(l, key)| l.memory.hit(key, now))
            .collect());
    };
    use sqlx::Row;
    let wanted: Vec<String> = (0..checks.len())
        .map(|i| i * 4)
        .map(|n| format!("(${}, ${}, ${}, ${})", n + 1, n + 2, n + 3, n + 4))
        .collect();
    let sql = format!(
        "WITH wanted (limiter, key, bucket, prior) AS (VALUES {}), \
         counted AS (INSERT INTO limit_hits (limiter, key, bucket, hits) \
                     SELECT limiter, key, bucket, 1 FROM wanted \
                     ON CONFLICT (limiter, key, bucket) DO UPDATE SET hits = limit_hits.hits + 1 \
                     RETURNING limiter, key, hits) \
         SELECT c.limiter AS limiter, c.key AS key, c.hits AS hits, \
                COALESCE(p.hits, 0) AS before \
         FROM counted c JOIN wanted w ON w.limiter = c.limiter AND w.key = c.key \
         LEFT JOIN limit_hits p ON p.limiter = w.limiter AND p.key = w.key AND p.bucket = w.prior",
        wanted.join(", ")
    );
    let mut query = sqlx::query(&sql);
    for (limit, key) in checks {
        let (current, prior) = windows(now, limit.memory.window);
        query = query.bind(limit.name).bind(*key).bind(current).bind(prior);
    }
    let mut counts = HashMap::new();
    for r in query.fetch_all(pool).await? {
        let id: (String, String) = (r.try_get("limiter")?, r.try_get("key")?);
        counts.insert(
            id,
            (r.try_get::<i64, _>("hits")?, r.try_get::<i64, _>("before")?),
        );
    }
    Ok(checks
        .iter()
        .map(|(limit, key)| {
            let id = (limit.name.to_string(), key.to_string());
            let (current, prior) = counts.get(&id).copied().unwrap_or((1, 0));
            estimate(current, prior, now, limit.memory.window) <= limit.memory.max as i64
        })
        .collect())
}

/// Deletes the windows no limit reads any more (older than two of the longest).
pub async fn forget_old(
    pool: &sqlx::AnyPool,
    now: i64,
    longest_window: i64,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM limit_hits WHERE bucket < $1")
        .bind(now - 2 * longest_window.max(1))
        .execute(pool)
        .await?;
    Ok(done.rows_affected())
}

/// The first seconds of the window `now` is in and of the one before.
fn windows(now: i64, window: i64) -> (i64, i64) {
    let window = window.max(1);
    let current = now - now.rem_euclid(window);
    (current, current - window)
}

/// A sliding window's count from two fixed ones: this window's hits and the share of
/// the previous window's that the sliding window still covers.
fn estimate(current: i64, previous: i64, now: i64, window: i64) -> i64 {
    let window = window.max(1);
    let elapsed = now.rem_euclid(window);
    current + previous * (window - elapsed) / window
}

pub struct RateLimiter {
    max: usize,
    window: i64,
    events: Mutex<Events>,
}

/// The recent events of each key, and the size at which keys whose events have all
/// left the window are swept out.
struct Events {
    by_key: HashMap<String, Vec<i64>>,
    sweep_above: usize,
}

/// Fewest keys kept before the first sweep.
const SWEEP_FROM: usize = 10_000;

impl RateLimiter {
    pub fn new(max: usize, window_seconds: i64) -> Self {
        RateLimiter {
            max,
            window: window_seconds,
            events: Mutex::new(Events {
                by_key: HashMap::new(),
                sweep_above: SWEEP_FROM,
            }),
        }
    }

    /// True if another event for `key` is allowed now; the event is then counted.
    pub fn hit(&self, key: &str, now: i64) -> bool {
        let mut events = self.events.lock().unwrap_or_else(|e| e.into_inner());
        if events.by_key.len() > events.sweep_above {
            // a sweep visits every key: the next one waits until the map has doubled,
            // so a flood of distinct visitors costs each event O(1), not O(keys)
            let window = self.window;
            events
                .by_key
                .retain(|_, times| times.last().is_some_and(|t| now - t < window));
            events.sweep_above = (events.by_key.len() * 2).max(SWEEP_FROM);
        }
        let times = events.by_key.entry(key.to_string()).or_default();
        times.retain(|t| now - t < self.window);
        if times.len() >= self.max {
            return false;
        }
        times.push(now);
        true
    }

    /// True if `key` has used up its allowance, without counting an event.
    pub fn is_blocked(&self, key: &str, now: i64) -> bool {
        let events = self.events.lock().unwrap_or_else(|e| e.into_inner());
        events.by_key.get(key).is_some_and(|times| {
            times.iter().filter(|t| now - **t < self.window).count() >= self.max
        })
    }

    /// Forgets `key` (after a successful sign-in).
    pub fn clear(&self, key: &str) {
        self.events
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .by_key
            .remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_windows_make_a_sliding_one() {
        assert_eq!(windows(125, 60), (120, 60));
        // at the start of a window all of the previous one counts, at its end none
        assert_eq!(estimate(1, 10, 120, 60), 11);
        assert_eq!(estimate(1, 10, 150, 60), 6);
        assert_eq!(estimate(1, 10, 179, 60), 1);
        assert_eq!(estimate(0, 0, 5, 0), 0, "a zero window is one second");
    }

    #[test]
    fn limits_per_key_within_the_window() {
        let r = RateLimiter::new(3, 60);
        assert!(r.hit("a", 0) && r.hit("a", 1) && r.hit("a", 2));
        assert!(!r.hit("a", 3));
        assert!(r.is_blocked("a", 3));
        assert!(r.hit("b", 3), "keys are separate");
        assert!(r.hit("a", 61), "the window slides");
        r.clear("a");
        assert!(!r.is_blocked("a", 62));
    }

    #[test]
    fn sweeps_are_rare_and_forget_only_the_old() {
        let r = RateLimiter::new(1, 60);
        for i in 0..SWEEP_FROM + 1 {
            assert!(r.hit(&format!("old{i}"), 0));
        }
        // all still in the window: nothing goes, and the next sweep waits for twice as many
        assert!(r.hit("x", 1));
        let events = r.events.lock().unwrap();
        assert_eq!(events.by_key.len(), SWEEP_FROM + 2);
        assert_eq!(events.sweep_above, 2 * (SWEEP_FROM + 1));
        drop(events);
        assert!(!r.hit("old0", 2), "a kept key is still limited");
        for i in 0..SWEEP_FROM + 2 {
            r.hit(&format!("new{i}"), 100);
        }
        let events = r.events.lock().unwrap();
        assert!(
            events.by_key.len() < SWEEP_FROM + 10,
            "keys out of the window are swept"
        );
        assert!(!events.by_key.contains_key("old5"));
    }
}
