//! `POST /mvno` body. Every property is optional on the wire so that each
//! missing or bad one can be answered with its own row of the error table.
//! A property the body does not know is refused (`deny_unknown_fields`),
//! at every level but inside `custom`, which is free.

use crate::dates::lenient_opt;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};

/// `feature.*` as requested. Every property is optional: one left out (or
/// `null`) takes the rate plan's preset, and where the plan has none, the
/// default named on the property. The request's value overrules both.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FeatureRequest {
    /// Permit calls towards high rated numbers (homeland only). Omitted:
    /// the rate plan's preset, else true.
    pub high_rate: Option<bool>,
    /// Permit calls towards international destinations. Omitted: the rate
    /// plan's preset, else true.
    pub international: Option<bool>,
    /// Enable data for homeland. Omitted: the rate plan's preset, else true.
    pub data: Option<bool>,
    /// Enable 5G. Omitted: the rate plan's preset, else true.
    pub five_g: Option<bool>,
    /// Data connections get a public IP address instead of a private NAT'ed
    /// one. Omitted: the rate plan's preset, else false.
    #[serde(rename = "publicIP")]
    pub public_ip: Option<bool>,
    /// Permit overcharged SMS and purchase of physical goods. Omitted: the
    /// rate plan's preset, else false.
    pub charged_services: Option<bool>,
    /// Enable voicemail on stand-alone phones. Omitted: the rate plan's
    /// preset, else false.
    pub voicemail: Option<bool>,
    /// Secret a-number (do not present number). Omitted: the rate plan's
    /// preset, else false.
    pub secret_number: Option<bool>,
    /// Permit roaming (outside homeland). Omitted: the rate plan's preset,
    /// else true.
    pub roaming: Option<bool>,
    /// Enable data while roaming, if roaming is permitted. Omitted: the
    /// rate plan's preset, else true.
    pub roaming_data: Option<bool>,
    /// Enable MMS. Omitted: the rate plan's preset, else true.
    pub mms: Option<bool>,
    /// Include a link to buy top-up data in the SMS that warns of the data
    /// limit. Omitted: the rate plan's preset, else true.
    pub data_top_up_sms: Option<bool>,
    /// The account may add a smartwatch. Omitted: the rate plan's preset,
    /// else false.
    pub smart_watch_sim: Option<bool>,
    /// Disable HD audio. Omitted: the rate plan's preset, else false.
    pub disable_hd_audio: Option<bool>,
}

/// `voicemail` settings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VoicemailRequest {
    pub notify: Option<String>,
    pub email: Option<String>,
    pub email_file: Option<bool>,
    pub pin: Option<String>,
    pub default_greeting: Option<String>,
    pub greetings: Option<Vec<Greeting>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Greeting {
    pub key: String,
    pub file_id: String,
}

/// One add-on data-sharing SIM.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DataSharingSimRequest {
    /// ICC number of the data-sharing SIM card (TDC).
    pub sim_number: Option<String>,
    /// If true, a free TDC eSIM profile is chosen instead of `simNumber`.
    pub assign_esim: Option<bool>,
    /// Name of the data-sharing SIM, can be provided by the user.
    pub name: Option<String>,
    /// [optional] The data-sharing SIM's own number (E.164): a free TDC
    /// number the customer owns, or one of the public pool (bought). Left
    /// out, the SIM takes the customer's first free TDC number, else the
    /// first free public TDC number (bought); none free is
    /// `404 dataSharingSims.number`.
    pub number: Option<String>,
}

/// `purchaseInfo` (ADMIN only).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PurchaseInfo {
    pub order_id: Option<String>,
    #[serde(default, with = "lenient_opt", skip_serializing_if = "Option::is_none")]
    pub date: Option<DateTime<Utc>>,
    pub payment_option: Option<String>,
    pub serial: Option<String>,
}

/// `mitId`: who created the account with MitID. Never shown to the unauthorised.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MitId {
    pub uuid: Option<String>,
    pub name: Option<String>,
    pub authentication_date: Option<String>,
}

/// `restOfWorldRoaming` as requested. `productId: null` asks to remove the
/// plan's package.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RowRequest {
    /// Left out when absent, so that a serialised request reads back the same
    /// (`null` is "remove").
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub product_id: Option<Option<String>>,
    pub keep_after_expire: Option<bool>,
}

/// One `socsOverride` entry.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SocOverride {
    pub soc: String,
    pub new_soc: String,
    /// `expireEOM` as the spec spells it; `expireEom` is read too.
    #[serde(default, rename = "expireEOM", alias = "expireEom")]
    pub expire_eom: bool,
    /// `startEOM` as the spec spells it; `startEom` is read too.
    #[serde(default, rename = "startEOM", alias = "startEom")]
    pub start_eom: bool,
    #[serde(default)]
    pub set_by_system: bool,
}

/// `autoAssignSim`: the spec types it Boolean but says "set this property
/// either TDC or TELENOR"; both are read. `true` alone means TDC.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(untagged)]
pub enum AutoAssign {
    Flag(bool),
    Network(String),
}

impl AutoAssign {
    /// The network asked for, or `None` when not asked (`false`, empty).
    pub fn network(&self) -> Option<String> {
        match self {
            AutoAssign::Flag(true) => Some("TDC".to_string()),
            AutoAssign::Flag(false) => None,
            AutoAssign::Network(n) if n.trim().is_empty() => None,
            AutoAssign::Network(n) => Some(n.trim().to_string()),
        }
    }
}

/// The create request body.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateMvnoRequest {
    pub customer: Option<String>,
    pub number: Option<String>,
    #[serde(default)]
    pub feature: Option<FeatureRequest>,
    pub voicemail: Option<VoicemailRequest>,
    pub mvno_sim: Option<String>,
    pub nosim: Option<String>,
    pub esim: Option<String>,
    pub auto_assign_sim: Option<AutoAssign>,
    pub donor_sim_number: Option<String>,
    pub sip_account: Option<String>,
    pub pbx: Option<i64>,
    pub extension: Option<String>,
    pub dnd: Option<bool>,
    pub rate_plan: Option<String>,
    pub new_rate_plan: Option<String>,
    pub services: Option<Vec<String>>,
    pub socs_override: Option<Vec<SocOverride>>,
    pub notes: Option<String>,
    pub custom: Option<serde_json::Value>,
    pub billing_customer: Option<String>,
    #[serde(default, with = "lenient_opt", skip_serializing_if = "Option::is_none")]
    pub start_date: Option<DateTime<Utc>>,
    #[serde(default, with = "lenient_opt", skip_serializing_if = "Option::is_none")]
    pub delete_date: Option<DateTime<Utc>>,
    #[serde(default, with = "lenient_opt", skip_serializing_if = "Option::is_none")]
    pub requested_porting_date: Option<DateTime<Utc>>,
    pub porting_ready: Option<bool>,
    pub data_sharing_sims: Option<Vec<DataSharingSimRequest>>,
    pub purchase_info: Option<PurchaseInfo>,
    pub mit_id: Option<MitId>,
    pub rest_of_world_roaming: Option<RowRequest>,
}

/// `Some(None)` for an explicit `null`, `None` when absent (with `default`).
fn present<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_spec_example_in_strict_json() {
        let body = r#"{ "customer": "1234567890ABCDEF12345678", "number": "+4571919998",
            "feature": { "highRate": true, "publicIP": false, "fiveG": false, "mms": true },
            "mvnoSim": "8945020184621234567", "donorSimNumber": "1647384576898427289",
            "dataSharingSims": [ { "name": "My Laptop", "simNumber": "12345678901234567890" } ],
            "voicemail": { "notify": "BOTH", "email": "donald@duck.com", "emailFile": true, "pin": "1234567890" },
            "sipAccount": "1234567890ABCDEF12345678", "pbx": null, "extension": null, "dnd": false,
            "ratePlan": "123457890ABCDEF12345678", "notes": "This is a note",
            "startDate": "2020-01-01T00:00.000Z", "deleteDate": null, "requestedPortingDate": null,
            "portingReady": true, "purchaseInfo": { "orderId": "7821", "date": "2020-01-01T00:00.000Z", "paymentOption": "RENTED" },
            "restOfWorldRoaming": { "productId": "1234567890ABCD1234567890", "keepAfterExpire": false } }"#;
        let req: CreateMvnoRequest = serde_json::from_str(body).unwrap();
        assert_eq!(req.feature.as_ref().unwrap().public_ip, Some(false));
        assert_eq!(req.feature.as_ref().unwrap().roaming, None);
        assert_eq!(
            crate::dates::format(&req.start_date.unwrap()),
            "2020-01-01T00:00:00.000Z"
        );
        assert_eq!(
            req.data_sharing_sims.unwrap()[0].name.as_deref(),
            Some("My Laptop")
        );
        assert_eq!(
            req.rest_of_world_roaming.unwrap().product_id,
            Some(Some("1234567890ABCD1234567890".into()))
        );
    }

    #[test]
    fn row_product_null_is_told_from_absent() {
        let removed: RowRequest = serde_json::from_str(r#"{"productId": null}"#).unwrap();
        assert_eq!(removed.product_id, Some(None));
        let absent: RowRequest = serde_json::from_str(r#"{"keepAfterExpire": true}"#).unwrap();
        assert_eq!(absent.product_id, None);
    }

    #[test]
    fn auto_assign_reads_network_or_flag() {
        let r: CreateMvnoRequest = serde_json::from_str(r#"{"autoAssignSim": "TELENOR"}"#).unwrap();
        assert_eq!(
            r.auto_assign_sim.unwrap().network().as_deref(),
            Some("TELENOR")
        );
        let r: CreateMvnoRequest = serde_json::from_str(r#"{"autoAssignSim": false}"#).unwrap();
        assert_eq!(r.auto_assign_sim.unwrap().network(), None);
    }

    #[test]
    fn unknown_properties_are_refused_but_custom_is_free() {
        for body in [
            r#"{"autoAssignSIM": "TDC"}"#,
            r#"{"name": "x"}"#,
            r#"{"listed": true}"#,
            r#"{"employee": "x"}"#,
            r#"{"feature": {"fiveg": true}}"#,
            r#"{"dataSharingSims": [{"foo": 1}]}"#,
            r#"{"socsOverride": [{"soc": "A", "newSoc": "B", "expireEom": true, "x": 1}]}"#,
        ] {
            let err = serde_json::from_str::<CreateMvnoRequest>(body).unwrap_err();
            assert!(
                err.to_string().starts_with("unknown field"),
                "{body}: {err}"
            );
        }
        let r: CreateMvnoRequest =
            serde_json::from_str(r#"{"custom": {"anything": {"at": ["all"]}}}"#).unwrap();
        assert_eq!(r.custom.unwrap()["anything"]["at"][0], "all");
    }

    /// What the wizard sends (every property, `null` where unset) reads back.
    #[test]
    fn a_serialised_request_reads_back() {
        let req = CreateMvnoRequest {
            customer: Some("c".into()),
            data_sharing_sims: Some(vec![DataSharingSimRequest::default()]),
            socs_override: Some(vec![SocOverride::default()]),
            feature: Some(FeatureRequest::default()),
            voicemail: Some(VoicemailRequest::default()),
            purchase_info: Some(PurchaseInfo::default()),
            mit_id: Some(MitId::default()),
            rest_of_world_roaming: Some(RowRequest::default()),
            ..Default::default()
        };
        let json = serde_json::to_string(&req).unwrap();
        assert_eq!(
            serde_json::from_str::<CreateMvnoRequest>(&json).unwrap(),
            req
        );
    }

    #[test]
    fn soc_override_reads_the_specs_eom_spelling_and_the_old_one() {
        let spec: SocOverride = serde_json::from_str(
            r#"{"soc": "A", "newSoc": "B", "expireEOM": true, "startEOM": true}"#,
        )
        .unwrap();
        assert!(spec.expire_eom && spec.start_eom);
        let old: SocOverride = serde_json::from_str(
            r#"{"soc": "A", "newSoc": "B", "expireEom": true, "startEom": true}"#,
        )
        .unwrap();
        assert_eq!(old, spec);
        let out = serde_json::to_value(&spec).unwrap();
        assert_eq!(out["expireEOM"], true);
        assert_eq!(out["startEOM"], true);
    }
}
