//! The customer the account is for: found, within the caller's reach, not
//! blocked; the fields the caller's level may set; whether the caller is a
//! private person in self-service; and whose SIM stock the account may use.

use super::{checks, db_err, non_empty, Result};
use crate::account::{CreateError, CreateMvnoRequest};
use crate::db::entity::customer;
use crate::enums::CustomerState;
use crate::services::customers::{chain, reaches};
use crate::services::{signup, Caller};
use crate::Id;
use sea_orm::DatabaseTransaction;

/// Who the account is for, as the later stages need it.
pub(super) struct Party {
    pub customer: customer::Model,
    /// The resellers above the customer, nearest first.
    pub resellers: Vec<String>,
    /// Whose SIM stock the account may take cards from.
    pub holders: Vec<String>,
    /// The caller's own customer is a private person (self-service).
    pub self_service: bool,
    /// A self-service account whose SIM card is sent by post: a port-in
    /// waits for the card (see [`crate::calendar::POSTED_SIM_WORKING_DAYS`]).
    pub posted_sim: bool,
}

pub(super) async fn find(
    txn: &DatabaseTransaction,
    caller: &Caller,
    req: &CreateMvnoRequest,
) -> Result<Party> {
    let customer_id = non_empty(&req.customer)
        .and_then(|c| Id::parse(c).ok())
        .ok_or(CreateError::CustomerNotFound)?;
    let chain = chain(txn, customer_id.as_str())
        .await
        .map_err(|_| CreateError::Internal)?;
    let customer = chain
        .first()
        .filter(|c| c.state != CustomerState::Deleted)
        .cloned()
        .ok_or(CreateError::CustomerNotFound)?;
    if !reaches(caller, &chain) {
        return Err(CreateError::AccessDenied(None));
    }
    checks::check_field_levels(req, caller.access_level)?;
    let self_service = signup::caller_is_self_service(txn, caller, &chain)
        .await
        .map_err(db_err)?;
    if customer.state == CustomerState::Blocked {
        return Err(CreateError::CustomerBlocked);
    }
    let resellers: Vec<String> = chain.iter().skip(1).map(|c| c.id.clone()).collect();
    let holders = signup::stock_holders_for(chain, self_service);
    Ok(Party {
        customer,
        resellers,
        holders,
        self_service,
        posted_sim: false,
    })
}
