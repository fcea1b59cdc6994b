//! Which customers a caller reaches, and a reseller's customer list.

use super::{db_error, Caller};
use crate::db::entity::customer;
use crate::enums::{CustomerKind, CustomerState};
use crate::portal::{CustomerSummary, Page, Paging};
use crate::{ApiError, Id};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

/// The customers a caller may see: `None` means all (ADMIN). Resellers reach
/// their customers and, through sub-resellers, those below them; everyone
/// else reaches their own customer only.
pub async fn scope<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
) -> Result<Option<Vec<String>>, ApiError> {
    if caller.access_level.is_admin() {
        return Ok(None);
    }
    if !caller.access_level.is_reseller() {
        return Ok(Some(vec![caller.customer.to_string()]));
    }
    let mut reached = Vec::new();
    let mut frontier = vec![caller.customer.to_string()];
    while !frontier.is_empty() {
        let children: Vec<(String, String)> = customer::Entity::find()
            .select_only()
            .column(customer::Column::Id)
            .column(customer::Column::Kind)
            .filter(customer::Column::ParentReseller.is_in(frontier.clone()))
            .into_tuple()
            .all(db)
            .await
            .map_err(db_error)?;
        frontier = children
            .iter()
            .filter(|(id, kind)| kind == CustomerKind::Reseller.as_str() && !reached.contains(id))
            .map(|(id, _)| id.clone())
            .collect();
        reached.extend(children.into_iter().map(|(id, _)| id));
    }
    Ok(Some(reached))
}

/// Whether the caller acts on `customer` directly: OWNER-level staff of the
/// customer itself, a reseller whose customer it is (directly or through
/// its sub-resellers), or ADMIN. Walks up from the customer, so the cost is
/// the depth of the reseller tree, not the number of customers.
pub async fn may_act_on<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    customer_id: &str,
) -> Result<bool, ApiError> {
    if caller.access_level.is_admin() {
        return Ok(true);
    }
    if !caller.access_level.is_reseller() {
        return Ok(caller.customer.as_str() == customer_id);
    }
    Ok(reaches(caller, &chain(db, customer_id).await?))
}

/// Whether the caller acts on the first customer of `chain` (a customer and
/// the resellers above it, as [`chain`] answers it).
pub fn reaches(caller: &Caller, chain: &[customer::Model]) -> bool {
    let Some(first) = chain.first() else {
        return false;
    };
    if caller.access_level.is_admin() {
        return true;
    }
    if !caller.access_level.is_reseller() {
        return caller.customer.as_str() == first.id;
    }
    // Above the customer: resellers up to the caller's own.
    for above in chain.iter().skip(1) {
        if above.kind != CustomerKind::Reseller {
            return false;
        }
        if above.id == caller.customer.as_str() {
            return true;
        }
    }
    false
}

fn summary(m: customer::Model) -> Result<CustomerSummary, ApiError> {
    let bad = |_| ApiError::internal();
    Ok(CustomerSummary {
        id: Id::parse(&m.id).map_err(bad)?,
        name: m.name,
        cvr: m.cvr,
        kind: m.kind,
        state: m.state,
        parent_reseller: m
            .parent_reseller
            .as_deref()
            .map(Id::parse)
            .transpose()
            .map_err(bad)?,
    })
}

/// A reseller's customers (and its sub-resellers'), searchable by name or CVR.
/// Only resellers and admins have a customer list: others get `403 access_denied`.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    search: Option<&str>,
    paging: Paging,
) -> Result<Page<CustomerSummary>, ApiError> {
    if !caller.access_level.may_list_customers() {
        return Err(ApiError::access_denied());
    }
    let mut query =
        customer::Entity::find().filter(customer::Column::State.ne(CustomerState::Deleted));
    if let Some(ids) = scope(db, caller).await? {
        query = query.filter(customer::Column::Id.is_in(ids));
    }
    match super::search_of(search) {
        super::Search::All => {}
        super::Search::Nothing => return Ok(Page::new(paging, 0, Vec::new())),
        super::Search::Term(term) => {
            query = query.filter(
                Condition::any()
                    .add(customer::Column::Name.contains(term))
                    .add(customer::Column::Cvr.contains(term)),
            );
        }
    }
    let query = query.order_by_asc(customer::Column::Name);
    let (total, rows) = super::page_of(db, query, paging).await?;
    let items = rows.into_iter().map(summary).collect::<Result<_, _>>()?;
    Ok(Page::new(paging, total, items))
}

/// A customer and the resellers above it, nearest first.
pub async fn chain<C: ConnectionTrait>(
    db: &C,
    customer_id: &str,
) -> Result<Vec<customer::Model>, ApiError> {
    let mut out: Vec<customer::Model> = Vec::new();
    let mut next = Some(customer_id.to_string());
    while let Some(id) = next.take() {
        if out.iter().any(|c| c.id == id) {
            break;
        }
        match customer::Entity::find_by_id(id)
            .one(db)
            .await
            .map_err(db_error)?
        {
            Some(c) => {
                next = c.parent_reseller.clone();
                out.push(c);
            }
            None => break,
        }
    }
    Ok(out)
}
