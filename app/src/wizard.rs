//! The "new subscription" wizard's state and rules. The state lives in the
//! URL's query (each step has its own URL, Back keeps what was typed, and
//! every step works as a plain GET form without JavaScript); the checks are
//! the domain's own, run in the browser and again on the server.

use mvno::account::{
    AutoAssign, CreateMvnoRequest, DataSharingSimRequest, FeatureRequest, RowRequest,
    VoicemailRequest,
};
use mvno::icc::{Icc, IccError};
use mvno::phone::E164;
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
        match self {
            Step::Customer => "Choose the customer",
            Step::Number => "Phone number",
            Step::Sim => "SIM card",
            Step::Plan => "Rate plan and features",
            Step::Porting => "Porting",
            Step::Extras => "Extras",
            Step::Review => "Check your answers",
        }
    }
}

/// Features offered as switches, with their wire names and labels.
pub const FEATURES: [(&str, &str); 10] = [
    ("highRate", "Calls to high-rate numbers"),
    ("international", "International calls"),
    ("data", "Mobile data"),
    ("fiveG", "5G"),
    ("roaming", "Roaming"),
    ("roamingData", "Data while roaming"),
    ("voicemail", "Voicemail"),
    ("secretNumber", "Secret number"),
    ("publicIP", "Public IP address"),
    ("chargedServices", "Charged services (overcharged SMS)"),
];

/// Answers kept on the server (the wizard's draft), never in a URL: they
/// would reach the browser's history, Referer headers and access logs.
pub const KEPT_ON_SERVER: [&str; 3] = ["vmpin", "notes", "custom"];

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
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WizardState(pub BTreeMap<String, String>);

/// An error next to a field: `field` is the input's id.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

fn err(field: &str, message: &str) -> FieldError {
    FieldError {
        field: field.to_string(),
        message: message.to_string(),
    }
}

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
                "ds3kind",
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

    pub fn feature_on(&self, name: &str) -> Option<bool> {
        if !self.has("featset") {
            return None;
        }
        Some(self.get("feat").split(',').any(|f| f == name))
    }

    /// What the server knows about the chosen customer that stops a create
    /// for it (the create's `403 customer` "Customer is blocked"), found on
    /// the customer step instead of after Confirm, with what to do.
    pub fn customer_problem(
        &self,
        customers: &[mvno::portal::CustomerSummary],
    ) -> Option<FieldError> {
        let chosen = self.get("customer");
        let c = customers.iter().find(|c| c.id.as_str() == chosen)?;
        (c.state == mvno::enums::CustomerState::Blocked).then(|| {
            err(
                "customer",
                &format!(
                    "{} is blocked, so no new subscription can be made for it. \
                     Ask the operator to lift the block, or choose another customer.",
                    c.name
                ),
            )
        })
    }

    /// What the number check (the create's own number rules) says stops a
    /// number to keep: found on the number step, with what to do.
    pub fn number_problem(&self, check: Option<&mvno::portal::NumberCheck>) -> Option<FieldError> {
        use mvno::portal::NumberAvailability::*;
        if !self.keeps_number() {
            return None;
        }
        let c = check?;
        let what_to_do = "Check the number, or choose Get a new number.";
        let message = match c.availability {
            AvailableForPurchase | OwnedAndFree | PortingRequired => return None,
            InUse => format!(
                "{} is already in use on a subscription. {what_to_do}",
                c.number
            ),
            BeingPorted => format!(
                "{} is already being moved to a subscription. {what_to_do}",
                c.number
            ),
            NotAvailable => format!(
                "{} {what_to_do}",
                c.reason
                    .as_ref()
                    .map(|r| r.message.trim_end_matches('.').to_string() + ".")
                    .unwrap_or_else(|| "The number cannot be used.".into())
            ),
        };
        Some(err("keepnumber", &message))
    }

    /// A physical SIM's ICC whose check digit does not match: a warning to
    /// look again, shown on the SIM step with JavaScript or without; a second
    /// Continue with the same ICC (`iccok`) goes on, because the stock has
    /// the last word.
    pub fn icc_check_problem(&self) -> Option<FieldError> {
        if self.get("sim") != "physical" {
            return None;
        }
        let typed = self.get("icc");
        icc_warning(typed)?;
        let icc = Icc::parse(typed).ok()?;
        (self.get("iccok") != icc.as_str()).then(|| {
            err(
                "icc",
                "The check digit does not match. Please check the number; \
                 if it is right, press Continue again.",
            )
        })
    }

    /// Checks one step's fields, as the server will.
    pub fn check(&self, step: Step, today: chrono::NaiveDate) -> Vec<FieldError> {
        let mut out = Vec::new();
        match step {
            Step::Customer => {
                if mvno::Id::parse(self.get("customer")).is_err() {
                    out.push(err(
                        "customer",
                        "Choose the customer the subscription is for",
                    ));
                }
            }
            Step::Number => {
                if !matches!(self.get("mode"), "new" | "keep") {
                    out.push(err(
                        "mode-new",
                        "Choose whether to get a new number or keep a number",
                    ));
                } else if self.chosen_number().trim().is_empty() {
                    let (field, msg) = if self.keeps_number() {
                        ("keepnumber", "Enter the number to keep")
                    } else {
                        ("number", "Choose a number")
                    };
                    out.push(err(field, msg));
                } else if let Err(e) = E164::from_typed(self.chosen_number())
                    .and_then(|n| n.danish_mobile_candidate().map(|_| n))
                {
                    let msg = match e {
                        mvno::phone::NumberError::NotE164 => {
                            "Enter a Danish mobile number of 8 digits, like 20 12 34 56"
                        }
                        mvno::phone::NumberError::NotDanishMobile => {
                            "This is not a Danish mobile number"
                        }
                    };
                    out.push(err(
                        if self.keeps_number() {
                            "keepnumber"
                        } else {
                            "number"
                        },
                        msg,
                    ));
                }
            }
            Step::Sim => {
                match self.get("sim") {
                    "physical" => {
                        if let Some(e) = icc_problem(self.get("icc")) {
                            out.push(err("icc", &e));
                        }
                    }
                    "esim" | "auto" | "none" => {
                        if !matches!(self.get("network"), "TDC" | "TELENOR") {
                            out.push(err("network-TDC", "Choose the network"));
                        }
                    }
                    _ => out.push(err("sim-esim", "Choose the kind of SIM card")),
                }
                for i in 1..=3 {
                    let key = format!("ds{i}");
                    if self.get(&format!("ds{i}kind")) == "physical" {
                        if let Some(e) = icc_problem(self.get(&key)) {
                            out.push(err(&key, &format!("Data-sharing SIM {i}: {e}")));
                        }
                    }
                }
            }
            Step::Plan => {
                if mvno::Id::parse(self.get("plan")).is_err() {
                    out.push(err("plan", "Choose a rate plan"));
                }
                if self.feature_on("voicemail") == Some(true) && self.has("vmpin") {
                    let pin = self.get("vmpin");
                    if !(4..=10).contains(&pin.len()) || !pin.bytes().all(|b| b.is_ascii_digit()) {
                        out.push(err("vmpin", "The voicemail PIN is 4 to 10 digits"));
                    }
                }
                // The create's own rule for an e-mail address.
                let vmemail = self.get("vmemail").trim();
                if !vmemail.is_empty() && !mvno::email::is_valid(vmemail) {
                    out.push(err(
                        "vmemail",
                        "Enter an e-mail address like navn@eksempel.dk",
                    ));
                }
            }
            Step::Porting => {
                if self.has("donor") {
                    if let Some(e) = icc_problem(self.get("donor")) {
                        out.push(err("donor", &e));
                    }
                }
                let date = self.get("pdate");
                if !matches!(date, "" | "asap" | "eoc") {
                    match chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d") {
                        Ok(d) => {
                            if let Err(e) = mvno::calendar::check_porting_date(d, today) {
                                out.push(err("pdate", &e.to_string()));
                            }
                        }
                        Err(_) => out.push(err("pdate", "Enter the date as YYYY-MM-DD")),
                    }
                }
            }
            Step::Extras => {
                if self.has("pbx") && self.get("pbx").trim().parse::<i64>().is_err() {
                    out.push(err("pbx", "The PBX cluster is a number"));
                }
                if self.has("custom") {
                    match serde_json::from_str::<serde_json::Value>(self.get("custom")) {
                        Ok(v) if v.is_object() => {}
                        _ => out.push(err(
                            "custom",
                            "Custom data must be a JSON object, like {\"ref\": \"A-17\"}",
                        )),
                    }
                }
                if self.has("start") {
                    match chrono::NaiveDate::parse_from_str(self.get("start"), "%Y-%m-%d") {
                        Ok(d) if d < today => {
                            out.push(err("start", "The start date must be today or later"))
                        }
                        Ok(_) => {}
                        Err(_) => out.push(err("start", "Enter the date as YYYY-MM-DD")),
                    }
                }
            }
            Step::Review => {}
        }
        out
    }

    /// The id of the MitID verification the server recorded for this
    /// wizard (field `mitid`). It travels beside the create request, never
    /// in it: the identity is read from the server's record.
    pub fn mitid(&self) -> Option<String> {
        self.has("mitid")
            .then(|| self.get("mitid").trim().to_string())
    }

    /// The create request the answers make.
    pub fn to_request(&self, today: chrono::NaiveDate) -> CreateMvnoRequest {
        let opt = |k: &str| self.has(k).then(|| self.get(k).trim().to_string());
        let mut req = CreateMvnoRequest {
            customer: opt("customer"),
            number: E164::from_typed(self.chosen_number())
                .map(|n| n.to_string())
                .ok()
                .or_else(|| {
                    Some(self.chosen_number().trim().to_string()).filter(|s| !s.is_empty())
                }),
            rate_plan: opt("plan"),
            ..Default::default()
        };
        match self.get("sim") {
            "physical" => req.mvno_sim = opt("icc"),
            "esim" => req.esim = opt("network"),
            "auto" => req.auto_assign_sim = opt("network").map(AutoAssign::Network),
            "none" => req.nosim = opt("network"),
            _ => {}
        }
        let sharing: Vec<DataSharingSimRequest> = (1..=3)
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
            .collect();
        if !sharing.is_empty() {
            req.data_sharing_sims = Some(sharing);
        }
        if self.has("featset") {
            let on = |n: &str| Some(self.feature_on(n) == Some(true));
            req.feature = Some(FeatureRequest {
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
            });
            if self.feature_on("voicemail") == Some(true) {
                req.voicemail = Some(VoicemailRequest {
                    notify: Some(if self.has("vmemail") {
                        "EMAIL".into()
                    } else {
                        "SMS".into()
                    }),
                    email: opt("vmemail"),
                    pin: opt("vmpin"),
                    ..Default::default()
                });
            }
        }
        match self.get("row") {
            "" => {}
            "none" => {
                req.rest_of_world_roaming = Some(RowRequest {
                    product_id: Some(None),
                    keep_after_expire: None,
                })
            }
            id => {
                req.rest_of_world_roaming = Some(RowRequest {
                    product_id: Some(Some(id.to_string())),
                    keep_after_expire: Some(true),
                })
            }
        }
        if self.keeps_number() {
            req.donor_sim_number = opt("donor");
            req.porting_ready = Some(self.get("pready") == "1");
            req.requested_porting_date = match self.get("pdate") {
                "" | "asap" => {
                    let d = mvno::calendar::earliest_porting_date(today);
                    Some(d.and_hms_opt(12, 0, 0).expect("noon").and_utc())
                }
                "eoc" => None,
                d => chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
                    .ok()
                    .map(|d| d.and_hms_opt(12, 0, 0).expect("noon").and_utc()),
            };
        }
        req.notes = opt("notes");
        req.sip_account = opt("sip");
        req.pbx = self.get("pbx").trim().parse().ok();
        req.extension = opt("ext");
        req.billing_customer = opt("billing");
        req.custom = opt("custom").and_then(|c| serde_json::from_str(&c).ok());
        req.start_date = chrono::NaiveDate::parse_from_str(self.get("start"), "%Y-%m-%d")
            .ok()
            .filter(|d| *d > today)
            .map(|d| d.and_hms_opt(0, 0, 0).expect("midnight").and_utc());
        req
    }
}

/// The step a create error's `path` belongs to.
pub fn step_of_path(path: &str) -> Step {
    let head = path.split('.').next().unwrap_or("");
    match head.split('[').next().unwrap_or("") {
        "customer" => Step::Customer,
        "number" => Step::Number,
        "mvnoSim" | "sim" | "esim" | "autoAssignSim" | "nosim" | "dataSharingSims" => Step::Sim,
        "ratePlan" | "newRatePlan" | "services" | "voicemail" | "restOfWorldRoaming"
        | "feature" => Step::Plan,
        "donorSimNumber" | "requestedPortingDate" => Step::Porting,
        "notes" | "startDate" | "sipAccount" | "pbx" | "extension" | "billingCustomer"
        | "custom" => Step::Extras,
        _ => Step::Review,
    }
}

/// The input a create error's `path` names, on its step.
pub fn field_of_path(path: &str, state: &WizardState) -> String {
    if let Some(rest) = path.strip_prefix("dataSharingSims[") {
        // The request's n-th data-sharing SIM is the n-th row with a kind.
        let n: usize = rest
            .split(']')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        let row = (1..=3)
            .filter(|i| !state.get(&format!("ds{i}kind")).is_empty())
            .nth(n)
            .unwrap_or(1);
        return if path.ends_with(".simNumber") && state.get(&format!("ds{row}kind")) == "physical" {
            format!("ds{row}")
        } else {
            format!("ds{row}kind")
        };
    }
    let field = match path {
        "customer" => "customer",
        "number" if state.keeps_number() => "keepnumber",
        "number" => "number",
        "mvnoSim" if state.get("sim") == "physical" => "icc",
        "mvnoSim" | "sim" | "esim" | "autoAssignSim" | "nosim" => "sim-esim",
        p if p.starts_with("dataSharingSims") => "ds1kind",
        "ratePlan" | "newRatePlan" | "services" | "feature" => "plan",
        p if p.starts_with("voicemail") => "vmpin",
        p if p.starts_with("restOfWorldRoaming") => "row",
        "donorSimNumber" => "donor",
        "requestedPortingDate" => "pdate",
        "startDate" => "start",
        "notes" => "notes",
        "sipAccount" => "sip",
        "pbx" => "pbx",
        "extension" => "ext",
        "billingCustomer" => "billing",
        "custom" => "custom",
        _ => "create-error",
    };
    field.to_string()
}

/// A hard error for a typed ICC (empty, not digits, wrong length), or a
/// warning-worthy check digit. Hard errors only block; the Luhn check is
/// reported by [`icc_warning`].
pub fn icc_problem(typed: &str) -> Option<String> {
    match Icc::parse(typed) {
        Ok(_) => None,
        Err(IccError::Empty) => Some("Enter the SIM card's ICC number".into()),
        Err(IccError::NotDigits) => Some("The ICC number has only digits".into()),
        Err(IccError::Length) => Some(format!(
            "The ICC number has {} to {} digits",
            mvno::icc::MIN_DIGITS,
            mvno::icc::MAX_DIGITS
        )),
        Err(IccError::Prefix) => Some("The ICC number starts with 89".into()),
    }
}

/// A warning when the check digit does not match: probably a typo.
pub fn icc_warning(typed: &str) -> Option<&'static str> {
    Icc::parse(typed)
        .ok()
        .filter(|i| !i.luhn_ok())
        .map(|_| "The check digit does not match. Please check the number.")
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

    fn state(pairs: &[(&str, &str)]) -> WizardState {
        WizardState::from_pairs(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())))
    }

    fn today() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    #[test]
    fn number_step_normalises_and_checks() {
        assert!(state(&[("mode", "new"), ("number", "20 10 00 01")])
            .check(Step::Number, today())
            .is_empty());
        let e =
            state(&[("mode", "keep"), ("keepnumber", "7012 3456")]).check(Step::Number, today());
        assert_eq!(e[0].message, "This is not a Danish mobile number");
        assert_eq!(state(&[]).check(Step::Number, today())[0].field, "mode-new");
    }

    #[test]
    fn sim_step_uses_the_shared_icc_rules() {
        let e = state(&[("sim", "physical"), ("icc", "8945 12")]).check(Step::Sim, today());
        assert_eq!(e[0].message, "The ICC number has 18 to 20 digits");
        assert!(state(&[("sim", "esim"), ("network", "TDC")])
            .check(Step::Sim, today())
            .is_empty());
        let body = "894555000000000001";
        let d = mvno::icc::luhn_check_digit(body).unwrap();
        assert_eq!(icc_warning(&format!("{body}{d}")), None);
        assert_eq!(
            icc_warning(&format!("{body}{}", (d + 1) % 10)),
            Some("The check digit does not match. Please check the number.")
        );
    }

    #[test]
    fn a_blocked_customer_is_found_on_the_customer_step() {
        use mvno::enums::{CustomerKind, CustomerState};
        let customer = |id: &str, state| mvno::portal::CustomerSummary {
            id: mvno::Id::parse(id).unwrap(),
            name: "Vestjysk VVS A/S".into(),
            cvr: None,
            kind: CustomerKind::Business,
            state,
            parent_reseller: None,
        };
        let list = [
            customer("c00000000000000000000005", CustomerState::Active),
            customer("c00000000000000000000007", CustomerState::Blocked),
        ];
        let blocked = state(&[("customer", "c00000000000000000000007")]);
        let e = blocked.customer_problem(&list).unwrap();
        assert_eq!(e.field, "customer");
        assert!(
            e.message.contains("Ask the operator to lift the block"),
            "{}",
            e.message
        );
        assert!(state(&[("customer", "c00000000000000000000005")])
            .customer_problem(&list)
            .is_none());
    }

    #[test]
    fn a_number_in_use_is_found_on_the_number_step() {
        use mvno::portal::{NumberAvailability, NumberCheck};
        let keep = state(&[("mode", "keep"), ("keepnumber", "20 30 00 01")]);
        let check = |availability| NumberCheck {
            number: "+4520300001".into(),
            availability,
            operator: None,
            reason: None,
        };
        let e = keep
            .number_problem(Some(&check(NumberAvailability::InUse)))
            .unwrap();
        assert_eq!(e.field, "keepnumber");
        assert!(e.message.contains("already in use"), "{}", e.message);
        assert!(e.message.contains("Get a new number"), "{}", e.message);
        assert!(keep
            .number_problem(Some(&check(NumberAvailability::PortingRequired)))
            .is_none());
        let new = state(&[("mode", "new"), ("number", "20 10 00 01")]);
        assert!(new
            .number_problem(Some(&check(NumberAvailability::InUse)))
            .is_none());
    }

    #[test]
    fn a_wrong_check_digit_warns_once_on_the_sim_step() {
        let body = "894555000000000001";
        let d = mvno::icc::luhn_check_digit(body).unwrap();
        let wrong = format!("{body}{}", (d + 1) % 10);
        let first = state(&[("sim", "physical"), ("icc", &wrong)]);
        assert_eq!(first.icc_check_problem().unwrap().field, "icc");
        // Continue again with the same ICC: it goes on.
        let again = state(&[("sim", "physical"), ("icc", &wrong), ("iccok", &wrong)]);
        assert!(again.icc_check_problem().is_none());
        // Another ICC is looked at again.
        let other = format!("{body}{}", (d + 2) % 10);
        let changed = state(&[("sim", "physical"), ("icc", &other), ("iccok", &wrong)]);
        assert!(changed.icc_check_problem().is_some());
        let right = state(&[("sim", "physical"), ("icc", &format!("{body}{d}"))]);
        assert!(right.icc_check_problem().is_none());
    }

    #[test]
    fn plan_step_uses_the_shared_email_rule() {
        let plan = ("plan", "d00000000000000000000001");
        let e = state(&[plan, ("vmemail", "mette@eksempel")]).check(Step::Plan, today());
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].field, "vmemail");
        assert!(state(&[plan, ("vmemail", "mette@eksempel.dk")])
            .check(Step::Plan, today())
            .is_empty());
        assert!(state(&[plan]).check(Step::Plan, today()).is_empty());
    }

    #[test]
    fn porting_date_must_be_a_working_day() {
        let e = state(&[("mode", "keep"), ("pdate", "2026-11-28")]).check(Step::Porting, today());
        assert_eq!(e.len(), 1);
        assert!(state(&[("pdate", "2026-11-27")])
            .check(Step::Porting, today())
            .is_empty());
    }

    #[test]
    fn create_errors_find_their_step_and_field() {
        let s = state(&[("mode", "keep"), ("sim", "physical")]);
        assert_eq!(
            (step_of_path("number"), field_of_path("number", &s).as_str()),
            (Step::Number, "keepnumber")
        );
        assert_eq!(
            (
                step_of_path("mvnoSim"),
                field_of_path("mvnoSim", &s).as_str()
            ),
            (Step::Sim, "icc")
        );
        assert_eq!(step_of_path("dataSharingSims.simNumber"), Step::Sim);
        assert_eq!(step_of_path("dataSharingSims[1].simNumber"), Step::Sim);
        // The request's second data-sharing SIM is the third row when the
        // second row is empty.
        let rows = state(&[("ds1kind", "esim"), ("ds3kind", "physical"), ("ds3", "89")]);
        assert_eq!(field_of_path("dataSharingSims[1].simNumber", &rows), "ds3");
        assert_eq!(
            field_of_path("dataSharingSims[0].simNumber", &rows),
            "ds1kind"
        );
        assert_eq!(field_of_path("donorSimNumber", &s), "donor");
        assert_eq!(step_of_path("internal_error"), Step::Review);
    }

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
