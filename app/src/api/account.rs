//! The account page's read (with its QR codes and prices) and the MitID
//! stand-in of the signup.

use super::UiError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::ssr;

/// One account the user may see, with its eSIM QR code (SVG) when it has one
/// and the user may see the activation code.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccountView {
    pub account: mvno::account::MvnoAccount,
    pub qr_svg: Option<String>,
    /// The QR code of each data-sharing SIM's eSIM, in their order (`None`
    /// for a physical card, or a code the user may not see).
    pub sharing_qr_svgs: Vec<Option<String>>,
    /// The customer, rate plan and services by name, priced.
    pub prices: mvno::account::AccountPrices,
}

/// Where an account is, for a page that follows it: whether it is still
/// being created, and its status in the words of the page's language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LiveStatus {
    pub creating: bool,
    pub words: String,
}

#[server(prefix = "/_fn", endpoint = "account_status")]
pub async fn account_status(id: String) -> Result<LiveStatus, UiError> {
    let caller = ssr::require_caller().await?;
    let account = mvno::services::view::get(&ssr::db()?, &caller, &id)
        .await
        .map_err(UiError::from)?;
    // The words in the language the page asking is in.
    if let Some(parts) = use_context::<axum::http::request::Parts>() {
        provide_context(crate::i18n::of_request(&parts.headers));
    }
    Ok(LiveStatus {
        creating: account.state == mvno::enums::AccountState::Creating,
        words: crate::pages::account::status_in_words(&account),
    })
}

#[server(prefix = "/_fn", endpoint = "account")]
pub async fn get_account(id: String) -> Result<AccountView, UiError> {
    let caller = ssr::require_caller().await?;
    let db = ssr::db()?;
    let account = mvno::services::view::get(&db, &caller, &id)
        .await
        .map_err(UiError::from)?;
    let prices = mvno::services::view::prices_of(&db, &account).await?;
    let qr_of = |sim: &mvno::account::SimDetails| {
        let code = sim.activation_code.as_deref()?;
        let qr = qrcode::QrCode::new(code.as_bytes()).ok()?;
        Some(
            qr.render::<qrcode::render::svg::Color>()
                .min_dimensions(220, 220)
                .build(),
        )
    };
    let qr_svg = account.mvno_sim.as_ref().and_then(qr_of);
    let sharing_qr_svgs = account
        .data_sharing_sims
        .iter()
        .map(|d| qr_of(&d.sim))
        .collect();
    Ok(AccountView {
        account,
        qr_svg,
        sharing_qr_svgs,
        prices,
    })
}

/// A MitID verification the server recorded: only its opaque id, which the
/// wizard carries, and the name to show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StandInVerification {
    /// Id of the server's record; the create takes the identity from it.
    pub id: String,
    /// The verified person's name.
    pub name: String,
}

/// The MitID stand-in: records on the server that the signed-in user
/// verified, as a MitID login would, and answers the record's id. It asks
/// nothing and proves nothing.
#[server(prefix = "/_fn", endpoint = "mitid_stand_in")]
pub async fn mitid_stand_in() -> Result<Option<StandInVerification>, UiError> {
    let Some(caller) = ssr::caller().await? else {
        return Ok(None);
    };
    let v = mvno::services::mitid::stand_in(&ssr::db()?, &caller).await?;
    Ok(Some(StandInVerification {
        id: v.id.to_string(),
        name: v.name,
    }))
}
