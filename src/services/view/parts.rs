//! The parts of the accounts of one reply (SIM cards, data-sharing SIMs,
//! portings and their donors, products), read in one query per kind of
//! part however many accounts there are.

use super::Visibility;
use crate::db::entity::{data_sharing_sim, mvno_account, operator, porting, product, sim_card};
use crate::services::db_error;
use crate::ApiError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::{BTreeSet, HashMap};

/// What the accounts of one reply hold besides their own row, read in one
/// query per kind of part however many accounts there are.
pub(super) struct Parts {
    /// SIM cards by ICC: the accounts' own and their data-sharing SIMs.
    pub sims: HashMap<String, sim_card::Model>,
    /// Data-sharing SIMs by account, in number order.
    pub sharing: HashMap<String, Vec<data_sharing_sim::Model>>,
    pub portings: HashMap<String, porting::Model>,
    /// Donor operators by CPS code.
    pub donors: HashMap<String, operator::Model>,
    /// Rest-of-World products and, for an admin, the rate plans (their SOCs).
    pub products: HashMap<String, product::Model>,
}

impl Parts {
    pub async fn read<C: ConnectionTrait>(
        db: &C,
        accounts: &[mvno_account::Model],
        v: Visibility,
    ) -> Result<Parts, ApiError> {
        let ids: Vec<&str> = accounts.iter().map(|a| a.id.as_str()).collect();
        let sharing_rows: Vec<data_sharing_sim::Model> = data_sharing_sim::Entity::find()
            .filter(data_sharing_sim::Column::AccountId.is_in(ids))
            .order_by_asc(data_sharing_sim::Column::Number)
            .all(db)
            .await
            .map_err(db_error)?;
        let iccs = accounts
            .iter()
            .filter_map(|a| a.sim_icc.clone())
            .chain(sharing_rows.iter().map(|d| d.icc.clone()));
        let sims = by_key(
            find_in::<sim_card::Entity, _>(db, sim_card::Column::Icc, iccs).await?,
            |s: &sim_card::Model| s.icc.clone(),
        );
        let porting_ids = accounts.iter().filter_map(|a| a.porting_id.clone());
        let portings = by_key(
            find_in::<porting::Entity, _>(db, porting::Column::Id, porting_ids).await?,
            |p: &porting::Model| p.id.clone(),
        );
        let cps = portings.values().map(|p| p.donor_cps.clone());
        let donors = by_key(
            find_in::<operator::Entity, _>(db, operator::Column::CpsCode, cps).await?,
            |o: &operator::Model| o.cps_code.clone(),
        );
        let plans = accounts
            .iter()
            .filter(|_| v.admin)
            .map(|a| a.rate_plan_id.clone());
        let product_ids = accounts.iter().filter_map(row_product_id).chain(plans);
        let products = by_key(
            find_in::<product::Entity, _>(db, product::Column::Id, product_ids).await?,
            |p: &product::Model| p.id.clone(),
        );
        let mut sharing: HashMap<String, Vec<data_sharing_sim::Model>> = HashMap::new();
        for d in sharing_rows {
            sharing.entry(d.account_id.clone()).or_default().push(d);
        }
        Ok(Parts {
            sims,
            sharing,
            portings,
            donors,
            products,
        })
    }
}

/// The rows of `E` whose `column` is one of `keys` (no query for none).
async fn find_in<E, C>(
    db: &C,
    column: E::Column,
    keys: impl Iterator<Item = String>,
) -> Result<Vec<E::Model>, ApiError>
where
    C: ConnectionTrait,
    E: EntityTrait,
{
    let keys: BTreeSet<String> = keys.collect();
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    E::find()
        .filter(column.is_in(keys))
        .all(db)
        .await
        .map_err(db_error)
}

fn by_key<T>(rows: Vec<T>, key: impl Fn(&T) -> String) -> HashMap<String, T> {
    rows.into_iter().map(|r| (key(&r), r)).collect()
}

pub(super) fn row_product_id(a: &mvno_account::Model) -> Option<String> {
    let id = a.row_roaming.as_ref()?.get("productId")?.as_str()?;
    Some(id.to_string())
}
