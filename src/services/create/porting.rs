//! A port-in: who may authorise it, the donor's rules for the ICC of the
//! SIM used today, the requested date, and the porting row the write
//! stores.

use super::{db_err, non_empty, Result};
use crate::account::{CreateError, CreateMvnoRequest};
use crate::db::entity::{customer, number, operator, porting};
use crate::enums::*;
use crate::icc::Icc;
use crate::phone::E164;
use crate::services::clock;
use crate::{calendar, Id};
use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, DatabaseTransaction, EntityTrait, SqlErr};
use serde_json::json;

/// Checks a port-in from `donor` and records its number row; answers the
/// porting to store with the account.
#[allow(clippy::too_many_arguments)]
pub(super) async fn port_in(
    txn: &DatabaseTransaction,
    req: &CreateMvnoRequest,
    donor: &operator::Model,
    customer: &customer::Model,
    number: &E164,
    self_service: bool,
    posted_sim: bool,
    mit_id_given: bool,
    account_id: &str,
    now: DateTime<Utc>,
) -> Result<porting::ActiveModel> {
    let today = clock::copenhagen_date(now);
    if !may_authorise_porting(self_service, mit_id_given) {
        return Err(CreateError::PortingNotAuthorised);
    }
    let donor_sim = check_donor(req, donor)?;
    let requested = match req.requested_porting_date {
        None => None,
        Some(at) => {
            let date = clock::copenhagen_date(at);
            calendar::check_porting_date_for(date, today, posted_sim)
                .map_err(|e| CreateError::Rule(422, "requestedPortingDate", e.to_string()))?;
            Some(clock::porting_time(date))
        }
    };
    let inserted = number::Entity::insert(number::ActiveModel {
        number: Set(number.to_string()),
        state: Set(NumberState::PortingIn),
        network: Set(None),
        owner_customer_id: Set(Some(customer.id.clone())),
        stock_reseller_id: Set(None),
        range_id: Set(None),
        reserved_until: Set(None),
        quarantine_until: Set(None),
        account_id: Set(Some(account_id.to_string())),
        updated_at: Set(now),
    })
    .exec(txn)
    .await;
    if let Err(e) = inserted {
        return Err(match e.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(_)) => {
                tracing::debug!(error = %e, "number row for port-in exists already");
                CreateError::NumberBeingPorted
            }
            _ => db_err(e),
        });
    }
    let stage = if req.porting_ready == Some(true) {
        PortingStage::InReady
    } else {
        PortingStage::InCreated
    };
    Ok(porting::ActiveModel {
        id: Set(Id::generate().to_string()),
        number: Set(number.to_string()),
        account_id: Set(account_id.to_string()),
        customer_id: Set(customer.id.clone()),
        donor_cps: Set(donor.cps_code.clone()),
        donor_sim_number: Set(donor_sim),
        requested_date: Set(requested),
        notify: Set(json!([])),
        stage: Set(stage),
        stage_date: Set(now),
        message: Set(None),
        created_at: Set(now),
    })
}

/// Who may authorise a port-in (row `403 number`): a reseller or admin,
/// and a business's OWNER, sign the porting's power of attorney or give
/// the donor ICC; a private person in self-service authorises it with
/// MitID, so a self-service port-in without a MitID verification is
/// refused. The number check asks the same.
pub fn may_authorise_porting(self_service: bool, mit_id_given: bool) -> bool {
    !self_service || mit_id_given
}

/// Donor SIM checks for a port-in (rows `404/422 donorSimNumber`).
fn check_donor(req: &CreateMvnoRequest, donor: &operator::Model) -> Result<Option<String>> {
    let auth = donor.mvno_auth;
    let by_icc = matches!(auth, MvnoAuth::Icc | MvnoAuth::IccFax | MvnoAuth::IccEmail);
    let given = non_empty(&req.donor_sim_number);
    let Some(typed) = given else {
        return if by_icc {
            Err(CreateError::DonorSimMissing)
        } else {
            Ok(None)
        };
    };
    let icc = Icc::parse(typed).map_err(|_| CreateError::DonorSimInvalid)?;
    if !icc.luhn_ok() {
        return Err(CreateError::DonorSimInvalid);
    }
    if let Some(pattern) = &donor.icc_validation {
        let re = regex::Regex::new(pattern).map_err(|_| CreateError::Internal)?;
        // Donors print cards with a trailing F; their rules may expect it.
        let with_f = format!("{icc}F");
        if !re.is_match(icc.as_str()) && !re.is_match(&with_f) {
            return Err(CreateError::DonorSimRejectedByDonorRule);
        }
    }
    Ok(Some(icc.to_string()))
}
