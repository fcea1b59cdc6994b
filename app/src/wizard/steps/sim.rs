//! The SIM step: the kind of SIM card (with its ICC or its network), and up
//! to three data-sharing SIM cards.

use crate::i18n::{fill, lang, tw, words};
use crate::wizard::fields::{choice, inline_error, option, IccField, StepForm};
use crate::wizard::page::Ctx;
use leptos::prelude::*;

#[component]
pub(crate) fn SimStep(ctx: Ctx) -> impl IntoView {
    let stock = ctx.wiz.stock.clone();
    let sim = ctx.state.get("sim").to_string();
    let network = ctx.state.get("network").to_string();
    let all_kinds = [
        ("esim", tw().sim_kind_esim),
        ("physical", tw().sim_kind_physical),
        ("auto", tw().sim_kind_auto),
        ("none", tw().sim_kind_none),
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
            <ul class="stock" aria-label=tw().sim_stock>
                {stock
                    .into_iter()
                    .map(|c| {
                        view! {
                            <li>
                                {fill(
                                    tw().sim_stock_line,
                                    &[
                                        ("network", c.network.as_str().to_string()),
                                        ("form", words::form_factor(lang(), c.form_factor).to_string()),
                                        (
                                            "auto",
                                            if c.auto_assign { tw().sim_stock_auto } else { "" }
                                                .to_string(),
                                        ),
                                        ("count", c.count.to_string()),
                                    ],
                                )}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <fieldset class="choices">
                <legend>{tw().sim_kind_legend}</legend>
                {inline_error(&ctx, "sim-esim")}
                {kinds.into_iter().map(|(v, l)| choice("sim", v, sim == v, l)).collect_view()}
            </fieldset>
            <fieldset class="choices">
                <legend>{tw().sim_network_legend}</legend>
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
                            name="icc".to_string()
                            value=ctx.state.get("icc").to_string()
                            error=ctx.error("icc")
                            label=tw().sim_icc_label.to_string()
                            hint=fill(tw().sim_icc_hint, &[("rule", crate::wizard::icc_rule())])
                        />
                    }
                })}
            {private.then(|| view! { <DeliveryAddress ctx=ctx.clone() /> })}
            <fieldset class="sharing">
                <legend>{tw().sharing_legend}</legend>
                {(1..=3).map(|i| view! { <SharingRow ctx=ctx.clone() i /> }).collect_view()}
            </fieldset>
        </StepForm>
    }
}

/// Where a private customer's SIM card sent by post goes: the address on
/// record, unless changed here. Kept on the server, never in a URL.
#[component]
fn DeliveryAddress(ctx: Ctx) -> impl IntoView {
    let value = if ctx.state.has("delivery") {
        ctx.state.get("delivery").to_string()
    } else {
        ctx.wiz.address.clone().unwrap_or_default()
    };
    view! {
        <div class="field">
            <label for="delivery">{tw().delivery_label}</label>
            <p class="hint" id="delivery-hint">
                {tw().delivery_hint}
            </p>
            {inline_error(&ctx, "delivery")}
            <input
                id="delivery"
                name="delivery"
                type="text"
                autocomplete="street-address"
                maxlength=mvno::signup::MAX_ADDRESS
                value=value
                aria-invalid=ctx.error("delivery").map(|_| "true")
                aria-describedby=crate::wizard::fields::described_by(
                    &ctx,
                    "delivery",
                    Some("delivery-hint"),
                )
            />
        </div>
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
            <label for=kind_id.clone()>{fill(tw().sharing_row, &[("i", i.to_string())])}</label>
            <select id=kind_id name=kind_name>
                {option("", &kind, tw().sharing_none)}
                {option("esim", &kind, "eSIM")}
                // Self-service: eSIMs only, as the create allows.
                {(!private).then(|| option("physical", &kind, tw().sharing_physical))}
            </select>
            {(!private)
                .then(|| {
                    view! {
                        <IccField
                            name=name.to_string()
                            value=ctx.state.get(name).to_string()
                            error=ctx.error(name)
                            label=fill(tw().sharing_icc_label, &[("i", i.to_string())])
                            hint=tw().sharing_icc_hint.to_string()
                        />
                    }
                })}
        </div>
    }
}
