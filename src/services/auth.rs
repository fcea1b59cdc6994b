//! Sign-in: passwords checked (see [`super::passwords`]), tokens stored as
//! SHA-256 hashes with an expiry, the lockout, and the checks of the
//! platform's 401 codes.

use super::passwords::verify_password;
pub use super::passwords::{hash_password, on_hashing_thread, MAX_HASHING_QUEUE};
use super::{db_error, Caller};
use crate::auth::{LoginReply, LoginRequest, SignedInUser};
use crate::db::entity::{auth_token, customer, employee, login_failure};
use crate::{ApiError, Id};
#[cfg(test)]
use argon2::password_hash::PasswordHash;
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

pub use crate::enums::TokenKind;

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
    // No username holds a NUL (they are e-mail addresses), and a database
    // may not store one: a wrong sign-in, at a real check's cost.
    if username.contains('\0') {
        let password = req.password.clone();
        on_hashing_thread(move || verify_password(&password, DUMMY_HASH)).await?;
        return Err(ApiError::credentials_invalid());
    }
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
        kind: Set(kind),
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
        access_level: emp.access_level,
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
    let Some((tok, Some(emp))) = found.filter(|(tok, _)| tok.kind == kind) else {
        return Err(ApiError::invalid_token());
    };
    if tok.expires_at.is_some_and(|at| at <= Utc::now()) {
        return Err(ApiError::token_expired());
    }
    Ok(Caller {
        employee: Id::parse(&emp.id).map_err(|_| ApiError::internal())?,
        customer: Id::parse(&emp.customer_id).map_err(|_| ApiError::internal())?,
        access_level: emp.access_level,
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
    let self_service = super::signup::is_self_service(&cust);
    let brand = match cust.parent_reseller.as_deref().filter(|_| self_service) {
        Some(reseller) => customer::Entity::find_by_id(reseller)
            .one(db)
            .await
            .map_err(db_error)?
            .map(|r| r.name),
        None => None,
    };
    Ok(SignedInUser {
        employee: caller.employee.clone(),
        username: emp.username,
        name: emp.name,
        customer: caller.customer.clone(),
        customer_name: cust.name,
        access_level: caller.access_level,
        self_service,
        brand,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dummy_hash_is_parseable() {
        assert!(PasswordHash::new(DUMMY_HASH).is_ok());
    }
}
