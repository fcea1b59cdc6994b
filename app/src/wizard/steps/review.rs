//! The review step: every answer with a link to change it, a refused
//! create's error, and Confirm (a plain form post without JavaScript, the
//! server function when hydrated).

use super::summary::{
    customer_name, feature_names, monthly_total, number_text, plan_text, sim_text,
};
use crate::api::create_account;
use crate::i18n::{format, lang, tw};
use crate::wizard::fields::{hidden_inputs, price};
use crate::wizard::page::Ctx;
use crate::wizard::{draft_mark, kept_on_server, step_of_path, Step};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub(crate) fn ReviewStep(ctx: Ctx) -> impl IntoView {
    let server_error = ctx.refused.clone().map(|(path, message)| (message, path));
    let client_error = RwSignal::new(None::<(String, String)>);
    let state = ctx.state.clone();
    let rows = review_rows(&ctx);
    let review_url = |step: Step| format!("/new/{}?{}&ret=review", step.slug(), state.query());
    let shown_error = move || client_error.get().or_else(|| server_error.clone());
    let fix_url = {
        let state = state.clone();
        move |path: String| format!("/new/{}?{}", step_of_path(&path).slug(), state.query())
    };
    view! {
        {move || {
            shown_error()
                .map(|(msg, path)| {
                    view! {
                        <div class="error-summary" role="alert" id="create-error">
                            <h2>{tw().refused_heading}</h2>
                            <p>{msg}</p>
                            <p>
                                <a href=fix_url(path)>{tw().change_answer}</a>
                            </p>
                        </div>
                    }
                })
        }}
        <dl class="review">
            {rows
                .into_iter()
                .map(|(k, v, step)| view! { <ReviewRow label=k value=v href=review_url(step) /> })
                .collect_view()}
        </dl>
        {state
            .keeps_number()
            .then(|| {
                view! {
                    <p class="notice">{tw().authorise_port}</p>
                }
            })}
        <ConfirmForm ctx=ctx.clone() client_error />
    }
}

/// One answer, with the link to the step that changes it.
#[component]
fn ReviewRow(label: &'static str, value: String, href: String) -> impl IntoView {
    view! {
        <div class="review-row">
            <dt>{label}</dt>
            <dd>{value}</dd>
            <dd>
                <a href=href>
                    {tw().change}
                    <span class="visually-hidden">{format!(" {}", label.to_lowercase())}</span>
                </a>
            </dd>
        </div>
    }
}

/// The answers, in words, each with the step that changes it.
fn review_rows(ctx: &Ctx) -> Vec<(&'static str, String, Step)> {
    let state = &ctx.state;
    let sharing = (1..=3)
        .filter(|i| !state.get(&format!("ds{i}kind")).is_empty())
        .count();
    let mut rows: Vec<(&'static str, String, Step)> = Vec::new();
    if ctx.steps.contains(&Step::Customer) {
        rows.push((tw().row_customer, customer_name(ctx), Step::Customer));
    }
    rows.push((tw().row_number, number_text(state), Step::Number));
    rows.push((tw().row_sim, sim_text(state), Step::Sim));
    rows.push((tw().row_sharing, sharing.to_string(), Step::Sim));
    rows.push((tw().row_plan, plan_text(ctx), Step::Plan));
    let (on, off) = feature_names(ctx);
    rows.push((tw().row_on, on, Step::Plan));
    rows.push((tw().row_off, off, Step::Plan));
    if state.keeps_number() {
        let date = match state.get("pdate") {
            "" | "asap" => tw().pdate_asap_short.to_string(),
            "eoc" => tw().pdate_eoc_short.to_string(),
            d => chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .map(|d| format::date_with_day(lang(), d))
                .unwrap_or_else(|_| d.to_string()),
        };
        rows.push((tw().row_pdate, date, Step::Porting));
    }
    rows.push((tw().row_monthly, price(monthly_total(ctx)), Step::Plan));
    rows
}

/// Confirm: posts the answers to `/new/confirm` without JavaScript; when
/// hydrated, creates through the server function without a reload, and
/// shows a refusal in `client_error` or at the field it names.
#[component]
fn ConfirmForm(ctx: Ctx, client_error: RwSignal<Option<(String, String)>>) -> impl IntoView {
    let busy = RwSignal::new(false);
    let state = ctx.state.clone();
    // The answers kept on the server are read there again.
    let hidden: Vec<(String, String)> = state
        .0
        .iter()
        .filter(|(k, v)| !v.is_empty() && !kept_on_server(k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let today = ctx.wiz.today;
    let submit_state = state.clone();
    let steps = ctx.steps.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        // Hydrated: create through the server function without a reload.
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        client_error.set(None);
        let request = submit_state.to_request(today);
        let key = submit_state.get("key").to_string();
        let mitid = submit_state.mitid();
        let navigate = use_navigate();
        let (submit_state, steps) = (submit_state.clone(), steps.clone());
        leptos::task::spawn_local(async move {
            match create_account(request, key, mitid).await {
                Ok(account) => navigate(
                    &format!("/accounts/{}?created=1", account.id),
                    Default::default(),
                ),
                Err(e) => {
                    let path = e.0.path.clone().unwrap_or_default();
                    if !path.is_empty() && steps.contains(&step_of_path(&path)) {
                        // The server kept the error in the draft: the step
                        // shows it next to its field once it reads the draft.
                        let mut back = submit_state.clone();
                        back.0.insert("draft".into(), draft_mark());
                        let url = format!(
                            "/new/{}?{}&refused=1",
                            step_of_path(&path).slug(),
                            back.query()
                        );
                        navigate(&url, Default::default());
                    } else {
                        let words = crate::i18n::errors::api_error(&e.0).to_string();
                        client_error.set(Some((words, path)));
                    }
                    busy.set(false);
                }
            }
        });
    };
    view! {
        <form method="post" action="/new/confirm" on:submit=on_submit>
            {hidden_inputs(hidden)}
            <button
                type="submit"
                class="primary"
                aria-disabled=move || busy.get().then_some("true")
            >
                {move || {
                    if busy.get() {
                        tw().confirming
                    } else {
                        tw().confirm
                    }
                }}
            </button>
            <p role="status" class="visually-hidden">
                {move || if busy.get() { tw().confirming_status } else { "" }}
            </p>
        </form>
    }
}
