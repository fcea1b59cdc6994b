//! The account page (also the receipt after a create): state, SIM details,
//! eSIM QR code with install links, and the porting with what happens next.
//! Hydrated, it follows the state from CREATING to ACTIVE without a reload.

mod esim;
mod products;

use super::grouped;
use super::layout::SignedIn;
use crate::api::{get_account, AccountView};
use crate::i18n::{fill, format, lang, t, ta, words};
use esim::{EsimInstall, SharingEsims};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use products::Products;

#[component]
pub fn AccountPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id")).unwrap_or_default();
    let account = Resource::new_blocking(id, get_account);
    view! {
        <SignedIn>
            <Account account />
        </SignedIn>
    }
}

#[component]
fn Account(account: Resource<Result<AccountView, crate::api::UiError>>) -> impl IntoView {
    let query = use_query_map();
    let created = move || query.with(|q| q.get("created").is_some());
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match account.await {
                    Ok(view) => view! { <AccountDetails view created=created() /> }.into_any(),
                    Err(_) => {
                        view! {
                            <Title text=ta().not_found />
                            <h1>{ta().not_found}</h1>
                            <p role="alert">{ta().not_found_text}</p>
                            <p>
                                <a href="/">{ta().back_to_list}</a>
                            </p>
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// The account's status in words; while the account is being created, an
/// island that looks again every 2 seconds and follows it to ACTIVE
/// without a reload.
#[island]
fn AccountStatusLive(id: String, words: String, creating: bool) -> impl IntoView {
    let words = RwSignal::new(words);
    #[cfg(feature = "hydrate")]
    if creating {
        let creating = RwSignal::new(true);
        let handle = set_interval_with_handle(
            move || {
                if !creating.get_untracked() {
                    return;
                }
                let id = id.clone();
                leptos::task::spawn_local(async move {
                    if let Ok(now) = crate::api::account_status(id).await {
                        creating.set(now.creating);
                        words.set(now.words);
                    }
                });
            },
            std::time::Duration::from_secs(2),
        );
        if let Ok(h) = handle {
            on_cleanup(move || h.clear());
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (id, creating);
    view! {
        <span role="status" data-testid="account-status">
            {move || words.get()}
        </span>
    }
}

/// The receipt's status: the number large, and what happens next, with
/// dates; on a phone "Install the eSIM" is the main button.
#[component]
fn WhatHappensNext(
    number: String,
    creating: bool,
    esim: bool,
    porting: Option<mvno::account::Porting>,
) -> impl IntoView {
    let moves = porting.map(|p| match p.requested_date {
        Some(d) => fill(
            ta().moves_on,
            &[
                ("donor", p.donor.name.clone()),
                ("date", format::date_at(lang(), d.date_naive(), "02:00")),
            ],
        ),
        None => fill(ta().moves_at_end, &[("donor", p.donor.name.as_str())]),
    });
    view! {
        <section class="receipt" aria-labelledby="next-title">
            <p class="receipt-number mono">{grouped(&number)}</p>
            <h2 id="next-title">{ta().what_next}</h2>
            <ol>
                {creating.then(|| view! { <li>{ta().next_activation}</li> })}
                {esim.then(|| view! { <li>{ta().next_esim}</li> })}
                {moves.map(|m| view! { <li>{m}"."</li> })}
            </ol>
            {esim
                .then(|| {
                    view! {
                        <p>
                            <a class="button primary" href="#esim-title">
                                {ta().install_esim}
                            </a>
                        </p>
                    }
                })}
        </section>
    }
}

/// Where the subscription is, in words: a number still with the donor
/// moves on its date, whatever the account's own state says.
pub(crate) fn status_in_words(a: &mvno::account::MvnoAccount) -> String {
    match (
        &a.porting_details,
        a.number_state.as_str(),
        a.state.as_str(),
    ) {
        (Some(p), "PORTING_IN", _) => match p.requested_date {
            Some(d) => fill(
                ta().moves_on,
                &[
                    ("donor", p.donor.name.clone()),
                    ("date", format::date_at(lang(), d.date_naive(), "02:00")),
                ],
            ),
            None => fill(ta().moves_at_end, &[("donor", p.donor.name.as_str())]),
        },
        (_, _, "CREATING") => ta().being_activated.into(),
        _ => words::account_state(lang(), a.state).into(),
    }
}

fn stage_text(stage: &str) -> &'static str {
    let t = ta();
    match stage {
        "IN_CREATED" => t.stage_created,
        "IN_READY" => t.stage_ready,
        "IN_AWAITING_POA_FROM_CUSTOMER" => t.stage_poa,
        "IN_POA_RECEIVED_FROM_CUSTOMER" | "IN_POA_SENT" | "IN_ORDERED" | "IN_DONOR_CONTACTED" => {
            t.stage_sent
        }
        "IN_CONFIRMED" => t.stage_confirmed,
        "IN_REJECTED" => t.stage_rejected,
        "IN_COMPLETED" => t.stage_completed,
        "IN_CANCELLED" => t.stage_cancelled,
        _ => "",
    }
}

#[component]
fn AccountDetails(view: AccountView, created: bool) -> impl IntoView {
    let a = view.account;
    let heading = if created {
        ta().created.to_string()
    } else {
        fill(ta().heading, &[("number", grouped(&a.number))])
    };
    let state = a.state;
    let sim = a.mvno_sim.clone();
    let porting = a.porting_details.clone();
    let esim_code = sim
        .as_ref()
        .filter(|s| s.form_factor == mvno::enums::FormFactor::Esim)
        .and_then(|s| s.activation_code.clone());
    let next = created.then(|| {
        view! {
            <WhatHappensNext
                number=a.number.clone()
                creating=state == mvno::enums::AccountState::Creating
                esim=esim_code.is_some()
                porting=porting.clone()
            />
        }
    });
    view! {
        <Title text=heading.clone() />
        <h1>{heading}</h1>
        {next}
        <dl class="review">
            <div class="review-row">
                <dt>{ta().number}</dt>
                <dd class="mono">{grouped(&a.number)}</dd>
            </div>
            <div class="review-row">
                <dt>{ta().status}</dt>
                <dd>
                    <AccountStatusLive
                        id=a.id.to_string()
                        words=status_in_words(&a)
                        creating=state == mvno::enums::AccountState::Creating
                    />
                </dd>
            </div>
        </dl>
        <Products prices=view.prices.clone() feature=a.feature.clone() />
        <details>
            <summary>{ta().technical}</summary>
            <dl class="review">
                <div class="review-row">
                    <dt>{ta().state}</dt>
                    <dd>
                        <span
                            data-testid="account-state"
                            class=format!("chip chip-{}", state.as_str().to_lowercase())
                        >
                            {state.as_str()}
                        </span>
                    </dd>
                </div>
                <div class="review-row">
                    <dt>{ta().reference}</dt>
                    <dd class="mono">{a.id.clone()}</dd>
                </div>
                <div class="review-row">
                    <dt>{ta().number_state}</dt>
                    <dd>{a.number_state.as_str()}</dd>
                </div>
            </dl>
        </details>
        {(state == mvno::enums::AccountState::Creating)
            .then(|| {
                view! {
                    <p>{ta().activating}</p>
                }
            })}
        {sim.map(|sim| view! { <SimCard sim /> })}
        {(!a.data_sharing_sims.is_empty())
            .then(|| view! { <SharingList sims=a.data_sharing_sims.clone() /> })}
        {esim_code
            .map(|code| {
                view! {
                    <EsimInstall
                        code
                        qr_svg=view.qr_svg.clone()
                        id="esim-title".to_string()
                        title=ta().install_esim.to_string()
                        qr_label=ta().esim_qr.to_string()
                    />
                }
            })}
        <SharingEsims sims=a.data_sharing_sims.clone() qr_svgs=view.sharing_qr_svgs.clone() />
        {porting.map(|porting| view! { <PortingSection porting /> })}
        <p>
            <a href="/">{ta().back_to_list}</a>
            " · "
            <a href="/new">{t().new_subscription}</a>
        </p>
    }
}

/// The SIM card's details, with its PIN and PUK codes behind a disclosure.
#[component]
fn SimCard(sim: mvno::account::SimDetails) -> impl IntoView {
    view! {
        <h2>{ta().sim_card}</h2>
        <dl class="review">
            <div class="review-row">
                <dt>{ta().icc}</dt>
                <dd class="mono">{sim.sim_number.clone()}</dd>
            </div>
            <div class="review-row">
                <dt>{ta().network}</dt>
                <dd>{sim.network.as_str()}</dd>
            </div>
            <div class="review-row">
                <dt>{ta().form}</dt>
                <dd>{words::form_factor(lang(), sim.form_factor)}</dd>
            </div>
        </dl>
        {sim
            .pin1
            .clone()
            .map(|pin1| {
                view! {
                    <details>
                        <summary>{ta().show_codes}</summary>
                        <dl class="review">
                            <div class="review-row">
                                <dt>{ta().pin}</dt>
                                <dd class="mono">{pin1}</dd>
                            </div>
                            <div class="review-row">
                                <dt>{ta().puk}</dt>
                                <dd class="mono">{sim.puk1.clone().unwrap_or_default()}</dd>
                            </div>
                        </dl>
                    </details>
                }
            })}
    }
}

/// The data-sharing SIM cards: number, form and name.
#[component]
fn SharingList(sims: Vec<mvno::account::DataSharingSim>) -> impl IntoView {
    view! {
        <h2>{ta().sharing}</h2>
        <ul class="sharing-list">
            {sims
                .iter()
                .map(|d| {
                    view! {
                        <li>
                            <span class="mono">{grouped(&d.number)}</span>
                            {format!(
                                " · {} · {}",
                                words::form_factor(lang(), d.sim.form_factor),
                                d.name.clone().unwrap_or_default(),
                            )}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// The move of a kept number: from whom, its stage and date, and what
/// happens next.
#[component]
fn PortingSection(porting: mvno::account::Porting) -> impl IntoView {
    let date = porting
        .requested_date
        .map(|d| format::date_at(lang(), d.date_naive(), "02:00"))
        .unwrap_or_else(|| ta().at_end.into());
    view! {
        <section aria-labelledby="porting-title">
            <h2 id="porting-title">{ta().moving}</h2>
            <dl class="review">
                <div class="review-row">
                    <dt>{ta().from}</dt>
                    <dd>{porting.donor.name.clone()}</dd>
                </div>
                <div class="review-row">
                    <dt>{ta().stage}</dt>
                    <dd data-testid="porting-stage">{stage_text(porting.status.stage.as_str())}</dd>
                </div>
                <div class="review-row">
                    <dt>{ta().requested}</dt>
                    <dd>{date.clone()}</dd>
                </div>
            </dl>
            <p>{fill(ta().insert_after, &[("date", date)]).trim_start().to_string()}</p>
            <details>
                <summary>{ta().technical}</summary>
                <p class="mono" data-testid="porting-stage-code">
                    {porting.status.stage.as_str()}
                </p>
            </details>
        </section>
    }
}
