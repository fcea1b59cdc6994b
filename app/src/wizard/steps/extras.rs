//! The extras step (resellers and administrators): notes, start date, SIP
//! account, hosted PBX, billing customer and custom data.

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
                label="Notes (only resellers and administrators see them)"
            />
            <TextField ctx=ctx.clone() name="start" label="Start date (empty: today)" kind="date" />
            <TextField ctx=ctx.clone() name="sip" label="SIP account id (optional)" mono=true />
            <TextField
                ctx=ctx.clone()
                name="pbx"
                label="Hosted PBX cluster (optional)"
                inputmode="numeric"
                size="4"
            />
            <TextField ctx=ctx.clone() name="ext" label="PBX extension id (optional)" mono=true />
            <div class="field">
                <label for="billing">"Bill to another customer (optional)"</label>
                {inline_error(&ctx, "billing")}
                <select
                    id="billing"
                    name="billing"
                    aria-describedby=described_by(&ctx, "billing", None)
                >
                    <option value="">"The subscription's own customer"</option>
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
                label="Custom data (JSON object, at most 4 KB, optional)"
                mono=true
            />
        </StepForm>
    }
}
