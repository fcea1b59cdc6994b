//! Reading MVNO accounts and portings as the API answers them, with secrets
//! shown only to those allowed to see them.

mod parts;
mod prices;

pub use prices::prices_of;

use super::customers::may_act_on;
use super::{db_error, Caller};
use crate::account::*;
use crate::db::entity::{mvno_account, operator, porting, sim_card};
use crate::portal::{Page, Paging};
use crate::{AccessLevel, ApiError, Id};
use parts::{row_product_id, Parts};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

/// Who sees what of an account.
#[derive(Copy, Clone, Debug)]
struct Visibility {
    /// PIN/PUK and eSIM activation codes: OWNER and above.
    sim_secrets: bool,
    /// Notes: RESELLER and ADMIN.
    notes: bool,
    /// SOCs, SOC overrides, purchase info and MitID: ADMIN.
    admin: bool,
}

impl Visibility {
    fn of(level: AccessLevel) -> Self {
        Visibility {
            sim_secrets: level.sees_sim_secrets(),
            notes: level.sees_notes(),
            admin: level.is_admin(),
        }
    }
}

fn sim_details(s: sim_card::Model, auto_assign: bool, v: Visibility) -> SimDetails {
    let secret = |x: String| v.sim_secrets.then_some(x);
    SimDetails {
        sim_number: s.icc,
        imsi: s.imsi,
        network: s.network,
        puk1: secret(s.puk1),
        puk2: secret(s.puk2),
        pin1: secret(s.pin1),
        pin2: secret(s.pin2),
        form_factor: s.form_factor,
        auto_assign,
        activation_code: s.activation_code.and_then(secret),
    }
}

fn parse_json<T: serde::de::DeserializeOwned>(v: &Option<serde_json::Value>) -> Option<T> {
    v.as_ref()
        .and_then(|v| serde_json::from_value(v.clone()).ok())
}

/// The porting object.
pub async fn porting_object<C: ConnectionTrait>(
    db: &C,
    p: porting::Model,
) -> Result<Porting, ApiError> {
    let donor = operator::Entity::find_by_id(p.donor_cps.as_str())
        .one(db)
        .await
        .map_err(db_error)?
        .ok_or_else(ApiError::internal)?;
    Ok(porting_reply(p, donor))
}

fn porting_reply(p: porting::Model, donor: operator::Model) -> Porting {
    Porting {
        id: p.id,
        number: p.number,
        number_type: "MVNO".to_string(),
        porting_type: "IN".to_string(),
        account: p.account_id,
        donor_sim_number: p.donor_sim_number,
        donor_customer_id: None,
        donor: DonorOperator {
            cps_code: donor.cps_code,
            name: donor.name,
            mvno_auth: donor.mvno_auth,
        },
        requested_date: p.requested_date,
        notify: serde_json::from_value(p.notify).unwrap_or_default(),
        status: PortingStatus {
            stage: p.stage,
            date: p.stage_date,
            message: p.message,
        },
    }
}

/// The Rest-of-World roaming package as the account holds it.
fn row_reply(a: &mvno_account::Model, parts: &Parts) -> Option<RowReply> {
    let r = a.row_roaming.as_ref()?;
    let p = parts.products.get(&row_product_id(a)?)?;
    let flag = |name: &str| r.get(name).and_then(|b| b.as_bool()).unwrap_or(false);
    Some(RowReply {
        product_id: p.id.clone(),
        name: p.name.clone(),
        is_override: flag("isOverride"),
        keep_after_expire: flag("keepAfterExpire"),
        price: p.price_ore as f64 / 100.0,
    })
}

/// The data-sharing SIMs of an account, in number order.
fn sharing_reply(a: &mvno_account::Model, parts: &Parts, v: Visibility) -> Vec<DataSharingSim> {
    let rows = parts.sharing.get(&a.id).map(Vec::as_slice).unwrap_or(&[]);
    rows.iter()
        .filter_map(|d| {
            let card = parts.sims.get(&d.icc)?.clone();
            Some(DataSharingSim {
                sim: sim_details(card, false, v),
                number: d.number.clone(),
                name: d.name.clone(),
            })
        })
        .collect()
}

fn porting_of(a: &mvno_account::Model, parts: &Parts) -> Result<Option<Porting>, ApiError> {
    let Some(p) = a.porting_id.as_ref().and_then(|id| parts.portings.get(id)) else {
        return Ok(None);
    };
    let donor = parts
        .donors
        .get(&p.donor_cps)
        .ok_or_else(ApiError::internal)?;
    Ok(Some(porting_reply(p.clone(), donor.clone())))
}

/// The account object for a caller of `level` (access to the account
/// itself is checked by the caller of this function).
fn account_object(
    a: mvno_account::Model,
    parts: &Parts,
    v: Visibility,
) -> Result<MvnoAccount, ApiError> {
    let sim = a
        .sim_icc
        .as_ref()
        .and_then(|icc| parts.sims.get(icc))
        .map(|s| sim_details(s.clone(), a.auto_assigned, v));
    let data_sharing_sims = sharing_reply(&a, parts, v);
    let porting = porting_of(&a, parts)?;
    let rest_of_world_roaming = row_reply(&a, parts);
    let socs = v.admin.then(|| {
        parts
            .products
            .get(&a.rate_plan_id)
            .and_then(|p| serde_json::from_value(p.socs.clone()).ok())
            .unwrap_or_default()
    });
    let voicemail = parse_json::<VoicemailRequest>(&a.voicemail).map(|settings| Voicemail {
        settings,
        pin_blocked_until: None,
    });
    Ok(MvnoAccount {
        socs_override: admin_only(v, &a.socs_override),
        purchase_info: admin_only(v, &a.purchase_info),
        mit_id: admin_only(v, &a.mit_id),
        id: a.id,
        customer: a.customer_id,
        state: a.state,
        kind: "MVNO".to_string(),
        number: a.number,
        feature: serde_json::from_value(a.feature).map_err(|_| ApiError::internal())?,
        mvno_sim: sim,
        data_sharing_sims,
        mvno_sim_network_change_to: None,
        voicemail,
        donor_sim_number: a.donor_sim_number,
        sip_account: a.sip_account_id,
        pbx: a.pbx.map(i64::from),
        extension: a.extension_id,
        dnd: a.dnd,
        rate_plan: a.rate_plan_id,
        new_rate_plan: a.new_rate_plan_id,
        services: serde_json::from_value(a.services).unwrap_or_default(),
        socs,
        notes: if v.notes { a.notes } else { None },
        custom: a.custom,
        invoiced_until: None,
        billing_customer: a.billing_customer_id,
        info: Info::default(),
        number_state: a.number_state,
        employee: None,
        name: None,
        listed: false,
        porting: porting.as_ref().map(|p| p.id.clone()),
        porting_details: porting,
        top_up: TopUp::default(),
        rest_of_world_roaming,
        start_date: a.start_date,
        delete_date: a.delete_date,
        created: a.created_at,
    })
}

fn admin_only<T: serde::de::DeserializeOwned>(
    v: Visibility,
    value: &Option<serde_json::Value>,
) -> Option<T> {
    if v.admin {
        parse_json(value)
    } else {
        None
    }
}

/// The account objects of `accounts`, in their order, for a caller of
/// `level`: the parts of all of them are read together.
async fn account_objects<C: ConnectionTrait>(
    db: &C,
    level: AccessLevel,
    accounts: Vec<mvno_account::Model>,
) -> Result<Vec<MvnoAccount>, ApiError> {
    let v = Visibility::of(level);
    let parts = Parts::read(db, &accounts, v).await?;
    accounts
        .into_iter()
        .map(|a| account_object(a, &parts, v))
        .collect()
}

async fn one_account_object<C: ConnectionTrait>(
    db: &C,
    level: AccessLevel,
    a: mvno_account::Model,
) -> Result<MvnoAccount, ApiError> {
    let mut all = account_objects(db, level, vec![a]).await?;
    all.pop().ok_or_else(ApiError::internal)
}

/// `404 mvnoAccount` "MVNO account not found": the account named in the
/// URL is unknown or out of the caller's reach (alike, so that a reach is
/// not revealed). The thing not found is named as the code, and as the
/// path, as the platform names a field.
pub fn account_not_found() -> ApiError {
    ApiError::field(404, "mvnoAccount", "MVNO account not found")
}

/// One account by id, for a caller of `level` already known to reach it.
pub async fn account<C: ConnectionTrait>(
    db: &C,
    level: AccessLevel,
    id: &str,
) -> Result<MvnoAccount, ApiError> {
    let a = mvno_account::Entity::find_by_id(id)
        .one(db)
        .await
        .map_err(db_error)?
        .ok_or_else(account_not_found)?;
    one_account_object(db, level, a).await
}

/// `GET /mvno/{id or number}`: an account the caller reaches, by its id or its E.164 number.
pub async fn get<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id_or_number: &str,
) -> Result<MvnoAccount, ApiError> {
    let not_found = account_not_found;
    let found = if let Ok(id) = Id::parse(id_or_number) {
        mvno_account::Entity::find_by_id(id.as_str()).one(db).await
    } else {
        mvno_account::Entity::find()
            .filter(mvno_account::Column::Number.eq(id_or_number))
            .one(db)
            .await
    }
    .map_err(db_error)?
    .ok_or_else(not_found)?;
    if !may_act_on(db, caller, &found.customer_id).await? {
        return Err(not_found());
    }
    one_account_object(db, caller.access_level, found).await
}

/// `GET /mvno?customer=…`: a customer's accounts, newest first.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    customer: &str,
    paging: Paging,
) -> Result<Page<MvnoAccount>, ApiError> {
    let customer = Id::parse(customer)
        .map_err(|_| ApiError::bad_request("customer must be an id").with_path("customer"))?;
    if !may_act_on(db, caller, customer.as_str()).await? {
        return Err(ApiError::access_denied().with_path("customer"));
    }
    let q =
        mvno_account::Entity::find().filter(mvno_account::Column::CustomerId.eq(customer.as_str()));
    let q = q.order_by_desc(mvno_account::Column::CreatedAt);
    let (total, rows) = super::page_of(db, q, paging).await?;
    let items = account_objects(db, caller.access_level, rows).await?;
    Ok(Page::new(paging, total, items))
}
