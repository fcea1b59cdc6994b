//! A private customer's SIM card sent by post: it needs an address to go
//! to. The signup's SIM step asks for it (filled in with the customer's
//! address on record), and the create keeps it as the customer's address,
//! in the create's own transaction: a refused create changes no address.

use super::{db_err, rule, Result};
use crate::account::{CreateError, NUL_MESSAGE};
use crate::db::entity::customer;
use crate::signup::MAX_ADDRESS;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseTransaction, IntoActiveModel};

/// The address of a self-service account's posted SIM card: the one given
/// (kept as the customer's address), else the customer's address on record.
pub(super) async fn keep_address(
    txn: &DatabaseTransaction,
    customer: &customer::Model,
    given: Option<&str>,
) -> Result<()> {
    let given = given.map(str::trim).filter(|a| !a.is_empty());
    let Some(address) = given else {
        let on_record = customer
            .address
            .as_deref()
            .is_some_and(|a| !a.trim().is_empty());
        return if on_record {
            Ok(())
        } else {
            Err(rule(
                422,
                "deliveryAddress",
                "A SIM card sent by post needs a delivery address",
            ))
        };
    };
    if address.contains('\0') {
        return Err(CreateError::Rule(
            422,
            "deliveryAddress",
            NUL_MESSAGE.into(),
        ));
    }
    if address.chars().count() > MAX_ADDRESS {
        return Err(CreateError::Rule(
            422,
            "deliveryAddress",
            format!("The delivery address can have at most {MAX_ADDRESS} characters"),
        ));
    }
    if customer.address.as_deref() == Some(address) {
        return Ok(());
    }
    let mut row = customer.clone().into_active_model();
    row.address = Set(Some(address.to_string()));
    row.update(txn).await.map_err(db_err)?;
    Ok(())
}
