//! The REST API under `/api`: JSON in and out, bearer tokens, and the
//! platform's error body for every failure, including malformed requests.

use crate::AppState;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, FromRequest, FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::HeaderMap;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use mvno::account::{CreateError, CreateMvnoRequest, MvnoAccount, Porting};
use mvno::auth::{LoginReply, LoginRequest};
use mvno::enums::{FormFactor, Network, ProductKind};
use mvno::portal::{CustomerSummary, Page, Paging};
use mvno::portal::{FreeSim, OfferedNumber, ProductOffer, StockCount};
use mvno::portal::{NumberCheck, NumberCheckRequest};
use mvno::services::{
    auth, catalog, create, customers, idempotency, lookup, portings, view, Caller,
};
use mvno::{ApiError, ErrorBody};
use serde::Deserialize;
use tower_http::catch_panic::CatchPanicLayer;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/auth/login", post(login))
        .route("/auth/logout", get(logout))
        .route("/customers", get(list_customers))
        .route("/mvno", post(create_mvno).get(list_mvno))
        .route("/mvno/check/number", post(check_number))
        .route("/mvno/{id}", get(get_mvno))
        .route("/porting/{id}", get(get_porting).post(update_porting))
        .route("/numbers", get(list_numbers))
        .route("/sims", get(list_sims))
        .route("/sims/stock", get(sim_stock))
        .route("/products", get(list_products))
        .route(
            "/openapi.json",
            get(|| async { Json(crate::openapi::document()) }),
        )
        .fallback(|| async { RestError(ApiError::not_found("No such resource")) })
        .layer(CatchPanicLayer::custom(|_| {
            tracing::error!("a request handler panicked");
            RestError(ApiError::internal()).into_response()
        }))
        .layer(axum::middleware::map_response(platform_error_body))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
}

/// The largest request body the API reads (a create is a few kilobytes;
/// custom data is at most 4 KB).
pub const MAX_BODY_BYTES: usize = 256 * 1024;

/// The answers every operation with a body may give besides its own: the
/// body over [`MAX_BODY_BYTES`], or not JSON by its Content-Type.
const BODY_413: &str = "payload_too_large: the body is larger than 256 KB";
const BODY_415: &str = "unsupported_media_type: the Content-Type is not JSON (application/json)";

fn unsupported_media_type() -> ApiError {
    ApiError::new(
        415,
        "unsupported_media_type",
        "Expected a JSON body (Content-Type: application/json)",
    )
}

/// A body must be JSON by its Content-Type: `application/json` or a
/// `+json` type, parameters allowed. A request without a Content-Type is
/// read as JSON; any other type is `415 unsupported_media_type`.
fn require_json(headers: &HeaderMap) -> Result<(), RestError> {
    let Some(value) = headers.get(header::CONTENT_TYPE) else {
        return Ok(());
    };
    let essence = value
        .to_str()
        .ok()
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase());
    match essence.as_deref() {
        Some(t)
            if t == "application/json"
                || (t.starts_with("application/") && t.ends_with("+json")) =>
        {
            Ok(())
        }
        _ => Err(RestError(unsupported_media_type())),
    }
}

fn too_large() -> ApiError {
    ApiError::new(
        413,
        "payload_too_large",
        format!("The body is larger than {} KB", MAX_BODY_BYTES / 1024),
    )
}

/// Gives every failure the API did not answer itself (a body over the size
/// limit, a method the route does not have, a panic caught further out) the
/// platform's error body, so a client never has to parse anything else.
async fn platform_error_body(res: Response) -> Response {
    let status = res.status();
    let is_json = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return res;
    }
    let error = match status {
        StatusCode::PAYLOAD_TOO_LARGE => too_large(),
        StatusCode::METHOD_NOT_ALLOWED => ApiError::new(
            405,
            "method_not_allowed",
            "This resource does not take that method",
        ),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => unsupported_media_type(),
        s if s.is_server_error() => ApiError::internal(),
        s => ApiError::new(
            s.as_u16(),
            "bad_request",
            s.canonical_reason().unwrap_or("The request was refused"),
        ),
    };
    let mut out = RestError(error).into_response();
    *out.status_mut() = status;
    out
}

/// An [`ApiError`] as an HTTP response: its status and the error body.
#[derive(Debug)]
pub struct RestError(pub ApiError);

impl From<ApiError> for RestError {
    fn from(e: ApiError) -> Self {
        RestError(e)
    }
}

impl IntoResponse for RestError {
    fn into_response(self) -> Response {
        let status =
            StatusCode::from_u16(self.0.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        (status, Json(self.0.body())).into_response()
    }
}

/// A JSON object body read strictly: not JSON by its Content-Type `415`
/// (see [`require_json`]), over the size limit `413`, not JSON or
/// not an object `400 bad_request`, a property of the wrong type `422` with
/// its path (see [`read_body`]).
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = RestError;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, RestError> {
        require_json(req.headers())?;
        let body = Bytes::from_request(req, state).await.map_err(|r| {
            if r.status() == StatusCode::PAYLOAD_TOO_LARGE {
                RestError(too_large())
            } else {
                RestError(ApiError::bad_request(r.body_text()))
            }
        })?;
        let value = parse_json(&body)?;
        if !value.is_object() {
            return Err(RestError(ApiError::bad_request(
                "The body must be a JSON object",
            )));
        }
        read_body(value).map(ApiJson)
    }
}

/// Query parameters read strictly: a parameter that is missing or cannot be
/// read is `400 bad_request` naming it in `path`, in the platform's words.
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = RestError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, RestError> {
        let query = parts.uri.query().unwrap_or_default();
        let de = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
        serde_path_to_error::deserialize(de)
            .map(ApiQuery)
            .map_err(|e| {
                let inner = e.inner().to_string();
                let (name, message) = match missing_field(&inner) {
                    Some(name) => (
                        name.to_string(),
                        format!("The parameter {name} is required"),
                    ),
                    None => {
                        let name = e.path().to_string();
                        let message =
                            format!("The parameter {name} has a value that cannot be read");
                        (name, message)
                    }
                };
                RestError(ApiError::bad_request(message).with_path(&name))
            })
    }
}

/// The property's name in serde's "missing field `x`", whose wording is
/// never sent to the client.
fn missing_field(message: &str) -> Option<&str> {
    message.strip_prefix("missing field `")?.split('`').next()
}

/// The caller of an API request, from its bearer token.
pub struct Authed(pub Caller);

impl FromRequestParts<AppState> for Authed {
    type Rejection = RestError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let header = parts
            .headers
            .get(header::AUTHORIZATION)
            .map(|v| v.to_str().unwrap_or(""));
        Ok(Authed(auth::authenticate_header(&state.db, header).await?))
    }
}

/// Sign in; answers a bearer token.
#[utoipa::path(post, path = "/api/auth/login", tag = "auth", request_body = LoginRequest,
    responses((status = 200, body = LoginReply), (status = 400, body = ErrorBody), (status = 422, description = "A property of the wrong type", body = ErrorBody), (status = 401, description = "credentials_invalid", body = ErrorBody),
        (status = 413, description = BODY_413, body = ErrorBody), (status = 415, description = BODY_415, body = ErrorBody),
        (status = 429, description = "too_many_attempts: five failed sign-ins within 15 minutes", body = ErrorBody)))]
async fn login(
    State(state): State<AppState>,
    ApiJson(req): ApiJson<LoginRequest>,
) -> Result<Json<LoginReply>, RestError> {
    Ok(Json(
        auth::login(&state.db, &req, auth::TokenKind::Api).await?,
    ))
}

/// Invalidates all the user's tokens.
#[utoipa::path(get, path = "/api/auth/logout", tag = "auth", security(("bearer" = [])),
    responses((status = 200, description = "Signed out"), (status = 401, body = ErrorBody)))]
async fn logout(
    State(state): State<AppState>,
    Authed(caller): Authed,
) -> Result<Json<serde_json::Value>, RestError> {
    auth::logout(&state.db, &caller).await?;
    Ok(Json(serde_json::json!({})))
}

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
async fn list_customers(
    State(state): State<AppState>,
    Authed(caller): Authed,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> Result<Json<Page<CustomerSummary>>, RestError> {
    let paging = Paging::new(q.offset, q.limit)?;
    Ok(Json(
        customers::list(&state.db, &caller, q.filter.as_deref(), paging).await?,
    ))
}

/// Reads a JSON body strictly: malformed JSON is `400 bad_request`; a value
/// of the wrong type is `422` with the property's path as code and `path`;
/// a property the type does not know (where it denies unknown fields) is
/// `422` with the unknown property's own path and [`UNKNOWN_PROPERTY`].
fn read_body<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<T, RestError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { String::new() } else { path };
        let (path, message) = match unknown_field(&e.inner().to_string()) {
            // The path already ends with the unknown key; an empty key is
            // shown as `""` so that code and path are never empty.
            Some("") => {
                let parent = path.strip_suffix('.').unwrap_or(&path);
                let path = if parent.is_empty() {
                    "\"\"".to_string()
                } else {
                    format!("{parent}.\"\"")
                };
                (path, UNKNOWN_PROPERTY.to_string())
            }
            Some(name) if path.is_empty() => (name.to_string(), UNKNOWN_PROPERTY.to_string()),
            Some(_) => (path, UNKNOWN_PROPERTY.to_string()),
            None => match missing_field(&e.inner().to_string()) {
                Some(name) => {
                    let path = if path.is_empty() {
                        name.to_string()
                    } else {
                        format!("{path}.{name}")
                    };
                    (path, "This property is required".to_string())
                }
                None if path.is_empty() => ("body".to_string(), WRONG_TYPE.to_string()),
                None => (path, WRONG_TYPE.to_string()),
            },
        };
        RestError(ApiError {
            code: path.clone(),
            message,
            status: 422,
            path: Some(path),
        })
    })
}

/// The message of a value of the wrong type or out of its type's range.
pub const WRONG_TYPE: &str =
    "The value has the wrong type or is out of range; see the API reference for this property";

/// The message of a property the request does not know.
pub const UNKNOWN_PROPERTY: &str =
    "Unknown property; see the API reference for the properties of this request";

/// The property's name in serde's "unknown field `x`, expected …" (or
/// "…, there are no fields"), whose wording is never sent to the client.
fn unknown_field(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("unknown field `")?;
    let end = rest
        .rfind("`, expected")
        .or_else(|| rest.rfind("`, there are no fields"))?;
    Some(&rest[..end])
}

fn parse_json(body: &Bytes) -> Result<serde_json::Value, RestError> {
    serde_json::from_slice(body).map_err(|e| {
        RestError(ApiError::bad_request(format!(
            "The body is not valid JSON: {e}"
        )))
    })
}

/// `POST /mvno`. With an `Idempotency-Key` header, a repeat of the same
/// body answers the first result. A 201 carries the new account's URL in
/// `Location`, a replay too.
#[utoipa::path(post, path = "/api/mvno", tag = "mvno", security(("bearer" = [])), request_body = CreateMvnoRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Replays the first answer for 24 hours", min_length = 1, max_length = 255, pattern = "^[!-~]+$")),
    responses((status = 201, description = "The new account", body = MvnoAccount,
            headers(("Location" = String, description = "The new account's URL: /api/mvno/{id}"))),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 413, description = BODY_413, body = ErrorBody), (status = 415, description = BODY_415, body = ErrorBody),
        (status = 422, body = ErrorBody), (status = 500, body = ErrorBody)))]
async fn create_mvno(
    State(state): State<AppState>,
    Authed(caller): Authed,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let result: Result<MvnoAccount, ApiError> = async {
        require_json(&headers).map_err(|e| e.0)?;
        let value = if body.iter().all(u8::is_ascii_whitespace) {
            serde_json::Value::Null
        } else {
            parse_json(&body).map_err(|e| e.0)?
        };
        if !value.is_object() || value.as_object().is_some_and(|o| o.is_empty()) {
            return Err(CreateError::NoBody.to_api());
        }
        let req: CreateMvnoRequest = read_body(value).map_err(|e| e.0)?;
        let key = match headers.get("idempotency-key") {
            None => None,
            Some(v) => Some(
                v.to_str()
                    .map_err(|_| idempotency::check_key("").unwrap_err())?
                    .to_string(),
            ),
        };
        create::create_once(
            &state.db,
            &caller,
            key.as_deref(),
            &req,
            &state.create_settings,
        )
        .await
    }
    .await;
    match result {
        Ok(account) => {
            let location = format!("/api/mvno/{}", account.id);
            (
                StatusCode::CREATED,
                [(header::LOCATION, location)],
                Json(account),
            )
                .into_response()
        }
        Err(e) => RestError(e).into_response(),
    }
}

/// One account, by id or by its E.164 number.
#[utoipa::path(get, path = "/api/mvno/{id}", tag = "mvno", security(("bearer" = [])), params(("id" = String, Path, description = "Account id or E.164 number", example = "ac0000000000000000000001")),
    responses((status = 200, body = MvnoAccount), (status = 401, body = ErrorBody), (status = 404, description = "mvnoAccount: MVNO account not found (unknown, or out of the caller's reach)", body = ErrorBody)))]
async fn get_mvno(
    State(state): State<AppState>,
    Authed(caller): Authed,
    axum::extract::Path(id): axum::extract::Path<String>,
) -> Result<Json<MvnoAccount>, RestError> {
    Ok(Json(view::get(&state.db, &caller, &id).await?))
}

#[derive(Deserialize)]
pub struct MvnoListQuery {
    customer: Option<String>,
    offset: Option<u64>,
    limit: Option<u64>,
}

/// A customer's accounts.
#[utoipa::path(get, path = "/api/mvno", tag = "mvno", security(("bearer" = [])),
    params(("customer" = Option<String>, Query, example = "c00000000000000000000005"), ("offset" = Option<u64>, Query, minimum = 0, maximum = 1000000000), ("limit" = Option<u64>, Query, minimum = 1, maximum = 500)),
    responses((status = 200, body = Page<MvnoAccount>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn list_mvno(
    State(state): State<AppState>,
    Authed(caller): Authed,
    ApiQuery(q): ApiQuery<MvnoListQuery>,
) -> Result<Json<Page<MvnoAccount>>, RestError> {
    let paging = Paging::new(q.offset, q.limit)?;
    let customer = q.customer.unwrap_or_else(|| caller.customer.to_string());
    Ok(Json(
        view::list(&state.db, &caller, &customer, paging).await?,
    ))
}

/// What would happen to a number on a new account of the customer.
#[utoipa::path(post, path = "/api/mvno/check/number", tag = "mvno", security(("bearer" = [])), request_body = NumberCheckRequest,
    responses((status = 200, body = NumberCheck), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 413, description = BODY_413, body = ErrorBody), (status = 415, description = BODY_415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn check_number(
    State(state): State<AppState>,
    Authed(caller): Authed,
    ApiJson(req): ApiJson<NumberCheckRequest>,
) -> Result<Json<NumberCheck>, RestError> {
    Ok(Json(
        lookup::check_number(&state.db, &caller, &req.customer, &req.number).await?,
    ))
}

#[utoipa::path(get, path = "/api/porting/{id}", tag = "porting", security(("bearer" = [])), params(("id" = String, Path, example = "b00000000000000000000001")),
    responses((status = 200, body = Porting), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_porting(
    State(state): State<AppState>,
    Authed(caller): Authed,
    axum::extract::Path(id): axum::extract::Path<String>,
) -> Result<Json<Porting>, RestError> {
    Ok(Json(portings::get(&state.db, &caller, &id).await?))
}

/// Changes the requested date and the notify list.
#[utoipa::path(post, path = "/api/porting/{id}", tag = "porting", security(("bearer" = [])), params(("id" = String, Path, example = "b00000000000000000000001")),
    request_body = portings::PortingUpdate,
    responses((status = 200, body = Porting), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 413, description = BODY_413, body = ErrorBody), (status = 415, description = BODY_415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_porting(
    State(state): State<AppState>,
    Authed(caller): Authed,
    axum::extract::Path(id): axum::extract::Path<String>,
    ApiJson(change): ApiJson<portings::PortingUpdate>,
) -> Result<Json<Porting>, RestError> {
    Ok(Json(
        portings::update(&state.db, &caller, &id, change).await?,
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
async fn list_numbers(
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
async fn sim_stock(
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
async fn list_sims(
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
async fn list_products(
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
