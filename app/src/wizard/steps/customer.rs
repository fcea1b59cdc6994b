//! The customer step: which customer the subscription is for.

use crate::i18n::tw;
use crate::wizard::fields::{nth_id, radio, ChoiceList, StepForm};
use crate::wizard::page::Ctx;
use leptos::prelude::*;

#[component]
pub(crate) fn CustomerStep(ctx: Ctx) -> impl IntoView {
    let chosen = ctx.state.get("customer").to_string();
    let customers = ctx.wiz.customers.clone();
    view! {
        <StepForm ctx=ctx.clone()>
            <ChoiceList
                error=ctx.error("customer")
                name="customer"
                class="choices"
                legend=tw().customer_legend
            >
                {customers
                    .into_iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let blocked = c.state == mvno::enums::CustomerState::Blocked;
                        let label = format!(
                            "{}{}",
                            c.name,
                            if blocked { tw().customer_blocked_mark } else { "" },
                        );
                        let cvr = c.cvr.clone().map(|v| format!("CVR {v}")).unwrap_or_default();
                        let checked = chosen == c.id.as_str();
                        let label = view! {
                            {label}
                            " "
                            <span class="hint">{cvr}</span>
                        };
                        radio(
                            "choice",
                            "customer",
                            nth_id("customer", i),
                            c.id.to_string(),
                            checked,
                            label,
                        )
                    })
                    .collect_view()}
            </ChoiceList>
        </StepForm>
    }
}
