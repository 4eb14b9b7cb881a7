//! "Số lần đọc": article views counted in memory — once per reader per article in a
//! few hours — and written to the database in batches by a background job and once
//! more on shutdown. A page view never waits on a database write.

use std::collections::HashMap;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::Mutex;

/// The response header by which an article page tells the page cache in front of it
/// which article it shows, so that views served from the cache are counted too. The
/// cache removes it before the response leaves the server.
pub const ARTICLE_HEADER: &str = "x-toasoan-bai-viet";

/// The internal response header in which a state-changing request tells the page cache
/// what it changed (`none`, or `article:<id>`); without it, anything may have changed.
/// Never leaves the server.
pub const CHANGED_HEADER: &str = "x-toasoan-thay-doi";

/// What a state-changing request changed of the public pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Changed {
    /// Nothing readers see (a comment waiting for moderation, a report).
    Nothing,
    /// Only this article's own pages (its rating line).
    Article(i64),
}

impl Changed {
    pub fn header_value(self) -> String {
        match self {
            Changed::Nothing => "none".into(),
            Changed::Article(id) => format!("article:{id}"),
        }
    }

    pub fn parse(value: &str) -> Option<Changed> {
        match value {
            "none" => Some(Changed::Nothing),
            v => v
                .strip_prefix("article:")
                .and_then(|id| id.parse().ok())
                .map(Changed::Article),
        }
    }
}

/// Tells the page cache, from inside a server function, what this request changed.
pub fn tell_changed(what: Changed) {
    if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>()
        && let Ok(v) = http::HeaderValue::from_str(&what.header_value())
    {
        res.insert_header(http::HeaderName::from_static(CHANGED_HEADER), v);
    }
}

/// Readers remembered at most (about 40 bytes each); beyond it the oldest are dropped.
const MAX_REMEMBERED: usize = 500_000;

pub struct ViewCounts {
    dedupe_seconds: i64,
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    /// (article, reader) → when their view was last counted.
    seen: HashMap<(i64, u64), i64>,
    /// article → views not yet written.
    pending: HashMap<i64, i64>,
}

impl ViewCounts {
    pub fn new(dedupe_seconds: i64) -> Self {
        ViewCounts {
            dedupe_seconds,
            inner: Mutex::new(Inner::default()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Counts a view of `article` by `reader` unless they were counted within the
    /// dedupe window. True when counted.
    pub fn record(&self, article: i64, reader: &str, now: i64) -> bool {
        let mut h = DefaultHasher::new();
        reader.hash(&mut h);
        let key = (article, h.finish());
        let mut inner = self.lock();
        if let Some(at) = inner.seen.get(&key)
            && now - at < self.dedupe_seconds
        {
            return false;
        }
        if inner.seen.len() >= MAX_REMEMBERED {
            let window = self.dedupe_seconds;
            inner.seen.retain(|_, at| now - *at < window);
            if inner.seen.len() >= MAX_REMEMBERED {
                inner.seen.clear();
            }
        }
        inner.seen.insert(key, now);
        *inner.pending.entry(article).or_default() += 1;
        true
    }

    /// Views counted but not yet written, per article.
    #[cfg(test)]
    fn pending(&self) -> HashMap<i64, i64> {
        self.lock().pending.clone()
    }

    /// Hands the counted views to `write` (the articles' counters) and forgets readers
    /// whose window has passed. On a database error the views stay pending for the next flush.
    /// Returns how many views were written.
    pub async fn flush<W, F, E>(&self, now: i64, write: W) -> Result<i64, E>
    where
        W: FnOnce(Vec<(i64, i64)>) -> F,
        F: std::future::Future<Output = Result<(), E>>,
    {
        let batch: Vec<(i64, i64)> = {
            let mut inner = self.lock();
            let window = self.dedupe_seconds;
            inner.seen.retain(|_, at| now - *at < window);
            inner.pending.drain().collect()
        };
        if batch.is_empty() {
            return Ok(0);
        }
        let written = write(batch.clone()).await;
        if written.is_err() {
            let mut inner = self.lock();
            for (article, n) in &batch {
                *inner.pending.entry(*article).or_default() += n;
            }
        }
        written?;
        Ok(batch.iter().map(|(_, n)| n).sum())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_read_back() {
        for c in [Changed::Nothing, Changed::Article(42)] {
            assert_eq!(Changed::parse(&c.header_value()), Some(c));
        }
        assert_eq!(Changed::parse("article:x"), None);
        assert_eq!(Changed::parse(""), None);
    }

    #[test]
    fn one_view_per_reader_and_article_in_the_window() {
        let v = ViewCounts::new(3600);
        assert!(v.record(1, "k:a", 0));
        assert!(!v.record(1, "k:a", 10), "the same reader again");
        assert!(v.record(1, "k:b", 10), "another reader");
        assert!(v.record(2, "k:a", 10), "another article");
        assert!(v.record(1, "k:a", 3600), "after the window");
        assert_eq!(v.pending().get(&1), Some(&3));
        assert_eq!(v.pending().get(&2), Some(&1));
    }
}
