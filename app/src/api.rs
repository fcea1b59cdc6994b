//! Server functions: thin doors from the pages to the domain's services.
//! Each finds out who is asking, calls one service, and returns its typed
//! result or the platform's error.

use leptos::prelude::*;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use mvno::auth::SignedInUser;
use mvno::portal::{AccountSummary, CustomerSummary, Page};
use mvno::ApiError;
use serde::{Deserialize, Serialize};

/// The platform's error, carried through a server function.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UiError(pub ApiError);

impl FromServerFnError for UiError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        UiError(ApiError::bad_request(value.to_string()))
    }
}

impl From<ApiError> for UiError {
    fn from(e: ApiError) -> Self {
        UiError(e)
    }
}

impl std::fmt::Display for UiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.message)
    }
}

#[cfg(feature = "ssr")]
pub mod ssr {
    //! What every server function needs: the database and the caller.
    use super::UiError;
    use leptos::prelude::*;
    use mvno::services::{auth, Caller};
    use mvno::ApiError;
    use sea_orm::DatabaseConnection;

    pub fn db() -> Result<DatabaseConnection, UiError> {
        use_context::<DatabaseConnection>().ok_or_else(|| UiError(ApiError::internal()))
    }

    /// The session token from the request's cookie, if any.
    pub async fn session_token() -> Option<String> {
        let headers: axum::http::HeaderMap = leptos_axum::extract().await.ok()?;
        headers
            .get_all(axum::http::header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == crate::SESSION_COOKIE)
            .map(|(_, value)| value.to_string())
    }

    /// The signed-in caller, or `None` for an anonymous visitor.
    pub async fn caller() -> Result<Option<Caller>, UiError> {
        let Some(token) = session_token().await else {
            return Ok(None);
        };
        match auth::authenticate_token(&db()?, &token).await {
            Ok(caller) => Ok(Some(caller)),
            Err(e) if e.status == 401 => Ok(None),
            Err(e) => Err(UiError(e)),
        }
    }

    /// The caller, or the platform's 401 when nobody is signed in.
    pub async fn require_caller() -> Result<Caller, UiError> {
        caller().await?.ok_or_else(|| UiError(ApiError::invalid_token()))
    }

    /// Gives the page's HTTP response the error's status.
    pub fn set_status(e: &UiError) {
        if let Some(opts) = use_context::<leptos_axum::ResponseOptions>() {
            if let Ok(code) = axum::http::StatusCode::from_u16(e.0.status) {
                opts.set_status(code);
            }
        }
    }
}

/// Who is signed in (`None` when nobody is).
#[server(prefix = "/_fn", endpoint = "me")]
pub async fn current_user() -> Result<Option<SignedInUser>, UiError> {
    let Some(caller) = ssr::caller().await? else {
        return Ok(None);
    };
    Ok(Some(mvno::services::auth::signed_in_user(&ssr::db()?, &caller).await?))
}

/// The accounts the signed-in user may see.
#[server(prefix = "/_fn", endpoint = "accounts")]
pub async fn list_accounts(search: Option<String>) -> Result<Page<AccountSummary>, UiError> {
    let caller = ssr::require_caller().await?;
    let result = mvno::services::accounts::list(&ssr::db()?, &caller, search.as_deref(), Default::default()).await;
    result.map_err(UiError)
}

/// The signed-in reseller's customers.
#[server(prefix = "/_fn", endpoint = "customers")]
pub async fn list_customers(search: Option<String>) -> Result<Page<CustomerSummary>, UiError> {
    let caller = ssr::require_caller().await?;
    let result = mvno::services::customers::list(&ssr::db()?, &caller, search.as_deref(), Default::default()).await;
    result.map_err(|e| {
        let e = UiError(e);
        ssr::set_status(&e);
        e
    })
}
