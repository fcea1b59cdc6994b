//! Self-service signup: a private person becomes a customer of the signup
//! reseller, with an OWNER login of their own, once they have followed the
//! link sent to their e-mail address.
//!
//! The answer to a signup never says whether the address has a login
//! already: both cases do the same work (hash the password, record a
//! request) and end in an e-mail; only the e-mail's words differ, and only
//! the address's owner reads them.

use super::auth::{hash_password, new_token, token_hash, well_formed};
use super::db_error;
use crate::db::entity::{customer, employee, event, signup_request};
use crate::enums::{CustomerKind, CustomerState};
use crate::{AccessLevel, ApiError, Id};
use chrono::{Duration, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, TransactionTrait,
};
use serde::{Deserialize, Serialize};

pub use crate::signup::{LINK_HOURS, MAX_ADDRESS, MAX_EMAIL, MAX_NAME, MAX_PASSWORD, MIN_PASSWORD};

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct SignupRequest {
    pub name: String,
    pub email: String,
    pub password: String,
    #[serde(default)]
    pub address: Option<String>,
}

fn valid_email(e: &str) -> bool {
    crate::email::is_valid(e)
}

/// Whether a caller whose own customer is `own` acts in self-service: the
/// login of a private person. Decided from the customer's row, never from
/// anything in a request.
pub fn is_self_service(own: &customer::Model) -> bool {
    own.kind == CustomerKind::Private
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
        .filter(|r| r.public_signup && r.kind == CustomerKind::Reseller)
        .map(|r| r.id.clone());
    own.into_iter().chain(signup_reseller).collect()
}

/// Whether `caller` acts in self-service, from its own customer's row: the
/// one in `chain` when the caller belongs to it, else read.
pub async fn caller_is_self_service<C: ConnectionTrait>(
    db: &C,
    caller: &super::Caller,
    chain: &[customer::Model],
) -> Result<bool, sea_orm::DbErr> {
    Ok(
        match chain.iter().find(|c| c.id == caller.customer.as_str()) {
            Some(own) => is_self_service(own),
            None => customer::Entity::find_by_id(caller.customer.as_str())
                .one(db)
                .await?
                .is_some_and(|own| is_self_service(&own)),
        },
    )
}

/// Whose SIM stock a create for the customer heading `chain` may take cards
/// from: the whole chain, or in self-service only [`stock_holders`].
pub fn stock_holders_for(chain: Vec<customer::Model>, self_service: bool) -> Vec<String> {
    if self_service {
        stock_holders(&chain)
    } else {
        chain.into_iter().map(|c| c.id).collect()
    }
}

/// At most this many signup e-mails to one address while their links work:
/// a stranger cannot flood someone's inbox through the signup.
pub const MAX_MAILS_PER_ADDRESS: u64 = 3;

/// The e-mail a signup sends, for the server to word and deliver.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignupMail {
    /// The address is new: the link (carrying `token`) that confirms it and
    /// creates the customer and its login.
    Confirm {
        to: String,
        name: String,
        token: String,
    },
    /// The address has a login already: a note saying so and how to sign
    /// in; nothing is created.
    AlreadyRegistered { to: String },
    /// Nothing is sent: the address has [`MAX_MAILS_PER_ADDRESS`] working
    /// links already.
    Nothing,
}

/// The signup's fields, checked: the trimmed name and the lowercase e-mail.
fn checked(req: &SignupRequest) -> Result<(String, String), ApiError> {
    let name = req.name.trim();
    let email = req.email.trim().to_lowercase();
    // Text the database cannot store is refused by its field, as the create
    // refuses it.
    for (path, value) in [
        ("name", req.name.as_str()),
        ("email", req.email.as_str()),
        ("address", req.address.as_deref().unwrap_or("")),
    ] {
        if value.contains('\0') {
            return Err(ApiError::field(422, path, crate::account::NUL_MESSAGE));
        }
    }
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
    Ok((name.to_string(), email))
}

/// The reseller that self-service signups join, or `404` when there is none.
/// The brand a signup shows: the name of the reseller new customers sign
/// up with, when signup is open.
pub async fn signup_brand<C: ConnectionTrait>(db: &C) -> Result<Option<String>, ApiError> {
    match signup_reseller(db).await {
        Ok(reseller) => Ok(Some(reseller.name)),
        Err(e) if e.status == 404 => Ok(None),
        Err(e) => Err(e),
    }
}

async fn signup_reseller<C: ConnectionTrait>(db: &C) -> Result<customer::Model, ApiError> {
    customer::Entity::find()
        .filter(customer::Column::PublicSignup.eq(true))
        .filter(customer::Column::State.eq(CustomerState::Active))
        .one(db)
        .await
        .map_err(db_error)?
        .ok_or_else(|| ApiError::not_found("Self-service signup is not open"))
}

/// Takes a signup: checks the fields (`422` with the field's path), then
/// records the request and answers the e-mail to send. Whether the address
/// has a login already changes only the e-mail: the work done, the answer's
/// shape and its time are the same.
pub async fn request_signup(
    db: &DatabaseConnection,
    req: &SignupRequest,
) -> Result<SignupMail, ApiError> {
    let (name, email) = checked(req)?;
    signup_reseller(db).await?;
    let password = req.password.clone();
    let hash = super::auth::on_hashing_thread(move || hash_password(&password)).await?;
    let now = Utc::now();
    signup_request::Entity::delete_many()
        .filter(signup_request::Column::ExpiresAt.lte(now))
        .exec(db)
        .await
        .map_err(db_error)?;
    let registered = employee::Entity::find()
        .filter(employee::Column::Username.eq(email.as_str()))
        .one(db)
        .await
        .map_err(db_error)?
        .is_some();
    // Recorded in both cases, so both count towards the address's limit; a
    // request for a registered address is never confirmed (its token is not
    // sent, and its username is taken).
    let token = new_token();
    signup_request::Entity::insert(signup_request::ActiveModel {
        token_hash: Set(token_hash(&token)),
        email: Set(email.clone()),
        name: Set(name.clone()),
        address: Set(req
            .address
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_string)),
        password_hash: Set(hash),
        created_at: Set(now),
        expires_at: Set(now + Duration::hours(LINK_HOURS)),
    })
    .exec(db)
    .await
    .map_err(db_error)?;
    // The address's limit holds under parallel signups: each request is
    // recorded first, then counts the address's requests, its own included;
    // of any number at once, at most the limit see a count within it. One
    // over the limit sends nothing and takes its row back.
    let waiting = signup_request::Entity::find()
        .filter(signup_request::Column::Email.eq(email.as_str()))
        .count(db)
        .await
        .map_err(db_error)?;
    if waiting > MAX_MAILS_PER_ADDRESS {
        signup_request::Entity::delete_by_id(token_hash(&token))
            .exec(db)
            .await
            .map_err(db_error)?;
        return Ok(SignupMail::Nothing);
    }
    Ok(if registered {
        SignupMail::AlreadyRegistered { to: email }
    } else {
        SignupMail::Confirm {
            to: email,
            name,
            token,
        }
    })
}

/// Why a signup link is refused, whatever the cause (unknown, expired, used,
/// or the address got a login meanwhile).
fn link_refused() -> ApiError {
    ApiError::new(
        404,
        "not_found",
        "The signup link has expired or was used already",
    )
}

/// Follows a signup e-mail's link: creates the customer and its OWNER login
/// from the request the token names, once, and answers the login. Every
/// other request of the address ends with it.
pub async fn confirm_signup(
    db: &DatabaseConnection,
    token: &str,
) -> Result<employee::Model, ApiError> {
    if !well_formed(token) {
        return Err(link_refused());
    }
    let now = Utc::now();
    let hash = token_hash(token);
    let request = signup_request::Entity::find_by_id(hash.clone())
        .one(db)
        .await
        .map_err(db_error)?
        .filter(|r| r.expires_at > now)
        .ok_or_else(link_refused)?;
    let txn = db.begin().await.map_err(db_error)?;
    // Taking the request first is what makes the link single-use: of two
    // clicks at once, one deletes the row and the other finds none left.
    let taken = signup_request::Entity::delete_by_id(hash)
        .exec(&txn)
        .await
        .map_err(db_error)?;
    if taken.rows_affected == 0 {
        return Err(link_refused());
    }
    signup_request::Entity::delete_many()
        .filter(signup_request::Column::Email.eq(request.email.as_str()))
        .exec(&txn)
        .await
        .map_err(db_error)?;
    let reseller = signup_reseller(&txn).await?;
    let customer_id = Id::generate();
    customer::Entity::insert(customer::ActiveModel {
        id: Set(customer_id.to_string()),
        name: Set(request.name.clone()),
        cvr: Set(None),
        kind: Set(CustomerKind::Private),
        state: Set(CustomerState::Active),
        parent_reseller: Set(Some(reseller.id.clone())),
        email: Set(Some(request.email.clone())),
        address: Set(request.address.clone()),
        public_signup: Set(false),
        created_at: Set(now),
    })
    .exec(&txn)
    .await
    .map_err(db_error)?;
    let employee = employee::Model {
        id: Id::generate().to_string(),
        customer_id: customer_id.to_string(),
        username: request.email.clone(),
        name: request.name.clone(),
        email: Some(request.email.clone()),
        access_level: AccessLevel::Owner,
        password_hash: request.password_hash.clone(),
        created_at: now,
    };
    employee::Entity::insert(employee::ActiveModel::from(employee.clone()))
        .exec(&txn)
        .await
        // The address got a login meanwhile: the username is unique.
        .map_err(|_| link_refused())?;
    event::Entity::insert(event::ActiveModel {
        id: Set(Id::generate().to_string()),
        at: Set(now),
        employee_id: Set(Some(employee.id.clone())),
        customer_id: Set(Some(customer_id.to_string())),
        action: Set("customer.signup".to_string()),
        outcome: Set("OK".to_string()),
        detail: Set(None),
    })
    .exec(&txn)
    .await
    .map_err(db_error)?;
    txn.commit().await.map_err(db_error)?;
    Ok(employee)
}
