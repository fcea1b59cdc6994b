//! The create's pure rules and limits, shared by the server's create and
//! the browser's wizard so that both apply the same ones. Rules that need
//! the database (stock, reach, porting authorisation) stay in the services;
//! the ICC, phone-number, e-mail and porting-date rules have modules of
//! their own (`icc`, `phone`, `email`, `calendar`).

use crate::enums::Network;
use chrono::NaiveDate;

/// Custom data may be at most 4 KB of JSON.
pub const MAX_CUSTOM_BYTES: usize = 4096;
/// At most three data-sharing SIMs.
pub const MAX_DATA_SHARING_SIMS: usize = 3;
/// Valid hosted-PBX cluster ids (`0` means none).
pub const PBX_RANGE: std::ops::RangeInclusive<i64> = 1..=999;
/// The networks a new SIM (eSIM, auto-assigned or none) can be on.
pub const SIM_NETWORKS: [Network; 2] = [Network::Tdc, Network::Telenor];

/// The voicemail PIN rule in words.
pub const VOICEMAIL_PIN_RULE: &str = "The voicemail PIN is 4 to 10 digits";

/// A voicemail PIN is 4 to 10 digits.
pub fn voicemail_pin_ok(pin: &str) -> bool {
    (4..=10).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit())
}

/// What is wrong with custom data, if anything.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum CustomProblem {
    /// Not a JSON object (`null` counts as none).
    NotObject,
    /// More than [`MAX_CUSTOM_BYTES`] of JSON.
    TooLarge,
}

/// Custom data is a JSON object of at most [`MAX_CUSTOM_BYTES`].
pub fn custom_data_problem(custom: &serde_json::Value) -> Option<CustomProblem> {
    if custom.is_null() {
        return None;
    }
    if !custom.is_object() {
        return Some(CustomProblem::NotObject);
    }
    let size = serde_json::to_vec(custom).map_or(usize::MAX, |v| v.len());
    (size > MAX_CUSTOM_BYTES).then_some(CustomProblem::TooLarge)
}

/// A hosted-PBX cluster id is `0` (none) or in [`PBX_RANGE`].
pub fn pbx_ok(pbx: i64) -> bool {
    pbx == 0 || PBX_RANGE.contains(&pbx)
}

/// The start date is today or later, both as dates in Copenhagen.
pub fn start_date_ok(start: NaiveDate, today: NaiveDate) -> bool {
    start >= today
}

/// The network a new SIM is to be on, from its wire name: TDC or TELENOR.
pub fn sim_network(name: &str) -> Option<Network> {
    let network = name.trim().parse::<Network>().ok()?;
    SIM_NETWORKS.contains(&network).then_some(network)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn voicemail_pins_are_four_to_ten_digits() {
        for ok in ["1234", "0000", "1234567890"] {
            assert!(voicemail_pin_ok(ok), "{ok}");
        }
        for bad in ["", "123", "12345678901", "12a4", "１２３４", " 1234"] {
            assert!(!voicemail_pin_ok(bad), "{bad}");
        }
    }

    #[test]
    fn custom_data_is_an_object_of_at_most_4_kb() {
        assert_eq!(custom_data_problem(&json!(null)), None);
        assert_eq!(custom_data_problem(&json!({"ref": "A-17"})), None);
        assert_eq!(
            custom_data_problem(&json!([1])),
            Some(CustomProblem::NotObject)
        );
        assert_eq!(
            custom_data_problem(&json!("x")),
            Some(CustomProblem::NotObject)
        );
        // {"k":"…"} is 8 bytes besides the text.
        let fits = json!({"k": "x".repeat(MAX_CUSTOM_BYTES - 8)});
        assert_eq!(custom_data_problem(&fits), None);
        let over = json!({"k": "x".repeat(MAX_CUSTOM_BYTES - 7)});
        assert_eq!(custom_data_problem(&over), Some(CustomProblem::TooLarge));
    }

    #[test]
    fn pbx_clusters_are_none_or_1_to_999() {
        assert!(pbx_ok(0) && pbx_ok(1) && pbx_ok(999));
        assert!(!pbx_ok(-1) && !pbx_ok(1000));
    }

    #[test]
    fn start_dates_are_today_or_later() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        assert!(start_date_ok(today, today));
        assert!(start_date_ok(today.succ_opt().unwrap(), today));
        assert!(!start_date_ok(today.pred_opt().unwrap(), today));
    }

    #[test]
    fn new_sims_are_on_tdc_or_telenor() {
        assert_eq!(sim_network("TDC"), Some(Network::Tdc));
        assert_eq!(sim_network(" TELENOR "), Some(Network::Telenor));
        assert_eq!(sim_network("TELIA"), None);
        assert_eq!(sim_network("tdc"), None);
        assert_eq!(sim_network(""), None);
    }
}
