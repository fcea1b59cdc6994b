//! The portal's start page: the subscriptions the user may see, searchable.

use super::layout::SignedIn;
use super::ListTable;
use crate::api::list_accounts;
use crate::i18n::{fill, format, lang, t, words};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn HomePage() -> impl IntoView {
    // Resources are made here, before the layout's, in the same order on
    // the server and in the browser, so hydration finds each one's data.
    let query = use_query_map();
    let search = move || query.with(|q| q.get("q")).filter(|s| !s.trim().is_empty());
    let accounts = Resource::new_blocking(search, list_accounts);
    view! {
        <Title text=t().subscriptions />
        <SignedIn>
            <AccountList accounts search=query.with_untracked(|q| q.get("q")).unwrap_or_default() />
        </SignedIn>
    }
}

type AccountsResource =
    Resource<Result<mvno::portal::Page<mvno::portal::AccountSummary>, crate::api::UiError>>;

#[component]
fn AccountList(accounts: AccountsResource, search: String) -> impl IntoView {
    view! {
        <h1>{t().subscriptions}</h1>
        <form method="get" action="/" class="search" role="search">
            <label for="q">{t().search_accounts_label}</label>
            <input id="q" name="q" type="search" value=search />
            <button type="submit">{t().search}</button>
        </form>
        <Suspense>
            {move || Suspend::new(async move {
                match accounts.await {
                    Ok(page) if page.items.is_empty() => {
                        view! { <p>{t().no_accounts}</p> }.into_any()
                    }
                    Ok(page) => {
                        let shown = page.items.len();
                        view! {
                            <p class="count">
                                {fill(
                                    t().shown_count,
                                    &[("shown", &shown.to_string()), ("total", &page.total.to_string())],
                                )}
                            </p>
                            <ListTable headers=vec![
                                t().number,
                                t().customer,
                                t().state,
                                t().network,
                                t().created,
                            ]>
                                {page
                                    .items
                                    .into_iter()
                                    .map(|account| view! { <AccountRow account /> })
                                    .collect_view()}
                            </ListTable>
                        }
                            .into_any()
                    }
                    Err(_) => view! { <p role="alert">{t().could_not_load}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// One subscription in the list.
#[component]
fn AccountRow(account: mvno::portal::AccountSummary) -> impl IntoView {
    view! {
        <tr>
            <td class="mono">
                <a href=format!("/accounts/{}", account.id)>{super::grouped(&account.number)}</a>
            </td>
            <td>{account.customer_name}</td>
            <td>
                <span class=format!(
                    "chip chip-{}",
                    account.state.as_str().to_lowercase(),
                )>{words::account_state(lang(), account.state)}</span>
            </td>
            <td>{account.network.map(|n| n.as_str()).unwrap_or("–")}</td>
            <td>{format::date(lang(), account.created.date_naive())}</td>
        </tr>
    }
}
