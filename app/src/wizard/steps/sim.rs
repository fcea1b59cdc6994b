//! The SIM step: the kind of SIM card (with its ICC or its network), and up
//! to three data-sharing SIM cards.

use crate::wizard::fields::{choice, inline_error, option, IccField, StepForm};
use crate::wizard::page::Ctx;
use leptos::prelude::*;

#[component]
pub(crate) fn SimStep(ctx: Ctx) -> impl IntoView {
    let stock = ctx.wiz.stock.clone();
    let sim = ctx.state.get("sim").to_string();
    let network = ctx.state.get("network").to_string();
    let all_kinds = [
        ("esim", "eSIM"),
        ("physical", "Physical SIM card from stock"),
        ("auto", "Auto-assigned SIM card (sent by post)"),
        ("none", "No SIM for now"),
    ];
    // Self-service customers choose an eSIM or a SIM card sent to them.
    let private = ctx.wiz.private;
    let kinds: Vec<(&str, &str)> = all_kinds
        .into_iter()
        .filter(|(k, _)| !private || matches!(*k, "esim" | "auto"))
        .collect();
    view! {
        <StepForm ctx=ctx.clone()>
            <IccAgain ctx=ctx.clone() />
            <ul class="stock" aria-label="Free SIM stock">
                {stock
                    .into_iter()
                    .map(|c| {
                        view! {
                            <li>
                                {format!(
                                    "{} {}{}: {} free",
                                    c.network.as_str(),
                                    c.form_factor.as_str(),
                                    if c.auto_assign { " (auto-assign)" } else { "" },
                                    c.count,
                                )}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <fieldset class="choices">
                <legend>"Kind of SIM card"</legend>
                {inline_error(&ctx, "sim-esim")}
                {kinds.into_iter().map(|(v, l)| choice("sim", v, sim == v, l)).collect_view()}
            </fieldset>
            <fieldset class="choices">
                <legend>"Network (for eSIM, auto-assigned or no SIM)"</legend>
                {inline_error(&ctx, "network-TDC")}
                {["TDC", "TELENOR"]
                    .into_iter()
                    .map(|v| choice("network", v, network == v, v))
                    .collect_view()}
            </fieldset>
            {(!private)
                .then(|| {
                    view! {
                        <IccField
                            ctx=ctx.clone()
                            name="icc"
                            label="ICC number of the physical SIM card".to_string()
                            hint=format!("{}, printed on the card.", mvno::icc::rule_in_words())
                        />
                    }
                })}
            <fieldset class="sharing">
                <legend>"Data-sharing SIM cards (TDC only, up to 3)"</legend>
                {(1..=3).map(|i| view! { <SharingRow ctx=ctx.clone() i /> }).collect_view()}
            </fieldset>
        </StepForm>
    }
}

/// After a check-digit warning, the ICC warned about (`iccok`): Continue
/// again with the same ICC goes on.
#[component]
fn IccAgain(ctx: Ctx) -> impl IntoView {
    let icc_ok = ctx
        .error("icc")
        .and_then(|_| mvno::icc::Icc::parse(ctx.state.get("icc")).ok())
        .map(|icc| icc.as_str().to_string());
    icc_ok.map(|icc| view! { <input type="hidden" name="iccok" value=icc /> })
}

/// The `i`-th data-sharing SIM card (1 to 3): its kind, and the ICC of a
/// physical one. Self-service customers get eSIMs only, as the create allows.
#[component]
fn SharingRow(ctx: Ctx, i: usize) -> impl IntoView {
    let private = ctx.wiz.private;
    let kind = ctx.state.get(&format!("ds{i}kind")).to_string();
    let name: &'static str = ["ds1", "ds2", "ds3"][i - 1];
    let kind_name = format!("ds{i}kind");
    let kind_id = format!("ds{i}kind");
    view! {
        <div class="sharing-row">
            <label for=kind_id.clone()>{format!("Data-sharing SIM {i}")}</label>
            <select id=kind_id name=kind_name>
                {option("", &kind, "None")}
                {option("esim", &kind, "eSIM")}
                // Self-service: eSIMs only, as the create allows.
                {(!private).then(|| option("physical", &kind, "Physical SIM card"))}
            </select>
            {(!private)
                .then(|| {
                    view! {
                        <IccField
                            ctx=ctx.clone()
                            name=name
                            label=format!("ICC of data-sharing SIM {i}")
                            hint="Only for a physical data-sharing SIM card.".to_string()
                        />
                    }
                })}
        </div>
    }
}
