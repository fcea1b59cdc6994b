//! The create operation (`POST /mvno`): one database transaction that buys
//! or ports the number, takes the SIMs, and writes the account, its
//! data-sharing SIMs, the porting, the invoice lines and the activation job;
//! or, on any error, writes nothing but an event.
//!
//! Scarce things are taken with conditional updates (`… WHERE account_id IS
//! NULL`) inside the transaction, so two creates racing for the same number
//! or SIM get one success and one conflict.
//!
//! The operation runs as stages, in this order (the order decides which
//! error wins when a request has several faults, and the row tests pin it):
//!
//! 1. [`checks`]: the caller may create at all, there is a body, no text the
//!    database cannot store;
//! 2. [`party`]: the customer, the caller's reach, the fields the caller's
//!    level may set, self-service, a blocked customer;
//! 3. [`checks`]: the request's shape (number, one SIM option, dates,
//!    custom data, data-sharing entries) and the self-service limits;
//! 4. the MitID verification, from the server's record;
//! 5. [`products`]: rate plan, next period's plan, services, SOC overrides,
//!    Rest-of-World package;
//! 6. [`extras`]: features, voicemail, billing customer, SIP account, PBX
//!    extension;
//! 7. [`number`]: bought, the customer's own, or ported in ([`porting`]);
//! 8. [`sims`]: the SIM and the data-sharing SIMs with their numbers;
//! 9. [`write`]: the account and what hangs on it, and the activation job.

mod checks;
mod delivery;
mod extras;
mod number;
mod party;
mod porting;
mod products;
mod sims;
mod write;

pub(crate) use number::{plan_number, NumberPlan};
pub use porting::may_authorise_porting;

use super::{clock, mitid, view, Caller};
use crate::account::{CreateError, CreateMvnoRequest, MvnoAccount};
use crate::db::entity::*;
use crate::Id;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveValue::Set, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbErr, EntityTrait,
    TransactionTrait,
};
use serde_json::json;

/// Settings of the create operation.
#[derive(Clone, Debug)]
pub struct CreateSettings {
    /// How long the simulated network takes to activate a SIM.
    pub activation_delay: Duration,
}

impl Default for CreateSettings {
    fn default() -> Self {
        CreateSettings {
            activation_delay: Duration::seconds(5),
        }
    }
}

/// What a create takes from the server's own records rather than from the
/// request body. The portal's doors fill it from their own state; the REST
/// API has no way to, so nothing here can come from a body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trusted {
    /// Id of a MitID verification the server recorded for the caller
    /// (see [`mitid::stand_in`]); the account's `mitId` is taken from it.
    pub mitid: Option<String>,
    /// Where a private customer's SIM card sent by post goes, as typed in
    /// the signup's SIM step; kept as the customer's address.
    pub delivery_address: Option<String>,
}

type Result<T> = std::result::Result<T, CreateError>;

fn db_err(e: DbErr) -> CreateError {
    tracing::error!(error = %e, "database error in create");
    CreateError::Internal
}

fn rule(status: u16, path: &'static str, message: &str) -> CreateError {
    CreateError::Rule(status, path, message.to_string())
}

fn non_empty(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Creates an MVNO account for `caller`. On error nothing is left behind but
/// the event that records the attempt.
pub async fn create(
    db: &DatabaseConnection,
    caller: &Caller,
    req: &CreateMvnoRequest,
    settings: &CreateSettings,
) -> std::result::Result<MvnoAccount, crate::ApiError> {
    create_with(db, caller, req, &Trusted::default(), settings).await
}

/// [`create`] with what a portal door adds from the server's own records.
pub async fn create_with(
    db: &DatabaseConnection,
    caller: &Caller,
    req: &CreateMvnoRequest,
    trusted: &Trusted,
    settings: &CreateSettings,
) -> std::result::Result<MvnoAccount, crate::ApiError> {
    create_remembered(db, caller, req, trusted, settings, None).await
}

/// [`create_with`]; with `key`, a success's reply is remembered under the
/// key in the create's own transaction, so an account never exists without
/// its remembered reply (a crash cannot leave the key waiting while the
/// account is there). Runs in a `create` span naming the employee and the
/// customer (only when it is an id: nothing a client typed reaches the log).
#[tracing::instrument(name = "create", skip_all, fields(
    employee = %caller.employee,
    customer = %req.customer.as_deref().and_then(|c| Id::parse(c).ok()).map(|c| c.to_string()).unwrap_or_default(),
))]
async fn create_remembered(
    db: &DatabaseConnection,
    caller: &Caller,
    req: &CreateMvnoRequest,
    trusted: &Trusted,
    settings: &CreateSettings,
    key: Option<&str>,
) -> std::result::Result<MvnoAccount, crate::ApiError> {
    let now = Utc::now();
    let account_id = Id::generate().to_string();
    // On success the event and the reply are written and read in the
    // create's own transaction: one commit, one connection.
    let outcome = async {
        let txn = db.begin().await.map_err(db_err)?;
        match create_in(&txn, caller, req, trusted, settings, &account_id, now).await {
            Ok(()) => {
                record_event(&txn, caller, req, &account_id, "OK", now)
                    .await
                    .map_err(db_err)?;
                let reply = view::account(&txn, caller.access_level, &account_id)
                    .await
                    .map_err(|_| CreateError::Internal)?;
                if let Some(key) = key {
                    let body = serde_json::to_value(&reply).map_err(|_| CreateError::Internal)?;
                    let employee = caller.employee.to_string();
                    super::idempotency::finish(&txn, &employee, key, 201, &body)
                        .await
                        .map_err(|_| CreateError::Internal)?;
                }
                txn.commit().await.map_err(db_err)?;
                Ok(reply)
            }
            Err(e) => {
                txn.rollback().await.map_err(db_err)?;
                Err(e)
            }
        }
    }
    .await;
    match outcome {
        Ok(reply) => {
            tracing::info!(account = %reply.id, "created");
            Ok(reply)
        }
        Err(e) => {
            let api = e.to_api();
            let refused = format!("{} {}", api.status, api.code);
            tracing::debug!(status = api.status, "refused");
            if let Err(e) = record_event(db, caller, req, &account_id, &refused, now).await {
                tracing::error!(error = %e, "recording the create event failed");
            }
            Err(api)
        }
    }
}

/// [`create`] under an `Idempotency-Key`: the same key and request within 24
/// hours answers the first result (success or error) without running again.
pub async fn create_once(
    db: &DatabaseConnection,
    caller: &Caller,
    key: Option<&str>,
    req: &CreateMvnoRequest,
    settings: &CreateSettings,
) -> std::result::Result<MvnoAccount, crate::ApiError> {
    create_once_with(db, caller, key, req, &Trusted::default(), settings).await
}

/// [`create_once`] with what a portal door adds from the server's own
/// records; a key used with another verification counts as another request.
pub async fn create_once_with(
    db: &DatabaseConnection,
    caller: &Caller,
    key: Option<&str>,
    req: &CreateMvnoRequest,
    trusted: &Trusted,
    settings: &CreateSettings,
) -> std::result::Result<MvnoAccount, crate::ApiError> {
    use super::idempotency::{claim, fingerprint, finish, Claim};
    let Some(key) = key else {
        return create_with(db, caller, req, trusted, settings).await;
    };
    let employee = caller.employee.to_string();
    let mut request = serde_json::to_value(req).map_err(|_| crate::ApiError::internal())?;
    if let Some(reference) = &trusted.mitid {
        request = json!({"request": request, "mitidVerification": reference});
    }
    match claim(db, &employee, key, &fingerprint(&request)).await? {
        Claim::Replay { status: 201, body } => {
            serde_json::from_value(body).map_err(|_| crate::ApiError::internal())
        }
        Claim::Replay { body, .. } => {
            let e: crate::ErrorBody =
                serde_json::from_value(body).map_err(|_| crate::ApiError::internal())?;
            Err(e.error)
        }
        Claim::Fresh => {
            // A success is remembered inside the create's transaction; a
            // refusal here, after it (if that fails, the claim runs out
            // and a retry runs the create again, which nothing has done).
            let result = create_remembered(db, caller, req, trusted, settings, Some(key)).await;
            if let Err(e) = &result {
                let json = serde_json::to_value(e.clone().body()).unwrap_or_default();
                if let Err(e) = finish(db, &employee, key, e.status, &json).await {
                    tracing::error!(code = %e.code, "remembering an idempotent refusal failed");
                }
            }
            result
        }
    }
}

async fn record_event<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    req: &CreateMvnoRequest,
    account_id: &str,
    outcome: &str,
    now: DateTime<Utc>,
) -> std::result::Result<(), DbErr> {
    let row = event::ActiveModel {
        id: Set(Id::generate().to_string()),
        at: Set(now),
        employee_id: Set(Some(caller.employee.to_string())),
        customer_id: Set(req
            .customer
            .clone()
            .filter(|c| Id::parse(c).is_ok())
            .map(|c| c.to_lowercase())),
        action: Set("mvno.create".to_string()),
        outcome: Set(outcome.to_string()),
        detail: Set(Some(
            json!({"number": req.number.as_deref().map(|n| n.replace('\0', "\u{FFFD}")), "account": (outcome == "OK").then_some(account_id)}),
        )),
    };
    event::Entity::insert(row).exec(db).await.map(|_| ())
}

/// The operation's outline: each stage checks its part of the request and
/// takes what it needs, in the order that decides which error wins.
async fn create_in(
    txn: &DatabaseTransaction,
    caller: &Caller,
    req: &CreateMvnoRequest,
    trusted: &Trusted,
    settings: &CreateSettings,
    account_id: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let today = clock::copenhagen_date(now);
    checks::preflight(caller, req)?;
    let mut party = party::find(txn, caller, req).await?;
    let (number, sim_choice) = checks::check_shape(req, today)?;
    if party.self_service {
        checks::check_self_service(req, &sim_choice)?;
        if matches!(sim_choice, checks::SimChoice::AutoAssign(_)) {
            party.posted_sim = true;
            delivery::keep_address(txn, &party.customer, trusted.delivery_address.as_deref())
                .await?;
        }
    }
    // Who verified with MitID: from the server's record only.
    let mit_id = match trusted.mitid.as_deref() {
        Some(reference) => Some(mitid::take(txn, caller, reference, now).await?),
        None => req.mit_id.clone(),
    };
    let start = req.start_date.unwrap_or(now).max(now);
    let products = products::choose(txn, req, &party.customer, start).await?;
    let extras = extras::check(txn, req, &party.customer, &products.plan).await?;
    let taken = number::take(
        txn,
        caller,
        req,
        &party,
        &number,
        mit_id.is_some(),
        account_id,
        now,
    )
    .await?;
    let sims = sims::take(
        txn,
        req,
        &sim_choice,
        &party,
        number.as_str(),
        account_id,
        now,
    )
    .await?;
    write::account(
        txn,
        write::Account {
            caller,
            req,
            id: account_id,
            customer: &party.customer,
            number: &number,
            start,
            now,
            products,
            extras,
            taken,
            sims,
            mit_id,
        },
        settings,
    )
    .await
}
