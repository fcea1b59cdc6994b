//! The pages of the portal.

pub mod account;
pub mod customers;
pub mod home;
pub mod layout;
pub mod login;
pub mod signup;
pub mod wizard;

use crate::i18n::t;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(opts) = use_context::<leptos_axum::ResponseOptions>() {
        opts.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text=t().not_found_heading/>
        <main class="page">
            <h1>{t().not_found_heading}</h1>
            <p><a href="/">{t().subscriptions}</a></p>
        </main>
    }
}

/// Shown when the signed-in user's access level does not allow a page.
#[component]
pub fn AccessDenied() -> impl IntoView {
    view! {
        <Title text=t().access_denied_heading/>
        <div class="notice notice-error" role="alert">
            <h1>{t().access_denied_heading}</h1>
            <p>{t().access_denied_text}</p>
        </div>
    }
}
