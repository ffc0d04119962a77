//! Sign-in throttling: after too many failed attempts for one account within
//! a window, further attempts are refused until the window has passed.
//! Pure bookkeeping; the caller supplies `now` and keeps the value.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};

#[derive(Debug, Clone)]
pub struct Throttle {
    max_failures: u32,
    window: Duration,
    failures: HashMap<String, (u32, DateTime<Utc>)>,
}

impl Throttle {
    pub fn new(max_failures: u32, window: Duration) -> Self {
        Self { max_failures, window, failures: HashMap::new() }
    }

    /// Whether an attempt for `key` may go ahead now.
    pub fn allows(&mut self, key: &str, now: DateTime<Utc>) -> bool {
        match self.failures.get(key) {
            Some((n, since)) if now - *since < self.window => *n < self.max_failures,
            Some(_) => {
                self.failures.remove(key);
                true
            }
            None => true,
        }
    }

    pub fn failed(&mut self, key: &str, now: DateTime<Utc>) {
        let window = self.window;
        let entry = self.failures.entry(key.to_owned()).or_insert((0, now));
        if now - entry.1 >= window {
            *entry = (0, now);
        }
        entry.0 += 1;
        // Keep memory bounded under a spray of unknown account names.
        if self.failures.len() > 10_000 {
            self.failures.retain(|_, (_, since)| now - *since < window);
        }
    }

    pub fn succeeded(&mut self, key: &str) {
        self.failures.remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(min: i64) -> DateTime<Utc> {
        DateTime::<Utc>::UNIX_EPOCH + Duration::minutes(min)
    }

    #[test]
    fn five_failures_lock_the_account_until_the_window_passes() {
        let mut th = Throttle::new(5, Duration::minutes(15));
        for _ in 0..5 {
            assert!(th.allows("a", t(0)));
            th.failed("a", t(0));
        }
        assert!(!th.allows("a", t(1)));
        assert!(th.allows("b", t(1)), "other accounts are unaffected");
        assert!(th.allows("a", t(15)));
    }

    #[test]
    fn a_success_clears_the_count() {
        let mut th = Throttle::new(2, Duration::minutes(15));
        th.failed("a", t(0));
        th.succeeded("a");
        th.failed("a", t(1));
        assert!(th.allows("a", t(1)));
    }
}
