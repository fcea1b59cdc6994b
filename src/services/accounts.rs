//! Reading MVNO accounts for the portal's start page.

use super::{customers, db_error, Caller};
use crate::db::entity::{customer, mvno_account};
use crate::portal::{AccountSummary, Page, Paging};
use crate::{ApiError, Id};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

/// The accounts the caller may see, newest first, searchable by number or
/// customer name.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    search: Option<&str>,
    paging: Paging,
) -> Result<Page<AccountSummary>, ApiError> {
    let mut query = mvno_account::Entity::find().find_also_related(customer::Entity);
    if let Some(ids) = customers::scope(db, caller).await? {
        query = query.filter(mvno_account::Column::CustomerId.is_in(ids));
    }
    match super::search_of(search) {
        super::Search::All => {}
        super::Search::Nothing => return Ok(Page::new(paging, 0, Vec::new())),
        super::Search::Term(term) => {
            let digits: String = term.chars().filter(|c| c.is_ascii_digit()).collect();
            let mut any = Condition::any().add(customer::Column::Name.contains(term));
            if !digits.is_empty() {
                any = any.add(mvno_account::Column::Number.contains(&digits));
            }
            query = query.filter(any);
        }
    }
    let total = query.clone().count(db).await.map_err(db_error)?;
    let rows = query
        .order_by_desc(mvno_account::Column::CreatedAt)
        .offset(paging.offset)
        .limit(paging.limit)
        .all(db)
        .await
        .map_err(db_error)?;
    let bad = |_| ApiError::internal();
    let items = rows
        .into_iter()
        .map(|(a, c)| {
            Ok(AccountSummary {
                id: Id::parse(&a.id).map_err(bad)?,
                number: a.number,
                customer: Id::parse(&a.customer_id).map_err(bad)?,
                customer_name: c.map(|c| c.name).unwrap_or_default(),
                state: a.state,
                network: a.network,
                created: a.created_at,
            })
        })
        .collect::<Result<_, ApiError>>()?;
    Ok(Page::new(paging, total, items))
}
