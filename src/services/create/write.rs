//! The write: the account row, its data-sharing SIMs, the porting and the
//! activation job. Everything before this stage only checked and took; a
//! unique index that fires here is the last guard against a race.

use super::extras::Extras;
use super::number::TakenNumber;
use super::products::Products;
use super::sims::Sims;
use super::{db_err, CreateSettings, Result};
use crate::account::{CreateError, CreateMvnoRequest, MitId};
use crate::db::entity::*;
use crate::enums::*;
use crate::phone::E164;
use crate::services::Caller;
use crate::Id;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, DatabaseTransaction, DbErr, EntityTrait, SqlErr};
use serde_json::json;

/// What the earlier stages decided for the account.
pub(super) struct Account<'a> {
    pub caller: &'a Caller,
    pub req: &'a CreateMvnoRequest,
    pub id: &'a str,
    pub customer: &'a customer::Model,
    pub number: &'a E164,
    pub start: DateTime<Utc>,
    pub now: DateTime<Utc>,
    pub products: Products,
    pub extras: Extras,
    pub taken: TakenNumber,
    pub sims: Sims,
    pub mit_id: Option<MitId>,
}

/// The account's own row.
fn account_row(a: &Account<'_>) -> Result<mvno_account::ActiveModel> {
    let (req, p, x) = (a.req, &a.products, &a.extras);
    let porting = a.taken.porting.as_ref();
    Ok(mvno_account::ActiveModel {
        id: Set(a.id.to_string()),
        customer_id: Set(a.customer.id.clone()),
        number: Set(a.number.to_string()),
        state: Set(AccountState::Creating),
        number_state: Set(a.taken.state),
        network: Set(Some(a.sims.network)),
        sim_icc: Set(a.sims.sim.as_ref().map(|s| s.icc.clone())),
        auto_assigned: Set(a.sims.auto_assigned),
        feature: Set(serde_json::to_value(&x.feature).map_err(|_| CreateError::Internal)?),
        voicemail: Set(x.voicemail.clone()),
        sip_account_id: Set(x.sip.clone()),
        pbx: Set(x.pbx.map(|p| p as i32)),
        extension_id: Set(x.extension.clone()),
        dnd: Set(req.dnd.unwrap_or(false)),
        rate_plan_id: Set(p.plan.id.clone()),
        new_rate_plan_id: Set(p.new_plan.as_ref().map(|p| p.id.clone())),
        services: Set(json!(p.services)),
        socs_override: Set((!p.overrides.is_empty()).then(|| json!(p.overrides))),
        row_roaming: Set(p.row.clone()),
        notes: Set(req.notes.clone()),
        custom: Set(req.custom.clone().filter(|c| !c.is_null())),
        billing_customer_id: Set(x.billing.clone()),
        start_date: Set(a.start),
        delete_date: Set(req.delete_date),
        donor_sim_number: Set(porting.and_then(|p| p.donor_sim_number.clone().unwrap())),
        purchase_info: Set(req.purchase_info.as_ref().map(|p| json!(p))),
        mit_id: Set(a.mit_id.as_ref().map(|m| json!(m))),
        porting_id: Set(porting.map(|p| p.id.clone().unwrap())),
        created_by: Set(a.caller.employee.to_string()),
        created_at: Set(a.now),
        activated_at: Set(None),
    })
}

/// Writes the account and what hangs on it.
pub(super) async fn account(
    txn: &DatabaseTransaction,
    a: Account<'_>,
    settings: &CreateSettings,
) -> Result<()> {
    mvno_account::Entity::insert(account_row(&a)?)
        .exec(txn)
        .await
        .map_err(account_insert_refused)?;
    let (account_id, now, start) = (a.id, a.now, a.start);
    let sharing = a.sims.sharing;
    let porting_row = a.taken.porting;
    for (card, number, name) in sharing {
        data_sharing_sim::Entity::insert(data_sharing_sim::ActiveModel {
            id: Set(Id::generate().to_string()),
            account_id: Set(account_id.to_string()),
            icc: Set(card.icc),
            number: Set(number),
            name: Set(name),
        })
        .exec(txn)
        .await
        .map_err(db_err)?;
    }
    if let Some(p) = porting_row {
        porting::Entity::insert(p).exec(txn).await.map_err(db_err)?;
    }
    job::Entity::insert(job::ActiveModel {
        id: Set(Id::generate().to_string()),
        kind: Set(JobKind::Activate),
        account_id: Set(account_id.to_string()),
        run_at: Set((now + settings.activation_delay).max(start)),
        state: Set(JobState::Pending),
        attempts: Set(0),
        locked_until: Set(None),
        created_at: Set(now),
    })
    .exec(txn)
    .await
    .map_err(db_err)?;
    Ok(())
}

/// Why the database refused the account row. A unique index is the last
/// guard against a race: the one that fired decides the row (the number,
/// the SIM card); anything else is an unknown failure, `500`.
fn account_insert_refused(e: DbErr) -> CreateError {
    match e.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(index)) => {
            tracing::warn!(%index, "account insert lost a race");
            // PostgreSQL names the constraint (`mvno_account_sim_icc_key`),
            // SQLite the column (`mvno_account.sim_icc`).
            if index.contains("sim_icc") {
                CreateError::SimNotAvailable("mvnoSim")
            } else if index.contains("number") {
                CreateError::NumberInUse
            } else {
                db_err(e)
            }
        }
        _ => db_err(e),
    }
}
