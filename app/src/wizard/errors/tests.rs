//! The tests of what stops a step (in Danish, the portal's default).

use super::*;
use crate::wizard::testing::{state, today};

#[test]
fn number_step_normalises_and_checks() {
    assert!(state(&[("mode", "new"), ("number", "20 10 00 01")])
        .check(Step::Number, today())
        .is_empty());
    let e = state(&[("mode", "keep"), ("keepnumber", "7012 3456")]).check(Step::Number, today());
    assert_eq!(
        e[0].message,
        "Det er ikke et dansk mobilnummer. Tjek nummeret."
    );
    assert_eq!(state(&[]).check(Step::Number, today())[0].field, "mode-new");
}

#[test]
fn sim_step_uses_the_shared_icc_rules() {
    let e = state(&[("sim", "physical"), ("icc", "8945 12")]).check(Step::Sim, today());
    assert_eq!(e[0].message, "ICC-nummeret har 18 til 20 cifre.");
    assert!(state(&[("sim", "esim"), ("network", "TDC")])
        .check(Step::Sim, today())
        .is_empty());
    let body = "894555000000000001";
    let d = mvno::icc::luhn_check_digit(body).unwrap();
    assert_eq!(icc_warning(&format!("{body}{d}")), None);
    assert_eq!(
        icc_warning(&format!("{body}{}", (d + 1) % 10)),
        Some("Kontrolcifferet passer ikke. Tjek nummeret.")
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
        e.message.contains("Bed operatøren om at ophæve spærringen"),
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
    assert!(e.message.contains("bruges allerede"), "{}", e.message);
    assert!(e.message.contains("Få et nyt nummer"), "{}", e.message);
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

/// The state with the answers the server keeps (custom data, the PIN) too.
fn with_kept(s: crate::wizard::WizardState, pairs: &[(&str, &str)]) -> crate::wizard::WizardState {
    let owned: Vec<(String, String)> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    s.with_draft(owned.iter().map(|(k, v)| (k, v)))
}

/// The extras step applies the create's own limits (`mvno::rules`): what
/// it lets through, the create takes, and what the create refuses is
/// found here first.
#[test]
fn extras_step_uses_the_create_s_limits() {
    let field_of = |pairs: &[(&str, &str)]| {
        let e = with_kept(state(pairs), pairs).check(Step::Extras, today());
        e.into_iter().map(|e| e.field).collect::<Vec<_>>()
    };
    assert!(field_of(&[("pbx", "999"), ("custom", "{\"ref\": \"A-17\"}")]).is_empty());
    assert_eq!(field_of(&[("pbx", "1000")]), ["pbx"]);
    assert_eq!(field_of(&[("pbx", "tre")]), ["pbx"]);
    let big = format!(
        "{{\"k\": \"{}\"}}",
        "x".repeat(mvno::rules::MAX_CUSTOM_BYTES)
    );
    assert_eq!(field_of(&[("custom", &big)]), ["custom"]);
    assert_eq!(field_of(&[("custom", "[1]")]), ["custom"]);
    assert_eq!(field_of(&[("start", "2026-11-25")]), ["start"]);
    assert!(field_of(&[("start", "2026-11-26")]).is_empty());
}

#[test]
fn plan_step_uses_the_shared_voicemail_pin_rule() {
    let with_pin = |pin: &str| {
        let pairs = [
            ("plan", "d00000000000000000000001"),
            ("featset", "1"),
            ("feat", "roaming,voicemail"),
            ("vmpin", pin),
        ];
        with_kept(state(&pairs), &pairs).check(Step::Plan, today())
    };
    assert!(with_pin("1234").is_empty());
    let e = with_pin("12a4");
    assert_eq!((e.len(), e[0].field.as_str()), (1, "vmpin"));
    assert_eq!(e[0].message, crate::i18n::te().vmpin);
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
fn a_posted_sim_asks_for_an_address_only_when_none_is_known() {
    let posted = state(&[("sim", "auto"), ("network", "TDC")]);
    let e = posted.delivery_problem(true, None).unwrap();
    assert_eq!(e.field, "delivery");
    assert!(posted
        .delivery_problem(true, Some("Nørrebrogade 140"))
        .is_none());
    assert!(
        posted.delivery_problem(false, None).is_none(),
        "a reseller's card"
    );
    let typed = state(&[("sim", "auto"), ("network", "TDC")]).with_draft(
        &[("delivery".to_string(), "Jægersborggade 5".to_string())]
            .into_iter()
            .collect::<std::collections::BTreeMap<_, _>>(),
    );
    assert!(typed.delivery_problem(true, None).is_none());
    let esim = state(&[("sim", "esim"), ("network", "TDC")]);
    assert!(esim.delivery_problem(true, None).is_none());
}

#[test]
fn a_consumers_posted_sim_moves_the_number_after_it_arrives() {
    let posted = mvno::calendar::earliest_porting_date_for(today(), true);
    let early = mvno::calendar::earliest_porting_date(today());
    let port = |sim: &str, pdate: String| {
        state(&[
            ("mode", "keep"),
            ("sim", sim),
            ("mitid", "m00000000000000000000001"),
            ("pdate", &pdate),
        ])
    };
    let e = port("auto", early.to_string()).check(Step::Porting, today());
    assert_eq!(e[0].field, "pdate");
    assert!(port("auto", posted.to_string())
        .check(Step::Porting, today())
        .is_empty());
    assert!(port("esim", early.to_string())
        .check(Step::Porting, today())
        .is_empty());
    // "As soon as possible" is the card's day.
    let asap = port("auto", "asap".into()).to_request(today());
    assert_eq!(
        asap.requested_porting_date.map(|d| d.date_naive()),
        Some(posted)
    );
}
