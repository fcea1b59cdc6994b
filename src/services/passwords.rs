//! Passwords: Argon2id hashes, worked out on threads of their own at a lower
//! priority behind a bounded queue, so a flood of sign-ins cannot starve
//! the requests the async runtime serves.

use crate::ApiError;
use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;

/// Hashes a password with Argon2id and a random salt (PHC string).
/// Slow by design: call it through [`on_hashing_thread`] from async code.
pub fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 hashing with default parameters cannot fail")
        .to_string()
}

pub(crate) fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Password work waiting for a hashing thread, at most; more is refused
/// with `503 busy` instead of queueing without end.
pub const MAX_HASHING_QUEUE: usize = 256;

/// Threads that hash passwords: half the cores (at least one), so a flood
/// of sign-ins leaves the other half to everything else.
fn hashing_threads() -> usize {
    std::thread::available_parallelism()
        .map(|n| (n.get() / 2).max(1))
        .unwrap_or(1)
}

type HashingJob = Box<dyn FnOnce() + Send>;

/// The queue in front of the hashing threads.
static HASHING_QUEUE: std::sync::LazyLock<std::sync::mpsc::SyncSender<HashingJob>> =
    std::sync::LazyLock::new(|| {
        let (queue, jobs) = std::sync::mpsc::sync_channel::<HashingJob>(MAX_HASHING_QUEUE);
        let jobs = std::sync::Arc::new(std::sync::Mutex::new(jobs));
        for i in 0..hashing_threads() {
            let jobs = jobs.clone();
            std::thread::Builder::new()
                .name(format!("password-hashing-{i}"))
                .spawn(move || {
                    yield_to_other_work();
                    loop {
                        let job = jobs.lock().map(|j| j.recv());
                        match job {
                            Ok(Ok(job)) => job(),
                            _ => break,
                        }
                    }
                })
                .expect("starting a password-hashing thread");
        }
        queue
    });

/// Lowers the calling thread's scheduling priority (nice 10): when the
/// cores are busy, request handling goes before password hashing.
fn yield_to_other_work() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority on the calling thread's own id has no memory effects.
    unsafe {
        let tid = libc::gettid();
        libc::setpriority(libc::PRIO_PROCESS, tid as libc::id_t, 10);
    }
}

/// Runs password hashing off the async runtime, on the hashing threads
/// ([`hashing_threads`] of them, at a lower priority), behind a queue of at
/// most [`MAX_HASHING_QUEUE`] jobs; a full queue answers `503 busy` at once.
/// A job runs to its end even when its caller gives up, so the bound holds.
pub async fn on_hashing_thread<T, F>(work: F) -> Result<T, ApiError>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    let (done, result) = tokio::sync::oneshot::channel();
    let job: HashingJob = Box::new(move || {
        let _ = done.send(work());
    });
    match HASHING_QUEUE.try_send(job) {
        Ok(()) => {}
        Err(std::sync::mpsc::TrySendError::Full(_)) => {
            return Err(ApiError::new(
                503,
                "busy",
                "Too many sign-ins at once; try again in a moment",
            ))
        }
        Err(std::sync::mpsc::TrySendError::Disconnected(_)) => return Err(ApiError::internal()),
    }
    result.await.map_err(|_| ApiError::internal())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_hash_is_argon2id_and_verifies() {
        let h = hash_password("hemmelig");
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("hemmelig", &h));
        assert!(!verify_password("Hemmelig", &h));
    }

    /// A flood of password work runs at most `hashing_threads()` at once,
    /// and beyond the queue's bound is refused at once with `503 busy`.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn password_work_is_bounded_and_queued() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        use std::sync::Arc;
        let running = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let calls: Vec<_> = (0..MAX_HASHING_QUEUE + 64)
            .map(|_| {
                let (running, most) = (running.clone(), most.clone());
                tokio::spawn(on_hashing_thread(move || {
                    let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                    most.fetch_max(now, Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(2));
                    running.fetch_sub(1, Ordering::SeqCst);
                }))
            })
            .collect();
        let mut busy = 0;
        for call in calls {
            match call.await.unwrap() {
                Ok(()) => {}
                Err(e) => {
                    assert_eq!((e.status, e.code.as_str()), (503, "busy"));
                    busy += 1;
                }
            }
        }
        assert!(busy > 0, "the queue has a bound");
        assert!(most.load(Ordering::SeqCst) <= hashing_threads());
    }
}
