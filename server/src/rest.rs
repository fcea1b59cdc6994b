//! The REST API under `/api`: JSON in and out, bearer tokens, and the
//! platform's error body for every failure, including malformed requests.

use crate::AppState;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Query, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use mvno::auth::{LoginReply, LoginRequest};
use mvno::portal::{CustomerSummary, Page, Paging};
use mvno::services::{auth, customers, Caller};
use mvno::ApiError;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/auth/login", post(login))
        .route("/auth/logout", get(logout))
        .route("/customers", get(list_customers))
        .fallback(|| async { RestError(ApiError::not_found("No such resource")) })
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
        let status = StatusCode::from_u16(self.0.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        (status, Json(self.0.body())).into_response()
    }
}

impl From<JsonRejection> for RestError {
    fn from(r: JsonRejection) -> Self {
        let message = match &r {
            JsonRejection::MissingJsonContentType(_) => "Expected a JSON body (Content-Type: application/json)".to_string(),
            other => other.body_text(),
        };
        RestError(ApiError::bad_request(message))
    }
}

impl From<QueryRejection> for RestError {
    fn from(r: QueryRejection) -> Self {
        RestError(ApiError::bad_request(r.body_text()))
    }
}

/// A JSON body whose rejection is the platform's error body.
#[derive(FromRequest)]
#[from_request(via(Json), rejection(RestError))]
pub struct ApiJson<T>(pub T);

/// Query parameters whose rejection is the platform's error body.
#[derive(FromRequestParts)]
#[from_request(via(Query), rejection(RestError))]
pub struct ApiQuery<T>(pub T);

/// The caller of an API request, from its bearer token.
pub struct Authed(pub Caller);

impl FromRequestParts<AppState> for Authed {
    type Rejection = RestError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let header = parts.headers.get(header::AUTHORIZATION).map(|v| v.to_str().unwrap_or(""));
        Ok(Authed(auth::authenticate_header(&state.db, header).await?))
    }
}

async fn login(State(state): State<AppState>, ApiJson(req): ApiJson<LoginRequest>) -> Result<Json<LoginReply>, RestError> {
    Ok(Json(auth::login(&state.db, &req, auth::TokenKind::Api).await?))
}

async fn logout(State(state): State<AppState>, Authed(caller): Authed) -> Result<Json<serde_json::Value>, RestError> {
    auth::logout(&state.db, &caller).await?;
    Ok(Json(serde_json::json!({})))
}

#[derive(Deserialize)]
pub struct ListQuery {
    offset: Option<u64>,
    limit: Option<u64>,
    filter: Option<String>,
}

async fn list_customers(
    State(state): State<AppState>,
    Authed(caller): Authed,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> Result<Json<Page<CustomerSummary>>, RestError> {
    let paging = Paging::new(q.offset, q.limit)?;
    Ok(Json(customers::list(&state.db, &caller, q.filter.as_deref(), paging).await?))
}
