//! The request on its own: who may create at all, its shape, and the rules
//! that need nothing from the database.

use super::{non_empty, rule, Result};
use crate::account::{CreateError, CreateMvnoRequest, Feature};
use crate::enums::*;
use crate::icc::Icc;
use crate::phone::E164;
use crate::rules::{self, CustomProblem, MAX_DATA_SHARING_SIMS};
use crate::services::{clock, Caller};
use crate::AccessLevel;

/// The first checks: the caller may create at all, there is a body, and no
/// text the database cannot store (refused like a property of the wrong
/// type, before anything is looked up).
pub(super) fn preflight(caller: &Caller, req: &CreateMvnoRequest) -> Result<()> {
    if !caller.access_level.may_create() {
        return Err(CreateError::AccessDenied(None));
    }
    if *req == CreateMvnoRequest::default() {
        return Err(CreateError::NoBody);
    }
    if let Some(path) = nul_path(req) {
        return Err(CreateError::TextWithNul(path));
    }
    Ok(())
}

/// The path of the first string of the request (value or key) holding a NUL
/// character: dotted property names with array indices
/// (`dataSharingSims[1].name`), and `custom` for anything inside the custom
/// object.
fn nul_path(req: &CreateMvnoRequest) -> Option<String> {
    fn walk(v: &serde_json::Value, path: &str) -> Option<String> {
        use serde_json::Value;
        match v {
            Value::String(s) if s.contains('\0') => Some(path.to_string()),
            Value::Array(items) if path == "custom" => items.iter().find_map(|i| walk(i, path)),
            Value::Array(items) => items
                .iter()
                .enumerate()
                .find_map(|(n, i)| walk(i, &format!("{path}[{n}]"))),
            Value::Object(map) => map.iter().find_map(|(k, v)| {
                let inner = if path.is_empty() {
                    k.clone()
                } else if path == "custom" {
                    path.to_string()
                } else {
                    format!("{path}.{k}")
                };
                if k.contains('\0') {
                    Some(inner)
                } else {
                    walk(v, &inner)
                }
            }),
            _ => None,
        }
    }
    walk(&serde_json::to_value(req).ok()?, "")
}

/// The SIM the request asks for.
pub(super) enum SimChoice {
    Physical(Icc),
    Esim(Network),
    AutoAssign(Network),
    NoSim(Network),
}

fn network_of(value: &str, path: &'static str) -> Result<Network> {
    rules::sim_network(value).ok_or_else(|| rule(422, path, "The network must be TDC or TELENOR"))
}

/// Exactly one SIM option (spec rows `404 sim`, `409 mvnoSim` "Only …", `422 mvnoSim`).
fn sim_choice(req: &CreateMvnoRequest) -> Result<SimChoice> {
    let physical = non_empty(&req.mvno_sim);
    let esim = non_empty(&req.esim);
    let auto = req.auto_assign_sim.as_ref().and_then(|a| a.network());
    let nosim = non_empty(&req.nosim);
    let given = [
        physical.is_some(),
        esim.is_some(),
        auto.is_some(),
        nosim.is_some(),
    ]
    .iter()
    .filter(|b| **b)
    .count();
    if given > 1 {
        return Err(CreateError::SeveralSimOptions);
    }
    if let Some(icc) = physical {
        let icc = Icc::parse(icc).map_err(|_| CreateError::SimDataInvalid)?;
        if !icc.luhn_ok() {
            return Err(CreateError::SimDataInvalid);
        }
        return Ok(SimChoice::Physical(icc));
    }
    if let Some(n) = esim {
        return Ok(SimChoice::Esim(network_of(n, "esim")?));
    }
    if let Some(n) = auto {
        return Ok(SimChoice::AutoAssign(network_of(&n, "autoAssignSim")?));
    }
    if let Some(n) = nosim {
        return Ok(SimChoice::NoSim(network_of(n, "nosim")?));
    }
    Err(CreateError::NoSimOption)
}

/// Checks that need no database. Order follows the spec's table loosely:
/// body, number syntax, SIM option, sizes and ranges.
pub(super) fn check_shape(
    req: &CreateMvnoRequest,
    today: chrono::NaiveDate,
) -> Result<(E164, SimChoice)> {
    if *req == CreateMvnoRequest::default() {
        return Err(CreateError::NoBody);
    }
    let number = non_empty(&req.number).ok_or(CreateError::NumberSyntax)?;
    let number = E164::parse(number).map_err(|_| CreateError::NumberSyntax)?;
    number
        .danish_mobile_candidate()
        .map_err(|_| CreateError::NumberNotUsable)?;
    let sim = sim_choice(req)?;
    match req.custom.as_ref().and_then(rules::custom_data_problem) {
        Some(CustomProblem::NotObject) => {
            return Err(rule(422, "custom", "Custom data must be an object"))
        }
        Some(CustomProblem::TooLarge) => return Err(CreateError::CustomTooLarge),
        None => {}
    }
    if req.pbx.is_some_and(|pbx| !rules::pbx_ok(pbx)) {
        return Err(CreateError::PbxOutOfRange);
    }
    if let Some(start) = req.start_date {
        if !rules::start_date_ok(clock::copenhagen_date(start), today) {
            return Err(CreateError::StartDateInPast);
        }
    }
    if let (Some(start), Some(delete)) = (req.start_date, req.delete_date) {
        if delete <= start {
            return Err(rule(
                422,
                "deleteDate",
                "The delete date must be after the start date",
            ));
        }
    }
    if let Some(sims) = &req.data_sharing_sims {
        if sims.len() > MAX_DATA_SHARING_SIMS {
            return Err(rule(422, "dataSharingSims", "At most 3 data-sharing SIMs"));
        }
        for (i, s) in sims.iter().enumerate() {
            let at = |e: CreateError| CreateError::DataSharingSim(i, Box::new(e));
            if s.assign_esim == Some(true) && non_empty(&s.sim_number).is_some() {
                return Err(at(CreateError::DataSharingEsimWithSimNumber));
            }
            if s.assign_esim != Some(true) && non_empty(&s.sim_number).is_none() {
                return Err(at(rule(
                    422,
                    "dataSharingSims.simNumber",
                    "Give the SIM card's ICC, or set assignEsim",
                )));
            }
        }
    }
    if let Some(p) = &req.purchase_info {
        if let Some(opt) = &p.payment_option {
            if !["NONE", "BOUGHT", "RENTED"].contains(&opt.as_str()) {
                return Err(rule(
                    422,
                    "purchaseInfo.paymentOption",
                    "paymentOption is NONE, BOUGHT or RENTED",
                ));
            }
        }
    }
    Ok((number, sim))
}

/// Checks the voicemail settings and says whether they apply: only with
/// `feature.voicemail` on and neither a SIP account nor a PBX (otherwise
/// they are not stored, as the spec's own example expects).
pub(super) fn check_voicemail(req: &CreateMvnoRequest, feature: &Feature) -> Result<bool> {
    let Some(vm) = &req.voicemail else {
        return Ok(false);
    };
    let applies = feature.voicemail
        && non_empty(&req.sip_account).is_none()
        && req.pbx.is_none_or(|p| p <= 0);
    if vm
        .pin
        .as_deref()
        .is_some_and(|pin| !rules::voicemail_pin_ok(pin))
    {
        return Err(rule(422, "voicemail.pin", rules::VOICEMAIL_PIN_RULE));
    }
    let notify = vm.notify.as_deref().unwrap_or("NONE");
    if !["NONE", "SMS", "EMAIL", "BOTH"].contains(&notify) {
        return Err(rule(
            422,
            "voicemail.notify",
            "notify is NONE, SMS, EMAIL or BOTH",
        ));
    }
    let email = vm.email.as_deref().map(str::trim).filter(|e| !e.is_empty());
    if matches!(notify, "EMAIL" | "BOTH") && email.is_none() {
        return Err(rule(
            422,
            "voicemail.email",
            "An e-mail address is needed to notify by e-mail",
        ));
    }
    if let Some(e) = email {
        if !crate::email::is_valid(e) {
            return Err(rule(
                422,
                "voicemail.email",
                "The e-mail address is not valid",
            ));
        }
    }
    Ok(applies)
}

/// Fields limited to some access levels: refused, never silently dropped.
pub(super) fn check_field_levels(req: &CreateMvnoRequest, level: AccessLevel) -> Result<()> {
    if req.notes.is_some() && !level.sees_notes() {
        return Err(CreateError::AccessDenied(Some("notes")));
    }
    if req.purchase_info.is_some() && !level.is_admin() {
        return Err(CreateError::AccessDenied(Some("purchaseInfo")));
    }
    if req.socs_override.as_ref().is_some_and(|s| !s.is_empty()) && !level.is_admin() {
        return Err(CreateError::AccessDenied(Some("socsOverride")));
    }
    if req.mit_id.is_some() && !level.is_admin() {
        return Err(CreateError::AccessDenied(Some("mitId")));
    }
    Ok(())
}

/// What a self-service caller may not ask for: a SIM card picked by ICC
/// (as the account's SIM or a data-sharing SIM) or no SIM. An eSIM or an
/// auto-assigned SIM, from the stock [`signup::stock_holders`] allows.
pub(super) fn check_self_service(req: &CreateMvnoRequest, sim: &SimChoice) -> Result<()> {
    match sim {
        SimChoice::Physical(_) => return Err(CreateError::AccessDenied(Some("mvnoSim"))),
        SimChoice::NoSim(_) => return Err(CreateError::AccessDenied(Some("nosim"))),
        SimChoice::Esim(_) | SimChoice::AutoAssign(_) => {}
    }
    if let Some(i) = req
        .data_sharing_sims
        .iter()
        .flatten()
        .position(|s| s.assign_esim != Some(true))
    {
        return Err(CreateError::DataSharingSim(
            i,
            Box::new(CreateError::AccessDenied(Some("dataSharingSims.simNumber"))),
        ));
    }
    Ok(())
}
