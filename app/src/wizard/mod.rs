//! The "new subscription" wizard, one step per page, each at its own URL
//! (`/new/{step}`).
//!
//! The answers live in the URL's query (Back keeps what was typed, and every
//! step works as a plain GET form without JavaScript), except those kept in
//! the wizard's draft on the server; the checks are the domain's own, run in
//! the browser and again on the server.
//!
//! - `state`: the steps and the answers ([`Step`], [`WizardState`]).
//! - `errors`: what stops a step ([`FieldError`], the per-step checks) and
//!   where a refused create's error belongs ([`step_of_path`]).
//! - `request`: the create request the answers make.
//! - `page`, `fields` and `steps/`: the page, its shared pieces and one view
//!   per step.

mod errors;
mod fields;
mod page;
mod request;
mod state;
mod steps;

pub use errors::{
    field_of_path, icc_problem, icc_rule, icc_warning, parse_date, step_of_path, FieldError,
};
pub(crate) use fields::price;
pub use page::WizardPage;
pub use state::{
    draft_mark, feature_label, kept_on_server, Step, WizardState, FEATURES, KEPT_ON_SERVER,
};

/// What the tests of the wizard's modules share.
#[cfg(test)]
mod testing {
    use super::WizardState;

    pub(super) fn state(pairs: &[(&str, &str)]) -> WizardState {
        WizardState::from_pairs(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())))
    }

    pub(super) fn today() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }
}
