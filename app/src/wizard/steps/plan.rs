//! The plan step: the rate plan, its feature switches, voicemail and the
//! Rest-of-World roaming package.

use crate::i18n::tw;
use crate::wizard::fields::{nth_id, option, price, ChoiceList, SelectField, StepForm, TextField};
use crate::wizard::page::Ctx;
use crate::wizard::state::feature_shown;
use crate::wizard::{feature_label, WizardState, FEATURES};
use leptos::prelude::*;
use mvno::portal::ProductOffer;

#[component]
pub(crate) fn PlanStep(ctx: Ctx) -> impl IntoView {
    // A private customer chooses what a consumer would: no voicemail PIN
    // (set from the phone), no roaming package for the rest of the world.
    let business = !ctx.wiz.private;
    view! {
        <StepForm ctx=ctx.clone()>
            <PlanChoice
                plans=ctx.wiz.plans.clone()
                state=ctx.state.only(&["plan", "feat", "featset"])
                private=ctx.wiz.private
                error=ctx.error("plan")
            />
            {business
                .then(|| {
                    view! {
                        <TextField
                            ctx=ctx.clone()
                            name="vmpin"
                            label=tw().vmpin_label
                            inputmode="numeric"
                            size="10"
                        />
                    }
                })}
            <div class="field">
                <label for="vmemail">{tw().vmemail_label}</label>
                <input
                    id="vmemail"
                    name="vmemail"
                    type="email"
                    value=ctx.state.get("vmemail").to_string()
                />
            </div>
            {business.then(|| view! { <RowPackage ctx=ctx.clone() /> })}
        </StepForm>
    }
}

/// The Rest-of-World roaming package (businesses only).
#[component]
fn RowPackage(ctx: Ctx) -> impl IntoView {
    let rows = ctx.wiz.rows.clone();
    let row = ctx.state.get("row").to_string();
    view! {
            <SelectField name="row" label=tw().row_label>
                {option("", &row, tw().row_as_plan)}
                {rows
                    .into_iter()
                    .map(|p| {
                        let selected = row == p.id.as_str();
                        view! {
                            <option value=p.id.to_string() selected=selected>
                                {format!("{} ({})", p.name, price(p.price))}
                            </option>
                        }
                    })
                    .collect_view()}
                <option value="none">{tw().row_none}</option>
            </SelectField>
    }
}

/// The rate plans and the feature switches: an island, where choosing a
/// plan moves the switches to the plan's presets.
#[island]
fn PlanChoice(
    plans: Vec<ProductOffer>,
    state: WizardState,
    private: bool,
    error: Option<String>,
) -> impl IntoView {
    let plan_sel = RwSignal::new(state.get("plan").to_string());
    view! {
        <PlanCards plans=plans.clone() chosen=state.get("plan").to_string() error plan_sel />
        <FeatureSwitches plans feat_state=state private plan_sel />
    }
}

/// The rate plans, as cards to choose from; the choice (`plan_sel`) moves
/// the feature switches to the plan's presets.
#[component]
fn PlanCards(
    plans: Vec<ProductOffer>,
    chosen: String,
    error: Option<String>,
    plan_sel: RwSignal<String>,
) -> impl IntoView {
    view! {
        <ChoiceList error name="plan" class="cards" legend=tw().plan_legend>
            {plans
                .into_iter()
                .enumerate()
                .map(|(i, p)| {
                    let id = nth_id("plan", i);
                    let pid = p.id.to_string();
                    view! {
                        <div class="card">
                            <input
                                type="radio"
                                name="plan"
                                id=id.clone()
                                value=p.id.to_string()
                                checked=chosen == p.id.as_str()
                                on:change=move |_| plan_sel.set(pid.clone())
                            />
                            <label for=id>
                                <span class="price">{price(p.price)}</span>
                                <span class="plan-name">{p.name.clone()}</span>
                                <ul>
                                    {p
                                        .facts
                                        .iter()
                                        .take(4)
                                        .map(|f| view! { <li>{f.clone()}</li> })
                                        .collect_view()}
                                </ul>
                            </label>
                        </div>
                    }
                })
                .collect_view()}
        </ChoiceList>
    }
}

/// Features for businesses: a private customer is not offered them.
const BUSINESS_FEATURES: [&str; 2] = ["publicIP", "chargedServices"];

/// A switch per feature, showing the user's choice or the chosen plan's
/// preset.
#[component]
fn FeatureSwitches(
    plans: Vec<ProductOffer>,
    feat_state: WizardState,
    private: bool,
    plan_sel: RwSignal<String>,
) -> impl IntoView {
    view! {
        <fieldset class="choices">
            <legend>{tw().features_legend}</legend>
            // Continuing from this step records every switch as shown.
            <input type="hidden" name="featset" value="1" />
            <p class="hint">{tw().features_hint}</p>
            {FEATURES
                .into_iter()
                .map(|name| {
                    let label = feature_label(name);
                    if private && BUSINESS_FEATURES.contains(&name) {
                        // Not offered to a consumer: the plan's preset stays.
                        let on = feature_shown(&feat_state, &plans, &plan_sel.get_untracked(), name);
                        return on
                            .then(|| view! { <input type="hidden" name="feat" value=name /> })
                            .into_any();
                    }
                    let id = format!("feat-{name}");
                    let feat_state = feat_state.clone();
                    let plans = plans.clone();
                    let on = move || feature_shown(&feat_state, &plans, &plan_sel.get(), name);
                    view! {
                        <div class="choice">
                            <input
                                type="checkbox"
                                name="feat"
                                id=id.clone()
                                value=name
                                checked=on.clone()
                                prop:checked=on
                            />
                            <label for=id>{label}</label>
                        </div>
                    }
                        .into_any()
                })
                .collect_view()}
        </fieldset>
    }
}
