//! The porting step (a kept number only): what the number check found, the
//! donor's ICC when the donor asks for it, and when the number moves.

use crate::pages::grouped;
use crate::wizard::fields::{described_by, inline_error, option, IccField, StepForm};
use crate::wizard::page::Ctx;
use leptos::prelude::*;

#[component]
pub(crate) fn PortingStep(ctx: Ctx) -> impl IntoView {
    let pdate = ctx.state.get("pdate").to_string();
    let days = ctx.wiz.porting_days.clone();
    let earliest = days
        .first()
        .map(|d| d.format("%A %-d %B %Y").to_string())
        .unwrap_or_default();
    view! {
        <CheckNotice check=ctx.wiz.check.clone() />
        <StepForm ctx=ctx.clone()>
            <DonorIcc ctx=ctx.clone() />
            <div class="field">
                <label for="pdate">"When should the number move?"</label>
                <p class="hint" id="pdate-hint">
                    "The number moves at 02:00 on the chosen day. \
                     Only Danish working days can be chosen."
                </p>
                {inline_error(&ctx, "pdate")}
                <select
                    id="pdate"
                    name="pdate"
                    aria-describedby=described_by(&ctx, "pdate", Some("pdate-hint"))
                >
                    <option value="asap" selected=pdate.is_empty() || pdate == "asap">
                        {format!("As soon as possible (earliest {earliest})")}
                    </option>
                    {days
                        .into_iter()
                        .map(|d| {
                            let v = d.format("%Y-%m-%d").to_string();
                            let selected = pdate == v;
                            view! {
                                <option value=v selected=selected>
                                    {d.format("%A %-d %B %Y").to_string()}
                                </option>
                            }
                        })
                        .collect_view()}
                    {option("eoc", &pdate, "When my commitment with the current operator ends")}
                </select>
            </div>
            <div class="choice">
                <input
                    type="checkbox"
                    id="pready"
                    name="pready"
                    value="1"
                    checked=ctx.state.get("pready") == "1"
                />
                <label for="pready">"Ready for porting: order it right away"</label>
            </div>
        </StepForm>
    }
}

/// What the number check found, as a notice above the form.
#[component]
fn CheckNotice(check: Option<mvno::portal::NumberCheck>) -> impl IntoView {
    check.map(|c| {
        view! {
            <p class="notice" role="status">
                {check_sentence(c)}
            </p>
        }
    })
}

/// The ICC of the SIM card used today, only when the donor asks for it (or
/// the check could not tell).
#[component]
fn DonorIcc(ctx: Ctx) -> impl IntoView {
    let needs_icc = ctx
        .wiz
        .check
        .as_ref()
        .and_then(|c| c.operator.as_ref())
        .is_none_or(|op| op.needs_donor_icc);
    let hint = format!(
        "The number on the SIM card in the phone today (not a new card from us): {}, \
         printed on the card and its holder.",
        mvno::icc::rule_in_words()
    );
    needs_icc.then(|| {
        view! {
            <IccField
                ctx=ctx.clone()
                name="donor"
                label="ICC number of the SIM card used today".to_string()
                hint
            />
        }
    })
}

/// What the number check found, in words: from whom the number moves and
/// what that operator asks for, or why no porting is needed.
fn check_sentence(c: mvno::portal::NumberCheck) -> String {
    match (&c.availability, &c.operator) {
        (mvno::portal::NumberAvailability::PortingRequired, Some(op)) => format!(
            "{} is with {} today and will be moved here.{}",
            grouped(&c.number),
            op.name,
            if op.needs_donor_icc {
                " They ask for the ICC of the SIM card used today."
            } else {
                " They ask for a signed power of attorney."
            }
        ),
        (mvno::portal::NumberAvailability::AvailableForPurchase, _) => format!(
            "{} is free here and will be bought: no porting needed.",
            grouped(&c.number)
        ),
        (mvno::portal::NumberAvailability::OwnedAndFree, _) => format!(
            "{} is already the customer's: no porting needed.",
            grouped(&c.number)
        ),
        _ => c
            .reason
            .map(|r| r.message)
            .unwrap_or_else(|| "The number cannot be used.".into()),
    }
}
