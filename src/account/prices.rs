//! What an account is and costs, as the portal shows it: its customer's
//! name, its rate plan and services by name with their prices, and the
//! monthly total.

use serde::{Deserialize, Serialize};

/// A product on an account, by name and price.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PricedProduct {
    pub id: String,
    pub name: String,
    /// Monthly price in DKK.
    pub price: f64,
}

/// An account's customer and products in words, with the monthly total.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccountPrices {
    pub customer_name: String,
    pub rate_plan: Option<PricedProduct>,
    pub services: Vec<PricedProduct>,
    /// The rate plan's and the services' monthly prices together.
    pub monthly_total: f64,
}
