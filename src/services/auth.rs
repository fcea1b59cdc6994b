//! Sign-in: Argon2id password hashes, tokens stored as SHA-256 hashes with
//! an expiry, and the checks of the platform's 401 codes.

use super::{db_error, Caller};
use crate::auth::{LoginReply, LoginRequest, SignedInUser};
use crate::db::entity::{auth_token, customer, employee, login_failure};
use crate::{AccessLevel, ApiError, Id};
use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use chrono::{Duration, Utc};
use rand::RngCore;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
};
use sha2::{Digest, Sha256};

/// Bearer tokens live 15 minutes unless `persist` is asked for.
pub const API_TOKEN_MINUTES: i64 = 15;
/// Portal sessions live 8 hours.
pub const SESSION_MINUTES: i64 = 8 * 60;

/// What a token is for.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Api,
    Session,
}

impl TokenKind {
    fn as_str(self) -> &'static str {
        match self {
            TokenKind::Api => "API",
            TokenKind::Session => "SESSION",
        }
    }
}

/// Hashes a password with Argon2id and a random salt (PHC string).
/// Slow by design: call it through [`on_hashing_thread`] from async code.
pub fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 hashing with default parameters cannot fail")
        .to_string()
}

fn verify_password(password: &str, hash: &str) -> bool {
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

pub(crate) fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A token is 64 lowercase hex characters (32 random bytes).
pub(crate) fn well_formed(token: &str) -> bool {
    token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Failed sign-ins that lock a username ...
pub const MAX_FAILED_LOGINS: u64 = 5;
/// ... within this many minutes, for the rest of them.
pub const LOCKOUT_MINUTES: i64 = 15;

/// Checks username and password; on success issues a token.
/// Unknown user and wrong password answer alike: `401 credentials_invalid`.
/// After [`MAX_FAILED_LOGINS`] failures within [`LOCKOUT_MINUTES`] the
/// username is refused whatever the password: `429 too_many_attempts`.
///
/// The lockout holds under parallel attempts: every attempt first records
/// itself, then counts the attempts in the window, and checks the password
/// only when it is among the first [`MAX_FAILED_LOGINS`]. An attempt counts
/// every row committed before its own count, its own included, so however
/// many arrive at once, at most that many passwords are checked. A success
/// removes only its own record: earlier failures run out with the window.
pub async fn login<C: ConnectionTrait>(
    db: &C,
    req: &LoginRequest,
    kind: TokenKind,
) -> Result<LoginReply, ApiError> {
    let username = req.username.trim().to_lowercase();
    let now = Utc::now();
    let window_start = now - Duration::minutes(LOCKOUT_MINUTES);
    prune_old_attempts(db, window_start).await;
    login_failure::Entity::delete_many()
        .filter(login_failure::Column::Username.eq(username.as_str()))
        .filter(login_failure::Column::At.lte(window_start))
        .exec(db)
        .await
        .map_err(db_error)?;
    let attempt = Id::generate().to_string();
    login_failure::Entity::insert(login_failure::ActiveModel {
        id: Set(attempt.clone()),
        username: Set(username.clone()),
        at: Set(now),
    })
    .exec(db)
    .await
    .map_err(db_error)?;
    let attempts = login_failure::Entity::find()
        .filter(login_failure::Column::Username.eq(username.as_str()))
        .filter(login_failure::Column::At.gt(window_start))
        .count(db)
        .await
        .map_err(db_error)?;
    if attempts > MAX_FAILED_LOGINS {
        return Err(ApiError::new(
            429,
            "too_many_attempts",
            "Too many failed sign-ins; try again in 15 minutes",
        ));
    }
    let found = employee::Entity::find()
        .filter(employee::Column::Username.eq(username.as_str()))
        .one(db)
        .await
        .map_err(db_error)?;
    // An unknown user costs the same time as a real check, so timing does
    // not reveal who exists.
    let hash = found
        .as_ref()
        .map_or_else(|| DUMMY_HASH.to_string(), |e| e.password_hash.clone());
    let password = req.password.clone();
    let valid = on_hashing_thread(move || verify_password(&password, &hash)).await?;
    let (Some(emp), true) = (found, valid) else {
        return Err(ApiError::credentials_invalid());
    };
    login_failure::Entity::delete_by_id(attempt)
        .exec(db)
        .await
        .map_err(db_error)?;
    issue_token(db, &emp, kind, req.persist).await
}

/// A new token for `emp`: a session expires after [`SESSION_MINUTES`], an
/// API token after [`API_TOKEN_MINUTES`] unless `persist`.
pub async fn issue_token<C: ConnectionTrait>(
    db: &C,
    emp: &employee::Model,
    kind: TokenKind,
    persist: bool,
) -> Result<LoginReply, ApiError> {
    let minutes = match (kind, persist) {
        (TokenKind::Api, true) => None,
        (TokenKind::Api, false) => Some(API_TOKEN_MINUTES),
        (TokenKind::Session, _) => Some(SESSION_MINUTES),
    };
    let token = new_token();
    let now = Utc::now();
    auth_token::Entity::insert(auth_token::ActiveModel {
        token_hash: Set(token_hash(&token)),
        employee_id: Set(emp.id.clone()),
        kind: Set(kind.as_str().to_string()),
        expires_at: Set(minutes.map(|m| now + Duration::minutes(m))),
        created_at: Set(now),
    })
    .exec(db)
    .await
    .map_err(db_error)?;
    Ok(LoginReply {
        token,
        expires_in_minutes: minutes.unwrap_or(PERSISTENT_MINUTES),
        employee: Id::parse(&emp.id).map_err(|_| ApiError::internal())?,
        customer: Id::parse(&emp.customer_id).map_err(|_| ApiError::internal())?,
        access_level: emp.access_level.parse().map_err(|_| ApiError::internal())?,
    })
}

/// 32 random bytes as 64 lowercase hex characters.
pub(crate) fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// `expiresInMinutes` of a token that does not expire.
pub const PERSISTENT_MINUTES: i64 = -1;

/// Seconds between two prunings of attempts that left the window.
const PRUNE_EVERY_SECS: i64 = 60;
static LAST_PRUNE: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(0);

/// Forgets the sign-in attempts older than the window, of every username,
/// at most once a minute per process. A failure here only delays pruning.
async fn prune_old_attempts<C: ConnectionTrait>(db: &C, window_start: chrono::DateTime<Utc>) {
    use std::sync::atomic::Ordering;
    let now = Utc::now().timestamp();
    let last = LAST_PRUNE.load(Ordering::Relaxed);
    if now - last < PRUNE_EVERY_SECS
        || LAST_PRUNE
            .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
            .is_err()
    {
        return;
    }
    if let Err(e) = login_failure::Entity::delete_many()
        .filter(login_failure::Column::At.lte(window_start))
        .exec(db)
        .await
    {
        tracing::warn!(error = %e, "pruning old sign-in attempts failed");
    }
}

/// A valid Argon2id hash of a random password, for constant-time refusals.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$ZGVtb2RlbW9kZW1vZGVtb2RlbW9kZW1vZGVtb2RlbW8";

/// Reads an `Authorization` header value into a caller.
/// Missing: `credentials_invalid` ("Sign-in required"); not
/// `Bearer <something>`: `format_error`; a bearer value that is not a token
/// (not 64 hex characters): `invalid_token` "Undecipherable"; unknown or
/// signed out: `invalid_token`; past its expiry: `expired`.
pub async fn authenticate_header<C: ConnectionTrait>(
    db: &C,
    header: Option<&str>,
) -> Result<Caller, ApiError> {
    let Some(value) = header else {
        return Err(ApiError::sign_in_required());
    };
    // The scheme is case-insensitive (RFC 9110); the token is what follows.
    let token = value
        .trim()
        .split_once(' ')
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("Bearer"))
        .map(|(_, token)| token.trim())
        .filter(|t| !t.is_empty())
        .ok_or_else(ApiError::format_error)?;
    authenticate_token(db, token, TokenKind::Api).await
}

/// Resolves a token to its caller. A token works only at the door it was
/// issued for: an API token ([`TokenKind::Api`]) as a bearer token, a portal
/// session ([`TokenKind::Session`]) as the session cookie; at the other
/// door it is `invalid_token`.
pub async fn authenticate_token<C: ConnectionTrait>(
    db: &C,
    token: &str,
    kind: TokenKind,
) -> Result<Caller, ApiError> {
    if !well_formed(token) {
        return Err(ApiError::undecipherable_token());
    }
    let found = auth_token::Entity::find_by_id(token_hash(token))
        .find_also_related(employee::Entity)
        .one(db)
        .await
        .map_err(db_error)?;
    let Some((tok, Some(emp))) = found.filter(|(tok, _)| tok.kind == kind.as_str()) else {
        return Err(ApiError::invalid_token());
    };
    if tok.expires_at.is_some_and(|at| at <= Utc::now()) {
        return Err(ApiError::token_expired());
    }
    Ok(Caller {
        employee: Id::parse(&emp.id).map_err(|_| ApiError::internal())?,
        customer: Id::parse(&emp.customer_id).map_err(|_| ApiError::internal())?,
        access_level: emp
            .access_level
            .parse::<AccessLevel>()
            .map_err(|_| ApiError::internal())?,
    })
}

/// Signs the employee out everywhere: all their tokens stop working.
pub async fn logout<C: ConnectionTrait>(db: &C, caller: &Caller) -> Result<(), ApiError> {
    auth_token::Entity::delete_many()
        .filter(auth_token::Column::EmployeeId.eq(caller.employee.as_str()))
        .exec(db)
        .await
        .map_err(db_error)?;
    Ok(())
}

/// Ends one portal session only.
pub async fn end_session<C: ConnectionTrait>(db: &C, token: &str) -> Result<(), ApiError> {
    auth_token::Entity::delete_by_id(token_hash(token))
        .exec(db)
        .await
        .map_err(db_error)?;
    Ok(())
}

/// The signed-in user as the portal shows them.
pub async fn signed_in_user<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
) -> Result<SignedInUser, ApiError> {
    let emp = employee::Entity::find_by_id(caller.employee.as_str())
        .one(db)
        .await
        .map_err(db_error)?
        .ok_or_else(ApiError::invalid_token)?;
    let cust = customer::Entity::find_by_id(caller.customer.as_str())
        .one(db)
        .await
        .map_err(db_error)?
        .ok_or_else(ApiError::internal)?;
    Ok(SignedInUser {
        employee: caller.employee.clone(),
        username: emp.username,
        name: emp.name,
        customer: caller.customer.clone(),
        customer_name: cust.name,
        access_level: caller.access_level,
    })
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

    #[test]
    fn dummy_hash_is_parseable() {
        assert!(PasswordHash::new(DUMMY_HASH).is_ok());
    }
}
