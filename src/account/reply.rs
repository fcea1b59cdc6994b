//! The MVNO account object of the reply (the spec's reply table).

use super::request::{MitId, PurchaseInfo, SocOverride, VoicemailRequest};
use crate::dates::{lenient_opt, platform};
use crate::enums::{AccountState, FormFactor, MvnoAuth, Network, NumberState, PortingStage};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The effective features of an account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Feature {
    pub high_rate: bool,
    pub international: bool,
    pub data: bool,
    pub five_g: bool,
    #[serde(rename = "publicIP")]
    pub public_ip: bool,
    pub charged_services: bool,
    pub voicemail: bool,
    pub secret_number: bool,
    pub roaming: bool,
    pub roaming_data: bool,
    pub mms: bool,
    pub data_top_up_sms: bool,
    pub smart_watch_sim: bool,
    pub disable_hd_audio: bool,
}

impl Default for Feature {
    /// The spec's defaults (`mms`, `dataTopUpSms`, `smartWatchSim` and
    /// `disableHdAudio` have none there: on, on, off, off).
    fn default() -> Self {
        Feature {
            high_rate: true,
            international: true,
            data: true,
            five_g: true,
            public_ip: false,
            charged_services: false,
            voicemail: false,
            secret_number: false,
            roaming: true,
            roaming_data: true,
            mms: true,
            data_top_up_sms: true,
            smart_watch_sim: false,
            disable_hd_audio: false,
        }
    }
}

impl Feature {
    /// The request's features overrule the plan's, which overrule the defaults.
    pub fn resolve(
        plan: Option<&super::FeatureRequest>,
        request: Option<&super::FeatureRequest>,
    ) -> Feature {
        let d = Feature::default();
        let pick = |f: fn(&super::FeatureRequest) -> Option<bool>, default: bool| {
            request
                .and_then(f)
                .or_else(|| plan.and_then(f))
                .unwrap_or(default)
        };
        Feature {
            high_rate: pick(|f| f.high_rate, d.high_rate),
            international: pick(|f| f.international, d.international),
            data: pick(|f| f.data, d.data),
            five_g: pick(|f| f.five_g, d.five_g),
            public_ip: pick(|f| f.public_ip, d.public_ip),
            charged_services: pick(|f| f.charged_services, d.charged_services),
            voicemail: pick(|f| f.voicemail, d.voicemail),
            secret_number: pick(|f| f.secret_number, d.secret_number),
            roaming: pick(|f| f.roaming, d.roaming),
            roaming_data: pick(|f| f.roaming_data, d.roaming_data),
            mms: pick(|f| f.mms, d.mms),
            data_top_up_sms: pick(|f| f.data_top_up_sms, d.data_top_up_sms),
            smart_watch_sim: pick(|f| f.smart_watch_sim, d.smart_watch_sim),
            disable_hd_audio: pick(|f| f.disable_hd_audio, d.disable_hd_audio),
        }
    }
}

/// SIM card details. PIN/PUK and the activation code are `None` for callers
/// not allowed to see them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct SimDetails {
    pub sim_number: String,
    pub imsi: String,
    pub network: Network,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub puk1: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub puk2: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pin1: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pin2: Option<String>,
    pub form_factor: FormFactor,
    pub auto_assign: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub activation_code: Option<String>,
}

/// A data-sharing SIM with its own number.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct DataSharingSim {
    #[serde(flatten)]
    pub sim: SimDetails,
    pub number: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// Voicemail as stored and answered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Voicemail {
    #[serde(flatten)]
    pub settings: VoicemailRequest,
    #[serde(default, with = "lenient_opt")]
    pub pin_blocked_until: Option<DateTime<Utc>>,
}

/// `info`: what the user cannot change.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Info {
    pub updating: bool,
    pub data_disabled: bool,
    pub imei: Option<String>,
    pub device_type: Option<String>,
    pub usage_block: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct TopUp {
    pub data: u64,
}

/// `restOfWorldRoaming` of the reply.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct RowReply {
    pub product_id: String,
    pub name: String,
    pub is_override: bool,
    pub keep_after_expire: bool,
    /// Price in DKK.
    pub price: f64,
}

/// The donor operator of a porting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct DonorOperator {
    pub cps_code: String,
    pub name: String,
    pub mvno_auth: MvnoAuth,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PortingStatus {
    pub stage: PortingStage,
    #[serde(with = "platform")]
    pub date: DateTime<Utc>,
    pub message: Option<String>,
}

/// A port-in, as `GET /porting/{id}` and the create reply show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Porting {
    #[serde(rename = "_id")]
    pub id: String,
    pub number: String,
    pub number_type: String,
    pub porting_type: String,
    pub account: String,
    pub donor_sim_number: Option<String>,
    pub donor_customer_id: Option<String>,
    pub donor: DonorOperator,
    /// `null`: at the end of the customer's commitment with the donor.
    #[serde(default, with = "lenient_opt")]
    pub requested_date: Option<DateTime<Utc>>,
    pub notify: Vec<String>,
    pub status: PortingStatus,
}

/// The MVNO account object.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct MvnoAccount {
    #[serde(rename = "_id")]
    pub id: String,
    pub customer: String,
    pub state: AccountState,
    #[serde(rename = "type")]
    pub kind: String,
    pub number: String,
    pub feature: Feature,
    pub mvno_sim: Option<SimDetails>,
    pub data_sharing_sims: Vec<DataSharingSim>,
    pub mvno_sim_network_change_to: Option<serde_json::Value>,
    pub voicemail: Option<Voicemail>,
    pub donor_sim_number: Option<String>,
    pub sip_account: Option<String>,
    pub pbx: Option<i64>,
    pub extension: Option<String>,
    pub dnd: bool,
    pub rate_plan: String,
    pub new_rate_plan: Option<String>,
    pub services: Vec<String>,
    /// ADMIN only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub socs: Option<Vec<String>>,
    /// ADMIN only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub socs_override: Option<Vec<SocOverride>>,
    /// RESELLER and ADMIN only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    pub custom: Option<serde_json::Value>,
    #[serde(default, with = "lenient_opt")]
    pub invoiced_until: Option<DateTime<Utc>>,
    pub billing_customer: Option<String>,
    pub info: Info,
    pub number_state: NumberState,
    pub employee: Option<String>,
    pub name: Option<String>,
    pub listed: bool,
    /// The Id of the porting, when the number is being ported in (the
    /// spec's reply table types `porting` as an Id).
    pub porting: Option<String>,
    /// The same porting as a whole, as `GET /porting/{id}` shows it: its
    /// stage, requested date and donor, without a second request.
    pub porting_details: Option<Porting>,
    /// ADMIN only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purchase_info: Option<PurchaseInfo>,
    /// ADMIN only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mit_id: Option<MitId>,
    pub top_up: TopUp,
    pub rest_of_world_roaming: Option<RowReply>,
    #[serde(with = "platform")]
    pub start_date: DateTime<Utc>,
    #[serde(default, with = "lenient_opt")]
    pub delete_date: Option<DateTime<Utc>>,
    #[serde(with = "platform")]
    pub created: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::super::FeatureRequest;
    use super::*;

    #[test]
    fn request_overrules_plan_overrules_default() {
        let plan = FeatureRequest {
            five_g: Some(false),
            international: Some(false),
            ..Default::default()
        };
        let req = FeatureRequest {
            international: Some(true),
            public_ip: Some(true),
            ..Default::default()
        };
        let f = Feature::resolve(Some(&plan), Some(&req));
        assert!(!f.five_g, "plan default kept");
        assert!(f.international, "request overrules plan");
        assert!(f.public_ip, "request overrules spec default");
        assert!(f.roaming, "spec default");
        assert!(!f.charged_services);
    }

    /// The reply's voicemail flattens the request's settings, which refuse
    /// unknown properties: the stored and answered form still reads back
    /// (an Idempotency-Key replay reads the answer it stored).
    #[test]
    fn voicemail_with_its_blocked_until_reads_back() {
        let vm = Voicemail {
            settings: VoicemailRequest {
                notify: Some("SMS".into()),
                pin: Some("1234".into()),
                ..Default::default()
            },
            pin_blocked_until: None,
        };
        let json = serde_json::to_value(&vm).unwrap();
        assert!(json.get("pinBlockedUntil").is_some());
        let back: Voicemail = serde_json::from_value(json).unwrap();
        assert_eq!(back, vm);
        let blocked: Voicemail = serde_json::from_value(serde_json::json!({
            "notify": "SMS", "pinBlockedUntil": "2030-01-01T00:00:00.000Z"
        }))
        .unwrap();
        assert!(blocked.pin_blocked_until.is_some());
    }

    #[test]
    fn feature_serialises_with_the_spec_names() {
        let json = serde_json::to_value(Feature::default()).unwrap();
        assert_eq!(json["publicIP"], false);
        assert_eq!(json["fiveG"], true);
        assert_eq!(json["disableHdAudio"], false);
    }
}
