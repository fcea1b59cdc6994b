//! What the subscription is and costs: customer, plan, features, add-ons
//! and the monthly price.

use crate::i18n::ta;
use leptos::prelude::*;

/// The customer, the plan and its features, add-ons and the monthly price.
#[component]
pub(super) fn Products(
    prices: mvno::account::AccountPrices,
    feature: mvno::account::Feature,
) -> impl IntoView {
    let price = |p: f64| crate::wizard::price(p);
    let plan = prices
        .rate_plan
        .as_ref()
        .map(|p| format!("{} ({})", p.name, price(p.price)))
        .unwrap_or_else(|| "–".into());
    let on: Vec<&str> = features_on(&feature);
    let on = if on.is_empty() {
        ta().none.to_string()
    } else {
        on.join(", ")
    };
    let extras: Vec<String> = prices
        .services
        .iter()
        .map(|p| format!("{} ({})", p.name, price(p.price)))
        .collect();
    let row = |label: &'static str, value: String| {
        view! {
            <div class="review-row">
                <dt>{label}</dt>
                <dd>{value}</dd>
            </div>
        }
    };
    view! {
        <dl class="review">
            {row(ta().customer, prices.customer_name.clone())}
            {row(ta().plan, plan)}
            {row(ta().features, on)}
            {(!extras.is_empty()).then(|| row(ta().extras, extras.join(", ")))}
            <div class="review-row total">
                <dt>{ta().monthly}</dt>
                <dd data-testid="monthly-price">{price(prices.monthly_total)}</dd>
            </div>
        </dl>
    }
}

/// The labels of the features an account has on, as the wizard names them.
fn features_on(f: &mvno::account::Feature) -> Vec<&'static str> {
    let on = [
        ("highRate", f.high_rate),
        ("international", f.international),
        ("data", f.data),
        ("fiveG", f.five_g),
        ("roaming", f.roaming),
        ("roamingData", f.roaming_data),
        ("voicemail", f.voicemail),
        ("secretNumber", f.secret_number),
        ("publicIP", f.public_ip),
        ("chargedServices", f.charged_services),
    ];
    on.into_iter()
        .filter(|(_, on)| *on)
        .map(|(name, _)| crate::wizard::feature_label(name))
        .collect()
}
