//! What the account carries beside products: its features (the request's
//! over the plan's over the spec's defaults), voicemail, the billing
//! customer, the SIP account and the hosted-PBX extension.

use super::{checks, db_err, non_empty, products::plan_features, Result};
use crate::account::{CreateError, CreateMvnoRequest, Feature};
use crate::db::entity::*;
use crate::Id;
use sea_orm::{DatabaseTransaction, EntityTrait};
use serde_json::json;

/// The account's settings beside its products.
pub(super) struct Extras {
    pub feature: Feature,
    pub voicemail: Option<serde_json::Value>,
    pub billing: Option<String>,
    pub sip: Option<String>,
    pub pbx: Option<i64>,
    pub extension: Option<String>,
}

pub(super) async fn check(
    txn: &DatabaseTransaction,
    req: &CreateMvnoRequest,
    customer: &customer::Model,
    plan: &product::Model,
) -> Result<Extras> {
    let feature = Feature::resolve(plan_features(plan).as_ref(), req.feature.as_ref());
    let voicemail = if checks::check_voicemail(req, &feature)? {
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

    Ok(Extras {
        feature,
        voicemail,
        billing,
        sip,
        pbx,
        extension,
    })
}
