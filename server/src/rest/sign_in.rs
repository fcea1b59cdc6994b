//! Sign-in and sign-out.

use super::*;

/// Sign in; answers a bearer token.
#[utoipa::path(post, path = "/api/auth/login", tag = "auth", request_body = LoginRequest,
    responses((status = 200, body = LoginReply), (status = 400, body = ErrorBody), (status = 422, description = "A property of the wrong type", body = ErrorBody), (status = 401, description = "credentials_invalid", body = ErrorBody),
        (status = 413, description = BODY_413, body = ErrorBody), (status = 415, description = BODY_415, body = ErrorBody),
        (status = 429, description = "too_many_attempts: five failed sign-ins within 15 minutes", body = ErrorBody)))]
pub(crate) async fn login(
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
pub(crate) async fn logout(
    State(state): State<AppState>,
    Authed(caller): Authed,
) -> Result<Json<serde_json::Value>, RestError> {
    auth::logout(&state.db, &caller).await?;
    Ok(Json(serde_json::json!({})))
}
