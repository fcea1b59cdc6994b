//! The number step: a new number from those on offer (searched by digits
//! and network), or a number to keep, checked as it is typed.

use crate::api::check_number;
use crate::i18n::{fill, te, tw};
use crate::pages::grouped;
use crate::wizard::fields::{
    choice, describing, error_text, hidden_inputs, inline_error, nth_id, option, radio, ChoiceList,
    SelectField, StepForm,
};
use crate::wizard::page::Ctx;
use crate::wizard::WizardState;
use leptos::prelude::*;

#[component]
pub(crate) fn NumberStep(ctx: Ctx) -> impl IntoView {
    let mode = ctx.state.get("mode").to_string();
    view! {
        <NumberSearch state=ctx.state.clone() />
        <StepForm ctx=ctx.clone()>
            <fieldset class="choices">
                <legend>{tw().number_legend}</legend>
                {inline_error(&ctx, "mode-new")}
                {choice("mode", "new", mode != "keep", tw().number_new)}
                {choice(
                    "mode",
                    "keep",
                    mode == "keep",
                    tw().number_keep,
                )}
            </fieldset>
            <OfferedNumbers ctx=ctx.clone() />
            <KeptNumber
                customer=ctx.state.get("customer").to_string()
                value=ctx.state.get("keepnumber").to_string()
                error=ctx.error("keepnumber")
            />
        </StepForm>
    }
}

/// The search of new numbers. A plain form: a search loads the step
/// afresh, the same with and without JavaScript (the router does not re-run
/// a same-path GET form reliably).
#[component]
fn NumberSearch(state: WizardState) -> impl IntoView {
    let search_hidden: Vec<(String, String)> = state
        .0
        .iter()
        .filter(|(k, v)| {
            !matches!(k.as_str(), "digits" | "net" | "mode" | "number") && !v.is_empty()
        })
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let digits_value = state.get("digits").to_string();
    let net_value = state.get("net").to_string();
    view! {
        <form method="get" action="/new/number" role="search">
            {hidden_inputs(search_hidden)}
            <input type="hidden" name="mode" value="new" />
            <div class="field search-digits">
                <label for="digits">{tw().number_search}</label>
                <input
                    id="digits"
                    name="digits"
                    type="text"
                    inputmode="numeric"
                    value=digits_value
                />
            </div>
            <SelectField name="net" label=tw().number_network>
                {option("", &net_value, tw().number_any_network)}
                {option("TDC", &net_value, "TDC")}
                {option("TELENOR", &net_value, "TELENOR")}
            </SelectField>
            <button type="submit">{tw().search}</button>
        </form>
    }
}

/// The new numbers on offer, as tiles to choose from.
#[component]
fn OfferedNumbers(ctx: Ctx) -> impl IntoView {
    let chosen = ctx.state.get("number").to_string();
    let offered = ctx.wiz.offered.clone();
    view! {
        <ChoiceList error=ctx.error("number") name="number" class="tiles" legend=tw().number_offered>
            {if offered.is_empty() {
                view! { <p>{tw().number_none_offered}</p> }.into_any()
            } else {
                offered
                    .into_iter()
                    .enumerate()
                    .map(|(i, n)| {
                        let note = if n.owned { tw().number_yours } else { tw().number_fresh };
                        let net = n.network.map(|x| x.as_str()).unwrap_or("");
                        let checked = chosen == n.number;
                        let label = view! {
                            <span class="mono big">{grouped(&n.number)}</span>
                            <span class="hint">{format!("{net} · {note}")}</span>
                        };
                        radio(
                            "tile",
                            "number",
                            nth_id("number", i),
                            n.number.clone(),
                            checked,
                            label,
                        )
                    })
                    .collect_view()
                    .into_any()
            }}
        </ChoiceList>
    }
}

/// The number to keep, with its live check (an island): as soon as 8
/// digits are typed, it says whether the number will be bought or ported,
/// and from whom.
#[island]
fn KeptNumber(customer: String, value: String, error: Option<String>) -> impl IntoView {
    let kept = RwSignal::new(value.clone());
    let kept_check = RwSignal::new(String::new());
    Effect::new(move |_| {
        let typed = kept.get();
        let Ok(number) = mvno::phone::E164::from_typed(&typed) else {
            kept_check.set(String::new());
            return;
        };
        let customer = customer.clone();
        leptos::task::spawn_local(async move {
            if let Ok(c) = check_number(customer, number.to_string()).await {
                // Only if the field still holds that number.
                if mvno::phone::E164::from_typed(&kept.get_untracked())
                    .ok()
                    .as_ref()
                    == Some(&number)
                {
                    kept_check.set(check_sentence(&c));
                }
            }
        });
    });
    let invalid = error.as_ref().map(|_| "true");
    let described = describing("keepnumber", Some("keepnumber-hint"), error.is_some());
    view! {
        <div class="field">
            <label for="keepnumber">{tw().number_keep_label}</label>
            <p class="hint" id="keepnumber-hint">
                {tw().number_keep_hint}
            </p>
            {error_text("keepnumber", error)}
            <input
                id="keepnumber"
                name="keepnumber"
                type="tel"
                inputmode="numeric"
                autocomplete="tel-national"
                size="11"
                value=value
                aria-invalid=invalid
                aria-describedby=described
                on:input=move |ev| kept.set(event_target_value(&ev))
            />
            <p class="live-hint" aria-live="polite" data-testid="number-check">
                {move || kept_check.get()}
            </p>
        </div>
    }
}

/// What the number check says, in a sentence for the number step.
fn check_sentence(c: &mvno::portal::NumberCheck) -> String {
    use mvno::portal::NumberAvailability::*;
    let number = grouped(&c.number);
    match (&c.availability, &c.operator) {
        (PortingRequired, Some(op)) => fill(
            tw().check_porting,
            &[("number", number.as_str()), ("operator", op.name.as_str())],
        ),
        (AvailableForPurchase, _) => fill(tw().check_free, &[("number", number)]),
        (OwnedAndFree, _) => fill(tw().check_owned, &[("number", number)]),
        (InUse, _) => fill(te().number_in_use, &[("number", number)]),
        (BeingPorted, _) => fill(te().number_being_ported, &[("number", number)]),
        _ => c
            .reason
            .as_ref()
            .map(|r| crate::i18n::errors::api_error(r).to_string())
            .unwrap_or_else(|| tw().check_unusable.into()),
    }
}
