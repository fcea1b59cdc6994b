//! The create operation (`POST /mvno`): one database transaction that buys
//! or ports the number, takes the SIMs, and writes the account, its
//! data-sharing SIMs, the porting, the invoice lines and the activation job;
//! or, on any error, writes nothing but an event.
//!
//! Scarce things are taken with conditional updates (`… WHERE account_id IS
//! NULL`) inside the transaction, so two creates racing for the same number
//! or SIM get one success and one conflict.

use super::customers::{chain, reaches};
use super::{catalog, clock, mitid, signup, view, Caller};
use crate::account::{CreateError, CreateMvnoRequest, Feature, FeatureRequest, MvnoAccount};
use crate::calendar;
use crate::db::entity::*;
use crate::enums::*;
use crate::icc::Icc;
use crate::phone::E164;
use crate::{AccessLevel, Id};
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection,
    DatabaseTransaction, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect, SqlErr,
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
}

/// Custom data may be at most 4 KB of JSON.
pub const MAX_CUSTOM_BYTES: usize = 4096;
/// At most three data-sharing SIMs.
pub const MAX_DATA_SHARING_SIMS: usize = 3;
/// Valid hosted-PBX cluster ids.
pub const PBX_RANGE: std::ops::RangeInclusive<i64> = 1..=999;

type Result<T> = std::result::Result<T, CreateError>;

fn db_err(e: DbErr) -> CreateError {
    tracing::error!(error = %e, "database error in create");
    CreateError::Internal
}

/// Why the database refused the account row. A unique index is the last
/// guard against a race: the one that fired decides the row (the number,
/// the SIM card); anything else is an unknown failure, `500`.
fn account_insert_refused(e: DbErr) -> CreateError {
    match e.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(index)) => {
            tracing::warn!(%index, "account insert lost a race");
            // PostgreSQL names the constraint (`mvno_account_sim_icc_key`),
            // SQLite the column (`mvno_account.sim_icc`).
            if index.contains("sim_icc") {
                CreateError::SimNotAvailable("mvnoSim")
            } else if index.contains("number") {
                CreateError::NumberInUse
            } else {
                db_err(e)
            }
        }
        _ => db_err(e),
    }
}

/// The path of the first string of the request (value or key) holding a NUL
/// character: dotted property names with array indices
/// (`dataSharingSims[1].name`), and `custom` for anything inside the custom
/// object.
fn nul_path(req: &CreateMvnoRequest) -> Option<String> {
    fn walk(v: &serde_json::Value, path: &str) -> Option<String> {
        use serde_json::Value;
        match v {
            Value::String(s) if s.contains('\0') => Some(path.to_string()),
            Value::Array(items) if path == "custom" => items.iter().find_map(|i| walk(i, path)),
            Value::Array(items) => items
                .iter()
                .enumerate()
                .find_map(|(n, i)| walk(i, &format!("{path}[{n}]"))),
            Value::Object(map) => map.iter().find_map(|(k, v)| {
                let inner = if path.is_empty() {
                    k.clone()
                } else if path == "custom" {
                    path.to_string()
                } else {
                    format!("{path}.{k}")
                };
                if k.contains('\0') {
                    Some(inner)
                } else {
                    walk(v, &inner)
                }
            }),
            _ => None,
        }
    }
    walk(&serde_json::to_value(req).ok()?, "")
}

fn rule(status: u16, path: &'static str, message: &str) -> CreateError {
    CreateError::Rule(status, path, message.to_string())
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
        Ok(reply) => Ok(reply),
        Err(e) => {
            let api = e.to_api();
            let refused = format!("{} {}", api.status, api.code);
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
        Claim::Replay { status, body } if status == 201 => {
            serde_json::from_value(body).map_err(|_| crate::ApiError::internal())
        }
        Claim::Replay { body, .. } => {
            let e: crate::ErrorBody =
                serde_json::from_value(body).map_err(|_| crate::ApiError::internal())?;
            Err(e.error)
        }
        Claim::Fresh => {
            let result = create_with(db, caller, req, trusted, settings).await;
            let (status, json) = match &result {
                Ok(a) => (201, serde_json::to_value(a).unwrap_or_default()),
                Err(e) => (
                    e.status,
                    serde_json::to_value(e.clone().body()).unwrap_or_default(),
                ),
            };
            if let Err(e) = finish(db, &employee, key, status, &json).await {
                tracing::error!(code = %e.code, "remembering an idempotent reply failed");
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

/// The SIM the request asks for.
enum SimChoice {
    Physical(Icc),
    Esim(Network),
    AutoAssign(Network),
    NoSim(Network),
}

fn network_of(value: &str, path: &'static str) -> Result<Network> {
    match value.trim() {
        "TDC" => Ok(Network::Tdc),
        "TELENOR" => Ok(Network::Telenor),
        _ => Err(rule(422, path, "The network must be TDC or TELENOR")),
    }
}

fn non_empty(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Exactly one SIM option (spec rows `404 sim`, `409 mvnoSim` "Only …", `422 mvnoSim`).
fn sim_choice(req: &CreateMvnoRequest) -> Result<SimChoice> {
    let physical = non_empty(&req.mvno_sim);
    let esim = non_empty(&req.esim);
    let auto = req.auto_assign_sim.as_ref().and_then(|a| a.network());
    let nosim = non_empty(&req.nosim);
    let given = [
        physical.is_some(),
        esim.is_some(),
        auto.is_some(),
        nosim.is_some(),
    ]
    .iter()
    .filter(|b| **b)
    .count();
    if given > 1 {
        return Err(CreateError::SeveralSimOptions);
    }
    if let Some(icc) = physical {
        let icc = Icc::parse(icc).map_err(|_| CreateError::SimDataInvalid)?;
        if !icc.luhn_ok() {
            return Err(CreateError::SimDataInvalid);
        }
        return Ok(SimChoice::Physical(icc));
    }
    if let Some(n) = esim {
        return Ok(SimChoice::Esim(network_of(n, "esim")?));
    }
    if let Some(n) = auto {
        return Ok(SimChoice::AutoAssign(network_of(&n, "autoAssignSim")?));
    }
    if let Some(n) = nosim {
        return Ok(SimChoice::NoSim(network_of(n, "nosim")?));
    }
    Err(CreateError::NoSimOption)
}

/// Checks that need no database. Order follows the spec's table loosely:
/// body, number syntax, SIM option, sizes and ranges.
fn check_shape(req: &CreateMvnoRequest, today: chrono::NaiveDate) -> Result<(E164, SimChoice)> {
    if *req == CreateMvnoRequest::default() {
        return Err(CreateError::NoBody);
    }
    let number = non_empty(&req.number).ok_or(CreateError::NumberSyntax)?;
    let number = E164::parse(number).map_err(|_| CreateError::NumberSyntax)?;
    number
        .danish_mobile_candidate()
        .map_err(|_| CreateError::NumberNotUsable)?;
    let sim = sim_choice(req)?;
    if let Some(custom) = &req.custom {
        if !custom.is_null() && !custom.is_object() {
            return Err(rule(422, "custom", "Custom data must be an object"));
        }
        if serde_json::to_vec(custom)
            .map(|v| v.len())
            .unwrap_or(usize::MAX)
            > MAX_CUSTOM_BYTES
        {
            return Err(CreateError::CustomTooLarge);
        }
    }
    if let Some(pbx) = req.pbx {
        if pbx != 0 && !PBX_RANGE.contains(&pbx) {
            return Err(CreateError::PbxOutOfRange);
        }
    }
    if let Some(start) = req.start_date {
        if clock::copenhagen_date(start) < today {
            return Err(CreateError::StartDateInPast);
        }
    }
    if let (Some(start), Some(delete)) = (req.start_date, req.delete_date) {
        if delete <= start {
            return Err(rule(
                422,
                "deleteDate",
                "The delete date must be after the start date",
            ));
        }
    }
    if let Some(sims) = &req.data_sharing_sims {
        if sims.len() > MAX_DATA_SHARING_SIMS {
            return Err(rule(422, "dataSharingSims", "At most 3 data-sharing SIMs"));
        }
        for (i, s) in sims.iter().enumerate() {
            let at = |e: CreateError| CreateError::DataSharingSim(i, Box::new(e));
            if s.assign_esim == Some(true) && non_empty(&s.sim_number).is_some() {
                return Err(at(CreateError::DataSharingEsimWithSimNumber));
            }
            if s.assign_esim != Some(true) && non_empty(&s.sim_number).is_none() {
                return Err(at(rule(
                    422,
                    "dataSharingSims.simNumber",
                    "Give the SIM card's ICC, or set assignEsim",
                )));
            }
        }
    }
    if let Some(p) = &req.purchase_info {
        if let Some(opt) = &p.payment_option {
            if !["NONE", "BOUGHT", "RENTED"].contains(&opt.as_str()) {
                return Err(rule(
                    422,
                    "purchaseInfo.paymentOption",
                    "paymentOption is NONE, BOUGHT or RENTED",
                ));
            }
        }
    }
    Ok((number, sim))
}

/// Checks the voicemail settings and says whether they apply: only with
/// `feature.voicemail` on and neither a SIP account nor a PBX (otherwise
/// they are not stored, as the spec's own example expects).
fn check_voicemail(req: &CreateMvnoRequest, feature: &Feature) -> Result<bool> {
    let Some(vm) = &req.voicemail else {
        return Ok(false);
    };
    let applies = feature.voicemail
        && non_empty(&req.sip_account).is_none()
        && !req.pbx.is_some_and(|p| p > 0);
    if let Some(pin) = &vm.pin {
        if !(4..=10).contains(&pin.len()) || !pin.bytes().all(|b| b.is_ascii_digit()) {
            return Err(rule(
                422,
                "voicemail.pin",
                "The voicemail PIN is 4 to 10 digits",
            ));
        }
    }
    let notify = vm.notify.as_deref().unwrap_or("NONE");
    if !["NONE", "SMS", "EMAIL", "BOTH"].contains(&notify) {
        return Err(rule(
            422,
            "voicemail.notify",
            "notify is NONE, SMS, EMAIL or BOTH",
        ));
    }
    let email = vm.email.as_deref().map(str::trim).filter(|e| !e.is_empty());
    if matches!(notify, "EMAIL" | "BOTH") && email.is_none() {
        return Err(rule(
            422,
            "voicemail.email",
            "An e-mail address is needed to notify by e-mail",
        ));
    }
    if let Some(e) = email {
        let ok = e
            .split_once('@')
            .is_some_and(|(l, d)| !l.is_empty() && d.contains('.') && !d.starts_with('.'));
        if !ok {
            return Err(rule(
                422,
                "voicemail.email",
                "The e-mail address is not valid",
            ));
        }
    }
    Ok(applies)
}

/// Fields limited to some access levels: refused, never silently dropped.
fn check_field_levels(req: &CreateMvnoRequest, level: AccessLevel) -> Result<()> {
    let reseller_or_admin = level.is_reseller() || level == AccessLevel::Admin;
    if req.notes.is_some() && !reseller_or_admin {
        return Err(CreateError::AccessDenied(Some("notes")));
    }
    if req.purchase_info.is_some() && level != AccessLevel::Admin {
        return Err(CreateError::AccessDenied(Some("purchaseInfo")));
    }
    if req.socs_override.as_ref().is_some_and(|s| !s.is_empty()) && level != AccessLevel::Admin {
        return Err(CreateError::AccessDenied(Some("socsOverride")));
    }
    if req.mit_id.is_some() && level != AccessLevel::Admin {
        return Err(CreateError::AccessDenied(Some("mitId")));
    }
    Ok(())
}

/// What a self-service caller may not ask for: a SIM card picked by ICC
/// (as the account's SIM or a data-sharing SIM) or no SIM. An eSIM or an
/// auto-assigned SIM, from the stock [`signup::stock_holders`] allows.
fn check_self_service(req: &CreateMvnoRequest, sim: &SimChoice) -> Result<()> {
    match sim {
        SimChoice::Physical(_) => return Err(CreateError::AccessDenied(Some("mvnoSim"))),
        SimChoice::NoSim(_) => return Err(CreateError::AccessDenied(Some("nosim"))),
        SimChoice::Esim(_) | SimChoice::AutoAssign(_) => {}
    }
    if let Some(i) = req
        .data_sharing_sims
        .iter()
        .flatten()
        .position(|s| s.assign_esim != Some(true))
    {
        return Err(CreateError::DataSharingSim(
            i,
            Box::new(CreateError::AccessDenied(Some("dataSharingSims.simNumber"))),
        ));
    }
    Ok(())
}

/// A product usable on the customer's accounts at `at`: the operator's
/// master products, the customer's own, and its direct reseller's; for a
/// private customer the public ones only ([`catalog::offered_to`]).
async fn usable_product<C: ConnectionTrait>(
    db: &C,
    id: &str,
    kind: ProductKind,
    customer: &customer::Model,
    at: DateTime<Utc>,
) -> Result<Option<product::Model>> {
    let Ok(id) = Id::parse(id) else {
        return Ok(None);
    };
    let Some(p) = product::Entity::find_by_id(id.as_str())
        .one(db)
        .await
        .map_err(db_err)?
    else {
        return Ok(None);
    };
    let owner_ok = match &p.owner_customer_id {
        None => true,
        Some(o) => *o == customer.id || Some(o) == customer.parent_reseller.as_ref(),
    };
    let valid = p.valid_from <= at && p.valid_until.is_none_or(|u| u >= at);
    let offered = catalog::offered_to(&p, customer);
    Ok((p.kind == kind.as_str() && owner_ok && valid && offered).then_some(p))
}

/// What will happen to the number.
pub(crate) enum NumberPlan {
    /// Bought: `AVAILABLE` and purchasable by this caller; goes on the invoice.
    Buy { expected_state: String },
    /// The customer owns it and it is unused.
    UseOwned,
    /// Another Danish operator holds it.
    PortIn { donor: operator::Model },
}

pub(crate) async fn plan_number<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    number: &E164,
    customer: &customer::Model,
    resellers: &[String],
) -> Result<NumberPlan> {
    if let Some(n) = number::Entity::find_by_id(number.as_str())
        .one(db)
        .await
        .map_err(db_err)?
    {
        if let Some(range) = &n.range_id {
            let split = number_range::Entity::find_by_id(range.as_str())
                .one(db)
                .await
                .map_err(db_err)?
                .is_none_or(|r| r.split);
            if !split {
                return Err(CreateError::NumberPartOfRange);
            }
        }
        let state: NumberState = n.state.parse().map_err(|_| CreateError::Internal)?;
        let in_own_reseller_stock = n
            .stock_reseller_id
            .as_ref()
            .is_some_and(|r| resellers.contains(r));
        let may_use_reseller_stock =
            caller.access_level.is_reseller() || caller.access_level == AccessLevel::Admin;
        return match state {
            NumberState::InUse | NumberState::InUseDatasharing => Err(CreateError::NumberInUse),
            NumberState::PortingIn | NumberState::PortingOut => Err(CreateError::NumberBeingPorted),
            NumberState::Available | NumberState::PreReserved => {
                if let Some(owner) = &n.owner_customer_id {
                    return if *owner == customer.id {
                        Ok(NumberPlan::UseOwned)
                    } else {
                        Err(CreateError::NumberNotAvailable)
                    };
                }
                match (&n.stock_reseller_id, state) {
                    (None, NumberState::Available) => Ok(NumberPlan::Buy {
                        expected_state: n.state,
                    }),
                    (Some(_), _) if in_own_reseller_stock && may_use_reseller_stock => {
                        Ok(NumberPlan::Buy {
                            expected_state: n.state,
                        })
                    }
                    (Some(_), _) if in_own_reseller_stock => {
                        Err(CreateError::NumberPurchaseNotAllowed)
                    }
                    _ => Err(CreateError::NumberNotAvailable),
                }
            }
            NumberState::Locked | NumberState::OutPorted | NumberState::Closed => {
                Err(CreateError::NumberNotAvailable)
            }
        };
    }
    let Some(lookup) = number_lookup::Entity::find_by_id(number.as_str())
        .one(db)
        .await
        .map_err(db_err)?
    else {
        return Err(CreateError::NumberNotFound);
    };
    if lookup.number_type != NumberType::Mobile.as_str() {
        return Err(CreateError::NumberNotUsable);
    }
    let Some(cps) = lookup.operator_cps else {
        return Err(CreateError::OperatorLookupFailed);
    };
    let donor = operator::Entity::find_by_id(cps)
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or(CreateError::OperatorLookupFailed)?;
    if donor.is_self {
        return Err(CreateError::NumberNotAvailable);
    }
    Ok(NumberPlan::PortIn { donor })
}

/// Who may authorise a port-in (row `403 number`): a reseller or admin,
/// and a business's OWNER, sign the porting's power of attorney or give
/// the donor ICC; a private person in self-service authorises it with
/// MitID, so a self-service port-in without a MitID verification is
/// refused. The number check asks the same.
pub fn may_authorise_porting(self_service: bool, mit_id_given: bool) -> bool {
    !self_service || mit_id_given
}

/// Donor SIM checks for a port-in (rows `404/422 donorSimNumber`).
fn check_donor(req: &CreateMvnoRequest, donor: &operator::Model) -> Result<Option<String>> {
    let auth: MvnoAuth = donor.mvno_auth.parse().map_err(|_| CreateError::Internal)?;
    let by_icc = matches!(auth, MvnoAuth::Icc | MvnoAuth::IccFax | MvnoAuth::IccEmail);
    let given = non_empty(&req.donor_sim_number);
    let Some(typed) = given else {
        return if by_icc {
            Err(CreateError::DonorSimMissing)
        } else {
            Ok(None)
        };
    };
    let icc = Icc::parse(typed).map_err(|_| CreateError::DonorSimInvalid)?;
    if !icc.luhn_ok() {
        return Err(CreateError::DonorSimInvalid);
    }
    if let Some(pattern) = &donor.icc_validation {
        let re = regex::Regex::new(pattern).map_err(|_| CreateError::Internal)?;
        // Donors print cards with a trailing F; their rules may expect it.
        let with_f = format!("{icc}F");
        if !re.is_match(icc.as_str()) && !re.is_match(&with_f) {
            return Err(CreateError::DonorSimRejectedByDonorRule);
        }
    }
    Ok(Some(icc.to_string()))
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
            .filter(sim_card::Column::Network.eq(network.as_str()))
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

/// Marks a number as used by the account, if it is still in `expected` state and unused.
async fn take_number(
    txn: &DatabaseTransaction,
    number: &str,
    expected_state: &str,
    new_state: NumberState,
    customer_id: &str,
    account_id: &str,
    now: DateTime<Utc>,
) -> Result<bool> {
    let res = number::Entity::update_many()
        .col_expr(number::Column::State, Expr::value(new_state.as_str()))
        .col_expr(number::Column::OwnerCustomerId, Expr::value(customer_id))
        .col_expr(
            number::Column::StockResellerId,
            Expr::value(Option::<String>::None),
        )
        .col_expr(number::Column::AccountId, Expr::value(account_id))
        .col_expr(
            number::Column::ReservedUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(number::Column::UpdatedAt, Expr::value(now))
        .filter(number::Column::Number.eq(number))
        .filter(number::Column::State.eq(expected_state))
        .filter(number::Column::AccountId.is_null())
        .exec(txn)
        .await
        .map_err(db_err)?;
    Ok(res.rows_affected == 1)
}

async fn invoice_number_purchase(
    txn: &DatabaseTransaction,
    customer_id: &str,
    account_id: &str,
    number: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let product = product::Entity::find()
        .filter(product::Column::Kind.eq(ProductKind::NumberPurchase.as_str()))
        .filter(product::Column::OwnerCustomerId.is_null())
        .filter(product::Column::ValidFrom.lte(now))
        .filter(
            Condition::any()
                .add(product::Column::ValidUntil.is_null())
                .add(product::Column::ValidUntil.gte(now)),
        )
        .one(txn)
        .await
        .map_err(db_err)?
        .ok_or(CreateError::NextPeriodProductNotFound)?;
    invoice_line::Entity::insert(invoice_line::ActiveModel {
        id: Set(Id::generate().to_string()),
        customer_id: Set(customer_id.to_string()),
        period: Set(clock::copenhagen_date(now).format("%Y-%m").to_string()),
        product_id: Set(Some(product.id)),
        account_id: Set(Some(account_id.to_string())),
        description: Set(format!("{} {number}", product.name)),
        amount_ore: Set(product.price_ore),
        created_at: Set(now),
    })
    .exec(txn)
    .await
    .map_err(db_err)?;
    Ok(())
}

/// A free number for a data-sharing SIM: one the customer owns and does not
/// use, else a publicly purchasable TDC number (bought).
async fn take_data_sharing_number(
    txn: &DatabaseTransaction,
    customer_id: &str,
    account_id: &str,
    exclude: &str,
    now: DateTime<Utc>,
) -> Result<String> {
    for owned in [true, false] {
        let mut q = number::Entity::find()
            .filter(number::Column::State.eq(NumberState::Available.as_str()))
            .filter(number::Column::AccountId.is_null())
            .filter(number::Column::RangeId.is_null())
            .filter(number::Column::Number.ne(exclude))
            .filter(number::Column::Network.eq(Network::Tdc.as_str()));
        q = if owned {
            q.filter(number::Column::OwnerCustomerId.eq(customer_id))
        } else {
            q.filter(number::Column::OwnerCustomerId.is_null())
                .filter(number::Column::StockResellerId.is_null())
        };
        let candidates = q
            .order_by_asc(number::Column::Number)
            .limit(8)
            .all(txn)
            .await
            .map_err(db_err)?;
        for c in candidates {
            if take_number(
                txn,
                &c.number,
                NumberState::Available.as_str(),
                NumberState::InUseDatasharing,
                customer_id,
                account_id,
                now,
            )
            .await?
            {
                if !owned {
                    invoice_number_purchase(txn, customer_id, account_id, &c.number, now).await?;
                }
                return Ok(c.number);
            }
        }
    }
    Err(CreateError::DataSharingNoNumber)
}

/// Takes the number a data-sharing SIM names: a free TDC number the
/// customer owns, or a free public one (bought). Anything else, the
/// account's own number or one another data-sharing SIM took included, is
/// `404 dataSharingSims.number`.
async fn take_named_data_sharing_number(
    txn: &DatabaseTransaction,
    customer_id: &str,
    account_id: &str,
    wanted: &E164,
    now: DateTime<Utc>,
) -> Result<String> {
    let found = number::Entity::find_by_id(wanted.as_str())
        .filter(number::Column::State.eq(NumberState::Available.as_str()))
        .filter(number::Column::AccountId.is_null())
        .filter(number::Column::RangeId.is_null())
        .filter(number::Column::Network.eq(Network::Tdc.as_str()))
        .filter(
            Condition::any()
                .add(number::Column::OwnerCustomerId.eq(customer_id))
                .add(
                    Condition::all()
                        .add(number::Column::OwnerCustomerId.is_null())
                        .add(number::Column::StockResellerId.is_null()),
                ),
        )
        .one(txn)
        .await
        .map_err(db_err)?
        .ok_or(CreateError::DataSharingNoNumber)?;
    let owned = found.owner_customer_id.as_deref() == Some(customer_id);
    if !take_number(
        txn,
        &found.number,
        NumberState::Available.as_str(),
        NumberState::InUseDatasharing,
        customer_id,
        account_id,
        now,
    )
    .await?
    {
        return Err(CreateError::DataSharingNoNumber);
    }
    if !owned {
        invoice_number_purchase(txn, customer_id, account_id, &found.number, now).await?;
    }
    Ok(found.number)
}

fn plan_features(plan: &product::Model) -> Option<FeatureRequest> {
    plan.features
        .as_ref()
        .and_then(|f| serde_json::from_value(f.clone()).ok())
}

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
    if !caller.access_level.may_create() {
        return Err(CreateError::AccessDenied(None));
    }
    if *req == CreateMvnoRequest::default() {
        return Err(CreateError::NoBody);
    }
    // Text the database cannot store is refused like a property of the
    // wrong type, before anything is looked up.
    if let Some(path) = nul_path(req) {
        return Err(CreateError::TextWithNul(path));
    }

    // The customer: found, reachable by the caller, not blocked; and the
    // resellers above it, whose stock it may use.
    let customer_id = non_empty(&req.customer)
        .and_then(|c| Id::parse(c).ok())
        .ok_or(CreateError::CustomerNotFound)?;
    let chain = chain(txn, customer_id.as_str())
        .await
        .map_err(|_| CreateError::Internal)?;
    let customer = chain
        .first()
        .filter(|c| c.state != CustomerState::Deleted.as_str())
        .cloned()
        .ok_or(CreateError::CustomerNotFound)?;
    if !reaches(caller, &chain) {
        return Err(CreateError::AccessDenied(None));
    }
    check_field_levels(req, caller.access_level)?;
    // Self-service: the caller's own customer is a private person.
    let self_service = match chain.iter().find(|c| c.id == caller.customer.as_str()) {
        Some(own) => signup::is_self_service(own),
        None => customer::Entity::find_by_id(caller.customer.as_str())
            .one(txn)
            .await
            .map_err(db_err)?
            .is_some_and(|own| signup::is_self_service(&own)),
    };
    if customer.state == CustomerState::Blocked.as_str() {
        return Err(CreateError::CustomerBlocked);
    }
    let (number, sim_choice) = check_shape(req, today)?;
    if self_service {
        check_self_service(req, &sim_choice)?;
    }
    // Who verified with MitID: from the server's record only.
    let mit_id = match trusted.mitid.as_deref() {
        Some(reference) => Some(mitid::take(txn, caller, reference, now).await?),
        None => req.mit_id.clone(),
    };

    let start = req.start_date.unwrap_or(now).max(now);
    let resellers: Vec<String> = chain.iter().skip(1).map(|c| c.id.clone()).collect();
    // Whose SIM stock the account may take cards from.
    let holders: Vec<String> = if self_service {
        signup::stock_holders(&chain)
    } else {
        chain.into_iter().map(|c| c.id).collect()
    };

    // Products.
    let plan_id = non_empty(&req.rate_plan).ok_or(CreateError::RatePlanNotFound)?;
    let plan = usable_product(txn, plan_id, ProductKind::RatePlan, &customer, start)
        .await?
        .ok_or(CreateError::RatePlanNotFound)?;
    let new_plan = match non_empty(&req.new_rate_plan) {
        Some(id) => Some(
            usable_product(txn, id, ProductKind::RatePlan, &customer, start)
                .await?
                .ok_or(CreateError::NewRatePlanNotFound)?,
        ),
        None => None,
    };
    let next_period = clock::porting_time(clock::next_month_start(clock::copenhagen_date(start)));
    if new_plan.is_none() && plan.valid_until.is_some_and(|u| u < next_period) {
        return Err(CreateError::NextPeriodProductNotFound);
    }
    let mut services = Vec::new();
    for id in req.services.iter().flatten() {
        let s = usable_product(txn, id, ProductKind::Service, &customer, start)
            .await?
            .ok_or(CreateError::ServicesInvalid)?;
        services.push(s.id);
    }
    let overrides = req.socs_override.clone().unwrap_or_default();
    for o in &overrides {
        for code in [&o.soc, &o.new_soc] {
            if soc::Entity::find_by_id(code.as_str())
                .one(txn)
                .await
                .map_err(db_err)?
                .is_none()
            {
                return Err(CreateError::SocInvalid(code.clone()));
            }
        }
    }
    let row = match &req.rest_of_world_roaming {
        None => plan.included_row_product_id.clone().map(|p| json!({"productId": p, "isOverride": false, "keepAfterExpire": false})),
        Some(r) => match &r.product_id {
            Some(Some(id)) if !id.trim().is_empty() => {
                let p = usable_product(txn, id, ProductKind::RowRoaming, &customer, start).await?.ok_or(CreateError::RowProductNotFound)?;
                let is_override = plan.included_row_product_id.as_deref() != Some(p.id.as_str());
                Some(json!({"productId": p.id, "isOverride": is_override, "keepAfterExpire": r.keep_after_expire.unwrap_or(false)}))
            }
            Some(_) if plan.included_row_product_id.is_some() => return Err(CreateError::RowCannotBeRemoved),
            Some(_) => None,
            None => plan.included_row_product_id.clone().map(|p| json!({"productId": p, "isOverride": false, "keepAfterExpire": r.keep_after_expire.unwrap_or(false)})),
        },
    };

    // Features and voicemail.
    let feature = Feature::resolve(plan_features(&plan).as_ref(), req.feature.as_ref());
    let voicemail = if check_voicemail(req, &feature)? {
        req.voicemail.as_ref().map(|v| json!(v))
    } else {
        None
    };

    // Billing customer, SIP account, PBX extension.
    let billing = match non_empty(&req.billing_customer) {
        Some(b) => {
            let b = Id::parse(b).map_err(|_| CreateError::BillingCustomerNotAssociated)?;
            let linked = customer_billing::Entity::find_by_id((customer.id.clone(), b.to_string()))
                .one(txn)
                .await
                .map_err(db_err)?;
            if linked.is_none() && b.as_str() != customer.id {
                return Err(CreateError::BillingCustomerNotAssociated);
            }
            Some(b.to_string())
        }
        None => None,
    };
    let sip = match non_empty(&req.sip_account) {
        Some(s) => {
            let s = Id::parse(s).map_err(|_| CreateError::SipAccountNotFound)?;
            let found = sip_account::Entity::find_by_id(s.as_str())
                .one(txn)
                .await
                .map_err(db_err)?;
            Some(
                found
                    .filter(|a| a.customer_id == customer.id)
                    .ok_or(CreateError::SipAccountNotFound)?
                    .id,
            )
        }
        None => None,
    };
    let pbx = req.pbx.filter(|p| *p > 0);
    let extension = match non_empty(&req.extension) {
        Some(e) => {
            let e = Id::parse(e).map_err(|_| CreateError::ExtensionNotFound)?;
            let ext = pbx_extension::Entity::find_by_id(e.as_str())
                .one(txn)
                .await
                .map_err(db_err)?
                .filter(|x| x.customer_id == customer.id && Some(x.pbx as i64) == pbx)
                .ok_or(CreateError::ExtensionNotFound)?;
            if ext.sip_account_id.is_some() {
                return Err(CreateError::ExtensionOnTrunk);
            }
            Some(ext.id)
        }
        None => None,
    };

    // The number: bought, used, or ported in.
    let number_plan = plan_number(txn, caller, &number, &customer, &resellers).await?;
    let mut porting_row = None;
    let number_state = match &number_plan {
        NumberPlan::Buy { expected_state } => {
            if !take_number(
                txn,
                number.as_str(),
                expected_state,
                NumberState::InUse,
                &customer.id,
                account_id,
                now,
            )
            .await?
            {
                return Err(CreateError::NumberNotAvailable);
            }
            invoice_number_purchase(txn, &customer.id, account_id, number.as_str(), now).await?;
            NumberState::InUse
        }
        NumberPlan::UseOwned => {
            if !take_number(
                txn,
                number.as_str(),
                NumberState::Available.as_str(),
                NumberState::InUse,
                &customer.id,
                account_id,
                now,
            )
            .await?
            {
                return Err(CreateError::NumberInUse);
            }
            NumberState::InUse
        }
        NumberPlan::PortIn { donor } => {
            if !may_authorise_porting(self_service, mit_id.is_some()) {
                return Err(CreateError::PortingNotAuthorised);
            }
            let donor_sim = check_donor(req, donor)?;
            let requested = match req.requested_porting_date {
                None => None,
                Some(at) => {
                    let date = clock::copenhagen_date(at);
                    calendar::check_porting_date(date, today).map_err(|e| {
                        CreateError::Rule(422, "requestedPortingDate", e.to_string())
                    })?;
                    Some(clock::porting_time(date))
                }
            };
            let inserted = number::Entity::insert(number::ActiveModel {
                number: Set(number.to_string()),
                state: Set(NumberState::PortingIn.as_str().to_string()),
                network: Set(None),
                owner_customer_id: Set(Some(customer.id.clone())),
                stock_reseller_id: Set(None),
                range_id: Set(None),
                reserved_until: Set(None),
                quarantine_until: Set(None),
                account_id: Set(Some(account_id.to_string())),
                updated_at: Set(now),
            })
            .exec(txn)
            .await;
            if let Err(e) = inserted {
                return Err(match e.sql_err() {
                    Some(SqlErr::UniqueConstraintViolation(_)) => {
                        tracing::debug!(error = %e, "number row for port-in exists already");
                        CreateError::NumberBeingPorted
                    }
                    _ => db_err(e),
                });
            }
            let stage = if req.porting_ready == Some(true) {
                PortingStage::InReady
            } else {
                PortingStage::InCreated
            };
            porting_row = Some(porting::ActiveModel {
                id: Set(Id::generate().to_string()),
                number: Set(number.to_string()),
                account_id: Set(account_id.to_string()),
                customer_id: Set(customer.id.clone()),
                donor_cps: Set(donor.cps_code.clone()),
                donor_sim_number: Set(donor_sim),
                requested_date: Set(requested),
                notify: Set(json!([])),
                stage: Set(stage.as_str().to_string()),
                stage_date: Set(now),
                message: Set(None),
                created_at: Set(now),
            });
            NumberState::PortingIn
        }
    };

    // The SIM.
    let (sim, network, auto_assigned) = match &sim_choice {
        SimChoice::Physical(icc) => {
            let sim = take_sim_by_icc(
                txn,
                &holders,
                icc.as_str(),
                account_id,
                CreateError::SimNotFound,
                CreateError::SimNotAvailable("mvnoSim"),
            )
            .await?;
            let network: Network = sim.network.parse().map_err(|_| CreateError::Internal)?;
            (Some(sim), network, false)
        }
        SimChoice::Esim(network) => {
            let filter =
                Condition::all().add(sim_card::Column::FormFactor.eq(FormFactor::Esim.as_str()));
            let sim = take_free_sim(txn, &holders, *network, filter, account_id)
                .await?
                .ok_or(CreateError::OutOfEsim)?;
            (Some(sim), *network, false)
        }
        SimChoice::AutoAssign(network) => {
            let filter = Condition::all().add(sim_card::Column::AutoAssign.eq(true));
            let sim = take_free_sim(txn, &holders, *network, filter, account_id)
                .await?
                .ok_or(CreateError::NoAutoAssignSim)?;
            (Some(sim), *network, true)
        }
        SimChoice::NoSim(network) => (None, *network, false),
    };

    // Data-sharing SIMs: TDC only, on the primary SIM's network.
    let mut sharing = Vec::new();
    for (i, s) in req.data_sharing_sims.iter().flatten().enumerate() {
        let at = |e: CreateError| CreateError::DataSharingSim(i, Box::new(e));
        if network != Network::Tdc {
            return Err(at(CreateError::DataSharingNetwork));
        }
        let taken: Result<(sim_card::Model, String)> = async {
            let card = if s.assign_esim == Some(true) {
                let filter = Condition::all()
                    .add(sim_card::Column::FormFactor.eq(FormFactor::Esim.as_str()));
                take_free_sim(txn, &holders, Network::Tdc, filter, account_id)
                    .await?
                    .ok_or(CreateError::DataSharingSimNotAvailable)?
            } else {
                let typed = non_empty(&s.sim_number).unwrap_or_default();
                let icc = Icc::parse(typed).map_err(|_| CreateError::DataSharingSimNotFound)?;
                let card = sim_card::Entity::find_by_id(icc.as_str())
                    .one(txn)
                    .await
                    .map_err(db_err)?
                    .filter(|c| holders.contains(&c.in_storage_at))
                    .ok_or(CreateError::DataSharingSimNotFound)?;
                if card.network != Network::Tdc.as_str() {
                    return Err(CreateError::DataSharingNetwork);
                }
                take_sim_by_icc(
                    txn,
                    &holders,
                    icc.as_str(),
                    account_id,
                    CreateError::DataSharingSimNotFound,
                    CreateError::DataSharingSimNotAvailable,
                )
                .await?
            };
            let number = match non_empty(&s.number) {
                Some(typed) => {
                    let wanted = E164::from_typed(typed).map_err(|_| {
                        rule(422, "dataSharingSims.number", "The number is invalid")
                    })?;
                    take_named_data_sharing_number(txn, &customer.id, account_id, &wanted, now)
                        .await?
                }
                None => {
                    take_data_sharing_number(txn, &customer.id, account_id, number.as_str(), now)
                        .await?
                }
            };
            Ok((card, number))
        }
        .await;
        let (card, number) = taken.map_err(at)?;
        sharing.push((card, number, s.name.clone()));
    }

    // Write the account and what hangs on it.
    let socs: Vec<String> = serde_json::from_value(plan.socs.clone()).unwrap_or_default();
    let porting_id = porting_row.as_ref().map(|p| p.id.clone().unwrap());
    mvno_account::Entity::insert(mvno_account::ActiveModel {
        id: Set(account_id.to_string()),
        customer_id: Set(customer.id.clone()),
        number: Set(number.to_string()),
        state: Set(AccountState::Creating.as_str().to_string()),
        number_state: Set(number_state.as_str().to_string()),
        network: Set(Some(network.as_str().to_string())),
        sim_icc: Set(sim.as_ref().map(|s| s.icc.clone())),
        auto_assigned: Set(auto_assigned),
        feature: Set(serde_json::to_value(&feature).map_err(|_| CreateError::Internal)?),
        voicemail: Set(voicemail),
        sip_account_id: Set(sip),
        pbx: Set(pbx.map(|p| p as i32)),
        extension_id: Set(extension),
        dnd: Set(req.dnd.unwrap_or(false)),
        rate_plan_id: Set(plan.id.clone()),
        new_rate_plan_id: Set(new_plan.map(|p| p.id)),
        services: Set(json!(services)),
        socs_override: Set((!overrides.is_empty()).then(|| json!(overrides))),
        row_roaming: Set(row),
        notes: Set(req.notes.clone()),
        custom: Set(req.custom.clone().filter(|c| !c.is_null())),
        billing_customer_id: Set(billing),
        start_date: Set(start),
        delete_date: Set(req.delete_date),
        donor_sim_number: Set(porting_row
            .as_ref()
            .and_then(|p| p.donor_sim_number.clone().unwrap())),
        purchase_info: Set(req.purchase_info.as_ref().map(|p| json!(p))),
        mit_id: Set(mit_id.as_ref().map(|m| json!(m))),
        porting_id: Set(porting_id),
        created_by: Set(caller.employee.to_string()),
        created_at: Set(now),
        activated_at: Set(None),
    })
    .exec(txn)
    .await
    .map_err(account_insert_refused)?;
    let _ = socs;
    for (card, number, name) in sharing {
        data_sharing_sim::Entity::insert(data_sharing_sim::ActiveModel {
            id: Set(Id::generate().to_string()),
            account_id: Set(account_id.to_string()),
            icc: Set(card.icc),
            number: Set(number),
            name: Set(name),
        })
        .exec(txn)
        .await
        .map_err(db_err)?;
    }
    if let Some(p) = porting_row {
        porting::Entity::insert(p).exec(txn).await.map_err(db_err)?;
    }
    job::Entity::insert(job::ActiveModel {
        id: Set(Id::generate().to_string()),
        kind: Set("ACTIVATE".to_string()),
        account_id: Set(account_id.to_string()),
        run_at: Set((now + settings.activation_delay).max(start)),
        state: Set("PENDING".to_string()),
        attempts: Set(0),
        locked_until: Set(None),
        created_at: Set(now),
    })
    .exec(txn)
    .await
    .map_err(db_err)?;
    Ok(())
}
