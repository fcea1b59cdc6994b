//! The pages of the portal.

pub mod account;
pub mod customers;
pub mod home;
pub mod layout;
pub mod login;
pub mod signup;

use crate::i18n::t;
use leptos::prelude::*;
use leptos_meta::Title;

/// A list page's table: a header cell per column, and the rows.
#[component]
pub fn ListTable(headers: Vec<&'static str>, children: Children) -> impl IntoView {
    view! {
        <table class="list">
            <thead>
                <tr>
                    {headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}
                </tr>
            </thead>
            <tbody>{children()}</tbody>
        </table>
    }
}

/// The markup inside a `<textarea>` that shows `value` as typed. The
/// renderer writes a textarea's children unescaped, so user text goes in as
/// escaped markup (`inner_html`): `</textarea><script>` stays text. On the
/// server a leading newline is added, because HTML drops the first newline
/// after `<textarea>`.
pub fn textarea_content(value: &str) -> String {
    let escaped = html_escape::encode_text(value);
    if cfg!(feature = "ssr") {
        format!("\n{escaped}")
    } else {
        escaped.into_owned()
    }
}

/// A phone number as people read it (`+45 20 12 34 56`), or as given when it
/// is not one.
pub fn grouped(number: &str) -> String {
    mvno::phone::E164::parse(number)
        .map(|n| n.grouped())
        .unwrap_or_else(|_| number.to_string())
}

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::api::ssr::set_page_status(axum::http::StatusCode::NOT_FOUND);
    view! {
        <Title text=t().not_found_heading />
        <main class="page" id="main">
            <h1>{t().not_found_heading}</h1>
            <p>
                <a href="/">{t().subscriptions}</a>
            </p>
        </main>
    }
}

/// A page rendered on the server answers `303 See Other` to `path`: a
/// browser without JavaScript follows it like any redirect (the client-side
/// `<Redirect>` alone leaves some requests with a `200` and no body).
pub fn see_other_on_the_server(path: &str) {
    #[cfg(feature = "ssr")]
    if let (Some(res), Ok(location)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        axum::http::HeaderValue::from_str(path),
    ) {
        res.set_status(axum::http::StatusCode::SEE_OTHER);
        res.insert_header(axum::http::header::LOCATION, location);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = path;
}

/// Shown when the signed-in user's access level does not allow a page; on
/// the server the page answers `403`.
#[component]
pub fn AccessDenied() -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::api::ssr::set_page_status(axum::http::StatusCode::FORBIDDEN);
    view! {
        <Title text=t().access_denied_heading />
        <div class="notice notice-error" role="alert">
            <h1>{t().access_denied_heading}</h1>
            <p>{t().access_denied_text}</p>
        </div>
    }
}
