//! The products the account is invoiced by: the rate plan (and the next
//! period's when the plan ends), services, SOC overrides and the
//! Rest-of-World package, each usable by the customer at the start date.

use super::{db_err, non_empty, Result};
use crate::account::{CreateError, CreateMvnoRequest, FeatureRequest};
use crate::db::entity::*;
use crate::enums::*;
use crate::services::{catalog, clock};
use crate::Id;
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseTransaction, EntityTrait};
use serde_json::json;

/// The products chosen for the account.
pub(super) struct Products {
    pub plan: product::Model,
    pub new_plan: Option<product::Model>,
    pub services: Vec<String>,
    pub overrides: Vec<crate::account::SocOverride>,
    pub row: Option<serde_json::Value>,
}

pub(super) async fn choose(
    txn: &DatabaseTransaction,
    req: &CreateMvnoRequest,
    customer: &customer::Model,
    start: DateTime<Utc>,
) -> Result<Products> {
    let plan_id = non_empty(&req.rate_plan).ok_or(CreateError::RatePlanNotFound)?;
    let plan = usable_product(txn, plan_id, ProductKind::RatePlan, customer, start)
        .await?
        .ok_or(CreateError::RatePlanNotFound)?;
    let new_plan = match non_empty(&req.new_rate_plan) {
        Some(id) => Some(
            usable_product(txn, id, ProductKind::RatePlan, customer, start)
                .await?
                .ok_or(CreateError::NewRatePlanNotFound)?,
        ),
        None => None,
    };
    let next_period = clock::porting_time(clock::next_month_start(clock::copenhagen_date(start)));
    if new_plan.is_none() && plan.valid_until.is_some_and(|u| u < next_period) {
        return Err(CreateError::NextPeriodProductNotFound);
    }
    let mut services = Vec::new();
    for id in req.services.iter().flatten() {
        let s = usable_product(txn, id, ProductKind::Service, customer, start)
            .await?
            .ok_or(CreateError::ServicesInvalid)?;
        services.push(s.id);
    }
    let overrides = req.socs_override.clone().unwrap_or_default();
    for o in &overrides {
        for code in [&o.soc, &o.new_soc] {
            if soc::Entity::find_by_id(code.as_str())
                .one(txn)
                .await
                .map_err(db_err)?
                .is_none()
            {
                return Err(CreateError::SocInvalid(code.clone()));
            }
        }
    }
    let row = match &req.rest_of_world_roaming {
        None => plan.included_row_product_id.clone().map(|p| json!({"productId": p, "isOverride": false, "keepAfterExpire": false})),
        Some(r) => match &r.product_id {
            Some(Some(id)) if !id.trim().is_empty() => {
                let p = usable_product(txn, id, ProductKind::RowRoaming, customer, start).await?.ok_or(CreateError::RowProductNotFound)?;
                let is_override = plan.included_row_product_id.as_deref() != Some(p.id.as_str());
                Some(json!({"productId": p.id, "isOverride": is_override, "keepAfterExpire": r.keep_after_expire.unwrap_or(false)}))
            }
            Some(_) if plan.included_row_product_id.is_some() => return Err(CreateError::RowCannotBeRemoved),
            Some(_) => None,
            None => plan.included_row_product_id.clone().map(|p| json!({"productId": p, "isOverride": false, "keepAfterExpire": r.keep_after_expire.unwrap_or(false)})),
        },
    };

    Ok(Products {
        plan,
        new_plan,
        services,
        overrides,
        row,
    })
}

/// A product usable on the customer's accounts at `at`: the operator's
/// master products, the customer's own, and its direct reseller's; for a
/// private customer the public ones only ([`catalog::offered_to`]).
async fn usable_product<C: ConnectionTrait>(
    db: &C,
    id: &str,
    kind: ProductKind,
    customer: &customer::Model,
    at: DateTime<Utc>,
) -> Result<Option<product::Model>> {
    let Ok(id) = Id::parse(id) else {
        return Ok(None);
    };
    let Some(p) = product::Entity::find_by_id(id.as_str())
        .one(db)
        .await
        .map_err(db_err)?
    else {
        return Ok(None);
    };
    let owner_ok = match &p.owner_customer_id {
        None => true,
        Some(o) => *o == customer.id || Some(o) == customer.parent_reseller.as_ref(),
    };
    let valid = p.valid_from <= at && p.valid_until.is_none_or(|u| u >= at);
    let offered = catalog::offered_to(&p, customer);
    Ok((p.kind == kind && owner_ok && valid && offered).then_some(p))
}

pub(super) fn plan_features(plan: &product::Model) -> Option<FeatureRequest> {
    plan.features
        .as_ref()
        .and_then(|f| serde_json::from_value(f.clone()).ok())
}
