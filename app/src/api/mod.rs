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

mod account;
pub use account::*;

/// The platform's error, carried through a server function.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UiError(pub ApiError);

impl FromServerFnError for UiError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        UiError(ApiError::bad_request(value.to_string()))
    }
}

/// On the server, the reply of the server function (or the page) that
/// fails with the error gets the error's status: a refusal is a 4xx, and
/// only a real fault a 5xx.
impl From<ApiError> for UiError {
    fn from(e: ApiError) -> Self {
        let e = UiError(e);
        #[cfg(feature = "ssr")]
        ssr::set_status(&e);
        e
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
        use_context::<DatabaseConnection>().ok_or_else(|| ApiError::internal().into())
    }

    /// The session token from the request's cookie, if any.
    pub async fn session_token() -> Option<String> {
        let headers: axum::http::HeaderMap = leptos_axum::extract().await.ok()?;
        let cookie = use_context::<crate::SessionCookie>().unwrap_or(crate::SessionCookie::PLAIN);
        session_token_in(&headers, cookie)
    }

    /// The session token in a request's `Cookie` headers.
    pub fn session_token_in(
        headers: &axum::http::HeaderMap,
        cookie: crate::SessionCookie,
    ) -> Option<String> {
        cookie_in(headers, cookie.0)
    }

    /// The value of the cookie `name` in a request's `Cookie` headers.
    pub fn cookie_in(headers: &axum::http::HeaderMap, name: &str) -> Option<String> {
        headers
            .get_all(axum::http::header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(n, _)| *n == name)
            .map(|(_, value)| value.to_string())
    }

    /// The signed-in caller, or `None` for an anonymous visitor.
    pub async fn caller() -> Result<Option<Caller>, UiError> {
        let Some(token) = session_token().await else {
            return Ok(None);
        };
        match auth::authenticate_token(&db()?, &token, auth::TokenKind::Session).await {
            Ok(caller) => Ok(Some(caller)),
            Err(e) if e.status == 401 => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// The caller, or the platform's 401 when nobody is signed in.
    pub async fn require_caller() -> Result<Caller, UiError> {
        caller()
            .await?
            .ok_or_else(|| ApiError::invalid_token().into())
    }

    /// A list the caller is refused (out of reach, not found) reads as
    /// empty; a server-side failure stays an error.
    pub fn empty_if_refused<T: Default>(r: Result<T, ApiError>) -> Result<T, UiError> {
        match r {
            Ok(v) => Ok(v),
            Err(e) if e.status < 500 => Ok(T::default()),
            Err(e) => Err(e.into()),
        }
    }

    /// Gives the page's HTTP response the error's status.
    pub fn set_status(e: &UiError) {
        if let Ok(code) = axum::http::StatusCode::from_u16(e.0.status) {
            set_page_status(code);
        }
    }

    /// Gives the page's HTTP response `code`, unless the page already
    /// redirects: a signed-out visitor is sent to the sign-in whichever of
    /// the page's data loads answers first (one may say `401` after the
    /// layout has said `303`).
    pub fn set_page_status(code: axum::http::StatusCode) {
        if let Some(opts) = use_context::<leptos_axum::ResponseOptions>() {
            let redirecting = opts
                .0
                .read()
                .map(|p| p.status.is_some_and(|s| s.is_redirection()))
                .unwrap_or(false);
            if !redirecting {
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
    Ok(Some(
        mvno::services::auth::signed_in_user(&ssr::db()?, &caller).await?,
    ))
}

/// The accounts the signed-in user may see.
#[server(prefix = "/_fn", endpoint = "accounts")]
pub async fn list_accounts(search: Option<String>) -> Result<Page<AccountSummary>, UiError> {
    let caller = ssr::require_caller().await?;
    let result =
        mvno::services::accounts::list(&ssr::db()?, &caller, search.as_deref(), Default::default())
            .await;
    result.map_err(UiError::from)
}

/// The signed-in reseller's customers.
#[server(prefix = "/_fn", endpoint = "customers")]
pub async fn list_customers(search: Option<String>) -> Result<Page<CustomerSummary>, UiError> {
    let caller = ssr::require_caller().await?;
    let result = mvno::services::customers::list(
        &ssr::db()?,
        &caller,
        search.as_deref(),
        Default::default(),
    )
    .await;
    result.map_err(UiError::from)
}

/// What the wizard needs to start: who is asking, which customers they may
/// pick, and today's dates in Copenhagen.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WizardInfo {
    pub user: SignedInUser,
    pub customers: Vec<CustomerSummary>,
    pub today: chrono::NaiveDate,
    /// The next working days a port can be requested for.
    pub porting_days: Vec<chrono::NaiveDate>,
    /// An idempotency key for a wizard that has none yet.
    pub new_key: String,
    /// A private customer (self-service): eSIM or auto-assigned SIM only.
    pub private: bool,
    /// A private customer's address on record: where a posted SIM goes.
    pub address: Option<String>,
    /// For the customer (when one is chosen): numbers on offer (filtered by
    /// the searched digits), free SIM stock, rate plans, Rest-of-World
    /// packages, and the check of a number to keep.
    pub offered: Vec<mvno::portal::OfferedNumber>,
    pub stock: Vec<mvno::portal::StockCount>,
    pub plans: Vec<mvno::portal::ProductOffer>,
    pub rows: Vec<mvno::portal::ProductOffer>,
    pub check: Option<mvno::portal::NumberCheck>,
    /// The answers the server keeps for this wizard (its draft), and the
    /// error of its last refused create.
    pub draft: std::collections::BTreeMap<String, String>,
    pub draft_error: Option<ApiError>,
}

#[server(prefix = "/_fn", endpoint = "wizard_context")]
pub async fn wizard_context(
    customer: Option<String>,
    digits: Option<String>,
    keep: Option<String>,
    net: Option<String>,
    key: Option<String>,
) -> Result<Option<WizardInfo>, UiError> {
    use mvno::enums::ProductKind;
    use mvno::portal::Paging;
    use mvno::services::catalog;
    use mvno::services::{auth, clock, customers};
    let Some(caller) = ssr::caller().await? else {
        return Ok(None);
    };
    let db = ssr::db()?;
    let user = auth::signed_in_user(&db, &caller).await?;
    let customers = if caller.access_level.may_list_customers() {
        let page = customers::list(&db, &caller, None, Paging::new(None, Some(500))?).await?;
        page.items
            .into_iter()
            .filter(|c| c.kind != mvno::enums::CustomerKind::Reseller)
            .collect()
    } else {
        Vec::new()
    };
    let draft = match key.as_deref() {
        Some(key) => mvno::services::drafts::load(&db, &caller, key).await?,
        None => Default::default(),
    };
    let today = clock::copenhagen_date(chrono::Utc::now());
    let porting_days = mvno::calendar::working_days_after(today, 30);
    let own = mvno::services::customers::chain(&db, caller.customer.as_str())
        .await?
        .into_iter()
        .next();
    let private = own
        .as_ref()
        .is_some_and(mvno::services::signup::is_self_service);
    // Where a private customer's posted SIM card goes, unless it says otherwise.
    let address = own.and_then(|c| c.address).filter(|_| private);
    let customer = if caller.access_level.may_list_customers() {
        customer.filter(|c| !c.is_empty())
    } else {
        Some(caller.customer.to_string())
    };
    let (mut offered, mut stock, mut plans, mut rows, mut check) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), None);
    if let Some(c) = customer.as_deref().filter(|c| mvno::Id::parse(c).is_ok()) {
        // A customer out of reach gets nothing here (the create says why);
        // a database failure is an error, not "nothing to choose from".
        let paging = Paging::new(None, Some(10))?;
        let network = net.as_deref().and_then(|n| n.parse().ok());
        offered = ssr::empty_if_refused(
            catalog::offered_numbers(&db, &caller, Some(c), network, digits.as_deref(), paging)
                .await
                .map(|p| p.items),
        )?;
        stock = ssr::empty_if_refused(catalog::sim_stock(&db, &caller, Some(c)).await)?;
        plans = ssr::empty_if_refused(
            catalog::products(&db, &caller, Some(c), ProductKind::RatePlan).await,
        )?;
        rows = ssr::empty_if_refused(
            catalog::products(&db, &caller, Some(c), ProductKind::RowRoaming).await,
        )?;
        if let Some(n) = keep.filter(|n| !n.trim().is_empty()) {
            check = ssr::empty_if_refused(
                mvno::services::lookup::check_number(&db, &caller, c, &n)
                    .await
                    .map(Some),
            )?;
        }
    }
    Ok(Some(WizardInfo {
        user,
        customers,
        today,
        porting_days,
        new_key: mvno::Id::generate().to_string(),
        private,
        address,
        offered,
        stock,
        plans,
        rows,
        check,
        draft: draft.fields,
        draft_error: draft.error,
    }))
}

/// What would happen to a number kept by the customer.
#[server(prefix = "/_fn", endpoint = "check_number")]
pub async fn check_number(
    customer: String,
    number: String,
) -> Result<mvno::portal::NumberCheck, UiError> {
    let caller = ssr::require_caller().await?;
    Ok(mvno::services::lookup::check_number(&ssr::db()?, &caller, &customer, &number).await?)
}

/// Creates the subscription the wizard describes, once per idempotency key.
/// `mitid` is the id of the caller's MitID verification, if any: the
/// identity itself is taken from the server's record.
#[server(prefix = "/_fn", endpoint = "create_account", input = leptos::server_fn::codec::Json)]
pub async fn create_account(
    request: mvno::account::CreateMvnoRequest,
    key: String,
    mitid: Option<String>,
) -> Result<mvno::account::MvnoAccount, UiError> {
    use mvno::services::create::{create_once_with, CreateSettings, Trusted};
    let caller = ssr::require_caller().await?;
    let settings = use_context::<std::sync::Arc<CreateSettings>>().unwrap_or_default();
    let db = ssr::db()?;
    // The delivery address waits in the wizard's draft, never in a URL.
    let draft = mvno::services::drafts::load(&db, &caller, &key).await?;
    let trusted = Trusted {
        mitid,
        delivery_address: draft.fields.get("delivery").cloned(),
    };
    match create_once_with(&db, &caller, Some(&key), &request, &trusted, &settings).await {
        Ok(account) => {
            mvno::services::drafts::discard(&db, &caller, &key).await?;
            Ok(account)
        }
        Err(e) => {
            // The wizard's page shows it from here, never from its URL.
            if let Err(kept) = mvno::services::drafts::set_error(&db, &caller, &key, &e).await {
                tracing::warn!(code = %kept.code, "keeping the create's error failed");
            }
            Err(e.into())
        }
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::ssr::empty_if_refused;
    use mvno::ApiError;

    #[test]
    fn a_refused_list_is_empty_but_a_failure_is_an_error() {
        assert_eq!(empty_if_refused(Ok(vec![1])).unwrap(), vec![1]);
        let refused: Result<Vec<u8>, _> = Err(ApiError::access_denied());
        assert_eq!(empty_if_refused(refused).unwrap(), Vec::<u8>::new());
        let failed: Result<Vec<u8>, _> = Err(ApiError::internal());
        assert_eq!(empty_if_refused(failed).unwrap_err().0.status, 500);
    }
}
