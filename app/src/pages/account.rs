//! The account page (also the receipt after a create): state, SIM details,
//! eSIM QR code with install links, and the porting with what happens next.
//! Hydrated, it follows the state from CREATING to ACTIVE without a reload.

use super::grouped;
use super::layout::SignedIn;
use crate::api::{get_account, AccountView};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

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
    // Hydrated: look again every 2 seconds while the account is being created.
    #[cfg(feature = "hydrate")]
    {
        let handle = set_interval_with_handle(
            move || {
                let creating = account
                    .get_untracked()
                    .and_then(|r| r.ok())
                    .is_some_and(|v| v.account.state == mvno::enums::AccountState::Creating);
                if creating {
                    account.refetch();
                }
            },
            std::time::Duration::from_secs(2),
        );
        if let Ok(h) = handle {
            on_cleanup(move || h.clear());
        }
    }
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match account.await {
                    Ok(view) => view! { <AccountDetails view created=created() /> }.into_any(),
                    Err(e) => {
                        view! {
                            <Title text="Subscription not found" />
                            <h1>"Subscription not found"</h1>
                            <p role="alert">{e.to_string()}</p>
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// An eSIM's install section: one-tap install links for the phone in hand,
/// the QR code for another phone, the code to type, and a warning.
#[component]
fn EsimInstall(
    code: String,
    qr_svg: Option<String>,
    id: String,
    title: String,
    qr_label: String,
) -> impl IntoView {
    let parts: Vec<String> = code.split('$').map(str::to_string).collect();
    let smdp = parts.get(1).cloned().unwrap_or_default();
    let matching = parts.get(2).cloned().unwrap_or_default();
    let apple = format!("https://esimsetup.apple.com/esim_qrcode_provisioning?carddata={code}");
    let android = format!("https://esimsetup.android.com/esim_qrcode_provisioning?carddata={code}");
    let labelled_by = id.clone();
    view! {
        <section class="esim" aria-labelledby=labelled_by>
            <h2 id=id>{title}</h2>
            <p>
                <a class="button" href=apple>
                    "Install on this iPhone"
                </a>
                " "
                <a class="button" href=android>
                    "Install on this Android phone"
                </a>
            </p>
            <p>"Or scan the QR code with the phone that gets the eSIM:"</p>
            {qr_svg
                .map(|svg| {
                    view! { <div class="qr" role="img" aria-label=qr_label inner_html=svg></div> }
                })}
            <details>
                <summary>"Enter manually"</summary>
                <dl class="review">
                    <div class="review-row">
                        <dt>"SM-DP+ address"</dt>
                        <dd class="mono">{smdp}</dd>
                    </div>
                    <div class="review-row">
                        <dt>"Activation code"</dt>
                        <dd class="mono">{matching}</dd>
                    </div>
                </dl>
            </details>
            <p class="notice">
                "The code works once. If the eSIM is deleted later, a new one is needed. Do not \
                 share the code."
            </p>
        </section>
    }
}

/// Where the subscription is, in words: a number still with the donor
/// moves on its date, whatever the account's own state says.
fn status_in_words(a: &mvno::account::MvnoAccount) -> String {
    match (
        &a.porting_details,
        a.number_state.as_str(),
        a.state.as_str(),
    ) {
        (Some(p), "PORTING_IN", _) => match p.requested_date {
            Some(d) => format!(
                "The number moves here from {} on {} at 02:00",
                p.donor.name,
                d.format("%A %-d %B %Y")
            ),
            None => format!(
                "The number moves here from {} when the commitment there ends",
                p.donor.name
            ),
        },
        (_, _, "CREATING") => "Being activated".into(),
        (_, _, "ACTIVE") => "Active".into(),
        (_, _, other) => other.to_string(),
    }
}

fn stage_text(stage: &str) -> &'static str {
    match stage {
        "IN_CREATED" => "Received: we will send the request to the current operator.",
        "IN_READY" => "Ready: the request is about to be sent to the current operator.",
        "IN_AWAITING_POA_FROM_CUSTOMER" => "Waiting for the customer's power of attorney.",
        "IN_POA_RECEIVED_FROM_CUSTOMER" | "IN_POA_SENT" | "IN_ORDERED" | "IN_DONOR_CONTACTED" => {
            "Sent to the current operator."
        }
        "IN_CONFIRMED" => "Confirmed by the current operator.",
        "IN_REJECTED" => "Rejected by the current operator.",
        "IN_COMPLETED" => "The number has moved.",
        "IN_CANCELLED" => "Cancelled.",
        _ => "",
    }
}

#[component]
fn AccountDetails(view: AccountView, created: bool) -> impl IntoView {
    let a = view.account;
    let heading = if created {
        "Your subscription is created".to_string()
    } else {
        format!("Subscription {}", grouped(&a.number))
    };
    let state = a.state;
    let sim = a.mvno_sim.clone();
    let porting = a.porting_details.clone();
    let esim_code = sim
        .as_ref()
        .filter(|s| s.form_factor == mvno::enums::FormFactor::Esim)
        .and_then(|s| s.activation_code.clone());
    view! {
        <Title text=heading.clone() />
        <h1>{heading}</h1>
        <dl class="review">
            <div class="review-row">
                <dt>"Number"</dt>
                <dd class="mono">{grouped(&a.number)}</dd>
            </div>
            <div class="review-row">
                <dt>"Reference"</dt>
                <dd class="mono">{a.id.clone()}</dd>
            </div>
            <div class="review-row">
                <dt>"Status"</dt>
                <dd>
                    <span role="status" data-testid="account-status">
                        {status_in_words(&a)}
                    </span>
                </dd>
            </div>
        </dl>
        <details>
            <summary>"Technical details"</summary>
            <dl class="review">
                <div class="review-row">
                    <dt>"State"</dt>
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
                    <dt>"Number state"</dt>
                    <dd>{a.number_state.as_str()}</dd>
                </div>
            </dl>
        </details>
        {(state == mvno::enums::AccountState::Creating)
            .then(|| {
                view! {
                    <p>
                        "The network is activating the SIM card. This page shows when it is active."
                    </p>
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
                        title="Install the eSIM".to_string()
                        qr_label="QR code of the eSIM activation code".to_string()
                    />
                }
            })}
        <SharingEsims sims=a.data_sharing_sims.clone() qr_svgs=view.sharing_qr_svgs.clone() />
        {porting.map(|porting| view! { <PortingSection porting /> })}
        <p>
            <a href="/">"Back to subscriptions"</a>
            " · "
            <a href="/new">"New subscription"</a>
        </p>
    }
}

/// The install section of each data-sharing eSIM, with its QR code.
#[component]
fn SharingEsims(
    sims: Vec<mvno::account::DataSharingSim>,
    qr_svgs: Vec<Option<String>>,
) -> impl IntoView {
    sims.iter()
        .zip(qr_svgs)
        .enumerate()
        .filter_map(|(i, (d, qr))| {
            let code = d
                .sim
                .activation_code
                .clone()
                .filter(|_| d.sim.form_factor == mvno::enums::FormFactor::Esim)?;
            let number = grouped(&d.number);
            Some(view! {
                <EsimInstall
                    code
                    qr_svg=qr
                    id=format!("esim-sharing-{i}")
                    title=format!("Install the data-sharing eSIM {number}")
                    qr_label=format!("QR code of the data-sharing eSIM {number}")
                />
            })
        })
        .collect_view()
}

/// The SIM card's details, with its PIN and PUK codes behind a disclosure.
#[component]
fn SimCard(sim: mvno::account::SimDetails) -> impl IntoView {
    view! {
        <h2>"SIM card"</h2>
        <dl class="review">
            <div class="review-row">
                <dt>"ICC"</dt>
                <dd class="mono">{sim.sim_number.clone()}</dd>
            </div>
            <div class="review-row">
                <dt>"Network"</dt>
                <dd>{sim.network.as_str()}</dd>
            </div>
            <div class="review-row">
                <dt>"Form"</dt>
                <dd>{sim.form_factor.as_str()}</dd>
            </div>
        </dl>
        {sim
            .pin1
            .clone()
            .map(|pin1| {
                view! {
                    <details>
                        <summary>"Show PIN and PUK codes"</summary>
                        <dl class="review">
                            <div class="review-row">
                                <dt>"PIN"</dt>
                                <dd class="mono">{pin1}</dd>
                            </div>
                            <div class="review-row">
                                <dt>"PUK"</dt>
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
        <h2>"Data-sharing SIM cards"</h2>
        <ul class="sharing-list">
            {sims
                .iter()
                .map(|d| {
                    view! {
                        <li>
                            <span class="mono">{grouped(&d.number)}</span>
                            {format!(
                                " · {} · {}",
                                d.sim.form_factor,
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
        .map(|d| format!("{} at 02:00", d.format("%A %-d %B %Y")))
        .unwrap_or_else(|| "when the commitment with the current operator ends".into());
    view! {
        <section aria-labelledby="porting-title">
            <h2 id="porting-title">"Moving the number"</h2>
            <dl class="review">
                <div class="review-row">
                    <dt>"From"</dt>
                    <dd>{porting.donor.name.clone()}</dd>
                </div>
                <div class="review-row">
                    <dt>"Stage"</dt>
                    <dd data-testid="porting-stage">{porting.status.stage.as_str()}</dd>
                </div>
                <div class="review-row">
                    <dt>"Requested date"</dt>
                    <dd>{date.clone()}</dd>
                </div>
            </dl>
            <p>
                {stage_text(porting.status.stage.as_str())}
                " Insert the new SIM card after the number has moved ("{date}")."
            </p>
        </section>
    }
}
