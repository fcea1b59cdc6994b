//! The porting step (a kept number only): what the number check found, the
//! donor's ICC when the donor asks for it, and when the number moves.

use crate::i18n::{fill, format, lang, tw};
use crate::pages::grouped;
use crate::wizard::fields::{described_by, inline_error, option, IccField, StepForm};
use crate::wizard::page::Ctx;
use leptos::prelude::*;

#[component]
pub(crate) fn PortingStep(ctx: Ctx) -> impl IntoView {
    let pdate = ctx.state.get("pdate").to_string();
    // A SIM card sent by post arrives first: the number moves after it.
    let posted = ctx.state.sim_is_posted_to_a_consumer();
    let first = mvno::calendar::earliest_porting_date_for(ctx.wiz.today, posted);
    let days: Vec<chrono::NaiveDate> = ctx
        .wiz
        .porting_days
        .iter()
        .copied()
        .filter(|d| *d >= first)
        .collect();
    let earliest = days
        .first()
        .map(|d| format::date_with_day(lang(), *d))
        .unwrap_or_default();
    view! {
        <CheckNotice check=ctx.wiz.check.clone() />
        <StepForm ctx=ctx.clone()>
            <DonorIcc ctx=ctx.clone() />
            <div class="field">
                <label for="pdate">{tw().pdate_label}</label>
                <p class="hint" id="pdate-hint">
                    {tw().pdate_hint}
                    {posted.then(|| format!(" {}", fill(tw().pdate_posted, &[("date", earliest.clone())])))}
                </p>
                {inline_error(&ctx, "pdate")}
                <select
                    id="pdate"
                    name="pdate"
                    aria-describedby=described_by(&ctx, "pdate", Some("pdate-hint"))
                >
                    <option value="asap" selected=pdate.is_empty() || pdate == "asap">
                        {fill(tw().pdate_asap, &[("date", earliest)])}
                    </option>
                    {days
                        .into_iter()
                        .map(|d| {
                            let v = d.format("%Y-%m-%d").to_string();
                            let selected = pdate == v;
                            view! {
                                <option value=v selected=selected>
                                    {format::date_with_day(lang(), d)}
                                </option>
                            }
                        })
                        .collect_view()}
                    {option("eoc", &pdate, tw().pdate_eoc)}
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
                <label for="pready">{tw().pready}</label>
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
    let hint = fill(tw().donor_hint, &[("rule", crate::wizard::icc_rule())]);
    needs_icc.then(|| {
        view! {
            <IccField
                name="donor".to_string()
                value=ctx.state.get("donor").to_string()
                error=ctx.error("donor")
                label=tw().donor_label.to_string()
                hint
            />
        }
    })
}

/// What the number check found, in words: from whom the number moves and
/// what that operator asks for, or why no porting is needed.
fn check_sentence(c: mvno::portal::NumberCheck) -> String {
    let number = grouped(&c.number);
    match (&c.availability, &c.operator) {
        (mvno::portal::NumberAvailability::PortingRequired, Some(op)) => {
            let with = fill(
                tw().porting_with,
                &[("number", number.as_str()), ("operator", op.name.as_str())],
            );
            let asks = if op.needs_donor_icc {
                tw().porting_asks_icc
            } else {
                tw().porting_asks_poa
            };
            format!("{with}{asks}")
        }
        (mvno::portal::NumberAvailability::AvailableForPurchase, _) => {
            fill(tw().porting_bought, &[("number", number)])
        }
        (mvno::portal::NumberAvailability::OwnedAndFree, _) => {
            fill(tw().porting_owned, &[("number", number)])
        }
        _ => c
            .reason
            .map(|r| crate::i18n::errors::api_error(&r).to_string())
            .unwrap_or_else(|| tw().check_unusable.into()),
    }
}
