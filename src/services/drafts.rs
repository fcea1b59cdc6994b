//! The wizard's draft on the server: the answers that must not travel in a
//! URL (the voicemail PIN, notes, custom data), and the error of the last
//! refused create, so that no link can put words in the product's mouth.
//! A draft belongs to one employee and one wizard key; it is forgotten a
//! day after its last change.

use super::{db_error, Caller};
use crate::db::entity::wizard_draft;
use crate::ApiError;
use chrono::{Duration, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::BTreeMap;

/// How long a draft lives after its last change.
pub const DRAFT_HOURS: i64 = 24;
/// The most a draft holds: answers beyond it are refused.
pub const MAX_DRAFT_BYTES: usize = 32 * 1024;

/// A wizard's kept answers and its pending error.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    pub fields: BTreeMap<String, String>,
    pub error: Option<ApiError>,
}

/// A wizard key is the 24-hex id the wizard was given.
fn check_key(key: &str) -> Result<(), ApiError> {
    crate::Id::parse(key)
        .map(|_| ())
        .map_err(|_| ApiError::field(422, "key", "The wizard's key is not valid; start again"))
}

async fn find<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    key: &str,
) -> Result<Option<wizard_draft::Model>, ApiError> {
    wizard_draft::Entity::find_by_id((caller.employee.to_string(), key.to_lowercase()))
        .one(db)
        .await
        .map_err(db_error)
}

/// The caller's draft for `key` (empty when there is none or it expired).
pub async fn load<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    key: &str,
) -> Result<Draft, ApiError> {
    if check_key(key).is_err() {
        return Ok(Draft::default());
    }
    let Some(row) = find(db, caller, key).await? else {
        return Ok(Draft::default());
    };
    if row.updated_at < Utc::now() - Duration::hours(DRAFT_HOURS) {
        return Ok(Draft::default());
    }
    Ok(Draft {
        fields: serde_json::from_value(row.fields).unwrap_or_default(),
        error: row.error.and_then(|e| serde_json::from_value(e).ok()),
    })
}

async fn store<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    key: &str,
    draft: &Draft,
) -> Result<(), ApiError> {
    let fields = serde_json::to_value(&draft.fields).map_err(|_| ApiError::internal())?;
    if fields.to_string().len() > MAX_DRAFT_BYTES {
        return Err(ApiError::field(
            422,
            "notes",
            "The notes and custom data are too long together (at most 32 KB); shorten them",
        ));
    }
    let now = Utc::now();
    // Drafts of this employee that nobody finished are forgotten.
    wizard_draft::Entity::delete_many()
        .filter(wizard_draft::Column::EmployeeId.eq(caller.employee.as_str()))
        .filter(wizard_draft::Column::UpdatedAt.lt(now - Duration::hours(DRAFT_HOURS)))
        .exec(db)
        .await
        .map_err(db_error)?;
    wizard_draft::Entity::insert(wizard_draft::ActiveModel {
        employee_id: Set(caller.employee.to_string()),
        key: Set(key.to_lowercase()),
        fields: Set(fields),
        error: Set(draft
            .error
            .as_ref()
            .map(|e| serde_json::to_value(e).unwrap_or_default())),
        updated_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([wizard_draft::Column::EmployeeId, wizard_draft::Column::Key])
            .update_columns([
                wizard_draft::Column::Fields,
                wizard_draft::Column::Error,
                wizard_draft::Column::UpdatedAt,
            ])
            .to_owned(),
    )
    .exec(db)
    .await
    .map_err(db_error)?;
    Ok(())
}

/// Keeps `fields` (an empty value removes the answer) and clears the
/// pending error: the user has changed something since.
pub async fn save<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    key: &str,
    fields: impl IntoIterator<Item = (String, String)>,
) -> Result<(), ApiError> {
    check_key(key)?;
    let fields: Vec<(String, String)> = fields.into_iter().collect();
    // The same rule as the create's: a database cannot store NUL in text.
    if let Some((k, _)) = fields.iter().find(|(_, v)| v.contains('\0')) {
        return Err(ApiError::field(422, k, crate::account::NUL_MESSAGE));
    }
    let mut draft = load(db, caller, key).await?;
    for (k, v) in fields {
        if v.is_empty() {
            draft.fields.remove(&k);
        } else {
            draft.fields.insert(k, v);
        }
    }
    draft.error = None;
    store(db, caller, key, &draft).await
}

/// Records the error of a refused create, to be shown by the wizard's page.
pub async fn set_error<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    key: &str,
    error: &ApiError,
) -> Result<(), ApiError> {
    check_key(key)?;
    let mut draft = load(db, caller, key).await?;
    draft.error = Some(error.clone());
    store(db, caller, key, &draft).await
}

/// Forgets the draft (after the subscription was created).
pub async fn discard<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    key: &str,
) -> Result<(), ApiError> {
    wizard_draft::Entity::delete_by_id((caller.employee.to_string(), key.to_lowercase()))
        .exec(db)
        .await
        .map_err(db_error)?;
    Ok(())
}
