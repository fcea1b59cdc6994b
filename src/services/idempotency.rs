//! `Idempotency-Key` on create: the same key and body within 24 hours
//! answers the first result; the same key with another body is refused;
//! two concurrent requests with one key never both run (the key's row is
//! inserted first, and its primary key admits one).

use super::db_error;
use crate::db::entity::idempotency_key;
use crate::ApiError;
use chrono::{Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use sha2::{Digest, Sha256};

/// Replies are remembered this long.
pub const KEEP_HOURS: i64 = 24;

/// A claim whose request has not answered after this long was abandoned
/// (its process died): longer than any request may take, and a create's
/// success is remembered in its own transaction, so an abandoned claim
/// created nothing and may run again.
pub const CLAIM_LEASE_SECS: i64 = 120;

/// What to do with a request that carries a key.
#[derive(Debug, PartialEq)]
pub enum Claim {
    /// First time: run it, then [`finish`].
    Fresh,
    /// Seen before with the same body: answer this.
    Replay {
        status: u16,
        body: serde_json::Value,
    },
}

const HEADER: &str = "Idempotency-Key";

/// A fingerprint of the request body, insensitive to whitespace and key order.
pub fn fingerprint(body: &serde_json::Value) -> String {
    hex::encode(Sha256::digest(body.to_string().as_bytes()))
}

/// Checks a key's form: 1 to 255 visible ASCII characters.
pub fn check_key(key: &str) -> Result<(), ApiError> {
    if key.is_empty() || key.len() > 255 || !key.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(ApiError::bad_request(
            "Idempotency-Key must be 1 to 255 visible ASCII characters",
        )
        .with_path(HEADER));
    }
    Ok(())
}

/// Claims `key` for `employee`, or says how to answer a repeat.
pub async fn claim<C: ConnectionTrait>(
    db: &C,
    employee: &str,
    key: &str,
    fingerprint: &str,
) -> Result<Claim, ApiError> {
    check_key(key)?;
    let now = Utc::now();
    idempotency_key::Entity::delete_many()
        .filter(idempotency_key::Column::EmployeeId.eq(employee))
        .filter(idempotency_key::Column::Key.eq(key))
        .filter(idempotency_key::Column::CreatedAt.lt(now - Duration::hours(KEEP_HOURS)))
        .exec(db)
        .await
        .map_err(db_error)?;
    let inserted = idempotency_key::Entity::insert(idempotency_key::ActiveModel {
        employee_id: Set(employee.to_string()),
        key: Set(key.to_string()),
        request_hash: Set(fingerprint.to_string()),
        status: Set(None),
        response: Set(None),
        created_at: Set(now),
    })
    .on_conflict_do_nothing()
    .exec(db)
    .await
    .map_err(db_error)?;
    if matches!(inserted, sea_orm::TryInsertResult::Inserted(_)) {
        return Ok(Claim::Fresh);
    }
    let row = idempotency_key::Entity::find_by_id((employee.to_string(), key.to_string()))
        .one(db)
        .await
        .map_err(db_error)?
        .ok_or_else(ApiError::internal)?;
    if row.request_hash != fingerprint {
        return Err(ApiError::new(
            422,
            HEADER,
            "This Idempotency-Key was used with another request body",
        )
        .with_path(HEADER));
    }
    match (row.status, row.response) {
        (Some(status), Some(body)) => Ok(Claim::Replay {
            status: status as u16,
            body,
        }),
        (None, _) if row.created_at < now - Duration::seconds(CLAIM_LEASE_SECS) => {
            // Abandoned: take it over, once (of two retries at once, one
            // moves the claim's time and the other finds it moved).
            let taken = idempotency_key::Entity::update_many()
                .col_expr(idempotency_key::Column::CreatedAt, Expr::value(now))
                .filter(idempotency_key::Column::EmployeeId.eq(employee))
                .filter(idempotency_key::Column::Key.eq(key))
                .filter(idempotency_key::Column::Status.is_null())
                .filter(
                    idempotency_key::Column::CreatedAt
                        .lt(now - Duration::seconds(CLAIM_LEASE_SECS)),
                )
                .exec(db)
                .await
                .map_err(db_error)?;
            if taken.rows_affected == 1 {
                Ok(Claim::Fresh)
            } else {
                Err(still_processing())
            }
        }
        _ => Err(still_processing()),
    }
}

fn still_processing() -> ApiError {
    ApiError::new(
        409,
        HEADER,
        "A request with this Idempotency-Key is still being processed",
    )
    .with_path(HEADER)
}

/// Remembers the answer to a claimed key.
pub async fn finish<C: ConnectionTrait>(
    db: &C,
    employee: &str,
    key: &str,
    status: u16,
    body: &serde_json::Value,
) -> Result<(), ApiError> {
    idempotency_key::Entity::update_many()
        .col_expr(idempotency_key::Column::Status, Expr::value(status as i32))
        .col_expr(idempotency_key::Column::Response, Expr::value(body.clone()))
        .filter(idempotency_key::Column::EmployeeId.eq(employee))
        .filter(idempotency_key::Column::Key.eq(key))
        .exec(db)
        .await
        .map_err(db_error)?;
    Ok(())
}
