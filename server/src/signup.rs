//! The signup's form posts. A signup answers the same way whether or not
//! the address has a login: "check your e-mail". The e-mail carries the
//! link that creates the login, or says that there is one already.

use crate::portal::session_cookie;
use crate::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::{Form, Router};
use mvno::services::auth::{self, TokenKind, SESSION_MINUTES};
use mvno::services::signup::{SignupRequest, MAX_ADDRESS, MAX_EMAIL, MAX_NAME};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/signup", post(signup))
        .route("/signup/confirm", post(confirm))
        .layer(axum::extract::DefaultBodyLimit::max(
            crate::portal::FORM_BODY_LIMIT,
        ))
}

#[derive(Deserialize)]
struct SignupForm {
    name: String,
    email: String,
    password: String,
    #[serde(default)]
    address: Option<String>,
}

/// Takes a signup and sends its e-mail, then shows "check your e-mail". On
/// an error in the fields, back to the form with what was typed (never the
/// password) and the error's code.
async fn signup(
    State(state): State<AppState>,
    headers: axum::http::HeaderMap,
    Form(form): Form<SignupForm>,
) -> Response {
    let back = |code: &str| {
        // What was typed goes back into the form, cut to what the form takes.
        let query = serde_urlencoded::to_string([
            ("name", at_most(&form.name, MAX_NAME)),
            ("email", at_most(&form.email, MAX_EMAIL)),
            (
                "address",
                at_most(form.address.as_deref().unwrap_or(""), MAX_ADDRESS),
            ),
            ("error", code),
        ])
        .unwrap_or_default();
        Redirect::to(&format!("/signup?{query}")).into_response()
    };
    if !state.mailer.can_send() {
        return back("closed");
    }
    let req = SignupRequest {
        name: form.name.clone(),
        email: form.email.clone(),
        password: form.password.clone(),
        address: form.address.clone(),
    };
    let mail = match mvno::services::signup::request_signup(&state.db, &req).await {
        Ok(mail) => mail,
        Err(e) => return back(signup_error_code(&e)),
    };
    let lang = app::i18n::of_request(&headers);
    if let Err(e) = state.mailer.send_signup(&mail, lang).await {
        tracing::error!(error = %e, "a signup e-mail was not sent");
        return back("mail");
    }
    Redirect::to("/signup/sent").into_response()
}

#[derive(Deserialize)]
struct ConfirmForm {
    token: String,
}

/// Follows a signup e-mail's link (posted from the page the link opens, so
/// that a mail scanner opening links does not use it up): creates the
/// customer and its login, signs the new user in and goes on to the
/// identity check.
async fn confirm(State(state): State<AppState>, Form(form): Form<ConfirmForm>) -> Response {
    let employee = match mvno::services::signup::confirm_signup(&state.db, &form.token).await {
        Ok(employee) => employee,
        Err(e) if e.status == 404 => return Redirect::to("/signup?error=link").into_response(),
        Err(_) => return Redirect::to("/signup?error=internal").into_response(),
    };
    match auth::issue_token(&state.db, &employee, TokenKind::Session, false).await {
        Ok(reply) => {
            let cookie = session_cookie(&state, &reply.token, SESSION_MINUTES * 60);
            (
                [(header::SET_COOKIE, cookie)],
                Redirect::to("/signup/identity"),
            )
                .into_response()
        }
        Err(_) => Redirect::to("/login").into_response(),
    }
}

/// What went wrong with a signup, as the signup page names it: the page
/// words each case itself, so a link cannot make it say anything else.
fn signup_error_code(e: &mvno::ApiError) -> &'static str {
    match (e.status, e.path.as_deref()) {
        (404, _) => "closed",
        (503, _) => "busy",
        (422, Some("name")) => "name",
        (422, Some("email")) => "email",
        (422, Some("password")) => "password",
        (422, Some("address")) => "address",
        _ => "internal",
    }
}

/// The first `max` characters of `s`.
fn at_most(s: &str, max: usize) -> &str {
    s.char_indices().nth(max).map_or(s, |(i, _)| &s[..i])
}
