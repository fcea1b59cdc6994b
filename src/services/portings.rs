//! Reading a porting and changing its requested date and notify list
//! (`GET/POST /porting/{id}`).

use super::customers::may_act_on;
use super::{clock, db_error, view, Caller};
use crate::account::Porting;
use crate::calendar;
use crate::db::entity::porting;
use crate::enums::PortingStage;
use crate::{ApiError, Id};
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, EntityTrait};
use serde::{Deserialize, Serialize};

/// `POST /porting/{id}` body: only what is given is changed.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct PortingUpdate {
    /// `null` means "at the end of the commitment".
    #[serde(default, deserialize_with = "date_present")]
    pub requested_date: Option<Option<DateTime<Utc>>>,
    pub notify: Option<Vec<String>>,
}

fn date_present<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<Option<DateTime<Utc>>>, D::Error> {
    crate::dates::lenient_opt::deserialize(d).map(Some)
}

async fn find<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: &str,
) -> Result<porting::Model, ApiError> {
    let not_found = || ApiError::not_found("Porting not found");
    let id = Id::parse(id).map_err(|_| not_found())?;
    let p = porting::Entity::find_by_id(id.as_str())
        .one(db)
        .await
        .map_err(db_error)?
        .ok_or_else(not_found)?;
    if !may_act_on(db, caller, &p.customer_id).await? {
        return Err(not_found());
    }
    Ok(p)
}

pub async fn get<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: &str,
) -> Result<Porting, ApiError> {
    let p = find(db, caller, id).await?;
    view::porting_object(db, p).await
}

/// Changes the requested date (checked against the Danish calendar) and the
/// notify list, while the porting is not yet confirmed.
pub async fn update<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: &str,
    change: PortingUpdate,
) -> Result<Porting, ApiError> {
    if !caller.access_level.may_update_portings() {
        return Err(ApiError::access_denied());
    }
    let p = find(db, caller, id).await?;
    let closed = [
        PortingStage::InConfirmed,
        PortingStage::InCompleted,
        PortingStage::InCancelled,
        PortingStage::InRejected,
    ];
    if closed.contains(&p.stage) {
        return Err(ApiError::new(
            409,
            "stage",
            format!("The porting is {} and can no longer be changed", p.stage),
        )
        .with_path("stage"));
    }
    let mut m: porting::ActiveModel = p.into();
    if let Some(date) = change.requested_date {
        let today = clock::copenhagen_date(Utc::now());
        let requested = match date {
            None => None,
            Some(at) => {
                let d = clock::copenhagen_date(at);
                calendar::check_porting_date(d, today)
                    .map_err(|e| ApiError::field(422, "requestedDate", e.to_string()))?;
                Some(clock::porting_time(d))
            }
        };
        m.requested_date = Set(requested);
    }
    if let Some(notify) = change.notify {
        for e in &notify {
            if !crate::email::is_valid(e) {
                return Err(ApiError::field(
                    422,
                    "notify",
                    format!("{e:?} is not an e-mail address"),
                ));
            }
        }
        m.notify = Set(serde_json::json!(notify));
    }
    let saved = m.update(db).await.map_err(db_error)?;
    view::porting_object(db, saved).await
}
