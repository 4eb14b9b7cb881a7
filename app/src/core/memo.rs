//! Short-lived answers of the database, shared by one process's requests: what every
//! rating and comment asks first (is the article public, does it take ratings) is read
//! once a second per article instead of once per write. Each answer is kept for the
//! memo's `ttl`, and all are forgotten at once when content changes (the server's page
//! cache forgets them with its pages, on this server's changes and on the other
//! servers'). Values of any type, keyed by a string each feature prefixes with its
//! name.

use std::any::Any;
use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

type Entry = (Instant, Arc<dyn Any + Send + Sync>);

/// The kept answers.
pub struct Memo {
    ttl: Duration,
    max_entries: usize,
    /// Bumped by `forget_all`: an answer read before a change is not kept after it.
    generation: AtomicU64,
    entries: Mutex<HashMap<String, Entry>>,
}

impl Memo {
    pub fn new(ttl: Duration, max_entries: usize) -> Self {
        Memo {
            ttl,
            max_entries: max_entries.max(1),
            generation: AtomicU64::new(0),
            entries: Mutex::default(),
        }
    }

    /// The kept answer for `key` if fresh, else `load`'s (kept when nothing changed
    /// while it was read).
    pub async fn get_or_load<T, E, F>(&self, key: &str, load: F) -> Result<T, E>
    where
        T: Clone + Send + Sync + 'static,
        F: Future<Output = Result<T, E>>,
    {
        if let Some(value) = self.get(key) {
            return Ok(value);
        }
        let generation = self.generation.load(Ordering::SeqCst);
        let value = load.await?;
        let mut entries = self.lock();
        if self.generation.load(Ordering::SeqCst) == generation {
            if entries.len() >= self.max_entries {
                let ttl = self.ttl;
                entries.retain(|_, (at, _)| at.elapsed() < ttl);
                if entries.len() >= self.max_entries {
                    entries.clear();
                }
            }
            entries.insert(key.to_string(), (Instant::now(), Arc::new(value.clone())));
        }
        Ok(value)
    }

    /// Forgets every answer (content changed).
    pub fn forget_all(&self) {
        let mut entries = self.lock();
        self.generation.fetch_add(1, Ordering::SeqCst);
        entries.clear();
    }

    fn get<T: Clone + 'static>(&self, key: &str) -> Option<T> {
        let entries = self.lock();
        let (at, value) = entries.get(key)?;
        if at.elapsed() >= self.ttl {
            return None;
        }
        value.downcast_ref::<T>().cloned()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Entry>> {
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    async fn load(memo: &Memo, key: &str, reads: &AtomicUsize, value: i64) -> i64 {
        memo.get_or_load(key, async {
            reads.fetch_add(1, Ordering::SeqCst);
            Ok::<_, ()>(value)
        })
        .await
        .unwrap()
    }

    #[tokio::test]
    async fn an_answer_is_read_once_while_fresh() {
        let memo = Memo::new(Duration::from_secs(60), 10);
        let reads = AtomicUsize::new(0);
        assert_eq!(load(&memo, "a", &reads, 1).await, 1);
        assert_eq!(load(&memo, "a", &reads, 2).await, 1, "the kept answer");
        assert_eq!(reads.load(Ordering::SeqCst), 1);
        assert_eq!(load(&memo, "b", &reads, 3).await, 3, "another key is read");
        assert_eq!(reads.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn an_old_answer_is_read_again() {
        let memo = Memo::new(Duration::from_millis(20), 10);
        let reads = AtomicUsize::new(0);
        load(&memo, "a", &reads, 1).await;
        tokio::time::sleep(Duration::from_millis(30)).await;
        assert_eq!(load(&memo, "a", &reads, 2).await, 2);
        assert_eq!(reads.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn a_change_forgets_every_answer_even_one_being_read() {
        let memo = Memo::new(Duration::from_secs(60), 10);
        let reads = AtomicUsize::new(0);
        load(&memo, "a", &reads, 1).await;
        memo.forget_all();
        assert_eq!(load(&memo, "a", &reads, 2).await, 2);
        // an answer read while content changed is given but not kept
        let value = memo
            .get_or_load("b", async {
                memo.forget_all();
                Ok::<_, ()>(5)
            })
            .await
            .unwrap();
        assert_eq!(value, 5);
        assert_eq!(load(&memo, "b", &reads, 6).await, 6);
    }

    #[tokio::test]
    async fn the_memo_stays_within_its_size_and_types() {
        let memo = Memo::new(Duration::from_secs(60), 3);
        let reads = AtomicUsize::new(0);
        for (i, key) in ["a", "b", "c", "d", "e"].into_iter().enumerate() {
            load(&memo, key, &reads, i as i64).await;
        }
        assert!(memo.lock().len() <= 3);
        // a key asked for with another type is read again, not mistaken
        let text: String = memo
            .get_or_load("e", async { Ok::<_, ()>("chữ".to_string()) })
            .await
            .unwrap();
        assert_eq!(text, "chữ");
    }
}
