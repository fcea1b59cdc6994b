//! The SIMs: the account's own (a physical card by ICC, an eSIM profile, an
//! auto-assigned card, or none) and its data-sharing SIMs with their
//! numbers, taken from the stock the party may use.

use super::checks::SimChoice;
use super::number::{take_data_sharing_number, take_named_data_sharing_number};
use super::party::Party;
use super::{db_err, non_empty, rule, Result};
use crate::account::{CreateError, CreateMvnoRequest, DataSharingSimRequest};
use crate::db::entity::*;
use crate::enums::*;
use crate::icc::Icc;
use crate::phone::E164;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, Condition, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

/// The SIMs as taken.
pub(super) struct Sims {
    pub sim: Option<sim_card::Model>,
    pub network: Network,
    pub auto_assigned: bool,
    /// Each data-sharing SIM's card, number and name.
    pub sharing: Vec<(sim_card::Model, String, Option<String>)>,
}

/// Takes the account's SIM and its data-sharing SIMs; `number` is the
/// account's own number, which no data-sharing SIM may take.
pub(super) async fn take(
    txn: &DatabaseTransaction,
    req: &CreateMvnoRequest,
    sim_choice: &SimChoice,
    party: &Party,
    number: &str,
    account_id: &str,
    now: DateTime<Utc>,
) -> Result<Sims> {
    let (sim, network, auto_assigned) = take_own(txn, sim_choice, party, account_id).await?;
    // Data-sharing SIMs: TDC only, on the primary SIM's network.
    let mut sharing = Vec::new();
    for (i, s) in req.data_sharing_sims.iter().flatten().enumerate() {
        let at = |e: CreateError| CreateError::DataSharingSim(i, Box::new(e));
        if network != Network::Tdc {
            return Err(at(CreateError::DataSharingNetwork));
        }
        let card = take_sharing_card(txn, s, party, account_id)
            .await
            .map_err(at)?;
        let own = take_sharing_number(txn, s, party, number, account_id, now)
            .await
            .map_err(at)?;
        sharing.push((card, own, s.name.clone()));
    }
    Ok(Sims {
        sim,
        network,
        auto_assigned,
        sharing,
    })
}

/// The account's own SIM as chosen, its network, and whether it was
/// auto-assigned.
async fn take_own(
    txn: &DatabaseTransaction,
    sim_choice: &SimChoice,
    party: &Party,
    account_id: &str,
) -> Result<(Option<sim_card::Model>, Network, bool)> {
    Ok(match sim_choice {
        SimChoice::Physical(icc) => {
            let sim = take_sim_by_icc(
                txn,
                &party.holders,
                icc.as_str(),
                account_id,
                CreateError::SimNotFound,
                CreateError::SimNotAvailable("mvnoSim"),
            )
            .await?;
            let network = sim.network;
            (Some(sim), network, false)
        }
        SimChoice::Esim(network) => {
            let sim = take_free_sim(txn, &party.holders, *network, esims(), account_id)
                .await?
                .ok_or(CreateError::OutOfEsim)?;
            (Some(sim), *network, false)
        }
        SimChoice::AutoAssign(network) => {
            let filter = Condition::all().add(sim_card::Column::AutoAssign.eq(true));
            let sim = take_free_sim(txn, &party.holders, *network, filter, account_id)
                .await?
                .ok_or(CreateError::NoAutoAssignSim)?;
            (Some(sim), *network, true)
        }
        SimChoice::NoSim(network) => (None, *network, false),
    })
}

fn esims() -> Condition {
    Condition::all().add(sim_card::Column::FormFactor.eq(FormFactor::Esim))
}

/// A data-sharing SIM's card: a free TDC eSIM, or the card named by ICC.
async fn take_sharing_card(
    txn: &DatabaseTransaction,
    s: &DataSharingSimRequest,
    party: &Party,
    account_id: &str,
) -> Result<sim_card::Model> {
    if s.assign_esim == Some(true) {
        return take_free_sim(txn, &party.holders, Network::Tdc, esims(), account_id)
            .await?
            .ok_or(CreateError::DataSharingSimNotAvailable);
    }
    let typed = non_empty(&s.sim_number).unwrap_or_default();
    let icc = Icc::parse(typed).map_err(|_| CreateError::DataSharingSimNotFound)?;
    let card = sim_card::Entity::find_by_id(icc.as_str())
        .one(txn)
        .await
        .map_err(db_err)?
        .filter(|c| party.holders.contains(&c.in_storage_at))
        .ok_or(CreateError::DataSharingSimNotFound)?;
    if card.network != Network::Tdc {
        return Err(CreateError::DataSharingNetwork);
    }
    take_sim_by_icc(
        txn,
        &party.holders,
        icc.as_str(),
        account_id,
        CreateError::DataSharingSimNotFound,
        CreateError::DataSharingSimNotAvailable,
    )
    .await
}

/// A data-sharing SIM's number: the one asked for, or the customer's next
/// free one (never the account's own `number`).
async fn take_sharing_number(
    txn: &DatabaseTransaction,
    s: &DataSharingSimRequest,
    party: &Party,
    number: &str,
    account_id: &str,
    now: DateTime<Utc>,
) -> Result<String> {
    let customer = &party.customer.id;
    match non_empty(&s.number) {
        Some(typed) => {
            let wanted = E164::from_typed(typed)
                .map_err(|_| rule(422, "dataSharingSims.number", "The number is invalid"))?;
            take_named_data_sharing_number(txn, customer, account_id, &wanted, now).await
        }
        None => take_data_sharing_number(txn, customer, account_id, number, now).await,
    }
}

/// Takes one SIM for the account, conditionally, so it is never taken twice.
async fn take_sim(txn: &DatabaseTransaction, icc: &str, account_id: &str) -> Result<bool> {
    let res = sim_card::Entity::update_many()
        .col_expr(sim_card::Column::AccountId, Expr::value(account_id))
        .filter(sim_card::Column::Icc.eq(icc))
        .filter(sim_card::Column::AccountId.is_null())
        .exec(txn)
        .await
        .map_err(db_err)?;
    Ok(res.rows_affected == 1)
}

/// Takes a free card from the holders' stock matching `filter`.
async fn take_free_sim(
    txn: &DatabaseTransaction,
    holders: &[String],
    network: Network,
    filter: Condition,
    account_id: &str,
) -> Result<Option<sim_card::Model>> {
    for _ in 0..4 {
        let candidates = sim_card::Entity::find()
            .filter(sim_card::Column::InStorageAt.is_in(holders.to_vec()))
            .filter(sim_card::Column::Network.eq(network))
            .filter(sim_card::Column::AccountId.is_null())
            .filter(filter.clone())
            .order_by_asc(sim_card::Column::Icc)
            .limit(16)
            .all(txn)
            .await
            .map_err(db_err)?;
        if candidates.is_empty() {
            return Ok(None);
        }
        // Start at a different card per request so racing creates spread out.
        let start = (account_id.as_bytes()[23] as usize) % candidates.len();
        for i in 0..candidates.len() {
            let c = &candidates[(start + i) % candidates.len()];
            if take_sim(txn, &c.icc, account_id).await? {
                return Ok(Some(c.clone()));
            }
        }
    }
    Ok(None)
}

/// Finds a physical card by ICC in the holders' stock and takes it.
async fn take_sim_by_icc(
    txn: &DatabaseTransaction,
    holders: &[String],
    icc: &str,
    account_id: &str,
    not_found: CreateError,
    not_available: CreateError,
) -> Result<sim_card::Model> {
    let sim = sim_card::Entity::find_by_id(icc)
        .one(txn)
        .await
        .map_err(db_err)?
        .filter(|s| holders.contains(&s.in_storage_at))
        .ok_or(not_found)?;
    if sim.account_id.is_some() || !take_sim(txn, icc, account_id).await? {
        return Err(not_available);
    }
    Ok(sim)
}
