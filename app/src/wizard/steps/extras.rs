//! The extras step (resellers and administrators): notes, start date, SIP
//! account, hosted PBX, billing customer and custom data.

use crate::i18n::tw;
use crate::wizard::fields::{described_by, inline_error, StepForm, TextArea, TextField};
use crate::wizard::page::Ctx;
use leptos::prelude::*;

#[component]
pub(crate) fn ExtrasStep(ctx: Ctx) -> impl IntoView {
    view! {
        <StepForm ctx=ctx.clone()>
            <TextArea
                ctx=ctx.clone()
                name="notes"
                label=tw().notes_label
            />
            <StartDate ctx=ctx.clone() />
            <TextField ctx=ctx.clone() name="sip" label=tw().sip_label mono=true />
            <TextField
                ctx=ctx.clone()
                name="pbx"
                label=tw().pbx_label
                inputmode="numeric"
                size="4"
            />
            <TextField ctx=ctx.clone() name="ext" label=tw().ext_label mono=true />
            <div class="field">
                <label for="billing">{tw().billing_label}</label>
                {inline_error(&ctx, "billing")}
                <select
                    id="billing"
                    name="billing"
                    aria-describedby=described_by(&ctx, "billing", None)
                >
                    <option value="">{tw().billing_own}</option>
                    {ctx
                        .wiz
                        .customers
                        .iter()
                        .map(|c| {
                            let selected = ctx.state.get("billing") == c.id.as_str();
                            view! {
                                <option value=c.id.to_string() selected=selected>
                                    {c.name.clone()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <TextArea
                ctx=ctx.clone()
                name="custom"
                label=tw().custom_label
                mono=true
            />
        </StepForm>
    }
}

/// The start date, typed as Danes write a date (`1-12-2026`, also
/// `1.12.2026`); an ISO date (`2026-12-01`) is read too. A text field, not
/// the browser's date input, whose format follows the browser's language
/// rather than the page's.
#[component]
fn StartDate(ctx: Ctx) -> impl IntoView {
    view! {
        <div class="field date-field">
            <label for="start">{tw().start_label}</label>
            <p class="hint" id="start-hint">
                {tw().start_hint}
            </p>
            {inline_error(&ctx, "start")}
            <input
                id="start"
                name="start"
                type="text"
                inputmode="numeric"
                autocomplete="off"
                size="10"
                value=ctx.state.get("start").to_string()
                aria-invalid=ctx.error("start").map(|_| "true")
                aria-describedby=described_by(&ctx, "start", Some("start-hint"))
            />
        </div>
    }
}
