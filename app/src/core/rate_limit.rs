//! In-memory rate limits (sign-in now; comments and ratings later): at most `max`
//! events per key in a sliding `window`. Per process: with several servers each
//! counts its own share, which still bounds abuse.

use std::collections::HashMap;
use std::sync::Mutex;

pub struct RateLimiter {
    max: usize,
    window: i64,
    events: Mutex<HashMap<String, Vec<i64>>>,
}

impl RateLimiter {
    pub fn new(max: usize, window_seconds: i64) -> Self {
        RateLimiter {
            max,
            window: window_seconds,
            events: Mutex::new(HashMap::new()),
        }
    }

    /// True if another event for `key` is allowed now; the event is then counted.
    pub fn hit(&self, key: &str, now: i64) -> bool {
        let mut events = self.events.lock().unwrap_or_else(|e| e.into_inner());
        if events.len() > 10_000 {
            let window = self.window;
            events.retain(|_, times| times.last().is_some_and(|t| now - t < window));
        }
        let times = events.entry(key.to_string()).or_default();
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
        events.get(key).is_some_and(|times| {
            times.iter().filter(|t| now - **t < self.window).count() >= self.max
        })
    }

    /// Forgets `key` (after a successful sign-in).
    pub fn clear(&self, key: &str) {
        self.events
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
