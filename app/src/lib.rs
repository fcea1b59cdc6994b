//! The portal and signup UI. Rendered on the server (SSR) and hydrated in the
//! browser; every page also works with JavaScript off.

pub mod api;
pub mod i18n;
pub mod pages;
pub mod wizard;

use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    ParamSegment, SsrMode, StaticSegment,
};

/// The HttpOnly cookie that carries the portal session token. Over HTTPS
/// its name has the `__Host-` prefix: a browser takes such a cookie only
/// from this host over a secure channel, so no other site or subdomain can
/// plant a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionCookie(pub &'static str);

impl SessionCookie {
    pub const PLAIN: SessionCookie = SessionCookie("mvno_session");
    pub const HOST_ONLY: SessionCookie = SessionCookie("__Host-mvno_session");

    /// The cookie that keeps a failed sign-in's username (see
    /// [`mvno::portal::sign_in_name_cookie_value`]), named alike.
    pub fn sign_in_name(self) -> &'static str {
        if self == Self::HOST_ONLY {
            "__Host-mvno_signin_name"
        } else {
            "mvno_signin_name"
        }
    }

    /// The cookie for a server reached over HTTPS or plain HTTP.
    pub fn for_https(https: bool) -> Self {
        if https {
            Self::HOST_ONLY
        } else {
            Self::PLAIN
        }
    }
}

/// The Content-Security-Policy of a page: scripts only from the page's own
/// nonce'd hydration script and what it loads, the app's wasm, styles,
/// images and requests from the site itself, no framing, no plugins, forms
/// posting only to the site.
pub fn page_security_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// The HTML document around the app.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    // Each page gets a policy bound to the nonce of its own scripts.
    #[cfg(feature = "ssr")]
    if let (Some(nonce), Some(response)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) {
        if let Ok(value) = axum::http::HeaderValue::from_str(&page_security_policy(&nonce)) {
            response.insert_header(axum::http::header::CONTENT_SECURITY_POLICY, value);
        }
    }
    // The page's language, for every text rendered below and `<html lang>`.
    let lang = page_language();
    provide_context(lang);
    provide_context(StyleSheet(style_sheet_href(&options)));
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <AutoReload options=options.clone() />
                <PageScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The moves between pages without reloads (see `nav.js`).
const NAVIGATION_SCRIPT: &str = include_str!("nav.js");

/// A page's scripts. A page with interactive parts (islands) loads the
/// app's wasm, which hydrates them, and moves to the next page without a
/// reload. The sign-in and the signup's pages before the sign-in have
/// none: they load no script but the line that marks the page ready
/// (`data-hydrated`, which tests wait for, as on every page).
#[component]
fn PageScripts(options: LeptosOptions) -> impl IntoView {
    let nonce = leptos::nonce::use_nonce();
    if page_has_islands(&request_path()) {
        Either::Left(view! {
            <HydrationScripts options islands=true />
            <script type="module" nonce=nonce>
                {NAVIGATION_SCRIPT}
            </script>
        })
    } else {
        Either::Right(view! {
            <script type="module" nonce=nonce>
                "document.body.dataset.hydrated = 'true';"
            </script>
        })
    }
}

/// The pages without interactive parts: the sign-in, and the signup's
/// pages before its user is signed in.
const PAGES_WITHOUT_ISLANDS: [&str; 4] = ["/login", "/signup", "/signup/sent", "/signup/confirm"];

/// Whether the page at `path` has interactive parts (every signed-in page
/// has one: the portal's header).
pub fn page_has_islands(path: &str) -> bool {
    !PAGES_WITHOUT_ISLANDS.contains(&path.trim_end_matches('/'))
}

/// The path of the page asked for (`/` outside a request).
fn request_path() -> String {
    #[cfg(feature = "ssr")]
    if let Some(parts) = use_context::<axum::http::request::Parts>() {
        return parts.uri.path().to_string();
    }
    "/".into()
}

/// The address of the site's style sheet, as the app's `<Stylesheet>` links
/// it.
#[derive(Clone, Debug)]
struct StyleSheet(String);

/// The style sheet's address: with hashed file names (cargo-leptos's
/// `hash-files`, listed in `hash.txt` beside the server binary) the hashed
/// one, which browsers may keep for a year.
fn style_sheet_href(options: &LeptosOptions) -> String {
    let mut name = options.output_name.to_string();
    let listed = options
        .hash_files
        .then(|| hashes_of_files(options))
        .flatten();
    if let Some(hash) = listed
        .as_deref()
        .unwrap_or("")
        .lines()
        .find_map(|line| line.trim().strip_prefix("css:"))
    {
        name = format!("{name}.{}", hash.trim());
    }
    format!("/{}/{name}.css", options.site_pkg_dir)
}

/// The list of the site's file hashes (`hash.txt`, written by cargo-leptos
/// beside the server binary), when the build named its files by hash.
pub fn hashes_of_files(options: &LeptosOptions) -> Option<String> {
    let exe = std::env::current_exe().ok()?;
    std::fs::read_to_string(exe.parent()?.join(&*options.hash_file)).ok()
}

/// The style sheet's address, as the shell chose it.
fn style_sheet() -> String {
    use_context::<StyleSheet>()
        .map(|s| s.0)
        .unwrap_or_else(|| "/pkg/mvno.css".into())
}

/// The language of the page asked for: the visitor's choice, else the
/// browser's, else Danish (see [`i18n::negotiate`]).
fn page_language() -> i18n::Lang {
    #[cfg(feature = "ssr")]
    if let Some(parts) = use_context::<axum::http::request::Parts>() {
        return i18n::of_request(&parts.headers);
    }
    i18n::Lang::default()
}

/// The switch to the other language, on every page: a plain form, so it
/// works without JavaScript; the server keeps the choice and returns to
/// the page the form was on.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let to = i18n::lang().other();
    view! {
        <form method="post" action="/language" class="language-switch">
            <button type="submit" class="link" name="lang" value=to.code() lang=to.code()>
                {to.own_name()}
            </button>
        </form>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Stylesheet id="leptos" href=style_sheet() />
        <Title formatter=|text| format!("{text} – Telecom X") />
        // The first stop of the keyboard on every page, shown when focused.
        <a class="skip-link" href="#main">
            {i18n::t().skip_to_content}
        </a>
        <LanguageSwitch />
        <Router>
            <Routes fallback=pages::NotFound>
                <Route path=StaticSegment("") view=pages::home::HomePage ssr=SsrMode::Async />
                <Route
                    path=StaticSegment("login")
                    view=pages::login::LoginPage
                    ssr=SsrMode::Async
                />
                <Route
                    path=StaticSegment("customers")
                    view=pages::customers::CustomersPage
                    ssr=SsrMode::Async
                />
                <Route
                    path=StaticSegment("signup")
                    view=pages::signup::SignupPage
                    ssr=SsrMode::Async
                />
                <Route
                    path=(StaticSegment("signup"), StaticSegment("identity"))
                    view=pages::signup::IdentityPage
                    ssr=SsrMode::Async
                />
                <Route
                    path=(StaticSegment("signup"), StaticSegment("sent"))
                    view=pages::signup::SignupSentPage
                    ssr=SsrMode::Async
                />
                <Route
                    path=(StaticSegment("signup"), StaticSegment("confirm"))
                    view=pages::signup::SignupConfirmPage
                    ssr=SsrMode::Async
                />
                <Route path=StaticSegment("new") view=wizard::WizardPage ssr=SsrMode::Async />
                <Route
                    path=(StaticSegment("new"), ParamSegment("step"))
                    view=wizard::WizardPage
                    ssr=SsrMode::Async
                />
                <Route
                    path=(StaticSegment("accounts"), ParamSegment("id"))
                    view=pages::account::AccountPage
                    ssr=SsrMode::Async
                />
            </Routes>
        </Router>
    }
}

/// The browser's entry: the page's script calls it once the wasm is
/// loaded, then hydrates each island of the page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    // The islands hydrate right after this returns, in the same task: the
    // page is marked live (tests wait for it, as a click before would be
    // lost) in the next one.
    set_timeout(
        || {
            if let Some(body) = document().body() {
                let _ = body.set_attribute("data-hydrated", "true");
            }
        },
        std::time::Duration::ZERO,
    );
}

#[cfg(test)]
mod tests {
    use super::page_has_islands;

    #[test]
    fn only_the_pages_before_a_sign_in_go_without_the_app() {
        for path in [
            "/login",
            "/signup",
            "/signup/",
            "/signup/sent",
            "/signup/confirm",
        ] {
            assert!(!page_has_islands(path), "{path}");
        }
        for path in [
            "/",
            "/new",
            "/new/number",
            "/accounts/a1",
            "/customers",
            "/signup/identity",
        ] {
            assert!(page_has_islands(path), "{path}");
        }
    }
}
