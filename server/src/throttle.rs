//! Slows down password guessing: after five failed sign-ins for a username
//! within 15 minutes, that username is refused for the rest of the window,
//! whatever the password. Counted per server process.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub const MAX_FAILURES: usize = 5;
pub const WINDOW: Duration = Duration::from_secs(15 * 60);

#[derive(Default)]
pub struct LoginThrottle {
    failures: Mutex<HashMap<String, Vec<Instant>>>,
}

fn key(username: &str) -> String {
    username.trim().to_lowercase()
}

impl LoginThrottle {
    /// Whether the username may try now.
    pub fn allows(&self, username: &str) -> bool {
        let mut map = self.failures.lock().expect("throttle lock");
        let now = Instant::now();
        match map.get_mut(&key(username)) {
            Some(times) => {
                times.retain(|t| now.duration_since(*t) < WINDOW);
                times.len() < MAX_FAILURES
            }
            None => true,
        }
    }

    pub fn failed(&self, username: &str) {
        let mut map = self.failures.lock().expect("throttle lock");
        map.entry(key(username)).or_default().push(Instant::now());
    }

    pub fn succeeded(&self, username: &str) {
        self.failures
            .lock()
            .expect("throttle lock")
            .remove(&key(username));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_failures_lock_the_username_only() {
        let t = LoginThrottle::default();
        for _ in 0..MAX_FAILURES {
            assert!(t.allows("a@b.dk"));
            t.failed("A@b.dk ");
        }
        assert!(!t.allows("a@b.dk"));
        assert!(t.allows("other@b.dk"));
        t.succeeded("a@b.dk");
        assert!(t.allows("a@b.dk"));
    }
}
