//! The review step: every answer with a link to change it, a refused
//! create's error, and Confirm (a form post to `/new/confirm`, with and
//! without JavaScript).

use super::summary::{
    customer_name, feature_names, monthly_total, number_text, plan_text, sim_text,
};
use crate::i18n::{format, lang, tw};
use crate::wizard::fields::{hidden_inputs, price};
use crate::wizard::page::Ctx;
use crate::wizard::{kept_on_server, step_of_path, Step};
use leptos::prelude::*;

#[component]
pub(crate) fn ReviewStep(ctx: Ctx) -> impl IntoView {
    let server_error = ctx.refused.clone().map(|(path, message)| (message, path));
    let state = ctx.state.clone();
    let rows = review_rows(&ctx);
    let review_url = |step: Step| format!("/new/{}?{}&ret=review", step.slug(), state.query());
    let fix_url = {
        let state = state.clone();
        move |path: String| format!("/new/{}?{}", step_of_path(&path).slug(), state.query())
    };
    view! {
        {server_error
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
            })}
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
        <ConfirmForm ctx=ctx.clone() />
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

/// Confirm: posts the answers to `/new/confirm` (the answers kept on the
/// server are read there again); the server creates, once per key, and
/// sends the browser on to the receipt or back to what needs a change.
#[component]
fn ConfirmForm(ctx: Ctx) -> impl IntoView {
    let hidden: Vec<(String, String)> = ctx
        .state
        .0
        .iter()
        .filter(|(k, v)| !v.is_empty() && !kept_on_server(k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    view! {
        <form method="post" action="/new/confirm">
            {hidden_inputs(hidden)}
            <ConfirmButton />
        </form>
    }
}

/// Confirm's button, an island: once pressed it says it is creating, and
/// a second press sends nothing more.
#[island]
fn ConfirmButton() -> impl IntoView {
    let busy = RwSignal::new(false);
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if busy.get_untracked() {
            ev.prevent_default();
        } else {
            busy.set(true);
        }
    };
    view! {
        <button
            type="submit"
            class="primary"
            on:click=on_click
            aria-disabled=move || busy.get().then_some("true")
        >
            {move || if busy.get() { tw().confirming } else { tw().confirm }}
        </button>
        <p role="status" class="visually-hidden">
            {move || if busy.get() { tw().confirming_status } else { "" }}
        </p>
    }
}
