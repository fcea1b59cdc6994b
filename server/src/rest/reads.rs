//! What a client reads to build a create: customers, numbers, SIM stock
//! and free SIMs, products.

use super::*;

#[derive(Deserialize)]
pub struct ListQuery {
    offset: Option<u64>,
    limit: Option<u64>,
    filter: Option<String>,
}

/// A reseller's customers (and its sub-resellers').
#[utoipa::path(get, path = "/api/customers", tag = "customers", security(("bearer" = [])),
    params(("offset" = Option<u64>, Query, minimum = 0, maximum = 1000000000), ("limit" = Option<u64>, Query, minimum = 1, maximum = 500), ("filter" = Option<String>, Query, description = "Name or CVR")),
    responses((status = 200, body = Page<CustomerSummary>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub(crate) async fn list_customers(
    State(state): State<AppState>,
    Authed(caller): Authed,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> Result<Json<Page<CustomerSummary>>, RestError> {
    let paging = Paging::new(q.offset, q.limit)?;
    Ok(Json(
        customers::list(&state.db, &caller, q.filter.as_deref(), paging).await?,
    ))
}

#[derive(Deserialize)]
pub struct NumbersQuery {
    customer: Option<String>,
    network: Option<Network>,
    filter: Option<String>,
    offset: Option<u64>,
    limit: Option<u64>,
}

/// Numbers the customer can use: owned and free first, then purchasable.
#[utoipa::path(get, path = "/api/numbers", tag = "catalog", security(("bearer" = [])),
    params(("customer" = Option<String>, Query, description = "Default: the caller's own customer below RESELLER; resellers and admins name one", example = "c00000000000000000000005"), ("network" = Option<Network>, Query), ("filter" = Option<String>, Query, description = "Digits"),
        ("offset" = Option<u64>, Query, minimum = 0, maximum = 1000000000), ("limit" = Option<u64>, Query, minimum = 1, maximum = 500)),
    responses((status = 200, body = Page<OfferedNumber>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub(crate) async fn list_numbers(
    State(state): State<AppState>,
    Authed(caller): Authed,
    ApiQuery(q): ApiQuery<NumbersQuery>,
) -> Result<Json<Page<OfferedNumber>>, RestError> {
    let paging = Paging::new(q.offset, q.limit)?;
    Ok(Json(
        catalog::offered_numbers(
            &state.db,
            &caller,
            q.customer.as_deref(),
            q.network,
            q.filter.as_deref(),
            paging,
        )
        .await?,
    ))
}

#[derive(Deserialize)]
pub struct CustomerQuery {
    customer: Option<String>,
}

/// Free SIM stock the customer can draw on, counted.
#[utoipa::path(get, path = "/api/sims/stock", tag = "catalog", security(("bearer" = [])), params(("customer" = Option<String>, Query, description = "Default: the caller's own customer below RESELLER; resellers and admins name one", example = "c00000000000000000000005")),
    responses((status = 200, body = Vec<StockCount>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub(crate) async fn sim_stock(
    State(state): State<AppState>,
    Authed(caller): Authed,
    ApiQuery(q): ApiQuery<CustomerQuery>,
) -> Result<Json<Vec<StockCount>>, RestError> {
    Ok(Json(
        catalog::sim_stock(&state.db, &caller, q.customer.as_deref()).await?,
    ))
}

#[derive(Deserialize)]
pub struct SimsQuery {
    customer: Option<String>,
    network: Option<Network>,
    #[serde(rename = "formFactor")]
    form_factor: Option<FormFactor>,
    offset: Option<u64>,
    limit: Option<u64>,
}

/// Free SIM cards and eSIM profiles a create for the customer may take, by
/// ICC (no PIN, PUK or activation code: those come with the account).
#[utoipa::path(get, path = "/api/sims", tag = "catalog", security(("bearer" = [])),
    params(("customer" = Option<String>, Query, description = "Default: the caller's own customer below RESELLER; resellers and admins name one", example = "c00000000000000000000005"), ("network" = Option<Network>, Query), ("formFactor" = Option<FormFactor>, Query),
        ("offset" = Option<u64>, Query, minimum = 0, maximum = 1000000000), ("limit" = Option<u64>, Query, minimum = 1, maximum = 500)),
    responses((status = 200, body = Page<FreeSim>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub(crate) async fn list_sims(
    State(state): State<AppState>,
    Authed(caller): Authed,
    ApiQuery(q): ApiQuery<SimsQuery>,
) -> Result<Json<Page<FreeSim>>, RestError> {
    let paging = Paging::new(q.offset, q.limit)?;
    Ok(Json(
        catalog::free_sims(
            &state.db,
            &caller,
            q.customer.as_deref(),
            q.network,
            q.form_factor,
            paging,
        )
        .await?,
    ))
}

#[derive(Deserialize)]
pub struct ProductsQuery {
    customer: Option<String>,
    kind: Option<ProductKind>,
    offset: Option<u64>,
    limit: Option<u64>,
}

/// Products usable on the customer's new accounts today (default: rate
/// plans), cheapest first, each with its validity.
#[utoipa::path(get, path = "/api/products", tag = "catalog", security(("bearer" = [])),
    params(("customer" = Option<String>, Query, description = "Default: the caller's own customer below RESELLER; resellers and admins name one", example = "c00000000000000000000005"), ("kind" = Option<ProductKind>, Query),
        ("offset" = Option<u64>, Query, minimum = 0, maximum = 1000000000), ("limit" = Option<u64>, Query, minimum = 1, maximum = 500)),
    responses((status = 200, body = Page<ProductOffer>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub(crate) async fn list_products(
    State(state): State<AppState>,
    Authed(caller): Authed,
    ApiQuery(q): ApiQuery<ProductsQuery>,
) -> Result<Json<Page<ProductOffer>>, RestError> {
    let paging = Paging::new(q.offset, q.limit)?;
    let all = catalog::products(
        &state.db,
        &caller,
        q.customer.as_deref(),
        q.kind.unwrap_or(ProductKind::RatePlan),
    )
    .await?;
    Ok(Json(Page::of(all, paging)))
}
