//! Self-service signup: a private person becomes a customer of the signup
//! reseller, with an OWNER login of their own.

use super::auth::hash_password;
use super::db_error;
use crate::db::entity::{customer, employee, event};
use crate::enums::{CustomerKind, CustomerState};
use crate::{AccessLevel, ApiError, Id};
use chrono::Utc;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait,
};
use serde::{Deserialize, Serialize};

pub use crate::signup::{MAX_ADDRESS, MAX_EMAIL, MAX_NAME, MAX_PASSWORD, MIN_PASSWORD};

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct SignupRequest {
    pub name: String,
    pub email: String,
    pub password: String,
    #[serde(default)]
    pub address: Option<String>,
}

fn valid_email(e: &str) -> bool {
    e.split_once('@').is_some_and(|(l, d)| {
        !l.is_empty() && d.contains('.') && !d.starts_with('.') && !d.ends_with('.')
    }) && !e.contains(char::is_whitespace)
}

/// Whether a caller whose own customer is `own` acts in self-service: the
/// login of a private person. Decided from the customer's row, never from
/// anything in a request.
pub fn is_self_service(own: &customer::Model) -> bool {
    own.kind == CustomerKind::Private.as_str()
}

/// Whose SIM stock a self-service create may take its eSIM or auto-assigned
/// SIM from: the customer's own and, when its reseller is a signup reseller
/// (`public_signup`, the one [`sign_up`] attaches new customers to), that
/// reseller's; never a reseller further up. `chain` is the customer followed
/// by the resellers above it, nearest first.
pub fn stock_holders(chain: &[customer::Model]) -> Vec<String> {
    let own = chain.first().map(|c| c.id.clone());
    let signup_reseller = chain
        .get(1)
        .filter(|r| r.public_signup && r.kind == CustomerKind::Reseller.as_str())
        .map(|r| r.id.clone());
    own.into_iter().chain(signup_reseller).collect()
}

/// Creates the customer and its OWNER login; answers the new customer's id.
/// The username is the e-mail address, in lowercase.
pub async fn sign_up(db: &DatabaseConnection, req: &SignupRequest) -> Result<Id, ApiError> {
    let name = req.name.trim();
    let email = req.email.trim().to_lowercase();
    if name.is_empty() {
        return Err(ApiError::field(422, "name", "Skriv dit fulde navn"));
    }
    for (path, value, max, what) in [
        ("name", req.name.as_str(), MAX_NAME, "Navnet"),
        ("email", req.email.as_str(), MAX_EMAIL, "E-mailadressen"),
        (
            "password",
            req.password.as_str(),
            MAX_PASSWORD,
            "Adgangskoden",
        ),
        (
            "address",
            req.address.as_deref().unwrap_or(""),
            MAX_ADDRESS,
            "Adressen",
        ),
    ] {
        if value.chars().count() > max {
            return Err(ApiError::field(
                422,
                path,
                format!("{what} må højst have {max} tegn"),
            ));
        }
    }
    if !valid_email(&email) {
        return Err(ApiError::field(
            422,
            "email",
            "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk",
        ));
    }
    if req.password.chars().count() < MIN_PASSWORD {
        return Err(ApiError::field(
            422,
            "password",
            format!("Adgangskoden skal have mindst {MIN_PASSWORD} tegn"),
        ));
    }
    let reseller = customer::Entity::find()
        .filter(customer::Column::PublicSignup.eq(true))
        .filter(customer::Column::State.eq(CustomerState::Active.as_str()))
        .one(db)
        .await
        .map_err(db_error)?
        .ok_or_else(|| ApiError::not_found("Self-service signup is not open"))?;
    let taken = employee::Entity::find()
        .filter(employee::Column::Username.eq(email.as_str()))
        .one(db)
        .await
        .map_err(db_error)?;
    if taken.is_some() {
        return Err(ApiError::field(
            409,
            "email",
            "Der findes allerede en bruger med denne e-mailadresse. Log ind i stedet.",
        ));
    }
    let password = req.password.clone();
    let hash = super::auth::on_hashing_thread(move || hash_password(&password)).await?;
    let now = Utc::now();
    let customer_id = Id::generate();
    let txn = db.begin().await.map_err(db_error)?;
    customer::Entity::insert(customer::ActiveModel {
        id: Set(customer_id.to_string()),
        name: Set(name.to_string()),
        cvr: Set(None),
        kind: Set(CustomerKind::Private.as_str().to_string()),
        state: Set(CustomerState::Active.as_str().to_string()),
        parent_reseller: Set(Some(reseller.id.clone())),
        email: Set(Some(email.clone())),
        address: Set(req.address.clone().filter(|a| !a.trim().is_empty())),
        public_signup: Set(false),
        created_at: Set(now),
    })
    .exec(&txn)
    .await
    .map_err(db_error)?;
    let employee_id = Id::generate();
    employee::Entity::insert(employee::ActiveModel {
        id: Set(employee_id.to_string()),
        customer_id: Set(customer_id.to_string()),
        username: Set(email.clone()),
        name: Set(name.to_string()),
        email: Set(Some(email.clone())),
        access_level: Set(AccessLevel::Owner.as_str().to_string()),
        password_hash: Set(hash),
        created_at: Set(now),
    })
    .exec(&txn)
    .await
    // A concurrent signup with the same e-mail loses on the unique username.
    .map_err(|_| {
        ApiError::field(
            409,
            "email",
            "Der findes allerede en bruger med denne e-mailadresse. Log ind i stedet.",
        )
    })?;
    event::Entity::insert(event::ActiveModel {
        id: Set(Id::generate().to_string()),
        at: Set(now),
        employee_id: Set(Some(employee_id.to_string())),
        customer_id: Set(Some(customer_id.to_string())),
        action: Set("customer.signup".to_string()),
        outcome: Set("OK".to_string()),
        detail: Set(None),
    })
    .exec(&txn)
    .await
    .map_err(db_error)?;
    txn.commit().await.map_err(db_error)?;
    Ok(customer_id)
}
