//! The account's number: bought (a line on the invoice), the customer's
//! own free number, or ported in from another operator; and the numbers
//! of data-sharing SIMs.

use super::party::Party;
use super::{db_err, porting, Result};
use crate::account::{CreateError, CreateMvnoRequest};
use crate::db::entity::*;
use crate::enums::*;
use crate::phone::E164;
use crate::services::{clock, Caller};
use crate::Id;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, DatabaseTransaction, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect,
};

/// The number as taken: its state on the account, and the porting to store
/// when it is ported in.
pub(super) struct TakenNumber {
    pub state: NumberState,
    pub porting: Option<crate::db::entity::porting::ActiveModel>,
}

/// Takes the account's number as [`plan_number`] decides.
#[allow(clippy::too_many_arguments)]
pub(super) async fn take(
    txn: &DatabaseTransaction,
    caller: &Caller,
    req: &CreateMvnoRequest,
    party: &Party,
    number: &E164,
    mit_id_given: bool,
    account_id: &str,
    now: DateTime<Utc>,
) -> Result<TakenNumber> {
    let customer = &party.customer;
    let number_plan = plan_number(txn, caller, number, customer, &party.resellers).await?;
    // A number bought or owned is taken from the state the plan found it in.
    let (from, refused) = match &number_plan {
        NumberPlan::Buy { expected_state } => (*expected_state, CreateError::NumberNotAvailable),
        NumberPlan::UseOwned => (NumberState::Available, CreateError::NumberInUse),
        NumberPlan::PortIn { donor } => {
            let self_service = party.self_service;
            let porting = porting::port_in(
                txn,
                req,
                donor,
                customer,
                number,
                self_service,
                party.posted_sim,
                mit_id_given,
                account_id,
                now,
            )
            .await?;
            return Ok(TakenNumber {
                state: NumberState::PortingIn,
                porting: Some(porting),
            });
        }
    };
    let (n, c) = (number.as_str(), &customer.id);
    if !take_number(txn, n, from, NumberState::InUse, c, account_id, now).await? {
        return Err(refused);
    }
    if matches!(number_plan, NumberPlan::Buy { .. }) {
        invoice_number_purchase(txn, c, account_id, n, now).await?;
    }
    Ok(TakenNumber {
        state: NumberState::InUse,
        porting: None,
    })
}

/// What will happen to the number.
pub(crate) enum NumberPlan {
    /// Bought: `AVAILABLE` and purchasable by this caller; goes on the invoice.
    Buy { expected_state: NumberState },
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
        let state = n.state;
        let in_own_reseller_stock = n
            .stock_reseller_id
            .as_ref()
            .is_some_and(|r| resellers.contains(r));
        let may_use_reseller_stock = caller.access_level.may_use_reseller_stock();
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
    if lookup.number_type != NumberType::Mobile {
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

/// Marks a number as used by the account, if it is still in `expected` state and unused.
pub(super) async fn take_number(
    txn: &DatabaseTransaction,
    number: &str,
    expected_state: NumberState,
    new_state: NumberState,
    customer_id: &str,
    account_id: &str,
    now: DateTime<Utc>,
) -> Result<bool> {
    let res = number::Entity::update_many()
        .col_expr(number::Column::State, Expr::value(new_state))
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

pub(super) async fn invoice_number_purchase(
    txn: &DatabaseTransaction,
    customer_id: &str,
    account_id: &str,
    number: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let product = product::Entity::find()
        .filter(product::Column::Kind.eq(ProductKind::NumberPurchase))
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
pub(super) async fn take_data_sharing_number(
    txn: &DatabaseTransaction,
    customer_id: &str,
    account_id: &str,
    exclude: &str,
    now: DateTime<Utc>,
) -> Result<String> {
    for owned in [true, false] {
        let mut q = number::Entity::find()
            .filter(number::Column::State.eq(NumberState::Available))
            .filter(number::Column::AccountId.is_null())
            .filter(number::Column::RangeId.is_null())
            .filter(number::Column::Number.ne(exclude))
            .filter(number::Column::Network.eq(Network::Tdc));
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
            if take_for_data_sharing(txn, &c.number, owned, customer_id, account_id, now).await? {
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
pub(super) async fn take_named_data_sharing_number(
    txn: &DatabaseTransaction,
    customer_id: &str,
    account_id: &str,
    wanted: &E164,
    now: DateTime<Utc>,
) -> Result<String> {
    let found = number::Entity::find_by_id(wanted.as_str())
        .filter(number::Column::State.eq(NumberState::Available))
        .filter(number::Column::AccountId.is_null())
        .filter(number::Column::RangeId.is_null())
        .filter(number::Column::Network.eq(Network::Tdc))
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
    if !take_for_data_sharing(txn, &found.number, owned, customer_id, account_id, now).await? {
        return Err(CreateError::DataSharingNoNumber);
    }
    Ok(found.number)
}

/// Takes a free number for a data-sharing SIM; one the customer does not
/// own is bought (an invoice line). False when another create took it first.
async fn take_for_data_sharing(
    txn: &DatabaseTransaction,
    number: &str,
    owned: bool,
    customer_id: &str,
    account_id: &str,
    now: DateTime<Utc>,
) -> Result<bool> {
    let (free, sharing) = (NumberState::Available, NumberState::InUseDatasharing);
    if !take_number(txn, number, free, sharing, customer_id, account_id, now).await? {
        return Ok(false);
    }
    if !owned {
        invoice_number_purchase(txn, customer_id, account_id, number, now).await?;
    }
    Ok(true)
}
