//! Articles whose shown totals wait to be recounted: a reader's rating is stored at
//! once, and the article's rating line is recounted from the stored ratings by a job a
//! moment later (the server's `jobs::spawn_recounter`), so a flood of ratings of one
//! article never queues on that article's row. Kept in memory: after a crash the
//! server recounts the articles rated in the last minute before it (idempotent, so
//! several servers may recount the same article).

use std::collections::BTreeSet;
use std::sync::Mutex;

/// The set of articles to recount.
#[derive(Default)]
pub struct Recounts {
    waiting: Mutex<BTreeSet<i64>>,
}

impl Recounts {
    /// Notes that `article`'s totals changed.
    pub fn note(&self, article: i64) {
        self.lock().insert(article);
    }

    /// Takes the articles noted so far (the set is then empty).
    pub fn take(&self) -> Vec<i64> {
        std::mem::take(&mut *self.lock()).into_iter().collect()
    }

    /// Puts back articles whose recount failed, for the next round.
    pub fn put_back(&self, articles: &[i64]) {
        self.lock().extend(articles.iter().copied());
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeSet<i64>> {
        self.waiting.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noted_once_taken_once_put_back_on_failure() {
        let r = Recounts::default();
        r.note(3);
        r.note(1);
        r.note(3);
        assert_eq!(r.take(), [1, 3]);
        assert!(r.take().is_empty());
        r.put_back(&[3]);
        r.note(2);
        assert_eq!(r.take(), [2, 3]);
    }
}
