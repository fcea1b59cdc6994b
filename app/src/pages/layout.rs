//! The frame around every signed-in page: who is signed in, the menu,
//! sign-out. Anonymous visitors are sent to the sign-in page.

use crate::api::current_user;
use crate::i18n::{lang, t, words};
use leptos::prelude::*;
use leptos_router::components::Redirect;
use mvno::auth::SignedInUser;

/// Renders `children` for a signed-in user, with the portal's header.
#[component]
pub fn SignedIn(children: ChildrenFn) -> impl IntoView {
    let user = Resource::new_blocking(|| (), |_| current_user());
    // Signed out: to the sign-in, which returns here afterwards.
    let location = leptos_router::hooks::use_location();
    let search = location.search.get_untracked();
    let search = match search.as_str() {
        "" | "?" => String::new(),
        s if s.starts_with('?') => s.to_string(),
        s => format!("?{s}"),
    };
    let sign_in = StoredValue::new(mvno::portal::sign_in_returning_to(&format!(
        "{}{search}",
        location.pathname.get_untracked()
    )));
    let children = StoredValue::new(children);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match user.await {
                    Ok(Some(user)) => {
                        let user = StoredValue::new(user);
                        view! {
                            <Header user=user.get_value() />
                            <main class="page" id="main">
                                {move || {
                                    provide_context(user.get_value());
                                    children.with_value(|c| c())
                                }}
                            </main>
                        }
                            .into_any()
                    }
                    _ => {
                        let path = sign_in.get_value();
                        super::see_other_on_the_server(&path);
                        view! { <Redirect path=path /> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn Header(user: SignedInUser) -> impl IntoView {
    let may_list_customers = user.access_level.may_list_customers();
    let may_create = user.access_level.may_create();
    // A consumer sees its reseller's brand and no access level.
    let consumer = user.self_service;
    let brand = user
        .brand
        .clone()
        .unwrap_or_else(|| t().product.to_string());
    view! {
        <header class="topbar">
            <PortalReady />
            <a class="brand" href="/">
                {brand}
            </a>
            <nav aria-label=t().main_nav>
                <a href="/">{t().subscriptions}</a>
                {may_create.then(|| view! { <a href="/new">{t().new_subscription}</a> })}
                {may_list_customers.then(|| view! { <a href="/customers">{t().customers}</a> })}
            </nav>
            <div class="who">
                <span class="visually-hidden">{t().signed_in_as}" "</span>
                <span data-testid="signed-in-user">{user.name.clone()}</span>
                {(!consumer)
                    .then(|| {
                        view! {
                            " · "
                            <span class="level">
                                {words::access_level(lang(), user.access_level)}
                            </span>
                            " · "
                            <span>{user.customer_name.clone()}</span>
                        }
                    })}
                <form method="post" action="/logout" class="inline">
                    <button type="submit" class="link">
                        {t().sign_out}
                    </button>
                </form>
            </div>
        </header>
    }
}

/// Marks the portal's page as live (`data-portal-ready`, which tests wait
/// for before using the menu): an island with nothing to show.
#[island]
fn PortalReady() -> impl IntoView {
    Effect::new(move |_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-portal-ready", "true");
        }
    });
}
