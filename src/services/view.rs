//! Reading MVNO accounts and portings as the API answers them, with secrets
//! shown only to those allowed to see them.

use super::customers::may_act_on;
use super::{db_error, Caller};
use crate::account::*;
use crate::db::entity::{data_sharing_sim, mvno_account, operator, porting, product, sim_card};
use crate::portal::{Page, Paging};
use crate::{AccessLevel, ApiError, Id};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};

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
    Ok(Porting {
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
    })
}

/// Builds the account object for a caller of `level` (access to the
/// account itself is checked by the caller of this function).
pub async fn account_object<C: ConnectionTrait>(
    db: &C,
    level: AccessLevel,
    a: mvno_account::Model,
) -> Result<MvnoAccount, ApiError> {
    let v = Visibility::of(level);
    let sim = match &a.sim_icc {
        Some(icc) => sim_card::Entity::find_by_id(icc.as_str())
            .one(db)
            .await
            .map_err(db_error)?
            .map(|s| sim_details(s, a.auto_assigned, v)),
        None => None,
    };
    let sharing_rows = data_sharing_sim::Entity::find()
        .filter(data_sharing_sim::Column::AccountId.eq(a.id.as_str()))
        .order_by_asc(data_sharing_sim::Column::Number)
        .all(db)
        .await
        .map_err(db_error)?;
    let mut data_sharing_sims = Vec::new();
    for d in sharing_rows {
        if let Some(card) = sim_card::Entity::find_by_id(d.icc.as_str())
            .one(db)
            .await
            .map_err(db_error)?
        {
            data_sharing_sims.push(DataSharingSim {
                sim: sim_details(card, false, v),
                number: d.number,
                name: d.name,
            });
        }
    }
    let porting = match &a.porting_id {
        Some(id) => match porting::Entity::find_by_id(id.as_str())
            .one(db)
            .await
            .map_err(db_error)?
        {
            Some(p) => Some(porting_object(db, p).await?),
            None => None,
        },
        None => None,
    };
    let row_roaming = match a
        .row_roaming
        .as_ref()
        .and_then(|r| r.get("productId"))
        .and_then(|p| p.as_str())
    {
        Some(pid) => match product::Entity::find_by_id(pid)
            .one(db)
            .await
            .map_err(db_error)?
        {
            Some(p) => {
                let r = a.row_roaming.as_ref().expect("present");
                Some(RowReply {
                    product_id: p.id,
                    name: p.name,
                    is_override: r
                        .get("isOverride")
                        .and_then(|b| b.as_bool())
                        .unwrap_or(false),
                    keep_after_expire: r
                        .get("keepAfterExpire")
                        .and_then(|b| b.as_bool())
                        .unwrap_or(false),
                    price: p.price_ore as f64 / 100.0,
                })
            }
            None => None,
        },
        None => None,
    };
    let socs = if v.admin {
        let plan = product::Entity::find_by_id(a.rate_plan_id.as_str())
            .one(db)
            .await
            .map_err(db_error)?;
        Some(
            plan.and_then(|p| serde_json::from_value(p.socs).ok())
                .unwrap_or_default(),
        )
    } else {
        None
    };
    let voicemail = parse_json::<VoicemailRequest>(&a.voicemail).map(|settings| Voicemail {
        settings,
        pin_blocked_until: None,
    });
    Ok(MvnoAccount {
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
        socs_override: if v.admin {
            parse_json(&a.socs_override)
        } else {
            None
        },
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
        purchase_info: if v.admin {
            parse_json(&a.purchase_info)
        } else {
            None
        },
        mit_id: if v.admin { parse_json(&a.mit_id) } else { None },
        top_up: TopUp::default(),
        rest_of_world_roaming: row_roaming,
        start_date: a.start_date,
        delete_date: a.delete_date,
        created: a.created_at,
    })
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
    account_object(db, level, a).await
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
    account_object(db, caller.access_level, found).await
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
    let total = q.clone().count(db).await.map_err(db_error)?;
    let rows = q
        .order_by_desc(mvno_account::Column::CreatedAt)
        .offset(paging.offset)
        .limit(paging.limit)
        .all(db)
        .await
        .map_err(db_error)?;
    let mut items = Vec::with_capacity(rows.len());
    for a in rows {
        items.push(account_object(db, caller.access_level, a).await?);
    }
    Ok(Page::new(paging, total, items))
}
