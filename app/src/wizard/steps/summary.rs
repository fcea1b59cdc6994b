//! The answers in words, for the review and the order summary beside
//! every step: number, SIM card, plan with its features, and the monthly
//! price so far.

use crate::i18n::{fill, tw};
use crate::pages::grouped;
use crate::wizard::fields::price;
use crate::wizard::page::Ctx;
use crate::wizard::state::feature_shown;
use crate::wizard::{feature_label, Step, WizardState, FEATURES};
use leptos::prelude::*;

pub(crate) fn customer_name(ctx: &Ctx) -> String {
    ctx.wiz
        .customers
        .iter()
        .find(|c| c.id.as_str() == ctx.state.get("customer"))
        .map(|c| c.name.clone())
        .unwrap_or_else(|| ctx.wiz.user.customer_name.clone())
}

pub(crate) fn number_text(state: &WizardState) -> String {
    format!(
        "{} ({})",
        grouped(
            &mvno::phone::E164::from_typed(state.chosen_number())
                .map(|n| n.to_string())
                .unwrap_or_default()
        ),
        if state.keeps_number() {
            tw().number_kept
        } else {
            tw().number_fresh
        }
    )
}

pub(crate) fn sim_text(state: &WizardState) -> String {
    let values = [
        ("icc", state.get("icc")),
        ("network", state.get("network")),
        ("address", state.get("delivery")),
    ];
    match state.get("sim") {
        "physical" => fill(tw().sim_physical_text, &values),
        "esim" => fill(tw().sim_esim_text, &values),
        "auto" if state.has("delivery") => fill(tw().sim_auto_to, &values),
        "auto" => fill(tw().sim_auto_text, &values),
        "none" => fill(tw().sim_none_text, &values),
        _ => "–".into(),
    }
}

pub(crate) fn plan_text(ctx: &Ctx) -> String {
    let state = &ctx.state;
    ctx.wiz
        .plans
        .iter()
        .find(|p| p.id.as_str() == state.get("plan"))
        .map(|p| format!("{} ({})", p.name, price(p.price)))
        .unwrap_or_else(|| state.get("plan").to_string())
}

/// The features switched on, and those off, as lists of their labels.
pub(crate) fn feature_names(ctx: &Ctx) -> (String, String) {
    let state = &ctx.state;
    let (on, off): (Vec<_>, Vec<_>) = FEATURES
        .iter()
        .partition(|name| feature_shown(state, &ctx.wiz.plans, state.get("plan"), name));
    let names = |list: Vec<&&str>| {
        if list.is_empty() {
            tw().none.to_string()
        } else {
            list.iter()
                .map(|name| feature_label(name))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    (names(on), names(off))
}

/// The monthly price of what is chosen so far: the plan, and a roaming
/// package chosen on top.
pub(crate) fn monthly_total(ctx: &Ctx) -> f64 {
    let state = &ctx.state;
    let plan = ctx
        .wiz
        .plans
        .iter()
        .find(|p| p.id.as_str() == state.get("plan"))
        .map(|p| p.price)
        .unwrap_or(0.0);
    let row = ctx
        .wiz
        .rows
        .iter()
        .find(|p| p.id.as_str() == state.get("row"))
        .map(|p| p.price)
        .unwrap_or(0.0);
    plan + row
}

/// The order so far, beside the form (below it on a phone): what each
/// answered step chose and the monthly price, which screen readers hear
/// when it changes.
#[component]
pub(crate) fn OrderSummary(ctx: Ctx) -> impl IntoView {
    let state = &ctx.state;
    let answered = |s: Step| ctx.steps.iter().position(|x| *x == s) < Some(ctx.index());
    let mut rows: Vec<(&'static str, String)> = Vec::new();
    if ctx.steps.contains(&Step::Customer) && state.has("customer") {
        rows.push((tw().row_customer, customer_name(&ctx)));
    }
    if answered(Step::Number) {
        rows.push((tw().row_number, number_text(state)));
    }
    if answered(Step::Sim) {
        rows.push((tw().row_sim, sim_text(state)));
    }
    if answered(Step::Plan) {
        rows.push((tw().row_plan, plan_text(&ctx)));
        rows.push((tw().row_on, feature_names(&ctx).0));
    }
    // The price once a plan is chosen.
    let total = state.has("plan").then(|| price(monthly_total(&ctx)));
    view! {
        <aside class="order-summary" aria-labelledby="order-summary-title">
            <h2 id="order-summary-title">{tw().summary_heading}</h2>
            {if rows.is_empty() {
                view! { <p class="hint">{tw().summary_empty}</p> }.into_any()
            } else {
                view! {
                    <dl>
                        {rows
                            .into_iter()
                            .map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> })
                            .collect_view()}
                    </dl>
                }
                    .into_any()
            }}
            <p class="order-total" role="status">
                {total.map(|total| view! { {tw().row_monthly}": "<strong>{total}</strong> })}
            </p>
        </aside>
    }
}
