//! "Thống kê truy cập": the portal's visits counted in memory and written in batches
//! (never a write per request), like the articles' views. A visit is a visitor's first
//! page of a day (Vietnam time); a visitor is the reader key of the guard (a cookie, or
//! the address and browser), search engines apart. Online now: the distinct visitors of
//! the last five minutes. The block's totals are what the database held at the last
//! flush (all servers') plus what this server has not written yet.

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::sync::Mutex;

/// "Đang truy cập": seen within this many seconds.
pub const ONLINE_SECONDS: i64 = 300;
/// Visitors remembered for the day's dedupe at most (8 bytes each); past it, every
/// page counts as a visit rather than memory growing.
const MAX_SEEN: usize = 2_000_000;

/// One request to count.
#[derive(Debug, Clone, Copy)]
pub struct Hit<'a> {
    /// The reader key (`guard::reader_key_of`), or the robot's own.
    pub visitor: &'a str,
    pub bot: bool,
    pub phone: bool,
    /// The host of an outside page that linked here.
    pub referrer: Option<&'a str>,
}

/// What a day gathered and has not been written yet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DayCounts {
    pub visits: i64,
    pub page_views: i64,
    pub bot_views: i64,
    pub phone_visits: i64,
    pub desktop_visits: i64,
    pub referrers: HashMap<String, i64>,
}

impl DayCounts {
    fn add(&mut self, other: &DayCounts) {
        self.visits += other.visits;
        self.page_views += other.page_views;
        self.bot_views += other.bot_views;
        self.phone_visits += other.phone_visits;
        self.desktop_visits += other.desktop_visits;
        for (host, n) in &other.referrers {
            *self.referrers.entry(host.clone()).or_default() += n;
        }
    }
}

/// The block's numbers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub today: i64,
    pub month: i64,
    pub total: i64,
}

#[derive(Default)]
struct Inner {
    /// The day `seen` is for (YYYYMMDD).
    day: i64,
    seen: HashSet<u64>,
    /// visitor → (last seen, a robot).
    online: HashMap<u64, (i64, bool)>,
    /// day → its counts not yet written.
    pending: HashMap<i64, DayCounts>,
    /// The database's totals at the last flush, and the day they were read on.
    flushed: (i64, Totals),
}

#[derive(Default)]
pub struct Visits {
    inner: Mutex<Inner>,
}

fn hash(s: &str) -> u64 {
    let mut h = DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

/// A day as stored: 20261204 (in Vietnam).
pub fn day_number(ts: i64) -> i64 {
    use chrono::Datelike;
    let d = crate::core::time::local(ts);
    i64::from(d.year()) * 10_000 + i64::from(d.month()) * 100 + i64::from(d.day())
}

impl Visits {
    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Counts one page served at `now`.
    pub fn record(&self, hit: Hit<'_>, now: i64) {
        let today = day_number(now);
        let key = hash(hit.visitor);
        let mut inner = self.lock();
        if inner.day != today {
            inner.day = today;
            inner.seen.clear();
        }
        if inner.online.len() > MAX_SEEN / 4 {
            inner.online.retain(|_, (at, _)| now - *at < ONLINE_SECONDS);
        }
        inner.online.insert(key, (now, hit.bot));
        let first = if hit.bot {
            false
        } else if inner.seen.len() >= MAX_SEEN {
            true
        } else {
            inner.seen.insert(key)
        };
        let day = inner.pending.entry(today).or_default();
        if hit.bot {
            day.bot_views += 1;
            return;
        }
        day.page_views += 1;
        if first {
            day.visits += 1;
            if hit.phone {
                day.phone_visits += 1;
            } else {
                day.desktop_visits += 1;
            }
        }
        if let Some(host) = hit.referrer {
            *day.referrers.entry(host.to_string()).or_default() += 1;
        }
    }

    /// Online now: (everyone, of whom search engines).
    pub fn online(&self, now: i64) -> (i64, i64) {
        let mut inner = self.lock();
        inner.online.retain(|_, (at, _)| now - *at < ONLINE_SECONDS);
        let bots = inner.online.values().filter(|(_, bot)| *bot).count() as i64;
        (inner.online.len() as i64, bots)
    }

    /// Today, this month and in all: the last flush's totals with what is pending.
    pub fn totals(&self, now: i64) -> Totals {
        let today = day_number(now);
        let inner = self.lock();
        let (read_on, mut t) = inner.flushed;
        if read_on != today {
            t.today = 0;
        }
        if read_on / 100 != today / 100 {
            t.month = 0;
        }
        for (day, c) in &inner.pending {
            t.total += c.visits;
            if *day == today {
                t.today += c.visits;
            }
            if day / 100 == today / 100 {
                t.month += c.visits;
            }
        }
        t
    }

    /// Hands the pending counts to `write`; on its error they stay for the next time.
    /// Then `write` gives the database's new totals. Returns the visits written.
    pub async fn flush<W, F, E>(&self, now: i64, write: W) -> Result<i64, E>
    where
        W: FnOnce(Vec<(i64, DayCounts)>) -> F,
        F: std::future::Future<Output = Result<Totals, E>>,
    {
        let batch: Vec<(i64, DayCounts)> = self.lock().pending.drain().collect();
        let visits = batch.iter().map(|(_, c)| c.visits).sum();
        match write(batch.clone()).await {
            Ok(totals) => {
                self.lock().flushed = (day_number(now), totals);
                Ok(visits)
            }
            Err(e) => {
                let mut inner = self.lock();
                for (day, c) in &batch {
                    inner.pending.entry(*day).or_default().add(c);
                }
                Err(e)
            }
        }
    }

    /// Pending counts, for tests.
    pub fn pending_visits(&self) -> i64 {
        self.lock().pending.values().map(|c| c.visits).sum()
    }
}

/// A phone's browser, by its user agent.
pub fn is_phone(user_agent: &str) -> bool {
    ["Mobi", "Android", "iPhone", "iPad", "Zalo"]
        .iter()
        .any(|m| user_agent.contains(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(visitor: &str) -> Hit<'_> {
        Hit {
            visitor,
            bot: false,
            phone: false,
            referrer: None,
        }
    }

    fn block_on<F: std::future::Future>(f: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(f)
    }

    #[test]
    fn a_visitor_visits_once_a_day_and_views_every_page() {
        let v = Visits::default();
        let noon = 1_764_824_400; // 2025-12-04 12:00 in Vietnam
        v.record(hit("k:a"), noon);
        v.record(hit("k:a"), noon + 60);
        v.record(
            Hit {
                phone: true,
                referrer: Some("zalo.me"),
                ..hit("k:b")
            },
            noon + 60,
        );
        v.record(
            Hit {
                bot: true,
                ..hit("googlebot")
            },
            noon + 60,
        );
        assert_eq!(
            v.totals(noon + 60),
            Totals {
                today: 2,
                month: 2,
                total: 2
            }
        );
        assert_eq!(v.online(noon + 60), (3, 1));
        assert_eq!(
            v.online(noon + 60 + ONLINE_SECONDS),
            (0, 0),
            "gone after five minutes"
        );
        // the next day, the same visitor visits again
        v.record(hit("k:a"), noon + 86_400);
        assert_eq!(
            v.totals(noon + 86_400),
            Totals {
                today: 1,
                month: 3,
                total: 3
            }
        );
        let written = block_on(v.flush(noon + 86_400, |batch| async move {
            let day = batch
                .iter()
                .find(|(d, _)| *d == 20251204)
                .unwrap()
                .1
                .clone();
            assert_eq!((day.visits, day.page_views, day.bot_views), (2, 3, 1));
            assert_eq!((day.phone_visits, day.desktop_visits), (1, 1));
            assert_eq!(day.referrers.get("zalo.me"), Some(&1));
            Ok::<_, ()>(Totals {
                today: 1,
                month: 3,
                total: 3,
            })
        }));
        assert_eq!(written, Ok(3));
        assert_eq!(v.pending_visits(), 0);
        assert_eq!(
            v.totals(noon + 86_400).total,
            3,
            "the database's totals now"
        );
    }

    #[test]
    fn a_failed_write_keeps_the_counts() {
        let v = Visits::default();
        v.record(hit("k:a"), 1_764_824_400);
        let r = block_on(v.flush(1_764_824_400, |_| async { Err::<Totals, _>("down") }));
        assert_eq!(r, Err("down"));
        assert_eq!(v.pending_visits(), 1);
        assert!(
            is_phone("Mozilla/5.0 (Linux; Android 14)")
                && !is_phone("Mozilla/5.0 (X11; Linux x86_64)")
        );
    }
}
