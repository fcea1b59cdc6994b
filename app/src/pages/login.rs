//! Sign-in page. A plain HTML form posted to `/login`, so it works the same
//! with and without JavaScript; the server sets the session cookie.

use crate::i18n::t;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The username of the sign-in that just failed in this browser, kept in a
/// short-lived cookie by the sign-in form's handler, so the form shows it
/// again.
#[server(prefix = "/_fn", endpoint = "sign_in_name")]
pub async fn sign_in_name() -> Result<Option<String>, crate::api::UiError> {
    let headers: axum::http::HeaderMap = leptos_axum::extract().await.unwrap_or_default();
    let cookie = use_context::<crate::SessionCookie>().unwrap_or(crate::SessionCookie::PLAIN);
    Ok(crate::api::ssr::cookie_in(&headers, cookie.sign_in_name())
        .and_then(|v| mvno::portal::sign_in_name_of_cookie(&v)))
}

#[component]
pub fn LoginPage() -> impl IntoView {
    // Read once: a failed sign-in is always a new page (the form posts to
    // the server), and the page's title is rendered after its body, when
    // reactive values of the route may be gone.
    let query = use_query_map();
    let error = query.with_untracked(|q| q.get("error"));
    let failed = error.is_some();
    let kept_name = Resource::new_blocking(|| (), |_| sign_in_name());
    // Where to go after signing in: a path of this site only.
    let next = query.with_untracked(|q| q.get("next")).unwrap_or_default();
    let next = mvno::portal::safe_return_path(&next).map(str::to_string);
    let title = if failed {
        format!("{}{}", t().error_prefix, t().sign_in)
    } else {
        t().sign_in.to_string()
    };
    let message = match error.as_deref() {
        Some("locked") => t().sign_in_locked,
        Some("busy") => t().sign_in_busy,
        _ => t().sign_in_failed,
    };
    let invalid = failed.then_some("true");
    let described = failed.then_some("login-error");
    view! {
        <Title text=title />
        <main class="page narrow" id="main">
            <h1>{t().sign_in_heading}</h1>
            {failed
                .then(|| {
                    view! {
                        <div class="notice notice-error" role="alert" id="login-error">
                            <p>{message}</p>
                        </div>
                    }
                })}
            <form method="post" action="/login" class="stack">
                {next.map(|n| view! { <input type="hidden" name="next" value=n /> })}
                <div class="field">
                    <label for="username">{t().username}</label>
                    <Suspense>
                        {move || Suspend::new(async move {
                            let kept = kept_name.await.ok().flatten().filter(|_| failed);
                            view! {
                                <input
                                    id="username"
                                    name="username"
                                    type="text"
                                    autocomplete="username"
                                    required
                                    value=kept
                                    aria-invalid=invalid
                                    aria-describedby=described
                                />
                            }
                        })}
                    </Suspense>
                </div>
                <div class="field">
                    <label for="password">{t().password}</label>
                    <input
                        id="password"
                        name="password"
                        type="password"
                        autocomplete="current-password"
                        required
                        aria-invalid=invalid
                        aria-describedby=described
                    />
                </div>
                <button type="submit" class="primary">
                    {t().sign_in}
                </button>
            </form>
        </main>
    }
}
