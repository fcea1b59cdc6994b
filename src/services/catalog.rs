//! What a customer can choose from when a new account is made: numbers,
//! SIM stock and products. The same rules as the create operation decide
//! what is offered.

use super::customers::{chain, may_act_on};
use super::{db_error, Caller};
use crate::db::entity::{customer, number, product, sim_card};
use crate::enums::{FormFactor, Network, NumberState, ProductKind};
use crate::portal::{FreeSim, NumberSource, OfferedNumber, Page, Paging, ProductOffer, StockCount};
use crate::{ApiError, Id};
use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

/// Whether `product` may go on `customer`'s accounts beyond owner and
/// validity: a private customer (self-service) gets the public products
/// only. The catalog's lists and the create operation both ask this.
pub fn offered_to(product: &product::Model, customer: &customer::Model) -> bool {
    product.public || customer.kind != crate::enums::CustomerKind::Private
}

/// The customer a list is for: the one named, or, when none is, the
/// caller's own below RESELLER (a reseller or admin reaches many customers
/// and must name one: `422 customer`).
async fn reachable_customer<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    customer_id: Option<&str>,
) -> Result<customer::Model, ApiError> {
    let not_found = || ApiError::field(404, "customer", "Customer not found");
    let customer_id = match customer_id {
        Some(id) => id.to_string(),
        None if caller.access_level.acts_for_others() => {
            return Err(ApiError::field(
                422,
                "customer",
                "Name the customer: a reseller or admin reaches more than one",
            ))
        }
        None => caller.customer.to_string(),
    };
    let id = Id::parse(&customer_id).map_err(|_| not_found())?;
    let c = customer::Entity::find_by_id(id.as_str())
        .one(db)
        .await
        .map_err(db_error)?
        .ok_or_else(not_found)?;
    if !may_act_on(db, caller, &c.id).await? {
        return Err(ApiError::access_denied().with_path("customer"));
    }
    Ok(c)
}

/// Numbers the customer can put on a new account on `network`: the ones it
/// owns and does not use, then purchasable ones (public, and for resellers
/// and admins also the reseller's own stock). `digits` filters by a run of
/// digits anywhere in the number.
pub async fn offered_numbers<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    customer_id: Option<&str>,
    network: Option<Network>,
    digits: Option<&str>,
    paging: Paging,
) -> Result<Page<OfferedNumber>, ApiError> {
    let c = reachable_customer(db, caller, customer_id).await?;
    let resellers: Vec<String> = chain(db, &c.id)
        .await?
        .into_iter()
        .skip(1)
        .map(|c| c.id)
        .collect();
    let mut source = Condition::any()
        .add(number::Column::OwnerCustomerId.eq(c.id.as_str()))
        .add(
            Condition::all()
                .add(number::Column::OwnerCustomerId.is_null())
                .add(number::Column::StockResellerId.is_null()),
        );
    if caller.access_level.may_use_reseller_stock() {
        source = source.add(
            Condition::all()
                .add(number::Column::OwnerCustomerId.is_null())
                .add(number::Column::StockResellerId.is_in(resellers)),
        );
    }
    let mut q = number::Entity::find()
        .filter(number::Column::State.eq(NumberState::Available))
        .filter(number::Column::AccountId.is_null())
        .filter(number::Column::RangeId.is_null())
        .filter(source);
    if let Some(n) = network {
        q = q.filter(number::Column::Network.eq(n));
    }
    let digits: String = digits
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_ascii_digit())
        .collect();
    if !digits.is_empty() {
        q = q.filter(number::Column::Number.contains(&digits));
    }
    let q = q
        // Owned first, on every database (PostgreSQL sorts NULL first in a
        // descending order, SQLite last).
        .order_by_asc(Expr::col(number::Column::OwnerCustomerId).is_null())
        .order_by_asc(number::Column::Number);
    let (total, rows) = super::page_of(db, q, paging).await?;
    let items = rows
        .into_iter()
        .map(|n| OfferedNumber {
            owned: n.owner_customer_id.as_deref() == Some(c.id.as_str()),
            source: if n.owner_customer_id.as_deref() == Some(c.id.as_str()) {
                NumberSource::Owned
            } else if n.stock_reseller_id.is_some() {
                NumberSource::ResellerStock
            } else {
                NumberSource::PublicPool
            },
            network: n.network,
            number: n.number,
        })
        .collect();
    Ok(Page::new(paging, total, items))
}

/// Whose SIM stock a create for `c` by `caller` may take cards from, as the
/// create decides it: the customer and its resellers, or in self-service
/// (a private customer's own login) the customer and its signup reseller.
async fn stock_holders_for<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    c: &customer::Model,
) -> Result<Vec<String>, ApiError> {
    let chain = chain(db, &c.id).await?;
    let self_service = super::signup::caller_is_self_service(db, caller, &chain)
        .await
        .map_err(db_error)?;
    Ok(super::signup::stock_holders_for(chain, self_service))
}

/// Free SIM cards and eSIM profiles a create for the customer may take, one
/// by one (ICC, form factor, network, auto-assign, holder), optionally of
/// one network and form factor; ordered by ICC. No PIN, PUK or activation
/// code: those belong to a card on an account.
pub async fn free_sims<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    customer_id: Option<&str>,
    network: Option<Network>,
    form_factor: Option<FormFactor>,
    paging: Paging,
) -> Result<Page<FreeSim>, ApiError> {
    let c = reachable_customer(db, caller, customer_id).await?;
    let holders = stock_holders_for(db, caller, &c).await?;
    let mut q = sim_card::Entity::find()
        .filter(sim_card::Column::InStorageAt.is_in(holders))
        .filter(sim_card::Column::AccountId.is_null());
    if let Some(n) = network {
        q = q.filter(sim_card::Column::Network.eq(n));
    }
    if let Some(f) = form_factor {
        q = q.filter(sim_card::Column::FormFactor.eq(f));
    }
    let q = q.order_by_asc(sim_card::Column::Icc);
    let (total, rows) = super::page_of(db, q, paging).await?;
    let items = rows
        .into_iter()
        .filter_map(|s| {
            Some(FreeSim {
                network: s.network,
                form_factor: s.form_factor,
                auto_assign: s.auto_assign,
                holder: Id::parse(&s.in_storage_at).ok()?,
                icc: s.icc,
            })
        })
        .collect();
    Ok(Page::new(paging, total, items))
}

/// Free SIM stock a create for the customer may draw on, by network, form
/// factor and auto-assign.
pub async fn sim_stock<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    customer_id: Option<&str>,
) -> Result<Vec<StockCount>, ApiError> {
    let c = reachable_customer(db, caller, customer_id).await?;
    let holders = stock_holders_for(db, caller, &c).await?;
    let rows: Vec<(String, String, bool, i64)> = sim_card::Entity::find()
        .select_only()
        .column(sim_card::Column::Network)
        .column(sim_card::Column::FormFactor)
        .column(sim_card::Column::AutoAssign)
        .column_as(sim_card::Column::Icc.count(), "count")
        .filter(sim_card::Column::InStorageAt.is_in(holders))
        .filter(sim_card::Column::AccountId.is_null())
        .group_by(sim_card::Column::Network)
        .group_by(sim_card::Column::FormFactor)
        .group_by(sim_card::Column::AutoAssign)
        .into_tuple()
        .all(db)
        .await
        .map_err(db_error)?;
    let mut out: Vec<StockCount> = rows
        .into_iter()
        .filter_map(|(n, f, a, count)| {
            Some(StockCount {
                network: n.parse().ok()?,
                form_factor: f.parse::<FormFactor>().ok()?,
                auto_assign: a,
                count: count as u64,
            })
        })
        .collect();
    out.sort_by_key(|s| (s.network.as_str(), s.form_factor.as_str(), s.auto_assign));
    Ok(out)
}

/// Products of `kind` usable on the customer's new accounts today: the
/// operator's, the customer's own and its direct reseller's.
pub async fn products<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    customer_id: Option<&str>,
    kind: ProductKind,
) -> Result<Vec<ProductOffer>, ApiError> {
    let c = reachable_customer(db, caller, customer_id).await?;
    let now = Utc::now();
    let mut owners = Condition::any()
        .add(product::Column::OwnerCustomerId.is_null())
        .add(product::Column::OwnerCustomerId.eq(c.id.as_str()));
    if let Some(r) = &c.parent_reseller {
        owners = owners.add(product::Column::OwnerCustomerId.eq(r.as_str()));
    }
    let rows = product::Entity::find()
        .filter(product::Column::Kind.eq(kind))
        .filter(owners)
        .filter(product::Column::ValidFrom.lte(now))
        .filter(
            Condition::any()
                .add(product::Column::ValidUntil.is_null())
                .add(product::Column::ValidUntil.gte(now)),
        )
        .order_by_asc(product::Column::PriceOre)
        .all(db)
        .await
        .map_err(db_error)?;
    Ok(rows
        .into_iter()
        .filter(|p| offered_to(p, &c))
        .filter_map(|p| {
            Some(ProductOffer {
                id: Id::parse(&p.id).ok()?,
                kind,
                name: p.name,
                price: p.price_ore as f64 / 100.0,
                facts: p
                    .facts
                    .and_then(|f| serde_json::from_value(f).ok())
                    .unwrap_or_default(),
                features: p.features.and_then(|f| serde_json::from_value(f).ok()),
                included_row_product: p
                    .included_row_product_id
                    .as_deref()
                    .and_then(|i| Id::parse(i).ok()),
                public: p.public,
                valid_from: p.valid_from,
                valid_until: p.valid_until,
            })
        })
        .collect())
}
