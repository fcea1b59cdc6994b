//! What stops a step: an error next to a field ([`FieldError`]), each
//! step's own checks (the domain's rules, run in the browser and again on
//! the server), what the server knows that stops a step, and where a refused
//! create's error belongs (its step and field, for the hydrated wizard and
//! the server's confirm without JavaScript alike).

use super::state::{Step, WizardState};
use crate::i18n::{fill, te};
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
                &fill(te().customer_blocked, &[("name", &c.name)]),
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
        let number = crate::pages::grouped(&c.number);
        let text = match c.availability {
            AvailableForPurchase | OwnedAndFree | PortingRequired => return None,
            InUse => te().number_in_use,
            BeingPorted => te().number_being_ported,
            NotAvailable => te().number_unusable,
        };
        Some(err("keepnumber", &fill(text, &[("number", &number)])))
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
        (self.get("iccok") != icc.as_str()).then(|| err("icc", te().icc_check_again))
    }

    /// A private customer's SIM card sent by post with nowhere to go: no
    /// delivery address typed and none on record (the create refuses it
    /// too, as `422 deliveryAddress`).
    pub fn delivery_problem(&self, private: bool, on_record: Option<&str>) -> Option<FieldError> {
        let posted = private && self.get("sim") == "auto";
        let known = self.has("delivery") || on_record.is_some_and(|a| !a.trim().is_empty());
        (posted && !known).then(|| err("delivery", te().delivery_missing))
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
            out.push(err("customer", te().choose_customer));
        }
    }

    /// The number step: a new number chosen, or a Danish mobile number to keep.
    fn check_number(&self, out: &mut Vec<FieldError>) {
        if !matches!(self.get("mode"), "new" | "keep") {
            out.push(err("mode-new", te().choose_mode));
        } else if self.chosen_number().trim().is_empty() {
            let (field, msg) = if self.keeps_number() {
                ("keepnumber", te().enter_keep)
            } else {
                ("number", te().choose_number)
            };
            out.push(err(field, msg));
        } else if let Err(e) = E164::from_typed(self.chosen_number())
            .and_then(|n| n.danish_mobile_candidate().map(|_| n))
        {
            let msg = match e {
                mvno::phone::NumberError::NotE164 => te().not_e164,
                mvno::phone::NumberError::NotDanishMobile => te().not_danish_mobile,
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
                    out.push(err("network-TDC", te().choose_network));
                }
            }
            _ => out.push(err("sim-esim", te().choose_sim)),
        }
        for i in 1..=3 {
            let key = format!("ds{i}");
            if self.get(&format!("ds{i}kind")) == "physical" {
                if let Some(e) = icc_problem(self.get(&key)) {
                    let text = fill(
                        te().sharing_prefix,
                        &[("i", &i.to_string()), ("problem", &e)],
                    );
                    out.push(err(&key, &text));
                }
            }
        }
    }

    /// The plan step: a rate plan, the voicemail PIN and e-mail address.
    fn check_plan(&self, out: &mut Vec<FieldError>) {
        if mvno::Id::parse(self.get("plan")).is_err() {
            out.push(err("plan", te().choose_plan));
        }
        if self.feature_on("voicemail") == Some(true)
            && self.has("vmpin")
            && !mvno::rules::voicemail_pin_ok(self.get("vmpin"))
        {
            out.push(err("vmpin", te().vmpin));
        }
        // The create's own rule for an e-mail address.
        let vmemail = self.get("vmemail").trim();
        if !vmemail.is_empty() && !mvno::email::is_valid(vmemail) {
            out.push(err("vmemail", te().email));
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
                Ok(d) => match mvno::calendar::check_porting_date_for(
                    d,
                    today,
                    self.sim_is_posted_to_a_consumer(),
                ) {
                    Ok(()) => {}
                    Err(mvno::calendar::PortingDateError::TooEarly(earliest)) => {
                        let earliest = crate::i18n::format::date(crate::i18n::lang(), earliest);
                        out.push(err(
                            "pdate",
                            &fill(te().pdate_too_early, &[("date", &earliest)]),
                        ))
                    }
                    Err(mvno::calendar::PortingDateError::NotWorkingDay) => {
                        out.push(err("pdate", te().pdate_not_working_day))
                    }
                },
                Err(_) => out.push(err("pdate", te().date_format)),
            }
        }
    }

    /// The extras step: PBX cluster, custom data and start date.
    fn check_extras(&self, out: &mut Vec<FieldError>, today: chrono::NaiveDate) {
        use mvno::rules::{self, CustomProblem};
        if self.has("pbx") {
            match self.get("pbx").trim().parse::<i64>() {
                Ok(pbx) if rules::pbx_ok(pbx) => {}
                Ok(_) => out.push(err("pbx", te().pbx_range)),
                Err(_) => out.push(err("pbx", te().pbx_number)),
            }
        }
        if self.has("custom") {
            let custom = serde_json::from_str::<serde_json::Value>(self.get("custom"));
            match custom.as_ref().map(rules::custom_data_problem) {
                Ok(None) => {}
                Ok(Some(CustomProblem::TooLarge)) => out.push(err("custom", te().custom_large)),
                _ => out.push(err("custom", te().custom_object)),
            }
        }
        if self.has("start") {
            match parse_date(self.get("start")) {
                Some(d) if !rules::start_date_ok(d, today) => {
                    out.push(err("start", te().start_past))
                }
                Some(_) => {}
                None => out.push(err("start", te().date_format)),
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
        Err(IccError::Empty) => Some(te().icc_empty.into()),
        Err(IccError::NotDigits) => Some(te().icc_digits.into()),
        Err(IccError::Length) => Some(fill(te().icc_length, &icc_sizes())),
        Err(IccError::Prefix) => Some(te().icc_prefix.into()),
    }
}

/// A warning when the check digit does not match: probably a typo.
pub fn icc_warning(typed: &str) -> Option<&'static str> {
    Icc::parse(typed)
        .ok()
        .filter(|i| !i.luhn_ok())
        .map(|_| te().icc_check_digit)
}

/// The ICC's digit counts, as values of a text.
fn icc_sizes() -> [(&'static str, String); 2] {
    [
        ("min", mvno::icc::MIN_DIGITS.to_string()),
        ("max", mvno::icc::MAX_DIGITS.to_string()),
    ]
}

/// The ICC rule in words: "18 to 20 digits starting with 89".
pub fn icc_rule() -> String {
    fill(te().icc_rule, &icc_sizes())
}

/// A date as typed: `1-12-2026` or `01.12.2026` (as Danes write it), or
/// `2026-12-01` (as a date input sends it).
pub fn parse_date(typed: &str) -> Option<chrono::NaiveDate> {
    let typed = typed.trim();
    ["%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y"]
        .iter()
        .find_map(|f| chrono::NaiveDate::parse_from_str(typed, f).ok())
}

#[cfg(test)]
mod tests;
