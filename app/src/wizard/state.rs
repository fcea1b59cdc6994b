//! The steps and the answers. The answers live in the URL's query (each
//! step has its own URL, Back keeps what was typed, and every step works as
//! a plain GET form without JavaScript), except those kept on the server.

use std::collections::BTreeMap;

/// The steps, in order.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Customer,
    Number,
    Sim,
    Plan,
    Porting,
    Extras,
    Review,
}

impl Step {
    pub const ALL: [Step; 7] = [
        Step::Customer,
        Step::Number,
        Step::Sim,
        Step::Plan,
        Step::Porting,
        Step::Extras,
        Step::Review,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Step::Customer => "customer",
            Step::Number => "number",
            Step::Sim => "sim",
            Step::Plan => "plan",
            Step::Porting => "porting",
            Step::Extras => "extras",
            Step::Review => "review",
        }
    }

    pub fn from_slug(s: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|st| st.slug() == s)
    }

    pub fn title(self) -> &'static str {
        let t = crate::i18n::tw();
        match self {
            Step::Customer => t.step_customer,
            Step::Number => t.step_number,
            Step::Sim => t.step_sim,
            Step::Plan => t.step_plan,
            Step::Porting => t.step_porting,
            Step::Extras => t.step_extras,
            Step::Review => t.step_review,
        }
    }
}

/// Features offered as switches, by their wire names.
pub const FEATURES: [&str; 10] = [
    "highRate",
    "international",
    "data",
    "fiveG",
    "roaming",
    "roamingData",
    "voicemail",
    "secretNumber",
    "publicIP",
    "chargedServices",
];

/// A feature's label in the page's language.
pub fn feature_label(name: &str) -> &'static str {
    let t = crate::i18n::tw();
    match name {
        "highRate" => t.feat_high_rate,
        "international" => t.feat_international,
        "data" => t.feat_data,
        "fiveG" => t.feat_five_g,
        "roaming" => t.feat_roaming,
        "roamingData" => t.feat_roaming_data,
        "voicemail" => t.feat_voicemail,
        "secretNumber" => t.feat_secret_number,
        "publicIP" => t.feat_public_ip,
        _ => t.feat_charged_services,
    }
}

/// Answers kept on the server (the wizard's draft), never in a URL: they
/// would reach the browser's history, Referer headers and access logs.
pub const KEPT_ON_SERVER: [&str; 4] = ["vmpin", "notes", "custom", "delivery"];

/// Whether an answer is kept on the server rather than in the query.
pub fn kept_on_server(key: &str) -> bool {
    KEPT_ON_SERVER.contains(&key)
}

/// A new value for the query's `draft` mark, set whenever the server's
/// draft changed: the page then reads the draft again.
pub fn draft_mark() -> String {
    format!("{:x}", chrono::Utc::now().timestamp_micros())
}

/// Everything typed so far, as the query holds it.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct WizardState(pub BTreeMap<String, String>);

impl WizardState {
    /// Reads query or form pairs; repeated keys (checkbox groups) are joined
    /// with `,`. Answers kept on the server are not taken from here (see
    /// [`WizardState::with_draft`]), nor are the step markers.
    pub fn from_pairs<I: IntoIterator<Item = (String, String)>>(pairs: I) -> Self {
        let mut map: BTreeMap<String, String> = BTreeMap::new();
        for (k, v) in pairs {
            if matches!(k.as_str(), "from" | "to" | "error" | "refused")
                || k.starts_with("err_")
                || kept_on_server(&k)
            {
                continue;
            }
            match map.get_mut(&k) {
                Some(existing) if !v.is_empty() => {
                    if !existing.is_empty() {
                        existing.push(',');
                    }
                    existing.push_str(&v);
                }
                Some(_) => {}
                None => {
                    map.insert(k, v);
                }
            }
        }
        WizardState(map)
    }

    /// The keys a step shows as inputs (all others travel as hidden fields).
    pub fn keys_of(step: Step) -> &'static [&'static str] {
        match step {
            Step::Customer => &["customer"],
            Step::Number => &["mode", "number", "keepnumber", "digits", "net"],
            Step::Sim => &[
                "sim", "network", "icc", "iccok", "ds1", "ds2", "ds3", "ds1kind", "ds2kind",
                "ds3kind", "delivery",
            ],
            Step::Plan => &["plan", "featset", "feat", "vmpin", "vmemail", "row"],
            Step::Porting => &["donor", "pdate", "pready"],
            Step::Extras => &["notes", "sip", "start", "pbx", "ext", "billing", "custom"],
            Step::Review => &[],
        }
    }

    /// The answers kept on the server, from a draft, added to these.
    pub fn with_draft<'a, I: IntoIterator<Item = (&'a String, &'a String)>>(
        mut self,
        fields: I,
    ) -> Self {
        for (k, v) in fields {
            if kept_on_server(k) && !v.is_empty() {
                self.0.insert(k.clone(), v.clone());
            }
        }
        self
    }

    /// The pairs of a posted step form that the server keeps: the kept
    /// answers that `step` shows (empty ones too: they clear the answer).
    pub fn kept_answers_of<I: IntoIterator<Item = (String, String)>>(
        step: Step,
        pairs: I,
    ) -> Vec<(String, String)> {
        let shown = Self::keys_of(step);
        pairs
            .into_iter()
            .filter(|(k, _)| kept_on_server(k) && shown.contains(&k.as_str()))
            .collect()
    }

    /// Hidden fields for every answer not shown on `step` (answers kept on
    /// the server stay there).
    pub fn hidden_for(&self, step: Step) -> Vec<(String, String)> {
        let shown = Self::keys_of(step);
        self.0
            .iter()
            .filter(|(k, v)| !shown.contains(&k.as_str()) && !v.is_empty() && !kept_on_server(k))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }

    pub fn get(&self, key: &str) -> &str {
        self.0.get(key).map(String::as_str).unwrap_or("")
    }

    pub fn has(&self, key: &str) -> bool {
        !self.get(key).trim().is_empty()
    }

    /// The query string of the state, for links ("Change") and redirects;
    /// without the answers kept on the server.
    pub fn query(&self) -> String {
        self.0
            .iter()
            .filter(|(k, v)| !v.is_empty() && !kept_on_server(k))
            .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    pub fn keeps_number(&self) -> bool {
        self.get("mode") == "keep"
    }

    /// The number chosen from the list, or the one typed to keep.
    pub fn chosen_number(&self) -> &str {
        if self.keeps_number() {
            self.get("keepnumber")
        } else {
            self.get("number")
        }
    }

    /// The steps this user goes through.
    pub fn steps(&self, picks_customer: bool, reseller_or_admin: bool) -> Vec<Step> {
        Step::ALL
            .into_iter()
            .filter(|s| match s {
                Step::Customer => picks_customer,
                Step::Porting => self.keeps_number(),
                Step::Extras => reseller_or_admin,
                _ => true,
            })
            .collect()
    }

    /// A private customer's SIM card sent by post: a self-service port-in
    /// carries its MitID verification, and only self-service answers hold
    /// one. The number then moves after the card has arrived.
    pub fn sim_is_posted_to_a_consumer(&self) -> bool {
        self.get("sim") == "auto" && self.has("mitid")
    }

    /// The answers named `keys` only (what an island needs; the rest stays
    /// on the server).
    pub fn only(&self, keys: &[&str]) -> WizardState {
        WizardState(
            self.0
                .iter()
                .filter(|(k, _)| keys.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        )
    }

    pub fn feature_on(&self, name: &str) -> Option<bool> {
        if !self.has("featset") {
            return None;
        }
        Some(self.get("feat").split(',').any(|f| f == name))
    }
}

/// A plan's default for one feature, by its wire name.
fn feature_of(f: &mvno::account::FeatureRequest, name: &str) -> Option<bool> {
    match name {
        "highRate" => f.high_rate,
        "international" => f.international,
        "data" => f.data,
        "fiveG" => f.five_g,
        "roaming" => f.roaming,
        "roamingData" => f.roaming_data,
        "voicemail" => f.voicemail,
        "secretNumber" => f.secret_number,
        "publicIP" => f.public_ip,
        "chargedServices" => f.charged_services,
        _ => None,
    }
}

/// Whether a feature switch shows on: the user's choice once the plan step
/// was continued from; else the plan's preset; else the specification's
/// default (on, except voicemail, secret number, public IP and charged
/// services).
pub(crate) fn feature_shown(
    state: &WizardState,
    plans: &[mvno::portal::ProductOffer],
    plan: &str,
    name: &str,
) -> bool {
    state.feature_on(name).unwrap_or_else(|| {
        plans
            .iter()
            .find(|p| p.id.as_str() == plan)
            .and_then(|p| p.features.as_ref())
            .and_then(|f| feature_of(f, name))
            .unwrap_or(!matches!(
                name,
                "voicemail" | "secretNumber" | "publicIP" | "chargedServices"
            ))
    })
}

fn urlencode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wizard::testing::state;

    #[test]
    fn answers_kept_on_the_server_never_reach_a_url() {
        let s = state(&[
            ("customer", "c00000000000000000000005"),
            ("vmpin", "1234"),
            ("notes", "Ring efter kl. 16"),
            ("custom", "{}"),
        ]);
        // Not read from a query (a link cannot plant them) ...
        assert!(!s.has("vmpin") && !s.has("notes") && !s.has("custom"));
        let draft: BTreeMap<String, String> = [
            ("vmpin".to_string(), "1234".to_string()),
            ("notes".to_string(), "Ring efter kl. 16".to_string()),
            (
                "customer".to_string(),
                "c00000000000000000000009".to_string(),
            ),
        ]
        .into();
        let s = s.with_draft(&draft);
        // ... taken from the draft, and only the kept ones ...
        assert_eq!(s.get("vmpin"), "1234");
        assert_eq!(s.get("customer"), "c00000000000000000000005");
        // ... and never written into a query or a step's hidden fields.
        assert!(!s.query().contains("1234") && !s.query().contains("Ring"));
        assert!(s
            .hidden_for(Step::Sim)
            .iter()
            .all(|(k, _)| !kept_on_server(k)));
        let posted = vec![
            ("notes".to_string(), String::new()),
            ("vmpin".to_string(), "9999".to_string()),
            ("sip".to_string(), "x".to_string()),
        ];
        assert_eq!(
            WizardState::kept_answers_of(Step::Extras, posted),
            vec![("notes".to_string(), String::new())]
        );
    }
}
