//! The number check: what will happen to a number if it is put on a new
//! account of a customer, with the same rules the create operation applies.

use super::create::{may_authorise_porting, plan_number, NumberPlan};
use super::customers::{chain, may_act_on};
use super::{db_error, Caller};
use crate::account::CreateError;
use crate::db::entity::customer;
use crate::enums::MvnoAuth;
use crate::phone::E164;
use crate::portal::{DonorInfo, NumberAvailability, NumberCheck};
use crate::{ApiError, Id};
use sea_orm::{ConnectionTrait, EntityTrait};

pub async fn check_number<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    customer_id: &str,
    typed: &str,
) -> Result<NumberCheck, ApiError> {
    let cid = Id::parse(customer_id).map_err(|_| CreateError::CustomerNotFound.to_api())?;
    let customer = customer::Entity::find_by_id(cid.as_str())
        .one(db)
        .await
        .map_err(db_error)?
        .ok_or_else(|| CreateError::CustomerNotFound.to_api())?;
    if !may_act_on(db, caller, &customer.id).await? {
        return Err(ApiError::access_denied().with_path("customer"));
    }
    let not = |number: String, e: CreateError| NumberCheck {
        number,
        availability: match e {
            CreateError::NumberInUse => NumberAvailability::InUse,
            CreateError::NumberBeingPorted => NumberAvailability::BeingPorted,
            _ => NumberAvailability::NotAvailable,
        },
        operator: None,
        reason: Some(e.to_api()),
    };
    let number = match E164::from_typed(typed) {
        Ok(n) => n,
        Err(_) => return Ok(not(typed.to_string(), CreateError::NumberSyntax)),
    };
    if number.danish_mobile_candidate().is_err() {
        return Ok(not(number.to_string(), CreateError::NumberNotUsable));
    }
    let chain = chain(db, &customer.id).await?;
    let self_service = super::signup::caller_is_self_service(db, caller, &chain)
        .await
        .map_err(db_error)?;
    let resellers: Vec<String> = chain.into_iter().skip(1).map(|c| c.id).collect();
    Ok(
        match plan_number(db, caller, &number, &customer, &resellers).await {
            Ok(NumberPlan::Buy { .. }) => NumberCheck {
                number: number.to_string(),
                availability: NumberAvailability::AvailableForPurchase,
                operator: None,
                reason: None,
            },
            Ok(NumberPlan::UseOwned) => NumberCheck {
                number: number.to_string(),
                availability: NumberAvailability::OwnedAndFree,
                operator: None,
                reason: None,
            },
            Ok(NumberPlan::PortIn { donor }) => {
                let auth = donor.mvno_auth;
                NumberCheck {
                    number: number.to_string(),
                    availability: NumberAvailability::PortingRequired,
                    operator: Some(DonorInfo {
                        cps_code: donor.cps_code,
                        name: donor.name,
                        mvno_auth: auth,
                        needs_donor_icc: matches!(
                            auth,
                            MvnoAuth::Icc | MvnoAuth::IccFax | MvnoAuth::IccEmail
                        ),
                        needs_mit_id: !may_authorise_porting(self_service, false),
                        icc_validation: donor.icc_validation,
                    }),
                    reason: None,
                }
            }
            Err(CreateError::Internal) => return Err(ApiError::internal()),
            Err(e) => not(number.to_string(), e),
        },
    )
}
