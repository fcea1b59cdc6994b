//! MitID verifications. The stand-in records on the server who the
//! signed-in person is, as a MitID login would tell, and hands back only the
//! record's opaque id; a create from the portal takes the identity from the
//! record, once, and never from what the browser sends.

use super::{db_error, Caller};
use crate::account::{CreateError, MitId};
use crate::db::entity::{employee, mitid_verification};
use crate::{ApiError, Id};
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// How long a verification may be used for a create.
pub const VALID_MINUTES: i64 = 15;

/// The answer to a create that names a verification it may not use.
pub const NOT_VALID: &str = "The MitID verification has expired or was already used; verify again";

/// A recorded verification: the id the portal carries, and the name to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verification {
    /// Opaque id of the record (24 hex characters).
    pub id: Id,
    /// The verified person's name.
    pub name: String,
}

/// A stable UUID-shaped MitID id per employee, as MitID gives one per person.
fn stand_in_uuid(employee: &Id) -> String {
    let id = employee.as_str();
    format!(
        "{}-{}-4{}-8{}-{}",
        &id[0..8],
        &id[8..12],
        &id[13..16],
        &id[17..20],
        &id[12..24]
    )
}

/// The MitID stand-in: records that the signed-in person verified now, with
/// the name and a stable id MitID would give, for [`VALID_MINUTES`]. It
/// asks nothing and proves nothing; the record is what a real MitID reply
/// would fill. The caller's expired records are cleared on the way.
pub async fn stand_in<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
) -> Result<Verification, ApiError> {
    let person = employee::Entity::find_by_id(caller.employee.as_str())
        .one(db)
        .await
        .map_err(db_error)?
        .ok_or_else(ApiError::invalid_token)?;
    let now = Utc::now();
    mitid_verification::Entity::delete_many()
        .filter(mitid_verification::Column::EmployeeId.eq(caller.employee.as_str()))
        .filter(mitid_verification::Column::ExpiresAt.lte(now))
        .exec(db)
        .await
        .map_err(db_error)?;
    let id = Id::generate();
    mitid_verification::Entity::insert(mitid_verification::ActiveModel {
        id: Set(id.to_string()),
        employee_id: Set(caller.employee.to_string()),
        uuid: Set(stand_in_uuid(&caller.employee)),
        name: Set(person.name.clone()),
        authentication_date: Set(now),
        created_at: Set(now),
        expires_at: Set(now + Duration::minutes(VALID_MINUTES)),
        used_at: Set(None),
    })
    .exec(db)
    .await
    .map_err(db_error)?;
    Ok(Verification {
        id,
        name: person.name,
    })
}

/// Takes the verification `reference` for a create, in the create's own
/// transaction: it must be the caller's own, unexpired and unused, and is
/// marked used (a rolled-back create leaves it unused). Anything else is
/// `422 mitId` ([`NOT_VALID`]), the same answer for an unknown, foreign,
/// used or expired record.
pub(crate) async fn take<C: ConnectionTrait>(
    txn: &C,
    caller: &Caller,
    reference: &str,
    now: DateTime<Utc>,
) -> Result<MitId, CreateError> {
    let refused = || CreateError::Rule(422, "mitId", NOT_VALID.to_string());
    let internal = |e: sea_orm::DbErr| {
        tracing::error!(error = %e, "database error taking a MitID verification");
        CreateError::Internal
    };
    let id = Id::parse(reference.trim()).map_err(|_| refused())?;
    let taken = mitid_verification::Entity::update_many()
        .col_expr(mitid_verification::Column::UsedAt, Expr::value(Some(now)))
        .filter(mitid_verification::Column::Id.eq(id.as_str()))
        .filter(mitid_verification::Column::EmployeeId.eq(caller.employee.as_str()))
        .filter(mitid_verification::Column::UsedAt.is_null())
        .filter(mitid_verification::Column::ExpiresAt.gt(now))
        .exec(txn)
        .await
        .map_err(internal)?;
    if taken.rows_affected != 1 {
        return Err(refused());
    }
    let row = mitid_verification::Entity::find_by_id(id.as_str())
        .one(txn)
        .await
        .map_err(internal)?
        .ok_or(CreateError::Internal)?;
    Ok(MitId {
        uuid: Some(row.uuid),
        name: Some(row.name),
        authentication_date: Some(crate::dates::format(&row.authentication_date)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stand_in_uuid_is_stable_and_uuid_shaped() {
        let id = Id::parse("0123456789abcdef01234567").unwrap();
        let uuid = stand_in_uuid(&id);
        assert_eq!(uuid, stand_in_uuid(&id));
        let parts: Vec<usize> = uuid.split('-').map(str::len).collect();
        assert_eq!(parts, [8, 4, 4, 4, 12]);
    }
}
