//! An account's customer and products by name, with its monthly price.

use crate::account::{AccountPrices, MvnoAccount, PricedProduct};
use crate::db::entity::{customer, product};
use crate::services::db_error;
use crate::ApiError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// The customer's name and the account's rate plan and services, priced.
/// For an account the caller has read (see [`super::get`]).
pub async fn prices_of<C: ConnectionTrait>(
    db: &C,
    account: &MvnoAccount,
) -> Result<AccountPrices, ApiError> {
    let customer_name = customer::Entity::find_by_id(account.customer.as_str())
        .one(db)
        .await
        .map_err(db_error)?
        .map(|c| c.name)
        .unwrap_or_default();
    let ids: Vec<&str> = std::iter::once(account.rate_plan.as_str())
        .chain(account.services.iter().map(String::as_str))
        .collect();
    let products = product::Entity::find()
        .filter(product::Column::Id.is_in(ids))
        .all(db)
        .await
        .map_err(db_error)?;
    let priced = |id: &str| {
        products.iter().find(|p| p.id == id).map(|p| PricedProduct {
            id: p.id.clone(),
            name: p.name.clone(),
            price: p.price_ore as f64 / 100.0,
        })
    };
    let rate_plan = priced(&account.rate_plan);
    let services: Vec<PricedProduct> = account.services.iter().filter_map(|s| priced(s)).collect();
    let monthly_total = rate_plan.iter().chain(&services).map(|p| p.price).sum();
    Ok(AccountPrices {
        customer_name,
        rate_plan,
        services,
        monthly_total,
    })
}
