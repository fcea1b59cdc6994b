//! The portal and signup UI. Rendered on the server (SSR) and hydrated in the
//! browser; every page also works with JavaScript off.

pub mod api;
pub mod i18n;
pub mod pages;
pub mod wizard;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    ParamSegment, SsrMode, StaticSegment,
};

/// Name of the HttpOnly cookie that carries the portal session token.
pub const SESSION_COOKIE: &str = "mvno_session";

/// The HTML document around the app.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // Only the hydrated app runs effects: tests wait for this marker before
    // clicking, because a click before hydration is lost.
    Effect::new(move |_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
    view! {
        <Stylesheet id="leptos" href="/pkg/mvno.css"/>
        <Title formatter=|text| format!("{text} – Telecom X")/>
        <Router>
            <Routes fallback=pages::NotFound>
                <Route path=StaticSegment("") view=pages::home::HomePage ssr=SsrMode::Async/>
                <Route path=StaticSegment("login") view=pages::login::LoginPage ssr=SsrMode::Async/>
                <Route path=StaticSegment("customers") view=pages::customers::CustomersPage ssr=SsrMode::Async/>
                <Route path=StaticSegment("signup") view=pages::signup::SignupPage ssr=SsrMode::Async/>
                <Route path=(StaticSegment("signup"), StaticSegment("identity")) view=pages::signup::IdentityPage ssr=SsrMode::Async/>
                <Route path=StaticSegment("new") view=pages::wizard::WizardPage ssr=SsrMode::Async/>
                <Route path=(StaticSegment("new"), ParamSegment("step")) view=pages::wizard::WizardPage ssr=SsrMode::Async/>
                <Route path=(StaticSegment("accounts"), ParamSegment("id")) view=pages::account::AccountPage ssr=SsrMode::Async/>
            </Routes>
        </Router>
    }
}

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(App);
}
