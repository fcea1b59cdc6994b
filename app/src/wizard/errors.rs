//! What stops a step: an error next to a field ([`FieldError`]), each
//! step's own checks (the domain's rules, run in the browser and again on
//! the server), what the server knows that stops a step, and where a refused
//! create's error belongs (its step and field, for the hydrated wizard and
//! the server's confirm without JavaScript alike).

use super::state::{Step, WizardState};
use mvno::icc::{Icc, IccError};
use mvno::phone::E164;

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
            Step::Customer => self.check_customer(&mut out),
            Step::Number => self.check_number(&mut out),
            Step::Sim => self.check_sim(&mut out),
            Step::Plan => self.check_plan(&mut out),
            Step::Porting => self.check_porting(&mut out, today),
            Step::Extras => self.check_extras(&mut out, today),
            Step::Review => {}
        }
        out
    }

    /// The customer step: a customer is chosen.
    fn check_customer(&self, out: &mut Vec<FieldError>) {
        if mvno::Id::parse(self.get("customer")).is_err() {
            out.push(err(
                "customer",
                "Choose the customer the subscription is for",
            ));
        }
    }

    /// The number step: a new number chosen, or a Danish mobile number to keep.
    fn check_number(&self, out: &mut Vec<FieldError>) {
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
                mvno::phone::NumberError::NotDanishMobile => "This is not a Danish mobile number",
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

    /// The SIM step: the kind of SIM card, its ICC or network, and the
    /// data-sharing SIMs' ICCs.
    fn check_sim(&self, out: &mut Vec<FieldError>) {
        match self.get("sim") {
            "physical" => {
                if let Some(e) = icc_problem(self.get("icc")) {
                    out.push(err("icc", &e));
                }
            }
            "esim" | "auto" | "none" => {
                if mvno::rules::sim_network(self.get("network")).is_none() {
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

    /// The plan step: a rate plan, the voicemail PIN and e-mail address.
    fn check_plan(&self, out: &mut Vec<FieldError>) {
        if mvno::Id::parse(self.get("plan")).is_err() {
            out.push(err("plan", "Choose a rate plan"));
        }
        if self.feature_on("voicemail") == Some(true)
            && self.has("vmpin")
            && !mvno::rules::voicemail_pin_ok(self.get("vmpin"))
        {
            out.push(err("vmpin", mvno::rules::VOICEMAIL_PIN_RULE));
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

    /// The porting step: the donor's ICC and the porting date.
    fn check_porting(&self, out: &mut Vec<FieldError>, today: chrono::NaiveDate) {
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

    /// The extras step: PBX cluster, custom data and start date.
    fn check_extras(&self, out: &mut Vec<FieldError>, today: chrono::NaiveDate) {
        use mvno::rules::{self, CustomProblem};
        if self.has("pbx") {
            match self.get("pbx").trim().parse::<i64>() {
                Ok(pbx) if rules::pbx_ok(pbx) => {}
                Ok(_) => out.push(err("pbx", "The PBX cluster is a number from 1 to 999")),
                Err(_) => out.push(err("pbx", "The PBX cluster is a number")),
            }
        }
        if self.has("custom") {
            let custom = serde_json::from_str::<serde_json::Value>(self.get("custom"));
            match custom.as_ref().map(rules::custom_data_problem) {
                Ok(None) => {}
                Ok(Some(CustomProblem::TooLarge)) => {
                    out.push(err("custom", "Custom data can be at most 4 KB; shorten it"))
                }
                _ => out.push(err(
                    "custom",
                    "Custom data must be a JSON object, like {\"ref\": \"A-17\"}",
                )),
            }
        }
        if self.has("start") {
            match chrono::NaiveDate::parse_from_str(self.get("start"), "%Y-%m-%d") {
                Ok(d) if !rules::start_date_ok(d, today) => {
                    out.push(err("start", "The start date must be today or later"))
                }
                Ok(_) => {}
                Err(_) => out.push(err("start", "Enter the date as YYYY-MM-DD")),
            }
        }
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

#[cfg(test)]
mod tests;
