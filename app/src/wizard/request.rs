//! The create request the answers make: the same for the hydrated wizard's
//! server function and the server's confirm without JavaScript.

use super::state::WizardState;
use mvno::account::{
    AutoAssign, CreateMvnoRequest, DataSharingSimRequest, FeatureRequest, RowRequest,
    VoicemailRequest,
};
use mvno::phone::E164;

impl WizardState {
    /// The id of the MitID verification the server recorded for this
    /// wizard (field `mitid`). It travels beside the create request, never
    /// in it: the identity is read from the server's record.
    pub fn mitid(&self) -> Option<String> {
        self.has("mitid")
            .then(|| self.get("mitid").trim().to_string())
    }

    /// The create request the answers make.
    pub fn to_request(&self, today: chrono::NaiveDate) -> CreateMvnoRequest {
        let mut req = CreateMvnoRequest {
            customer: self.opt("customer"),
            number: E164::from_typed(self.chosen_number())
                .map(|n| n.to_string())
                .ok()
                .or_else(|| {
                    Some(self.chosen_number().trim().to_string()).filter(|s| !s.is_empty())
                }),
            rate_plan: self.opt("plan"),
            ..Default::default()
        };
        match self.get("sim") {
            "physical" => req.mvno_sim = self.opt("icc"),
            "esim" => req.esim = self.opt("network"),
            "auto" => req.auto_assign_sim = self.opt("network").map(AutoAssign::Network),
            "none" => req.nosim = self.opt("network"),
            _ => {}
        }
        let sharing = self.data_sharing_sims();
        if !sharing.is_empty() {
            req.data_sharing_sims = Some(sharing);
        }
        if self.has("featset") {
            req.feature = Some(self.features());
            if self.feature_on("voicemail") == Some(true) {
                req.voicemail = Some(self.voicemail());
            }
        }
        if let Some(row) = self.rest_of_world_roaming() {
            req.rest_of_world_roaming = Some(row);
        }
        if self.keeps_number() {
            req.donor_sim_number = self.opt("donor");
            req.porting_ready = Some(self.get("pready") == "1");
            req.requested_porting_date = self.porting_date(today);
        }
        req.notes = self.opt("notes");
        req.sip_account = self.opt("sip");
        req.pbx = self.get("pbx").trim().parse().ok();
        req.extension = self.opt("ext");
        req.billing_customer = self.opt("billing");
        req.custom = self
            .opt("custom")
            .and_then(|c| serde_json::from_str(&c).ok());
        req.start_date = super::parse_date(self.get("start"))
            .filter(|d| *d > today)
            .map(|d| d.and_hms_opt(0, 0, 0).expect("midnight").and_utc());
        req
    }

    /// An answer, trimmed, when there is one.
    fn opt(&self, k: &str) -> Option<String> {
        self.has(k).then(|| self.get(k).trim().to_string())
    }

    /// The data-sharing SIMs: one for each row with a kind.
    fn data_sharing_sims(&self) -> Vec<DataSharingSimRequest> {
        (1..=3)
            .filter_map(|i| {
                let v = self.get(&format!("ds{i}")).trim().to_string();
                let name = Some(format!("Data SIM {i}"));
                match self.get(&format!("ds{i}kind")) {
                    "esim" => Some(DataSharingSimRequest {
                        assign_esim: Some(true),
                        name,
                        ..Default::default()
                    }),
                    "physical" => Some(DataSharingSimRequest {
                        sim_number: Some(v),
                        name,
                        ..Default::default()
                    }),
                    _ => None,
                }
            })
            .collect()
    }

    /// Every feature switch, on or off, once the plan step was continued from.
    fn features(&self) -> FeatureRequest {
        let on = |n: &str| Some(self.feature_on(n) == Some(true));
        FeatureRequest {
            high_rate: on("highRate"),
            international: on("international"),
            data: on("data"),
            five_g: on("fiveG"),
            roaming: on("roaming"),
            roaming_data: on("roamingData"),
            voicemail: on("voicemail"),
            secret_number: on("secretNumber"),
            public_ip: on("publicIP"),
            charged_services: on("chargedServices"),
            ..Default::default()
        }
    }

    /// The voicemail's settings, when voicemail is switched on.
    fn voicemail(&self) -> VoicemailRequest {
        VoicemailRequest {
            notify: Some(if self.has("vmemail") {
                "EMAIL".into()
            } else {
                "SMS".into()
            }),
            email: self.opt("vmemail"),
            pin: self.opt("vmpin"),
            ..Default::default()
        }
    }

    /// The Rest-of-World roaming package chosen, or none (the plan's own).
    fn rest_of_world_roaming(&self) -> Option<RowRequest> {
        match self.get("row") {
            "" => None,
            "none" => Some(RowRequest {
                product_id: Some(None),
                keep_after_expire: None,
            }),
            id => Some(RowRequest {
                product_id: Some(Some(id.to_string())),
                keep_after_expire: Some(true),
            }),
        }
    }

    /// The date a kept number moves: the earliest for "as soon as
    /// possible", none for the end of the commitment.
    fn porting_date(&self, today: chrono::NaiveDate) -> Option<chrono::DateTime<chrono::Utc>> {
        match self.get("pdate") {
            "" | "asap" => {
                let d = mvno::calendar::earliest_porting_date_for(
                    today,
                    self.sim_is_posted_to_a_consumer(),
                );
                Some(d.and_hms_opt(12, 0, 0).expect("noon").and_utc())
            }
            "eoc" => None,
            d => chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .ok()
                .map(|d| d.and_hms_opt(12, 0, 0).expect("noon").and_utc()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wizard::testing::{state, today};

    #[test]
    fn request_from_answers() {
        let s = state(&[
            ("customer", "c00000000000000000000005"),
            ("mode", "keep"),
            ("keepnumber", "40 11 11 11"),
            ("sim", "auto"),
            ("network", "TELENOR"),
            ("plan", "d00000000000000000000001"),
            ("featset", "1"),
            ("feat", "data,roaming"),
            ("donor", "8945010000000047110"),
            ("pdate", "eoc"),
            ("ds1kind", "esim"),
        ]);
        let r = s.to_request(today());
        assert_eq!(r.number.as_deref(), Some("+4540111111"));
        assert_eq!(
            r.auto_assign_sim,
            Some(AutoAssign::Network("TELENOR".into()))
        );
        assert_eq!(r.feature.as_ref().unwrap().roaming, Some(true));
        assert_eq!(r.feature.as_ref().unwrap().international, Some(false));
        assert!(r.requested_porting_date.is_none(), "end of commitment");
        assert_eq!(r.data_sharing_sims.unwrap()[0].assign_esim, Some(true));
        let q = s.query();
        assert!(q.contains("keepnumber=40+11+11+11"));
    }

    #[test]
    fn identity_never_comes_from_the_answers() {
        let s = state(&[
            ("mitid", "0a0000000000000000000001"),
            ("mitid_uuid", "forged-uuid"),
            ("mitid_name", "Someone Else"),
            ("mitid_at", "2020-01-01T00:00:00.000Z"),
        ]);
        assert_eq!(s.to_request(today()).mit_id, None);
        assert_eq!(s.mitid().as_deref(), Some("0a0000000000000000000001"));
        assert_eq!(state(&[]).mitid(), None);
    }
}
