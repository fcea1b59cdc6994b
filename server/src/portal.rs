//! The portal's plain form posts: sign-in and sign-out, the wizard's steps
//! and its confirmation (the signup's are in [`crate::signup`]). They work with JavaScript off; the
//! session token travels in an HttpOnly, SameSite cookie.

use crate::AppState;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::{Form, Router};
use mvno::auth::LoginRequest;
use mvno::services::auth::{self, TokenKind, SESSION_MINUTES};
use serde::Deserialize;

/// The largest portal form read (the signup's too); larger is `413`.
pub(crate) const FORM_BODY_LIMIT: usize = 64 * 1024;

pub fn router() -> Router<AppState> {
    // A form is a few fields; 64 KiB leaves room for the wizard's answers
    // (custom data is at most 4 KB) and answers anything larger `413`.
    Router::new()
        .route("/login", post(login))
        .route("/logout", post(logout))
        .route("/language", post(language))
        .route("/new/step", post(step))
        .route("/new/confirm", post(confirm))
        .layer(axum::extract::DefaultBodyLimit::max(FORM_BODY_LIMIT))
}

#[derive(Deserialize)]
struct LoginForm {
    username: String,
    password: String,
    /// Where the user was going when sent to the sign-in.
    #[serde(default)]
    next: String,
}

/// A portal cookie: HttpOnly, SameSite=Lax, for the whole site, `Secure`
/// over HTTPS. `value` is ASCII (a token, a code, or percent-encoded).
fn portal_cookie(state: &AppState, name: &str, value: &str, max_age_secs: i64) -> HeaderValue {
    let secure = if state.security.settings.https {
        "; Secure"
    } else {
        ""
    };
    HeaderValue::from_str(&format!(
        "{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}{secure}"
    ))
    .expect("cookie is ASCII")
}

pub(crate) fn session_cookie(state: &AppState, value: &str, max_age_secs: i64) -> HeaderValue {
    let name = app::SessionCookie::for_https(state.security.settings.https).0;
    portal_cookie(state, name, value, max_age_secs)
}

/// The cookie that keeps a failed sign-in's username for the form (or,
/// with `None`, removes it).
fn sign_in_name_cookie(state: &AppState, value: Option<&str>) -> HeaderValue {
    let name = app::SessionCookie::for_https(state.security.settings.https).sign_in_name();
    let max_age = if value.is_some() {
        mvno::portal::SIGN_IN_NAME_SECS
    } else {
        0
    };
    portal_cookie(state, name, value.unwrap_or(""), max_age)
}

#[derive(Deserialize)]
struct LanguageForm {
    lang: String,
}

/// The language switch: keeps the choice in a cookie for a year (and on
/// the login of a signed-in user) and returns to the page it was made on,
/// which the browser names in `Referer` (the site sends it to itself only).
/// Only a page of this site: anything else returns to the start page.
async fn language(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<LanguageForm>,
) -> Response {
    let back = page_referred_from(&headers).unwrap_or_else(|| "/".into());
    let back = back.as_str();
    let Some(lang) = app::i18n::Lang::from_code(&form.lang) else {
        return Redirect::to(back).into_response();
    };
    // A signed-in user's choice is kept on the login too.
    if let Some(caller) = portal_caller(&state, &headers).await {
        if let Err(e) =
            mvno::services::preferences::set_language(&state.db, &caller, lang.into()).await
        {
            tracing::warn!(code = %e.code, "keeping a language failed");
        }
    }
    let cookie = language_cookie(&state, lang);
    ([(header::SET_COOKIE, cookie)], Redirect::to(back)).into_response()
}

/// The path and query of the page of this site (its `Host`) that a
/// request came from.
fn page_referred_from(headers: &HeaderMap) -> Option<String> {
    let host = headers.get(header::HOST)?.to_str().ok()?;
    let referer = headers.get(header::REFERER)?.to_str().ok()?;
    let (_, rest) = referer.split_once("://")?;
    let path = rest.strip_prefix(host)?;
    let path = path.split('#').next().unwrap_or("");
    mvno::portal::same_site_path(path).map(str::to_string)
}

/// The cookie that keeps a choice of language, for a year.
fn language_cookie(state: &AppState, lang: app::i18n::Lang) -> HeaderValue {
    portal_cookie(state, app::i18n::LANG_COOKIE, lang.code(), 365 * 24 * 3600)
}

/// The portal session token the request carries, if any.
fn session_token(state: &AppState, headers: &HeaderMap) -> Option<String> {
    let cookie = app::SessionCookie::for_https(state.security.settings.https);
    app::api::ssr::session_token_in(headers, cookie)
}

async fn login(State(state): State<AppState>, Form(form): Form<LoginForm>) -> Response {
    let req = LoginRequest {
        username: form.username,
        password: form.password,
        persist: false,
    };
    let next = mvno::portal::safe_return_path(&form.next);
    let typed = mvno::portal::sign_in_name_cookie_value(&req.username);
    let again = |error: &str| {
        // Back to the sign-in, still on the way to where the user was going,
        // with the username as typed (in a cookie: never in a URL).
        let mut to = mvno::portal::sign_in_returning_to(next.unwrap_or("/"));
        to.push(if to.contains('?') { '&' } else { '?' });
        to.push_str("error=");
        to.push_str(error);
        let kept = sign_in_name_cookie(&state, typed.as_deref());
        ([(header::SET_COOKIE, kept)], Redirect::to(&to)).into_response()
    };
    match auth::login(&state.db, &req, TokenKind::Session).await {
        Ok(reply) => {
            let cookie = session_cookie(&state, &reply.token, SESSION_MINUTES * 60);
            let to = next.unwrap_or("/");
            let mut res = ([(header::SET_COOKIE, cookie)], Redirect::to(to)).into_response();
            res.headers_mut()
                .append(header::SET_COOKIE, sign_in_name_cookie(&state, None));
            // The language this user chose, on this browser too.
            if let Ok(Some(language)) =
                mvno::services::preferences::language_of(&state.db, &reply.employee).await
            {
                res.headers_mut()
                    .append(header::SET_COOKIE, language_cookie(&state, language.into()));
            }
            res
        }
        Err(e) if e.status == 429 => again("locked"),
        Err(e) if e.status == 503 => again("busy"),
        Err(e) if e.status == 401 => again("credentials"),
        Err(_) => again("internal"),
    }
}

async fn logout(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Some(token) = session_token(&state, &headers) {
        if let Err(e) = auth::end_session(&state.db, &token).await {
            tracing::warn!(code = %e.code, "ending a session failed");
        }
    }
    (
        [(header::SET_COOKIE, session_cookie(&state, "", 0))],
        Redirect::to("/login"),
    )
        .into_response()
}

/// The caller of a portal form, from its session cookie.
async fn portal_caller(state: &AppState, headers: &HeaderMap) -> Option<mvno::services::Caller> {
    let token = session_token(state, headers)?;
    auth::authenticate_token(&state.db, &token, TokenKind::Session)
        .await
        .ok()
}

/// A wizard step's form: the answers that must not travel in a URL go into
/// the wizard's draft on the server, the others into the next step's query.
/// The next step checks the step the answers come `from`.
async fn step(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    use app::wizard::{draft_mark, Step, WizardState};
    let Some(caller) = portal_caller(&state, &headers).await else {
        return Redirect::to("/login").into_response();
    };
    let pairs = form_urlencoded_pairs(&body);
    let field = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .and_then(|(_, v)| Step::from_slug(v))
    };
    let (Some(from), Some(to)) = (field("from"), field("to")) else {
        return Redirect::to("/new").into_response();
    };
    let kept = WizardState::kept_answers_of(from, pairs.iter().cloned());
    let mut answers = WizardState::from_pairs(pairs);
    answers.0.insert("draft".into(), draft_mark());
    if !kept.is_empty() {
        let key = answers.get("key").to_string();
        if let Err(e) = mvno::services::drafts::save(&state.db, &caller, &key, kept).await {
            // Not kept (too long): back to the step, which says so.
            let _ = mvno::services::drafts::set_error(&state.db, &caller, &key, &e).await;
            let back = format!("/new/{}?{}&refused=1", from.slug(), answers.query());
            return Redirect::to(&back).into_response();
        }
    }
    Redirect::to(&format!(
        "/new/{}?from={}&{}",
        to.slug(),
        from.slug(),
        answers.query()
    ))
    .into_response()
}

/// The wizard's last step without JavaScript: the answers arrive as a form,
/// become the same create request the hydrated wizard sends, and the user
/// lands on the account page, or back on the review with the error.
async fn confirm(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let Some(caller) = portal_caller(&state, &headers).await else {
        return Redirect::to("/login").into_response();
    };
    let pairs: Vec<(String, String)> = form_urlencoded_pairs(&body);
    let mut answers = app::wizard::WizardState::from_pairs(pairs);
    let key = answers.get("key").to_string();
    let draft = mvno::services::drafts::load(&state.db, &caller, &key)
        .await
        .unwrap_or_default();
    answers = answers.with_draft(&draft.fields);
    let today = mvno::services::clock::copenhagen_date(chrono::Utc::now());
    let request = answers.to_request(today);
    let idempotency_key = (!key.is_empty()).then_some(key.clone());
    // The MitID verification goes beside the request, by its id only.
    let trusted = mvno::services::create::Trusted {
        mitid: answers.mitid(),
        delivery_address: answers
            .has("delivery")
            .then(|| answers.get("delivery").to_string()),
    };
    match mvno::services::create::create_once_with(
        &state.db,
        &caller,
        idempotency_key.as_deref(),
        &request,
        &trusted,
        &state.create_settings,
    )
    .await
    {
        Ok(account) => {
            if let Err(e) = mvno::services::drafts::discard(&state.db, &caller, &key).await {
                tracing::info!(code = %e.code, "a finished wizard's draft was not removed");
            }
            Redirect::to(&format!("/accounts/{}?created=1", account.id)).into_response()
        }
        Err(e) => {
            // The error waits in the draft: the URL only says there is one.
            if let Err(kept) = mvno::services::drafts::set_error(&state.db, &caller, &key, &e).await
            {
                tracing::info!(code = %kept.code, "a refused create's error was not kept");
            }
            let mut back = answers.clone();
            back.0.insert("draft".into(), app::wizard::draft_mark());
            let step = app::wizard::step_of_path(e.path.as_deref().unwrap_or(""));
            Redirect::to(&format!("/new/{}?{}&refused=1", step.slug(), back.query()))
                .into_response()
        }
    }
}

fn form_urlencoded_pairs(body: &[u8]) -> Vec<(String, String)> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(body).unwrap_or_default()
}
