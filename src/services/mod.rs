//! Services: what the REST handlers and the server functions call.
//! Each takes the [`Caller`] it acts for; none knows of HTTP.

pub mod accounts;
pub mod activation;
pub mod admin;
pub mod auth;
pub mod catalog;
pub mod clock;
pub mod create;
pub mod customers;
pub mod demo;
pub mod drafts;
pub mod idempotency;
pub mod import;
pub mod lookup;
pub mod mitid;
pub mod passwords;
pub mod portings;
pub mod preferences;
pub mod signup;
pub mod view;

use crate::{AccessLevel, ApiError, Id};
use sea_orm::DbErr;

/// Who is asking: built once by the server from a bearer token or a session
/// cookie and handed to every service.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Caller {
    pub employee: Id,
    pub customer: Id,
    pub access_level: AccessLevel,
}

/// What a list's search asks for.
pub(crate) enum Search<'a> {
    /// No search: everything in reach.
    All,
    /// Rows matching this trimmed term.
    Term(&'a str),
    /// Nothing can match: the term holds a NUL, which no stored text holds
    /// (and PostgreSQL cannot even compare with), so the database is not
    /// asked.
    Nothing,
}

pub(crate) fn search_of(search: Option<&str>) -> Search<'_> {
    match search.map(str::trim).filter(|t| !t.is_empty()) {
        None => Search::All,
        Some(t) if t.contains('\0') => Search::Nothing,
        Some(t) => Search::Term(t),
    }
}

/// Database failures become the platform's `500 internal_error`; the detail
/// is logged, never sent.
/// One page of `query` (already filtered and ordered) and how many rows
/// it has in all.
pub(crate) async fn page_of<E, C>(
    db: &C,
    query: sea_orm::Select<E>,
    paging: crate::portal::Paging,
) -> Result<(u64, Vec<E::Model>), ApiError>
where
    E: sea_orm::EntityTrait,
    E::Model: Send + Sync,
    C: sea_orm::ConnectionTrait,
{
    use sea_orm::{PaginatorTrait, QuerySelect};
    let total = query.clone().count(db).await.map_err(db_error)?;
    let rows = query
        .offset(paging.offset)
        .limit(paging.limit)
        .all(db)
        .await
        .map_err(db_error)?;
    Ok((total, rows))
}

pub fn db_error(e: DbErr) -> ApiError {
    tracing::error!(error = %e, "database error");
    ApiError::internal()
}
