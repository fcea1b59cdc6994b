//! The REST API under `/api`: JSON in and out, bearer tokens, and the
//! platform's error body for every failure, including malformed requests.

mod accounts;
mod extract;
mod reads;
mod sign_in;

pub(crate) use accounts::*;
use extract::*;
pub use extract::{ApiJson, ApiQuery, UNKNOWN_PROPERTY, WRONG_TYPE};
pub(crate) use reads::*;
pub(crate) use sign_in::*;

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
