//! What a signed-in user chose for the portal: today its language, kept on
//! the login so that a sign-in on another browser speaks it too.

use super::{db_error, Caller};
use crate::db::entity::employee_language;
use crate::enums::Language;
use crate::ApiError;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};

/// Keeps the caller's choice of language (the last one wins).
pub async fn set_language<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    language: Language,
) -> Result<(), ApiError> {
    employee_language::Entity::insert(employee_language::ActiveModel {
        employee_id: Set(caller.employee.to_string()),
        language: Set(language),
        updated_at: Set(chrono::Utc::now()),
    })
    .on_conflict(
        OnConflict::column(employee_language::Column::EmployeeId)
            .update_columns([
                employee_language::Column::Language,
                employee_language::Column::UpdatedAt,
            ])
            .to_owned(),
    )
    .exec(db)
    .await
    .map(|_| ())
    .map_err(db_error)
}

/// The language the employee chose last, if it ever chose one.
pub async fn language_of<C: ConnectionTrait>(
    db: &C,
    employee: &crate::Id,
) -> Result<Option<Language>, ApiError> {
    employee_language::Entity::find_by_id(employee.to_string())
        .one(db)
        .await
        .map(|m| m.map(|m| m.language))
        .map_err(db_error)
}
