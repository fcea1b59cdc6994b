//! Installing an eSIM: one-tap links for the phone in hand, the QR code
//! for another phone, and the code to type.

use crate::i18n::{fill, ta};
use crate::pages::grouped;
use leptos::prelude::*;

/// An eSIM's install section: one-tap install links for the phone in hand,
/// the QR code for another phone, the code to type, and a warning.
#[component]
pub(super) fn EsimInstall(
    code: String,
    qr_svg: Option<String>,
    id: String,
    title: String,
    qr_label: String,
) -> impl IntoView {
    let parts: Vec<String> = code.split('$').map(str::to_string).collect();
    let smdp = parts.get(1).cloned().unwrap_or_default();
    let matching = parts.get(2).cloned().unwrap_or_default();
    let apple = format!("https://esimsetup.apple.com/esim_qrcode_provisioning?carddata={code}");
    let android = format!("https://esimsetup.android.com/esim_qrcode_provisioning?carddata={code}");
    let labelled_by = id.clone();
    view! {
        <section class="esim" aria-labelledby=labelled_by>
            <h2 id=id>{title}</h2>
            <p>
                <a class="button" href=apple>
                    {ta().on_iphone}
                </a>
                " "
                <a class="button" href=android>
                    {ta().on_android}
                </a>
            </p>
            <p>{ta().scan}</p>
            {qr_svg
                .map(|svg| {
                    view! { <div class="qr" role="img" aria-label=qr_label inner_html=svg></div> }
                })}
            <details>
                <summary>{ta().manual}</summary>
                <dl class="review">
                    <div class="review-row">
                        <dt>{ta().smdp}</dt>
                        <dd class="mono">{smdp}</dd>
                    </div>
                    <div class="review-row">
                        <dt>{ta().activation_code}</dt>
                        <dd class="mono">{matching}</dd>
                    </div>
                </dl>
            </details>
            <p class="notice">{ta().code_once}</p>
        </section>
    }
}

/// The install section of each data-sharing eSIM, with its QR code.
#[component]
pub(super) fn SharingEsims(
    sims: Vec<mvno::account::DataSharingSim>,
    qr_svgs: Vec<Option<String>>,
) -> impl IntoView {
    sims.iter()
        .zip(qr_svgs)
        .enumerate()
        .filter_map(|(i, (d, qr))| {
            let code = d
                .sim
                .activation_code
                .clone()
                .filter(|_| d.sim.form_factor == mvno::enums::FormFactor::Esim)?;
            let number = grouped(&d.number);
            Some(view! {
                <EsimInstall
                    code
                    qr_svg=qr
                    id=format!("esim-sharing-{i}")
                    title=fill(ta().install_sharing, &[("number", number.as_str())])
                    qr_label=fill(ta().sharing_qr, &[("number", number.as_str())])
                />
            })
        })
        .collect_view()
}
