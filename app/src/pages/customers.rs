//! A reseller's customers. Refused (403) for users below RESELLER.

use super::layout::SignedIn;
use super::AccessDenied;
use super::ListTable;
use crate::api::list_customers;
use crate::i18n::{lang, t, words};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn CustomersPage() -> impl IntoView {
    let query = use_query_map();
    let search = move || query.with(|q| q.get("q")).filter(|s| !s.trim().is_empty());
    let customers = Resource::new_blocking(search, list_customers);
    view! {
        <Title text=t().customers />
        <SignedIn>
            <CustomerList
                customers
                search=query.with_untracked(|q| q.get("q")).unwrap_or_default()
            />
        </SignedIn>
    }
}

type CustomersResource =
    Resource<Result<mvno::portal::Page<mvno::portal::CustomerSummary>, crate::api::UiError>>;

#[component]
fn CustomerList(customers: CustomersResource, search: String) -> impl IntoView {
    let search = StoredValue::new(search);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match customers.await {
                    Err(e) if e.0.status == 403 => view! { <AccessDenied /> }.into_any(),
                    Err(_) => view! { <p role="alert">{t().could_not_load}</p> }.into_any(),
                    Ok(page) => {
                        view! {
                            <h1>{t().customers}</h1>
                            <form method="get" action="/customers" class="search" role="search">
                                <label for="q">{t().search_customers_label}</label>
                                <input id="q" name="q" type="search" value=search.get_value() />
                                <button type="submit">{t().search}</button>
                            </form>
                            {if page.items.is_empty() {
                                view! { <p>{t().no_customers}</p> }.into_any()
                            } else {
                                view! {
                                    <ListTable headers=vec![
                                        t().name,
                                        t().cvr,
                                        t().kind,
                                        t().state,
                                    ]>
                                        {page
                                            .items
                                            .into_iter()
                                            .map(|customer| view! { <CustomerRow customer /> })
                                            .collect_view()}
                                    </ListTable>
                                }
                                    .into_any()
                            }}
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// One customer in the list, linked to its subscriptions.
#[component]
fn CustomerRow(customer: mvno::portal::CustomerSummary) -> impl IntoView {
    view! {
        <tr>
            <td>
                <a href=mvno::portal::accounts_of_customer(
                    &customer.name,
                )>{customer.name.clone()}</a>
            </td>
            <td class="mono">{customer.cvr.unwrap_or_default()}</td>
            <td>{words::customer_kind(lang(), customer.kind)}</td>
            <td>
                <span class=format!(
                    "chip chip-{}",
                    customer.state.as_str().to_lowercase(),
                )>{words::customer_state(lang(), customer.state)}</span>
            </td>
        </tr>
    }
}
