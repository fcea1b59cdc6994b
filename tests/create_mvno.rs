//! The create operation against the spec's error table and its successes,
//! on SQLite and on PostgreSQL. Every error test also checks that a failed
//! create leaves nothing behind but its event.

use mvno::on_both;

use chrono::{Duration, Utc};
use mvno::account::MitId;
use mvno::account::{
    AutoAssign, CreateMvnoRequest, DataSharingSimRequest, FeatureRequest, RowRequest, SocOverride,
    VoicemailRequest,
};
use mvno::auth::LoginRequest;
use mvno::db::entity::*;
use mvno::services::auth::{self, TokenKind};
use mvno::services::create::{create, CreateSettings};
use mvno::services::create::{create_with, Trusted};
use mvno::services::demo::{self, ids, numbers};
use mvno::services::Caller;
use mvno::services::{mitid, view};
use mvno::ApiError;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
};

const RESELLER: &str = "reseller@nordlys.dk";
const OWNER: &str = "owner@bagerjensen.dk";
const ADMIN: &str = "admin@telecomx.dk";

async fn caller(db: &DatabaseConnection, username: &str) -> Caller {
    let req = LoginRequest {
        username: username.into(),
        password: demo::DEMO_PASSWORD.into(),
        persist: false,
    };
    let reply = auth::login(db, &req, TokenKind::Api).await.unwrap();
    auth::authenticate_token(db, &reply.token, TokenKind::Api)
        .await
        .unwrap()
}

/// A valid request: Bager Jensen buys a purchasable TDC number with an eSIM.
fn base() -> CreateMvnoRequest {
    CreateMvnoRequest {
        customer: Some(ids::BAGER_JENSEN.into()),
        number: Some("+4520100001".into()),
        esim: Some("TDC".into()),
        rate_plan: Some(ids::PLAN_10GB.into()),
        ..Default::default()
    }
}

/// A Luhn-valid ICC of a card in Nordlys's TDC stock.
fn nordlys_tdc_icc(n: u64) -> String {
    demo::demo_icc("8945550", n)
}

/// What a create may change, counted.
#[derive(Debug, PartialEq)]
struct Snapshot {
    accounts: u64,
    portings: u64,
    invoice_lines: u64,
    sharing: u64,
    sims_taken: u64,
    numbers_taken: u64,
    numbers: u64,
    jobs: u64,
}

async fn snapshot(db: &DatabaseConnection) -> Snapshot {
    Snapshot {
        accounts: mvno_account::Entity::find().count(db).await.unwrap(),
        portings: porting::Entity::find().count(db).await.unwrap(),
        invoice_lines: invoice_line::Entity::find().count(db).await.unwrap_or(0),
        sharing: data_sharing_sim::Entity::find().count(db).await.unwrap(),
        sims_taken: sim_card::Entity::find()
            .filter(sim_card::Column::AccountId.is_not_null())
            .count(db)
            .await
            .unwrap(),
        numbers_taken: number::Entity::find()
            .filter(number::Column::AccountId.is_not_null())
            .count(db)
            .await
            .unwrap(),
        numbers: number::Entity::find().count(db).await.unwrap(),
        jobs: job::Entity::find().count(db).await.unwrap(),
    }
}

async fn events_with(db: &DatabaseConnection, outcome: &str) -> u64 {
    event::Entity::find()
        .filter(event::Column::Outcome.eq(outcome))
        .count(db)
        .await
        .unwrap()
}

/// Runs a create that must fail with exactly (status, code, message), and
/// checks that it changed nothing but the event log.
async fn refused(
    db: &DatabaseConnection,
    who: &str,
    req: CreateMvnoRequest,
    status: u16,
    code: &str,
    message: &str,
) -> ApiError {
    refused_with(db, who, req, &Trusted::default(), status, code, message).await
}

/// [`refused`] for a create with what a portal door adds.
async fn refused_with(
    db: &DatabaseConnection,
    who: &str,
    req: CreateMvnoRequest,
    trusted: &Trusted,
    status: u16,
    code: &str,
    message: &str,
) -> ApiError {
    let c = caller(db, who).await;
    let before = snapshot(db).await;
    let outcome = format!("{status} {code}");
    let events_before = events_with(db, &outcome).await;
    let err = create_with(db, &c, &req, trusted, &CreateSettings::default())
        .await
        .expect_err("the create must fail");
    assert_eq!(
        (err.status, err.code.as_str(), err.message.as_str()),
        (status, code, message),
        "{err:?}"
    );
    assert_eq!(
        snapshot(db).await,
        before,
        "a failed create left something behind"
    );
    assert_eq!(
        events_with(db, &outcome).await,
        events_before + 1,
        "the attempt is recorded as an event"
    );
    err
}

/// One spec row: a test on both databases named after the row's trigger.
macro_rules! row {
    ($name:ident, $who:expr, |$req:ident, $db:ident| $setup:block, $status:expr, $code:expr, $message:expr) => {
        on_both!($name, |db| {
            demo::load(db).await.unwrap();
            let $db = db;
            #[allow(unused_mut, unused_assignments)]
            let mut $req = base();
            $setup
            refused(db, $who, $req, $status, $code, $message).await;
        });
    };
}

// ---- 400 ----
row!(
    empty_body_is_bad_request,
    RESELLER,
    |req, _db| {
        req = CreateMvnoRequest::default();
    },
    400,
    "bad_request",
    "MVNO account not found in body of request"
);

// ---- 403 ----
row!(
    viewer_may_not_create,
    "viewer@bagerjensen.dk",
    |req, _db| {},
    403,
    "access_denied",
    "Insufficient access level"
);
row!(
    reseller_may_not_create_for_another_resellers_customer,
    "reseller@kattegat.dk",
    |req, _db| {},
    403,
    "access_denied",
    "Insufficient access level"
);
row!(
    owner_may_not_create_for_another_customer,
    OWNER,
    |req, _db| {
        req.customer = Some(ids::JENSEN_HOLDING.into());
    },
    403,
    "access_denied",
    "Insufficient access level"
);
row!(
    self_service_port_in_without_mitid_is_not_authorised,
    PRIVATE,
    |req, _db| {
        req = private_base();
        req.number = Some(numbers::DONOR_TELIA_EMAIL.into());
    },
    403,
    "number",
    "Insufficient access level to authorize porting of number"
);

// A business's OWNER signs the power of attorney itself; a private person
// in self-service authorises with MitID.
on_both!(owners_and_mitid_verified_people_may_port_in, |db| {
    demo::load(db).await.unwrap();
    let mut req = base();
    req.number = Some(numbers::DONOR_TELIA_EMAIL.into());
    let a = create(
        db,
        &caller(db, OWNER).await,
        &req,
        &CreateSettings::default(),
    )
    .await
    .unwrap();
    assert_eq!(a.number_state, mvno::enums::NumberState::PortingIn);

    let mette = caller(db, PRIVATE).await;
    let v = mitid::stand_in(db, &mette).await.unwrap();
    let mut req = private_base();
    req.number = Some(numbers::DONOR_3_FAX.into());
    let a = create_with(
        db,
        &mette,
        &req,
        &Trusted {
            mitid: Some(v.id.to_string()),
            ..Default::default()
        },
        &CreateSettings::default(),
    )
    .await
    .unwrap();
    assert_eq!(a.number_state, mvno::enums::NumberState::PortingIn);
    assert!(a.porting.is_some());
});
row!(
    blocked_customer_is_refused,
    RESELLER,
    |req, _db| {
        req.customer = Some(ids::VESTJYSK_VVS.into());
    },
    403,
    "customer",
    "Customer is blocked"
);

// ---- 404 ----
row!(
    plan_ending_before_next_period_without_new_plan_is_not_found,
    RESELLER,
    |req, _db| {
        req.rate_plan = Some(ids::PLAN_ENDING.into());
    },
    404,
    "not_found",
    "Product to use for invoicing next period not found"
);
row!(
    unknown_number_is_not_found,
    RESELLER,
    |req, _db| {
        req.number = Some(numbers::UNKNOWN.into());
    },
    404,
    "number",
    "Phone number not found"
);
row!(
    port_in_without_donor_sim_is_refused,
    RESELLER,
    |req, _db| {
        req.number = Some(numbers::DONOR_TDC_ICC.into());
    },
    404,
    "donorSimNumber",
    "Number requires porting but donor SIM number is invalid"
);
row!(
    unknown_customer_is_not_found,
    RESELLER,
    |req, _db| {
        req.customer = Some("ffffffffffffffffffffffff".into());
    },
    404,
    "customer",
    "Customer not found"
);
row!(
    expired_rate_plan_is_not_found,
    RESELLER,
    |req, _db| {
        req.rate_plan = Some(ids::PLAN_EXPIRED.into());
    },
    404,
    "ratePlan",
    "Rate plan not found or not valid"
);
row!(
    another_resellers_new_rate_plan_is_not_found,
    RESELLER,
    |req, _db| {
        req.new_rate_plan = Some(ids::PLAN_KATTEGAT.into());
    },
    404,
    "newRatePlan",
    "New rate plan not found or not valid"
);
row!(
    another_customers_sip_account_is_not_found,
    RESELLER,
    |req, _db| {
        req.sip_account = Some(ids::SIP_FISKEHANDEL.into());
    },
    404,
    "sipAccount",
    "SIP account not found"
);
row!(
    sim_outside_the_reseller_chain_is_not_found,
    RESELLER,
    |req, _db| {
        req.esim = None;
        req.mvno_sim = Some(nordlys_tdc_icc(801)); // Kattegat's card
    },
    404,
    "mvnoSim",
    "SIM card not found"
);
row!(
    no_sim_option_is_refused,
    RESELLER,
    |req, _db| {
        req.esim = None;
    },
    404,
    "sim",
    "No SIM creation option found - either mvnoSim, esim, or autoAssignSim should be set"
);
row!(
    no_auto_assign_sim_in_stock_is_refused,
    "reseller@kattegat.dk",
    |req, _db| {
        req.customer = Some(ids::FISKEHANDEL.into());
        req.rate_plan = Some(ids::PLAN_KATTEGAT.into());
        req.esim = None;
        req.auto_assign_sim = Some(AutoAssign::Network("TDC".into()));
    },
    404,
    "autoAssignSim",
    "No auto-assign SIMs available"
);
row!(
    extension_of_another_customer_is_not_found,
    RESELLER,
    |req, _db| {
        req.pbx = Some(1);
        req.extension = Some(ids::EXT_FISKEHANDEL.into());
    },
    404,
    "extension",
    "Extension not found"
);
row!(
    data_sharing_sim_outside_the_chain_is_not_found,
    RESELLER,
    |req, _db| {
        req.data_sharing_sims = Some(vec![DataSharingSimRequest {
            sim_number: Some(nordlys_tdc_icc(801)),
            ..Default::default()
        }]);
    },
    404,
    "dataSharingSims.simNumber",
    "SIM card not found"
);
row!(
    no_free_number_for_a_data_sharing_sim_is_refused,
    RESELLER,
    |req, db| {
        req.number = Some(numbers::OWNED_FREE.into());
        number::Entity::update_many()
            .col_expr(number::Column::State, Expr::value("LOCKED"))
            .filter(number::Column::State.eq("AVAILABLE"))
            .filter(number::Column::Number.ne(numbers::OWNED_FREE))
            .exec(db)
            .await
            .unwrap();
        req.data_sharing_sims = Some(vec![DataSharingSimRequest {
            sim_number: Some(nordlys_tdc_icc(1)),
            ..Default::default()
        }]);
    },
    404,
    "dataSharingSims.number",
    "No available numbers to assign to data sharing sim"
);

// ---- 409 ----
row!(
    number_in_an_unsplit_range_is_a_conflict,
    RESELLER,
    |req, _db| {
        req.number = Some(numbers::RANGE_MEMBER.into());
    },
    409,
    "number",
    "The number is part of a range"
);
row!(
    number_in_use_is_a_conflict,
    RESELLER,
    |req, _db| {
        req.number = Some(numbers::IN_USE.into());
    },
    409,
    "number",
    "Number is in use on another account"
);
row!(
    number_being_ported_is_a_conflict,
    RESELLER,
    |req, _db| {
        req.number = Some(numbers::PORTING_IN.into());
    },
    409,
    "number",
    "Number is being ported to another account"
);
row!(
    owner_may_not_buy_from_reseller_stock,
    OWNER,
    |req, _db| {
        req.number = Some(numbers::RESELLER_STOCK.into());
    },
    409,
    "number",
    "Insufficient access level to purchase number"
);
row!(
    quarantined_number_is_not_available,
    RESELLER,
    |req, _db| {
        req.number = Some(numbers::QUARANTINED.into());
    },
    409,
    "number",
    "The number is not available"
);
row!(
    number_reserved_by_another_reseller_is_not_available,
    RESELLER,
    |req, _db| {
        req.number = Some(numbers::PRE_RESERVED_OTHER.into());
    },
    409,
    "number",
    "The number is not available"
);
row!(
    used_sim_is_a_conflict,
    RESELLER,
    |req, _db| {
        req.esim = None;
        req.mvno_sim = Some(demo::used_sim_icc());
    },
    409,
    "mvnoSim",
    "SIM card is not available"
);
row!(
    two_sim_options_are_a_conflict,
    RESELLER,
    |req, _db| {
        req.mvno_sim = Some(nordlys_tdc_icc(1));
    },
    409,
    "mvnoSim",
    "Only mvnoSim, esim, or autoAssignSim can be set at the same time."
);
row!(
    unknown_rest_of_world_product_is_a_conflict,
    RESELLER,
    |req, _db| {
        req.rest_of_world_roaming = Some(RowRequest {
            product_id: Some(Some(ids::PLAN_50GB.into())),
            keep_after_expire: None,
        });
    },
    409,
    "restOfWorldRoaming.productId",
    "Product for Rest-of-World roaming not found"
);
row!(
    included_rest_of_world_package_cannot_be_removed,
    RESELLER,
    |req, _db| {
        req.rate_plan = Some(ids::PLAN_BUSINESS_WORLD.into());
        req.rest_of_world_roaming = Some(RowRequest {
            product_id: Some(None),
            keep_after_expire: None,
        });
    },
    409,
    "restOfWorldRoaming.productId",
    "Rest-of-World product cannot be removed from a product, that has one included."
);
row!(
    extension_on_a_trunk_is_a_conflict,
    RESELLER,
    |req, _db| {
        req.pbx = Some(1);
        req.extension = Some(ids::EXT_ON_TRUNK.into());
    },
    409,
    "extension",
    "Cannot be assigned to extension, is already assigned to trunk"
);
row!(
    used_data_sharing_sim_is_a_conflict,
    RESELLER,
    |req, _db| {
        req.data_sharing_sims = Some(vec![DataSharingSimRequest {
            sim_number: Some(demo::used_sim_icc()),
            ..Default::default()
        }]);
    },
    409,
    "dataSharingSims.simNumber",
    "SIM card is not available"
);
row!(
    data_sharing_on_telenor_is_a_conflict,
    RESELLER,
    |req, _db| {
        req.number = Some("+4530100001".into());
        req.esim = Some("TELENOR".into());
        req.data_sharing_sims = Some(vec![DataSharingSimRequest {
            assign_esim: Some(true),
            ..Default::default()
        }]);
    },
    409,
    "dataSharingSims.network",
    "SIM card does not belong to same network as the primary SIM card"
);

// ---- 422 ----
row!(billing_customer_not_associated_is_refused, RESELLER, |req, _db| { req.billing_customer = Some(ids::TANDKLINIK.into()); }, 422, "billingCustomer", "An MVNO account can not be assigned a billing customer, not assosciated with the MVNO account's customer.");
row!(
    number_not_in_e164_is_invalid,
    RESELLER,
    |req, _db| {
        req.number = Some("20100001".into());
    },
    422,
    "number",
    "The number is invalid"
);
row!(
    custom_data_over_4kb_is_refused,
    RESELLER,
    |req, _db| {
        req.custom = Some(serde_json::json!({"blob": "x".repeat(4100)}));
    },
    422,
    "custom",
    "Custom data too large, max. 4Kb"
);
row!(
    shared_cost_number_is_not_a_mobile_number,
    RESELLER,
    |req, _db| {
        req.number = Some("+4570123456".into());
    },
    422,
    "number",
    "Number is invalid"
);
row!(
    fixed_line_number_is_not_a_mobile_number,
    RESELLER,
    |req, _db| {
        req.number = Some(numbers::FIXED_LINE.into());
    },
    422,
    "number",
    "Number is invalid"
);
row!(
    icc_with_a_wrong_check_digit_is_invalid,
    RESELLER,
    |req, _db| {
        let good = nordlys_tdc_icc(1);
        let last = good.as_bytes()[18] - b'0';
        req.esim = None;
        req.mvno_sim = Some(format!("{}{}", &good[..18], (last + 1) % 10));
    },
    422,
    "mvnoSim",
    "MVNO SIM data is invalid"
);
row!(
    expired_service_is_invalid,
    RESELLER,
    |req, _db| {
        req.services = Some(vec![ids::SERVICE_EXPIRED.into()]);
    },
    422,
    "services",
    "One or more services not found or not valid"
);
row!(
    donor_sim_that_is_no_icc_is_invalid,
    RESELLER,
    |req, _db| {
        req.number = Some(numbers::DONOR_TDC_ICC.into());
        req.donor_sim_number = Some("1647384576898427289".into()); // the spec example's
    },
    422,
    "donorSimNumber",
    "Donor SIM number is not valid"
);
row!(
    donor_sim_failing_the_donors_rule_is_refused,
    RESELLER,
    |req, _db| {
        req.number = Some(numbers::DONOR_TDC_ICC.into());
        req.donor_sim_number = Some(demo::demo_icc("894502", 777)); // a Telenor ICC for a TDC number
    },
    422,
    "donorSimNumber",
    "SIM number not valid according to donors validation"
);
row!(
    pbx_outside_the_range_is_refused,
    RESELLER,
    |req, _db| {
        req.pbx = Some(5000);
    },
    422,
    "pbx",
    "Pbx is outside the valid range"
);
row!(
    unknown_soc_in_an_override_is_refused,
    ADMIN,
    |req, _db| {
        req.socs_override = Some(vec![SocOverride {
            soc: "NOPE".into(),
            new_soc: "VOLTE".into(),
            ..Default::default()
        }]);
    },
    422,
    "socsOverride",
    "SOC NOPE is invalid"
);
row!(
    start_date_in_the_past_is_refused,
    RESELLER,
    |req, _db| {
        req.start_date = mvno::dates::parse_lenient("2020-01-01T00:00.000Z");
    },
    422,
    "startDate",
    "Start date has to be either today, or in the future"
);
row!(
    assign_esim_with_a_sim_number_is_refused,
    RESELLER,
    |req, _db| {
        req.data_sharing_sims = Some(vec![DataSharingSimRequest {
            sim_number: Some(nordlys_tdc_icc(2)),
            assign_esim: Some(true),
            ..Default::default()
        }]);
    },
    422,
    "dataSharingSims.assignEsim",
    "This property can not be true, if simNumber is not null"
);

// ---- 500 ----
row!(
    number_whose_operator_is_unknown_fails_the_lookup,
    RESELLER,
    |req, _db| {
        req.number = Some(numbers::LOOKUP_NO_OPERATOR.into());
    },
    500,
    "number",
    "Failed to lookup operator for number"
);

on_both!(database_failure_is_an_internal_error_and_rolls_back, |db| {
    demo::load(db).await.unwrap();
    // Break the invoice table: buying the number then fails half-way.
    db.execute_unprepared("DROP TABLE invoice_line")
        .await
        .unwrap();
    refused(
        db,
        RESELLER,
        base(),
        500,
        "internal_error",
        "Internal error",
    )
    .await;
});

// A failed account insert is read by the index that refused it, never
// as a lost race for the number by default.
row!(
    sim_taken_under_the_create_is_refused_by_the_sim_index,
    RESELLER,
    |req, db| {
        // The card looks free in stock, but an account holds it: the unique
        // SIM column of the account is what refuses the create.
        sim_card::Entity::update_many()
            .col_expr(
                sim_card::Column::AccountId,
                Expr::value(Option::<String>::None),
            )
            .filter(sim_card::Column::Icc.eq(demo::used_sim_icc()))
            .exec(db)
            .await
            .unwrap();
        req.esim = None;
        req.mvno_sim = Some(demo::used_sim_icc());
    },
    409,
    "mvnoSim",
    "SIM card is not available"
);

row!(
    number_taken_under_the_create_is_refused_by_the_number_index,
    RESELLER,
    |req, db| {
        // The number looks free, but an account holds it: the unique number
        // column of the account is what refuses the create.
        number::Entity::update_many()
            .col_expr(number::Column::State, Expr::value("AVAILABLE"))
            .col_expr(
                number::Column::AccountId,
                Expr::value(Option::<String>::None),
            )
            .filter(number::Column::Number.eq(numbers::IN_USE))
            .exec(db)
            .await
            .unwrap();
        req.number = Some(numbers::IN_USE.into());
    },
    409,
    "number",
    "Number is in use on another account"
);

on_both!(
    account_insert_failing_otherwise_is_an_internal_error,
    |db| {
        demo::load(db).await.unwrap();
        // A database that refuses the account row for a reason of its own.
        let break_it = match db.get_database_backend() {
            sea_orm::DatabaseBackend::Postgres => {
                "CREATE FUNCTION refuse_account() RETURNS trigger AS $$ \
             BEGIN RAISE EXCEPTION 'refused'; END $$ LANGUAGE plpgsql; \
             CREATE TRIGGER refuse_account BEFORE INSERT ON mvno_account \
             FOR EACH ROW EXECUTE FUNCTION refuse_account();"
            }
            _ => {
                "CREATE TRIGGER refuse_account BEFORE INSERT ON mvno_account \
             BEGIN SELECT RAISE(ABORT, 'refused'); END;"
            }
        };
        db.execute_unprepared(break_it).await.unwrap();
        refused(
            db,
            RESELLER,
            base(),
            500,
            "internal_error",
            "Internal error",
        )
        .await;
    }
);

// Text the database cannot store (PostgreSQL refuses NUL in text and JSON)
// is refused up front on both databases, naming the property.
row!(
    notes_with_a_nul_character_are_refused,
    RESELLER,
    |req, _db| {
        req.notes = Some("before\u{0}after".into());
    },
    422,
    "notes",
    mvno::account::NUL_MESSAGE
);
row!(
    custom_data_with_a_nul_character_is_refused,
    RESELLER,
    |req, _db| {
        req.custom = Some(serde_json::json!({"crm": {"ref": "A\u{0}1"}}));
    },
    422,
    "custom",
    mvno::account::NUL_MESSAGE
);
row!(
    a_data_sharing_name_with_a_nul_character_is_refused,
    RESELLER,
    |req, _db| {
        req.data_sharing_sims = Some(vec![DataSharingSimRequest {
            assign_esim: Some(true),
            name: Some("Laptop\u{0}".into()),
            ..Default::default()
        }]);
    },
    422,
    "dataSharingSims.name",
    mvno::account::NUL_MESSAGE
);

// ---- Our rows for rules without a row in the spec's table ----
row!(
    owner_may_not_set_notes,
    OWNER,
    |req, _db| {
        req.notes = Some("note".into());
    },
    403,
    "access_denied",
    "Insufficient access level"
);
row!(
    reseller_may_not_set_purchase_info,
    RESELLER,
    |req, _db| {
        req.purchase_info = Some(Default::default());
    },
    403,
    "access_denied",
    "Insufficient access level"
);
row!(
    reseller_may_not_set_soc_overrides,
    RESELLER,
    |req, _db| {
        req.socs_override = Some(vec![SocOverride {
            soc: "VOLTE".into(),
            new_soc: "HDVOICE".into(),
            ..Default::default()
        }]);
    },
    403,
    "access_denied",
    "Insufficient access level"
);
row!(
    more_than_three_data_sharing_sims_are_refused,
    RESELLER,
    |req, _db| {
        req.data_sharing_sims = Some(vec![
            DataSharingSimRequest {
                assign_esim: Some(true),
                ..Default::default()
            };
            4
        ]);
    },
    422,
    "dataSharingSims",
    "At most 3 data-sharing SIMs"
);
row!(
    porting_date_on_a_weekend_is_refused,
    RESELLER,
    |req, _db| {
        req.number = Some(numbers::DONOR_TDC_ICC.into());
        req.donor_sim_number = Some(demo::demo_icc("894501", 4711));
        let mut d = Utc::now() + Duration::days(7);
        while mvno::calendar::is_working_day(mvno::services::clock::copenhagen_date(d)) {
            d += Duration::days(1);
        }
        req.requested_porting_date = Some(d);
    },
    422,
    "requestedPortingDate",
    "The porting date must be a Danish working day (not a weekend or public holiday)"
);
row!(
    voicemail_pin_of_three_digits_is_refused,
    RESELLER,
    |req, _db| {
        req.feature = Some(FeatureRequest {
            voicemail: Some(true),
            ..Default::default()
        });
        req.voicemail = Some(VoicemailRequest {
            pin: Some("123".into()),
            ..Default::default()
        });
    },
    422,
    "voicemail.pin",
    "The voicemail PIN is 4 to 10 digits"
);
row!(
    unknown_network_is_refused,
    RESELLER,
    |req, _db| {
        req.esim = Some("VODAFONE".into());
    },
    422,
    "esim",
    "The network must be TDC or TELENOR"
);

// ---- Identity: from the server's record only ----

fn forged_mit_id() -> MitId {
    MitId {
        uuid: Some("forged-uuid-0000".into()),
        name: Some("Someone Else".into()),
        authentication_date: Some("2026-01-01T00:00:00.000Z".into()),
    }
}

/// The `mitId` the admin reads on an account.
async fn mit_id_of(db: &DatabaseConnection, account: &str) -> Option<MitId> {
    let admin = caller(db, ADMIN).await;
    view::get(db, &admin, account).await.unwrap().mit_id
}

async fn verification(db: &DatabaseConnection, id: &str) -> mitid_verification::Model {
    mitid_verification::Entity::find_by_id(id)
        .one(db)
        .await
        .unwrap()
        .expect("the verification is recorded")
}

on_both!(only_an_admin_may_set_mit_id, |db| {
    demo::load(db).await.unwrap();
    for who in [OWNER, RESELLER, "reseller-admin@nordlys.dk", PRIVATE] {
        let mut req = if who == PRIVATE {
            private_base()
        } else {
            base()
        };
        req.mit_id = Some(forged_mit_id());
        let err = refused(
            db,
            who,
            req,
            403,
            "access_denied",
            "Insufficient access level",
        )
        .await;
        assert_eq!(err.path.as_deref(), Some("mitId"), "{who}");
    }
    let mut req = base();
    req.mit_id = Some(forged_mit_id());
    let a = create(
        db,
        &caller(db, ADMIN).await,
        &req,
        &CreateSettings::default(),
    )
    .await
    .unwrap();
    assert_eq!(a.mit_id, Some(forged_mit_id()), "an admin may record it");
});

on_both!(
    a_mitid_verification_gives_the_identity_once_to_its_own_employee,
    |db| {
        demo::load(db).await.unwrap();
        let mette = caller(db, PRIVATE).await;
        let v = mitid::stand_in(db, &mette).await.unwrap();
        assert_eq!(v.name, "Mette Hansen");
        let trusted = Trusted {
            mitid: Some(v.id.to_string()),
            ..Default::default()
        };
        // Another employee may not use it.
        let err = refused_with(
            db,
            RESELLER,
            private_base(),
            &trusted,
            422,
            "mitId",
            mitid::NOT_VALID,
        )
        .await;
        assert_eq!(err.path.as_deref(), Some("mitId"));
        // A create that fails for another reason leaves it unused.
        let mut bad = private_base();
        bad.number = Some(numbers::UNKNOWN.into());
        refused_with(
            db,
            PRIVATE,
            bad,
            &trusted,
            404,
            "number",
            "Phone number not found",
        )
        .await;
        assert_eq!(verification(db, v.id.as_str()).await.used_at, None);
        // The create takes the identity from the record, and uses it up.
        let a = create_with(
            db,
            &mette,
            &private_base(),
            &trusted,
            &CreateSettings::default(),
        )
        .await
        .unwrap();
        assert!(a.mit_id.is_none(), "the owner does not see it");
        let row = verification(db, v.id.as_str()).await;
        assert!(row.used_at.is_some());
        let recorded = mit_id_of(db, &a.id)
            .await
            .expect("the account has the identity");
        assert_eq!(recorded.name.as_deref(), Some("Mette Hansen"));
        assert_eq!(recorded.uuid.as_deref(), Some(row.uuid.as_str()));
        assert_eq!(
            recorded.authentication_date,
            Some(mvno::dates::format(&row.authentication_date))
        );
        // Used once: refused the second time, as are unknown and malformed ids.
        let mut again = private_base();
        again.number = Some("+4520100002".into());
        for reference in [
            v.id.to_string(),
            "0a0000000000000000000fff".into(),
            "nonsense".into(),
        ] {
            let t = Trusted {
                mitid: Some(reference),
                ..Default::default()
            };
            refused_with(
                db,
                PRIVATE,
                again.clone(),
                &t,
                422,
                "mitId",
                mitid::NOT_VALID,
            )
            .await;
        }
        // Without a verification the account has no identity.
        let a = create(db, &mette, &again, &CreateSettings::default())
            .await
            .unwrap();
        assert_eq!(mit_id_of(db, &a.id).await, None);
    }
);

on_both!(an_expired_mitid_verification_is_refused, |db| {
    demo::load(db).await.unwrap();
    let owner = caller(db, OWNER).await;
    let v = mitid::stand_in(db, &owner).await.unwrap();
    let row = verification(db, v.id.as_str()).await;
    assert_eq!(
        row.expires_at - row.created_at,
        Duration::minutes(mitid::VALID_MINUTES)
    );
    mitid_verification::Entity::update_many()
        .col_expr(
            mitid_verification::Column::ExpiresAt,
            Expr::value(Utc::now() - Duration::seconds(1)),
        )
        .exec(db)
        .await
        .unwrap();
    let trusted = Trusted {
        mitid: Some(v.id.to_string()),
        ..Default::default()
    };
    refused_with(db, OWNER, base(), &trusted, 422, "mitId", mitid::NOT_VALID).await;
    // The next stand-in clears the caller's expired records.
    mitid::stand_in(db, &owner).await.unwrap();
    assert!(mitid_verification::Entity::find_by_id(v.id.as_str())
        .one(db)
        .await
        .unwrap()
        .is_none());
});

// ---- Self-service: the limits of a private customer's own login ----

const PRIVATE: &str = "mette.hansen@example.dk";

/// A valid self-service request: Mette Hansen buys a number with an eSIM
/// on a public plan.
fn private_base() -> CreateMvnoRequest {
    CreateMvnoRequest {
        customer: Some(ids::METTE_HANSEN.into()),
        ..base()
    }
}

on_both!(self_service_takes_public_plans_only, |db| {
    demo::load(db).await.unwrap();
    for plan in [ids::PLAN_BUSINESS_WORLD, ids::PLAN_MASTER_5GB] {
        let mut req = private_base();
        req.rate_plan = Some(plan.into());
        refused(
            db,
            PRIVATE,
            req,
            404,
            "ratePlan",
            "Rate plan not found or not valid",
        )
        .await;
    }
    // The catalog offers the same plans the create accepts.
    let mette = caller(db, PRIVATE).await;
    let offered = mvno::services::catalog::products(
        db,
        &mette,
        Some(ids::METTE_HANSEN),
        mvno::enums::ProductKind::RatePlan,
    )
    .await
    .unwrap();
    let offered: Vec<&str> = offered.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(offered, [ids::PLAN_10GB, ids::PLAN_50GB]);
    for plan in offered {
        let mut req = private_base();
        req.rate_plan = Some(plan.into());
        req.number = Some(
            if plan == ids::PLAN_10GB {
                "+4520100001"
            } else {
                "+4520100002"
            }
            .into(),
        );
        create(db, &mette, &req, &CreateSettings::default())
            .await
            .unwrap();
    }
});

on_both!(
    self_service_takes_an_esim_or_an_auto_assigned_sim_only,
    |db| {
        demo::load(db).await.unwrap();
        type Change = fn(&mut CreateMvnoRequest);
        let refusals: [(&str, Change); 3] = [
            ("mvnoSim", |r| {
                r.esim = None;
                r.mvno_sim = Some(nordlys_tdc_icc(3));
            }),
            ("nosim", |r| {
                r.esim = None;
                r.nosim = Some("TDC".into());
            }),
            ("dataSharingSims[0].simNumber", |r| {
                r.data_sharing_sims = Some(vec![DataSharingSimRequest {
                    sim_number: Some(nordlys_tdc_icc(4)),
                    ..Default::default()
                }]);
            }),
        ];
        for (path, change) in refusals {
            let mut req = private_base();
            change(&mut req);
            let err = refused(
                db,
                PRIVATE,
                req,
                403,
                "access_denied",
                "Insufficient access level",
            )
            .await;
            assert_eq!(err.path.as_deref(), Some(path));
        }
        let mette = caller(db, PRIVATE).await;
        let mut req = private_base();
        req.data_sharing_sims = Some(vec![DataSharingSimRequest {
            assign_esim: Some(true),
            ..Default::default()
        }]);
        let a = create(db, &mette, &req, &CreateSettings::default())
            .await
            .unwrap();
        assert_eq!(
            a.mvno_sim.unwrap().form_factor,
            mvno::enums::FormFactor::Esim
        );
        let mut req = private_base();
        req.number = Some("+4530100001".into());
        req.esim = None;
        req.auto_assign_sim = Some(AutoAssign::Network("TELENOR".into()));
        let a = create(db, &mette, &req, &CreateSettings::default())
            .await
            .unwrap();
        assert!(a.mvno_sim.unwrap().auto_assign);
        // Her reseller may still give her a card from its warehouse.
        let mut req = private_base();
        req.number = Some("+4520100003".into());
        req.esim = None;
        req.mvno_sim = Some(nordlys_tdc_icc(3));
        create(
            db,
            &caller(db, RESELLER).await,
            &req,
            &CreateSettings::default(),
        )
        .await
        .unwrap();
    }
);

on_both!(
    self_service_stock_is_the_customers_own_and_the_signup_resellers,
    |db| {
        demo::load(db).await.unwrap();
        let esims = |network: &str| {
            sim_card::Entity::update_many()
                .filter(sim_card::Column::FormFactor.eq("eSIM"))
                .filter(sim_card::Column::Network.eq(network.to_string()))
                .filter(sim_card::Column::InStorageAt.eq(ids::NORDLYS))
        };
        // The only free TELENOR eSIM left is the operator's, above Nordlys.
        esims("TELENOR")
            .col_expr(sim_card::Column::InStorageAt, Expr::value(ids::KATTEGAT))
            .exec(db)
            .await
            .unwrap();
        let operators = sim_card::Entity::find()
            .filter(sim_card::Column::FormFactor.eq("eSIM"))
            .filter(sim_card::Column::Network.eq("TELENOR"))
            .filter(sim_card::Column::InStorageAt.eq(ids::KATTEGAT))
            .filter(sim_card::Column::AccountId.is_null())
            .one(db)
            .await
            .unwrap()
            .unwrap();
        sim_card::Entity::update_many()
            .col_expr(sim_card::Column::InStorageAt, Expr::value(ids::OPERATOR))
            .filter(sim_card::Column::Icc.eq(operators.icc.as_str()))
            .exec(db)
            .await
            .unwrap();
        let mut telenor = private_base();
        telenor.number = Some("+4530100001".into());
        telenor.esim = Some("TELENOR".into());
        let err = refused(db, PRIVATE, telenor.clone(), 404, "esim", "Out of eSim").await;
        assert_eq!(err.path.as_deref(), Some("esim"));
        // Her reseller reaches the whole chain's stock.
        let a = create(
            db,
            &caller(db, RESELLER).await,
            &telenor,
            &CreateSettings::default(),
        )
        .await
        .unwrap();
        assert_eq!(a.mvno_sim.unwrap().sim_number, operators.icc);

        // A reseller that is not the signup reseller: only her own stock.
        customer::Entity::update_many()
            .col_expr(customer::Column::PublicSignup, Expr::value(false))
            .filter(customer::Column::Id.eq(ids::NORDLYS))
            .exec(db)
            .await
            .unwrap();
        let err = refused(db, PRIVATE, private_base(), 404, "esim", "Out of eSim").await;
        assert_eq!(err.path.as_deref(), Some("esim"));
        let own = sim_card::Entity::find()
            .filter(sim_card::Column::FormFactor.eq("eSIM"))
            .filter(sim_card::Column::Network.eq("TDC"))
            .filter(sim_card::Column::InStorageAt.eq(ids::NORDLYS))
            .one(db)
            .await
            .unwrap()
            .unwrap();
        sim_card::Entity::update_many()
            .col_expr(
                sim_card::Column::InStorageAt,
                Expr::value(ids::METTE_HANSEN),
            )
            .filter(sim_card::Column::Icc.eq(own.icc.as_str()))
            .exec(db)
            .await
            .unwrap();
        let a = create(
            db,
            &caller(db, PRIVATE).await,
            &private_base(),
            &CreateSettings::default(),
        )
        .await
        .unwrap();
        assert_eq!(a.mvno_sim.unwrap().sim_number, own.icc);
    }
);

// ---- Successes ----

on_both!(
    buying_a_number_with_a_physical_sim_creates_everything,
    |db| {
        demo::load(db).await.unwrap();
        let c = caller(db, RESELLER).await;
        let mut req = base();
        req.esim = None;
        req.mvno_sim = Some(format!("{} F", nordlys_tdc_icc(3)));
        req.feature = Some(FeatureRequest {
            five_g: Some(true),
            ..Default::default()
        });
        let before = snapshot(db).await;
        let a = create(db, &c, &req, &CreateSettings::default())
            .await
            .unwrap();
        assert_eq!(a.state, mvno::enums::AccountState::Creating);
        assert_eq!(a.kind, "MVNO");
        assert_eq!(a.number_state, mvno::enums::NumberState::InUse);
        assert!(a.porting.is_none() && a.porting_details.is_none());
        let sim = a.mvno_sim.as_ref().unwrap();
        assert_eq!(sim.sim_number, nordlys_tdc_icc(3));
        assert_eq!(sim.network, mvno::enums::Network::Tdc);
        assert!(
            sim.pin1.is_some() && sim.puk1.is_some(),
            "the reseller sees PIN and PUK"
        );
        assert!(a.feature.five_g, "request overrules the plan");
        assert!(!a.feature.international, "the plan's default");
        let after = snapshot(db).await;
        assert_eq!(after.accounts, before.accounts + 1);
        assert_eq!(after.invoice_lines, before.invoice_lines + 1);
        assert_eq!(after.sims_taken, before.sims_taken + 1);
        let n = number::Entity::find_by_id("+4520100001")
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (
                n.state.as_str(),
                n.owner_customer_id.as_deref(),
                n.account_id.as_deref()
            ),
            ("IN_USE", Some(ids::BAGER_JENSEN), Some(a.id.as_str()))
        );
        let line = invoice_line::Entity::find()
            .filter(invoice_line::Column::AccountId.eq(a.id.as_str()))
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(line.amount_ore, 9900);
        assert_eq!(line.customer_id, ids::BAGER_JENSEN);
        assert_eq!(events_with(db, "OK").await, 1);
    }
);

on_both!(an_owned_number_is_used_without_a_purchase, |db| {
    demo::load(db).await.unwrap();
    let c = caller(db, OWNER).await;
    let mut req = base();
    req.number = Some(numbers::OWNED_FREE.into());
    let before = snapshot(db).await;
    let a = create(db, &c, &req, &CreateSettings::default())
        .await
        .unwrap();
    assert_eq!(
        snapshot(db).await.invoice_lines,
        before.invoice_lines,
        "nothing bought"
    );
    let sim = a.mvno_sim.unwrap();
    assert_eq!(sim.form_factor, mvno::enums::FormFactor::Esim);
    assert!(sim.activation_code.unwrap().starts_with("LPA:1$"));
    assert!(a.notes.is_none() && a.purchase_info.is_none() && a.socs.is_none());
});

on_both!(port_in_creates_a_porting_with_the_donor_and_date, |db| {
    demo::load(db).await.unwrap();
    let c = caller(db, RESELLER).await;
    let mut req = base();
    req.number = Some(numbers::DONOR_TDC_ICC.into());
    req.donor_sim_number = Some(demo::demo_icc("894501", 4711));
    let today = mvno::services::clock::copenhagen_date(Utc::now());
    let date = mvno::calendar::working_days_after(today, 3)[2];
    req.requested_porting_date = Some(date.and_hms_opt(12, 0, 0).unwrap().and_utc());
    let a = create(db, &c, &req, &CreateSettings::default())
        .await
        .unwrap();
    assert_eq!(a.number_state, mvno::enums::NumberState::PortingIn);
    assert_eq!(
        a.porting.as_deref(),
        a.porting_details.as_ref().map(|p| p.id.as_str())
    );
    let p = a
        .porting_details
        .expect("the porting object is in the reply");
    assert_eq!(p.status.stage, mvno::enums::PortingStage::InCreated);
    assert_eq!(p.donor.cps_code, "01010");
    assert_eq!(p.donor.name, "TDC Mobil");
    assert_eq!(p.porting_type, "IN");
    let at = p.requested_date.unwrap();
    assert_eq!(mvno::services::clock::copenhagen_date(at), date);
    assert_eq!(
        at,
        mvno::services::clock::porting_time(date),
        "ports run at 02:00"
    );
    assert_eq!(
        invoice_line::Entity::find().count(db).await.unwrap(),
        0,
        "a ported number is not bought"
    );

    // Ready for porting, end of commitment, through a donor with ICC_EMAIL.
    let mut req = base();
    req.number = Some(numbers::DONOR_TELENOR_ICC_EMAIL.into());
    req.donor_sim_number = Some(demo::demo_icc("894502", 4712));
    req.porting_ready = Some(true);
    let a = create(db, &c, &req, &CreateSettings::default())
        .await
        .unwrap();
    let p = a.porting_details.unwrap();
    assert_eq!(p.status.stage, mvno::enums::PortingStage::InReady);
    assert!(p.requested_date.is_none());

    // A reseller may port from a donor that needs a power of attorney.
    let mut req = base();
    req.number = Some(numbers::DONOR_TELIA_EMAIL.into());
    let a = create(db, &c, &req, &CreateSettings::default())
        .await
        .unwrap();
    assert!(a.porting_details.unwrap().donor_sim_number.is_none());
});

on_both!(auto_assign_and_no_sim_take_what_they_should, |db| {
    demo::load(db).await.unwrap();
    let c = caller(db, RESELLER).await;
    let mut req = base();
    req.number = Some("+4530100002".into());
    req.esim = None;
    req.auto_assign_sim = Some(AutoAssign::Network("TELENOR".into()));
    let a = create(db, &c, &req, &CreateSettings::default())
        .await
        .unwrap();
    let sim = a.mvno_sim.unwrap();
    assert!(sim.auto_assign);
    assert_eq!(sim.network, mvno::enums::Network::Telenor);
    let card = sim_card::Entity::find_by_id(sim.sim_number.as_str())
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert!(card.auto_assign);

    let mut req = base();
    req.number = Some("+4520100003".into());
    req.esim = None;
    req.nosim = Some("TDC".into());
    let before = snapshot(db).await;
    let a = create(db, &c, &req, &CreateSettings::default())
        .await
        .unwrap();
    assert!(a.mvno_sim.is_none());
    assert_eq!(snapshot(db).await.sims_taken, before.sims_taken);
});

on_both!(data_sharing_sims_get_free_numbers_first, |db| {
    demo::load(db).await.unwrap();
    let c = caller(db, RESELLER).await;
    let mut req = base();
    req.data_sharing_sims = Some(vec![
        DataSharingSimRequest {
            sim_number: Some(nordlys_tdc_icc(4)),
            name: Some("Laptop".into()),
            ..Default::default()
        },
        DataSharingSimRequest {
            assign_esim: Some(true),
            name: Some("Tablet".into()),
            ..Default::default()
        },
    ]);
    let a = create(db, &c, &req, &CreateSettings::default())
        .await
        .unwrap();
    assert_eq!(a.data_sharing_sims.len(), 2);
    for s in &a.data_sharing_sims {
        assert!(
            s.number.starts_with("+452020000"),
            "an owned free number first: {}",
            s.number
        );
        let n = number::Entity::find_by_id(s.number.as_str())
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(n.state, mvno::enums::NumberState::InUseDatasharing);
    }
    assert!(a
        .data_sharing_sims
        .iter()
        .any(|s| s.sim.form_factor == mvno::enums::FormFactor::Esim
            && s.sim.activation_code.is_some()));
    assert!(a
        .data_sharing_sims
        .iter()
        .any(|s| s.name.as_deref() == Some("Laptop")));
});

on_both!(a_data_sharing_sim_may_name_its_number, |db| {
    demo::load(db).await.unwrap();
    let c = caller(db, RESELLER).await;
    let named = |number: &str| {
        Some(vec![DataSharingSimRequest {
            assign_esim: Some(true),
            number: Some(number.into()),
            ..Default::default()
        }])
    };
    // A public number is bought for it; an owned free one is just taken.
    for (main, wanted, bought) in [
        ("+4520100001", "+4520100009", true),
        ("+4520100002", "20 20 00 03", false),
    ] {
        let lines_before = invoice_line::Entity::find().count(db).await.unwrap();
        let mut req = base();
        req.number = Some(main.into());
        req.data_sharing_sims = named(wanted);
        let a = create(db, &c, &req, &CreateSettings::default())
            .await
            .unwrap();
        let expected = mvno::phone::E164::from_typed(wanted).unwrap().to_string();
        assert_eq!(a.data_sharing_sims[0].number, expected);
        let n = number::Entity::find_by_id(expected.as_str())
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(n.state, mvno::enums::NumberState::InUseDatasharing);
        assert_eq!(n.owner_customer_id.as_deref(), Some(ids::BAGER_JENSEN));
        let lines = invoice_line::Entity::find().count(db).await.unwrap() - lines_before;
        assert_eq!(lines, if bought { 2 } else { 1 }, "{wanted}");
    }
    // Taken, in use, the account's own, named twice, on TELENOR, unknown:
    // none free; typed wrong: invalid. Nothing is left behind.
    for (main, numbers, status, code, message) in [
        (
            "+4520100003",
            vec!["+4520100009"],
            404,
            "dataSharingSims.number",
            "No available numbers to assign to data sharing sim",
        ),
        (
            "+4520100003",
            vec![numbers::IN_USE],
            404,
            "dataSharingSims.number",
            "No available numbers to assign to data sharing sim",
        ),
        (
            "+4520100003",
            vec!["+4520100003"],
            404,
            "dataSharingSims.number",
            "No available numbers to assign to data sharing sim",
        ),
        (
            "+4520100003",
            vec!["+4520100010", "+4520100010"],
            404,
            "dataSharingSims.number",
            "No available numbers to assign to data sharing sim",
        ),
        (
            "+4520100003",
            vec!["+4530100001"],
            404,
            "dataSharingSims.number",
            "No available numbers to assign to data sharing sim",
        ),
        (
            "+4520100003",
            vec![numbers::RESELLER_STOCK],
            404,
            "dataSharingSims.number",
            "No available numbers to assign to data sharing sim",
        ),
        (
            "+4520100003",
            vec!["20 10 0x"],
            422,
            "dataSharingSims.number",
            "The number is invalid",
        ),
    ] {
        let mut req = base();
        req.number = Some(main.into());
        req.data_sharing_sims = Some(
            numbers
                .iter()
                .map(|n| DataSharingSimRequest {
                    assign_esim: Some(true),
                    number: Some(n.to_string()),
                    ..Default::default()
                })
                .collect(),
        );
        refused(db, RESELLER, req, status, code, message).await;
    }
});

// An error of one data-sharing SIM names its element; the code stays the
// error table's.
on_both!(data_sharing_errors_name_the_element, |db| {
    demo::load(db).await.unwrap();
    let mut req = base();
    req.data_sharing_sims = Some(vec![
        DataSharingSimRequest {
            assign_esim: Some(true),
            ..Default::default()
        },
        DataSharingSimRequest {
            sim_number: Some("8945000000000000000".into()),
            ..Default::default()
        },
    ]);
    let err = refused(
        db,
        RESELLER,
        req,
        404,
        "dataSharingSims.simNumber",
        "SIM card not found",
    )
    .await;
    assert_eq!(err.path.as_deref(), Some("dataSharingSims[1].simNumber"));

    let mut req = base();
    req.data_sharing_sims = Some(vec![
        DataSharingSimRequest {
            assign_esim: Some(true),
            ..Default::default()
        },
        DataSharingSimRequest {
            assign_esim: Some(true),
            name: Some("Bad\0name".into()),
            ..Default::default()
        },
    ]);
    let err = refused(
        db,
        RESELLER,
        req,
        422,
        "dataSharingSims.name",
        mvno::account::NUL_MESSAGE,
    )
    .await;
    assert_eq!(err.path.as_deref(), Some("dataSharingSims[1].name"));

    let mut req = base();
    req.data_sharing_sims = Some(vec![
        DataSharingSimRequest {
            assign_esim: Some(true),
            ..Default::default()
        },
        DataSharingSimRequest {
            assign_esim: Some(true),
            ..Default::default()
        },
        DataSharingSimRequest {
            assign_esim: Some(true),
            sim_number: Some(nordlys_tdc_icc(2)),
            ..Default::default()
        },
    ]);
    let err = refused(
        db,
        RESELLER,
        req,
        422,
        "dataSharingSims.assignEsim",
        "This property can not be true, if simNumber is not null",
    )
    .await;
    assert_eq!(err.path.as_deref(), Some("dataSharingSims[2].assignEsim"));
});

on_both!(rest_of_world_and_voicemail_are_stored, |db| {
    demo::load(db).await.unwrap();
    let c = caller(db, RESELLER).await;
    let mut req = base();
    req.rate_plan = Some(ids::PLAN_BUSINESS_WORLD.into());
    req.feature = Some(FeatureRequest {
        voicemail: Some(true),
        ..Default::default()
    });
    req.voicemail = Some(VoicemailRequest {
        notify: Some("EMAIL".into()),
        email: Some("jens@bagerjensen.dk".into()),
        pin: Some("4321".into()),
        ..Default::default()
    });
    req.billing_customer = Some(ids::JENSEN_HOLDING.into());
    req.notes = Some("Jens' telefon".into());
    let a = create(db, &c, &req, &CreateSettings::default())
        .await
        .unwrap();
    let row = a.rest_of_world_roaming.unwrap();
    assert_eq!(row.product_id, ids::ROW_WORLD_5GB);
    assert!(!row.is_override);
    assert_eq!(row.price, 100.0);
    assert_eq!(a.voicemail.unwrap().settings.pin.as_deref(), Some("4321"));
    assert_eq!(a.billing_customer.as_deref(), Some(ids::JENSEN_HOLDING));
    assert_eq!(a.notes.as_deref(), Some("Jens' telefon"));
});

// Many creates racing for one number: exactly one wins, the rest get the
// spec's conflict, and the number is on exactly one account.
on_both!(concurrent_creates_never_take_one_number_twice, |db| {
    demo::load(db).await.unwrap();
    let c = caller(db, RESELLER).await;
    let mut tasks = Vec::new();
    for _ in 0..12 {
        let (db, c) = (db.clone(), c.clone());
        tasks.push(tokio::spawn(async move {
            create(&db, &c, &base(), &CreateSettings::default()).await
        }));
    }
    let mut ok = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(_) => ok += 1,
            Err(e) => assert_eq!((e.status, e.code.as_str()), (409, "number"), "{e:?}"),
        }
    }
    assert_eq!(ok, 1);
    assert_eq!(
        mvno_account::Entity::find()
            .filter(mvno_account::Column::Number.eq("+4520100001"))
            .count(db)
            .await
            .unwrap(),
        1
    );
    assert_eq!(invoice_line::Entity::find().count(db).await.unwrap(), 1);
});

// Many creates racing for a few eSIM profiles: each profile used once.
on_both!(concurrent_creates_never_take_one_esim_twice, |db| {
    demo::load(db).await.unwrap();
    let c = caller(db, RESELLER).await;
    let free_esims = sim_card::Entity::find()
        .filter(sim_card::Column::FormFactor.eq("eSIM"))
        .filter(sim_card::Column::Network.eq("TDC"))
        .filter(sim_card::Column::InStorageAt.is_in([ids::NORDLYS, ids::BAGER_JENSEN]))
        .filter(sim_card::Column::AccountId.is_null())
        .count(db)
        .await
        .unwrap();
    let mut tasks = Vec::new();
    assert!(free_esims < 12, "more creates than profiles");
    for i in 1..=12u32 {
        let (db, c) = (db.clone(), c.clone());
        let mut req = base();
        req.number = Some(format!("+45201000{i:02}"));
        tasks.push(tokio::spawn(async move {
            create(&db, &c, &req, &CreateSettings::default()).await
        }));
    }
    let mut ok = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(_) => ok += 1,
            Err(e) => assert_eq!(
                (e.status, e.code.as_str(), e.path.as_deref()),
                (404, "esim", Some("esim")),
                "{e:?}"
            ),
        }
    }
    assert_eq!(ok, free_esims, "every free profile used, none twice");
    let used: Vec<Option<String>> = mvno_account::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.sim_icc)
        .collect();
    let mut unique = used.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), used.len());
    // Every taken card is held by exactly the account that names it.
    for card in sim_card::Entity::find()
        .filter(sim_card::Column::AccountId.is_not_null())
        .all(db)
        .await
        .unwrap()
    {
        let holder = mvno_account::Entity::find_by_id(card.account_id.clone().unwrap())
            .one(db)
            .await
            .unwrap();
        assert!(holder.is_some(), "card {} held by nothing", card.icc);
    }
});

on_both!(activation_makes_accounts_active_never_before_start, |db| {
    demo::load(db).await.unwrap();
    let c = caller(db, RESELLER).await;
    let now_settings = CreateSettings {
        activation_delay: Duration::zero(),
    };
    let a = create(db, &c, &base(), &now_settings).await.unwrap();
    let mut later = base();
    later.number = Some("+4520100002".into());
    later.start_date = Some(Utc::now() + Duration::days(3));
    let b = create(db, &c, &later, &now_settings).await.unwrap();
    assert_eq!(mvno::services::activation::run_due(db).await.unwrap(), 1);
    let state = |id: String| async move {
        mvno_account::Entity::find_by_id(id)
            .one(db)
            .await
            .unwrap()
            .unwrap()
            .state
    };
    assert_eq!(state(a.id.clone()).await, mvno::enums::AccountState::Active);
    assert_eq!(
        state(b.id.clone()).await,
        mvno::enums::AccountState::Creating,
        "not before its start date"
    );
    assert_eq!(
        mvno::services::activation::run_due(db).await.unwrap(),
        0,
        "a done job does not run again"
    );
});

fn spec_example() -> serde_json::Value {
    // The spec's request example in strict JSON, its ids (and ICCs and the
    // number) replaced by demo ones; everything else as written.
    serde_json::json!({
        "customer": ids::BAGER_JENSEN, "number": numbers::DONOR_TDC_ICC,
        "feature": { "highRate": true, "international": true, "data": true, "chargedServices": false, "publicIP": false,
                     "voicemail": false, "secretNumber": false, "fiveG": false, "mms": true, "roaming": true,
                     "roamingData": true, "dataTopUpSms": false, "disableHdAudio": false },
        "mvnoSim": nordlys_tdc_icc(5), "donorSimNumber": demo::demo_icc("894501", 4713),
        "dataSharingSims": [ { "name": "My Laptop", "simNumber": nordlys_tdc_icc(6) } ],
        "voicemail": { "notify": "BOTH", "email": "donald@duck.com", "emailFile": true, "pin": "1234567890" },
        "sipAccount": ids::SIP_BAGER, "pbx": null, "extension": null, "dnd": false,
        "ratePlan": ids::PLAN_10GB, "notes": "This is a note",
        "startDate": "2020-01-01T00:00.000Z", "deleteDate": null, "requestedPortingDate": null, "portingReady": true,
        "purchaseInfo": { "orderId": "7821", "date": "2020-01-01T00:00.000Z", "paymentOption": "RENTED" },
        "restOfWorldRoaming": { "productId": ids::ROW_WORLD_1GB, "keepAfterExpire": false }
    })
}

on_both!(
    spec_example_as_written_is_refused_for_its_2020_start_date,
    |db| {
        demo::load(db).await.unwrap();
        let req: CreateMvnoRequest = serde_json::from_value(spec_example()).unwrap();
        refused(
            db,
            ADMIN,
            req,
            422,
            "startDate",
            "Start date has to be either today, or in the future",
        )
        .await;
    }
);

on_both!(spec_example_with_a_future_start_date_is_created, |db| {
    demo::load(db).await.unwrap();
    let mut body = spec_example();
    let start = Utc::now() + Duration::days(2);
    body["startDate"] = serde_json::json!(mvno::dates::format(&start));
    let req: CreateMvnoRequest = serde_json::from_value(body).unwrap();
    let c = caller(db, ADMIN).await;
    let a = create(db, &c, &req, &CreateSettings::default())
        .await
        .unwrap();
    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(json["customer"], ids::BAGER_JENSEN);
    assert_eq!(json["type"], "MVNO");
    assert_eq!(json["state"], "CREATING");
    assert_eq!(json["number"], numbers::DONOR_TDC_ICC);
    assert_eq!(json["numberState"], "PORTING_IN");
    assert_eq!(json["feature"]["fiveG"], false);
    assert_eq!(json["feature"]["smartWatchSim"], false);
    assert_eq!(json["mvnoSim"]["simNumber"], nordlys_tdc_icc(5));
    assert_eq!(json["mvnoSim"]["formFactor"], "MINI_MICRO_NANO");
    assert_eq!(json["dataSharingSims"][0]["simNumber"], nordlys_tdc_icc(6));
    assert!(json["dataSharingSims"][0]["number"]
        .as_str()
        .unwrap()
        .starts_with("+45"));
    assert!(
        json["voicemail"].is_null(),
        "voicemail needs feature.voicemail and no SIP account"
    );
    assert_eq!(json["sipAccount"], ids::SIP_BAGER);
    assert_eq!(json["notes"], "This is a note");
    assert_eq!(json["purchaseInfo"]["paymentOption"], "RENTED");
    assert_eq!(json["restOfWorldRoaming"]["productId"], ids::ROW_WORLD_1GB);
    assert_eq!(json["restOfWorldRoaming"]["isOverride"], true);
    assert_eq!(json["porting"], json["portingDetails"]["_id"]);
    assert!(json["porting"].is_string(), "the reply's porting is an Id");
    assert_eq!(json["portingDetails"]["status"]["stage"], "IN_READY");
    assert!(json["portingDetails"]["requestedDate"].is_null());
    assert_eq!(json["donorSimNumber"], demo::demo_icc("894501", 4713));
    assert_eq!(json["startDate"], mvno::dates::format(&start));
    assert!(json["_id"].as_str().unwrap().len() == 24);
});

/// Jobs live in the database: an account created before a restart is
/// activated by the worker of the next process.
#[tokio::test]
async fn pending_activation_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/restart.db?mode=rwc", dir.path().display());
    let db = mvno::db::connect_and_migrate(&url).await.unwrap();
    demo::load(&db).await.unwrap();
    let c = caller(&db, RESELLER).await;
    let a = create(
        &db,
        &c,
        &base(),
        &CreateSettings {
            activation_delay: Duration::zero(),
        },
    )
    .await
    .unwrap();
    db.close().await.unwrap();

    let db = mvno::db::connect_and_migrate(&url).await.unwrap();
    assert_eq!(mvno::services::activation::run_due(&db).await.unwrap(), 1);
    let state = mvno_account::Entity::find_by_id(a.id)
        .one(&db)
        .await
        .unwrap()
        .unwrap()
        .state;
    assert_eq!(state, mvno::enums::AccountState::Active);
}

// An Idempotency-Key: a success is remembered in the create's own
// transaction; a claim whose request died (no reply remembered after the
// lease) runs again, once; one still within its lease is `409`.
on_both!(an_abandoned_idempotency_claim_runs_again_once, |db| {
    use mvno::services::create::create_once;
    use mvno::services::idempotency::{claim, fingerprint, Claim, CLAIM_LEASE_SECS};
    demo::load(db).await.unwrap();
    let c = caller(db, RESELLER).await;
    let req = base();
    let employee = c.employee.to_string();
    let print = fingerprint(&serde_json::to_value(&req).unwrap());

    // A request that claimed the key and died before answering.
    assert_eq!(
        claim(db, &employee, "k-1", &print).await.unwrap(),
        Claim::Fresh
    );
    let err = create_once(db, &c, Some("k-1"), &req, &CreateSettings::default())
        .await
        .unwrap_err();
    assert_eq!((err.status, err.code.as_str()), (409, "Idempotency-Key"));
    assert_eq!(snapshot(db).await.accounts, 2, "nothing ran");

    // After the lease it runs, once; two retries at once get one run.
    idempotency_key::Entity::update_many()
        .col_expr(
            idempotency_key::Column::CreatedAt,
            Expr::value(Utc::now() - Duration::seconds(CLAIM_LEASE_SECS + 1)),
        )
        .exec(db)
        .await
        .unwrap();
    let settings = CreateSettings::default();
    let (a, b) = tokio::join!(
        create_once(db, &c, Some("k-1"), &req, &settings),
        create_once(db, &c, Some("k-1"), &req, &settings),
    );
    // One ran; the other waited its turn and replayed it, or found it
    // still running (409).
    let ids: std::collections::BTreeSet<String> = [&a, &b]
        .into_iter()
        .filter_map(|r| r.as_ref().ok().map(|a| a.id.clone()))
        .collect();
    assert_eq!(ids.len(), 1, "{a:?} {b:?}");
    for r in [&a, &b] {
        if let Err(e) = r {
            assert_eq!((e.status, e.code.as_str()), (409, "Idempotency-Key"));
        }
    }
    assert_eq!(snapshot(db).await.accounts, 3);
    // The success was remembered with the account: a retry replays it.
    let row = idempotency_key::Entity::find()
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.status, Some(201));
    let again = create_once(db, &c, Some("k-1"), &req, &settings)
        .await
        .unwrap();
    assert!(ids.contains(&again.id));
    assert_eq!(snapshot(db).await.accounts, 3);
});

// A private customer's SIM card sent by post goes to the address typed in
// the signup's SIM step (kept as the customer's address) or the one on
// record; with neither, the create is refused and changes nothing.
on_both!(a_posted_sim_goes_to_the_address_given_or_on_record, |db| {
    demo::load(db).await.unwrap();
    let mut req = private_base();
    req.esim = None;
    req.auto_assign_sim = Some(AutoAssign::Network("TDC".into()));
    let mette = caller(db, PRIVATE).await;
    let moved = Trusted {
        delivery_address: Some("  Jægersborggade 5, 2200 København N ".into()),
        ..Default::default()
    };
    create_with(db, &mette, &req, &moved, &CreateSettings::default())
        .await
        .unwrap();
    assert_eq!(
        mette_address(db).await.as_deref(),
        Some("Jægersborggade 5, 2200 København N")
    );
    // None given: the one on record.
    req.number = Some("+4520100002".into());
    create_with(
        db,
        &mette,
        &req,
        &Trusted::default(),
        &CreateSettings::default(),
    )
    .await
    .unwrap();
    // None on record either: refused, and a refusal changes no address.
    customer::Entity::update_many()
        .col_expr(
            customer::Column::Address,
            Expr::value(Option::<String>::None),
        )
        .filter(customer::Column::Id.eq(ids::METTE_HANSEN))
        .exec(db)
        .await
        .unwrap();
    req.number = Some("+4520100003".into());
    let message = "A SIM card sent by post needs a delivery address";
    refused(db, PRIVATE, req.clone(), 422, "deliveryAddress", message).await;
    let too_long = Trusted {
        delivery_address: Some("x".repeat(301)),
        ..Default::default()
    };
    let message = "The delivery address can have at most 300 characters";
    refused_with(
        db,
        PRIVATE,
        req.clone(),
        &too_long,
        422,
        "deliveryAddress",
        message,
    )
    .await;
    let with_nul = Trusted {
        delivery_address: Some("Vej 1\0</textarea><script>".into()),
        ..Default::default()
    };
    let nul = mvno::account::NUL_MESSAGE;
    refused_with(db, PRIVATE, req, &with_nul, 422, "deliveryAddress", nul).await;
    assert_eq!(mette_address(db).await, None);
});

// A private customer's port-in with a SIM card sent by post moves the
// number only once the card can have arrived.
on_both!(a_port_in_with_a_posted_sim_waits_for_the_card, |db| {
    demo::load(db).await.unwrap();
    let mette = caller(db, PRIVATE).await;
    let today = mvno::services::clock::copenhagen_date(Utc::now());
    let earliest = mvno::calendar::earliest_porting_date(today);
    let posted = mvno::calendar::earliest_porting_date_for(today, true);
    assert!(posted > earliest);
    let mut req = private_base();
    req.esim = None;
    req.auto_assign_sim = Some(AutoAssign::Network("TDC".into()));
    req.number = Some(numbers::DONOR_3_FAX.into());
    let at = |d: chrono::NaiveDate| d.and_hms_opt(12, 0, 0).unwrap().and_utc();
    req.requested_porting_date = Some(at(earliest));
    let v = mitid::stand_in(db, &mette).await.unwrap();
    let trusted = Trusted {
        mitid: Some(v.id.to_string()),
        ..Default::default()
    };
    let message = format!("The porting date must be a working day no earlier than {posted}");
    refused_with(
        db,
        PRIVATE,
        req.clone(),
        &trusted,
        422,
        "requestedPortingDate",
        &message,
    )
    .await;
    // With an eSIM the earliest date is fine; with the posted card, its day.
    req.requested_porting_date = Some(at(posted));
    let v = mitid::stand_in(db, &mette).await.unwrap();
    let trusted = Trusted {
        mitid: Some(v.id.to_string()),
        ..Default::default()
    };
    let a = create_with(db, &mette, &req, &trusted, &CreateSettings::default())
        .await
        .unwrap();
    assert_eq!(a.number_state, mvno::enums::NumberState::PortingIn);
});

async fn mette_address(db: &DatabaseConnection) -> Option<String> {
    customer::Entity::find_by_id(ids::METTE_HANSEN)
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .address
}
