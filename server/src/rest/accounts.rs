//! MVNO accounts: the create, reads, the number check and portings.

use super::*;

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
pub(crate) async fn create_mvno(
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
pub(crate) async fn get_mvno(
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
pub(crate) async fn list_mvno(
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
pub(crate) async fn check_number(
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
pub(crate) async fn get_porting(
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
pub(crate) async fn update_porting(
    State(state): State<AppState>,
    Authed(caller): Authed,
    axum::extract::Path(id): axum::extract::Path<String>,
    ApiJson(change): ApiJson<portings::PortingUpdate>,
) -> Result<Json<Porting>, RestError> {
    Ok(Json(
        portings::update(&state.db, &caller, &id, change).await?,
    ))
}
