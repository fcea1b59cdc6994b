//! The data layer on SQLite and on PostgreSQL: schema, demo data, sign-in,
//! customer scopes and the SIM stock import.

use mvno::on_both;

use chrono::{Duration, Utc};
use mvno::auth::LoginRequest;
use mvno::db::entity::*;
use mvno::enums::*;
use mvno::portal::Paging;
use mvno::services::auth::{self, TokenKind};
use mvno::services::demo::{self, ids};
use mvno::services::{customers, import, Caller};
use mvno::{AccessLevel, Id};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

async fn count_numbers(db: &sea_orm::DatabaseConnection, state: NumberState) -> u64 {
    number::Entity::find()
        .filter(number::Column::State.eq(state.as_str()))
        .count(db)
        .await
        .unwrap()
}

fn login_req(username: &str, password: &str) -> LoginRequest {
    LoginRequest {
        username: username.into(),
        password: password.into(),
        persist: false,
    }
}

async fn caller_of(db: &sea_orm::DatabaseConnection, username: &str) -> Caller {
    let reply = auth::login(
        db,
        &login_req(username, demo::DEMO_PASSWORD),
        TokenKind::Api,
    )
    .await
    .unwrap();
    auth::authenticate_token(db, &reply.token, TokenKind::Api)
        .await
        .unwrap()
}

on_both!(demo_data_covers_every_situation, |db| {
    assert!(demo::is_empty(db).await.unwrap());
    demo::load(db).await.unwrap();
    assert!(!demo::is_empty(db).await.unwrap());

    // An employee of every access level.
    let levels: Vec<AccessLevel> = employee::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.access_level)
        .collect();
    for level in AccessLevel::ALL {
        assert!(levels.contains(&level), "no demo employee with {level}");
    }
    // Numbers in every state that matters to the create operation.
    for state in [
        NumberState::Available,
        NumberState::InUse,
        NumberState::PortingIn,
        NumberState::Closed,
        NumberState::PreReserved,
        NumberState::Locked,
    ] {
        assert!(
            count_numbers(db, state).await > 0,
            "no demo number in state {state}"
        );
    }
    let range_members = number::Entity::find()
        .filter(number::Column::RangeId.is_not_null())
        .count(db)
        .await
        .unwrap();
    assert_eq!(range_members, 10);
    // A blocked customer, a sub-reseller, and a billing link.
    let blocked = customer::Entity::find_by_id(ids::VESTJYSK_VVS)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(blocked.state, mvno::enums::CustomerState::Blocked);
    let sub = customer::Entity::find_by_id(ids::FJORDNET)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(sub.parent_reseller.as_deref(), Some(ids::NORDLYS));
    assert_eq!(customer_billing::Entity::find().count(db).await.unwrap(), 1);
    // eSIMs carry activation codes; auto-assign SIMs exist on both networks.
    let esims = sim_card::Entity::find()
        .filter(sim_card::Column::FormFactor.eq("eSIM"))
        .all(db)
        .await
        .unwrap();
    assert!(!esims.is_empty());
    assert!(esims.iter().all(|s| s
        .activation_code
        .as_deref()
        .is_some_and(|c| c.starts_with("LPA:1$"))));
    for net in ["TDC", "TELENOR"] {
        let n = sim_card::Entity::find()
            .filter(sim_card::Column::AutoAssign.eq(true))
            .filter(sim_card::Column::Network.eq(net))
            .count(db)
            .await
            .unwrap();
        assert!(n > 0, "no auto-assign SIM on {net}");
    }
    // Every ICC in stock passes its check digit.
    for sim in sim_card::Entity::find().all(db).await.unwrap() {
        assert!(
            mvno::icc::Icc::parse(&sim.icc).unwrap().luhn_ok(),
            "{}",
            sim.icc
        );
    }
    // Products: an expired plan, a plan with an included RoW package.
    let expired = product::Entity::find_by_id(ids::PLAN_EXPIRED)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert!(expired.valid_until.unwrap() < Utc::now());
    let world = product::Entity::find_by_id(ids::PLAN_BUSINESS_WORLD)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        world.included_row_product_id.as_deref(),
        Some(ids::ROW_WORLD_5GB)
    );
    // A PBX extension already on a trunk; operators with different rules.
    let on_trunk = pbx_extension::Entity::find_by_id(ids::EXT_ON_TRUNK)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert!(on_trunk.sip_account_id.is_some());
    let auths: std::collections::HashSet<mvno::enums::MvnoAuth> = operator::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|o| o.mvno_auth)
        .collect();
    assert!(auths.len() >= 4);
    let no_operator = number_lookup::Entity::find_by_id(demo::numbers::LOOKUP_NO_OPERATOR)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert!(no_operator.operator_cps.is_none());
});

on_both!(the_demo_data_page_names_free_sim_cards, |db| {
    demo::load(db).await.unwrap();
    let page = include_str!("../docs/demo-data.md");
    let table = page
        .split("## Free SIM cards by ICC")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("the page has the free SIM table");
    let mut checked = 0;
    for row in table.lines().filter(|l| l.contains("`89")) {
        let cols: Vec<&str> = row.split('|').map(str::trim).collect();
        let (holder, network, form, auto) = (cols[1], cols[2], cols[3], cols[4] == "yes");
        let holder_id = customer::Entity::find()
            .filter(customer::Column::Name.eq(holder))
            .one(db)
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("no demo customer {holder}"))
            .id;
        for icc in cols[5].split('`').filter(|p| p.starts_with("89")) {
            let card = sim_card::Entity::find_by_id(icc)
                .one(db)
                .await
                .unwrap()
                .unwrap_or_else(|| panic!("{icc} is not in the demo"));
            assert_eq!(
                (
                    card.in_storage_at.as_str(),
                    card.network.as_str(),
                    card.form_factor.as_str(),
                    card.auto_assign,
                    card.account_id
                ),
                (holder_id.as_str(), network, form, auto, None),
                "{icc}"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 22, "two ICCs a lot, eleven lots");
});

on_both!(foreign_keys_are_enforced, |db| {
    let orphan = employee::ActiveModel {
        id: Set(Id::generate().to_string()),
        customer_id: Set("ffffffffffffffffffffffff".into()),
        username: Set("orphan@example.dk".into()),
        name: Set("Orphan".into()),
        email: Set(None),
        access_level: Set(AccessLevel::Owner),
        password_hash: Set("x".into()),
        created_at: Set(Utc::now()),
    };
    assert!(employee::Entity::insert(orphan).exec(db).await.is_err());
});

on_both!(sign_in_issues_tokens_and_checks_them, |db| {
    demo::load(db).await.unwrap();
    let reply = auth::login(
        db,
        &login_req("Reseller@Nordlys.dk ", demo::DEMO_PASSWORD),
        TokenKind::Api,
    )
    .await
    .unwrap();
    assert_eq!(reply.access_level, AccessLevel::Reseller);
    assert_eq!(reply.customer.as_str(), ids::NORDLYS);
    assert_eq!(reply.expires_in_minutes, 15);
    assert_eq!(reply.token.len(), 64);

    let wrong = auth::login(
        db,
        &login_req("reseller@nordlys.dk", "nope"),
        TokenKind::Api,
    )
    .await
    .unwrap_err();
    assert_eq!(
        (wrong.status, wrong.code.as_str()),
        (401, "credentials_invalid")
    );
    let unknown = auth::login(
        db,
        &login_req("nobody@nowhere.dk", demo::DEMO_PASSWORD),
        TokenKind::Api,
    )
    .await
    .unwrap_err();
    assert_eq!(unknown.code, "credentials_invalid");

    let header = format!("Bearer {}", reply.token);
    let caller = auth::authenticate_header(db, Some(&header)).await.unwrap();
    assert_eq!(caller.access_level, AccessLevel::Reseller);
    let missing = auth::authenticate_header(db, None).await.unwrap_err();
    assert_eq!(
        (missing.code.as_str(), missing.message.as_str()),
        (
            "credentials_invalid",
            "Sign-in required: send Authorization: Bearer <token>"
        )
    );
    assert_eq!(
        auth::authenticate_header(db, Some("Basic abc"))
            .await
            .unwrap_err()
            .code,
        "format_error"
    );
    assert_eq!(
        auth::authenticate_header(db, Some("Bearer"))
            .await
            .unwrap_err()
            .code,
        "format_error"
    );
    let short = auth::authenticate_header(db, Some("Bearer short"))
        .await
        .unwrap_err();
    assert_eq!(
        (short.code.as_str(), short.message.as_str()),
        ("invalid_token", "Undecipherable")
    );
    let unknown_token = format!("Bearer {}", "ab".repeat(32));
    assert_eq!(
        auth::authenticate_header(db, Some(&unknown_token))
            .await
            .unwrap_err()
            .code,
        "invalid_token"
    );

    // A persistent token has no expiry.
    let persistent = auth::login(
        db,
        &LoginRequest {
            persist: true,
            ..login_req("reseller@nordlys.dk", demo::DEMO_PASSWORD)
        },
        TokenKind::Api,
    )
    .await
    .unwrap();
    assert_eq!(persistent.expires_in_minutes, -1);

    // Expired tokens say so.
    auth_token::Entity::update_many()
        .col_expr(
            auth_token::Column::ExpiresAt,
            sea_orm::sea_query::Expr::value(Utc::now() - Duration::minutes(1)),
        )
        .filter(auth_token::Column::ExpiresAt.is_not_null())
        .exec(db)
        .await
        .unwrap();
    assert_eq!(
        auth::authenticate_header(db, Some(&header))
            .await
            .unwrap_err()
            .code,
        "expired"
    );

    // Logout invalidates every token of the user, the persistent one too.
    let p = auth::authenticate_token(db, &persistent.token, TokenKind::Api)
        .await
        .unwrap();
    auth::logout(db, &p).await.unwrap();
    assert_eq!(
        auth::authenticate_token(db, &persistent.token, TokenKind::Api)
            .await
            .unwrap_err()
            .code,
        "invalid_token"
    );
});

on_both!(failed_sign_ins_lock_the_username_for_the_window, |db| {
    demo::load(db).await.unwrap();
    let attempt = |password: &'static str| async move {
        auth::login(
            db,
            &login_req(" Owner@BagerJensen.dk", password),
            TokenKind::Api,
        )
        .await
        .map(|_| ())
        .map_err(|e| (e.status, e.code))
    };
    // Failures older than the window do not count, and are forgotten.
    let old = Utc::now() - Duration::minutes(auth::LOCKOUT_MINUTES + 1);
    for _ in 0..10 {
        login_failure::Entity::insert(login_failure::ActiveModel {
            id: Set(Id::generate().to_string()),
            username: Set("owner@bagerjensen.dk".into()),
            at: Set(old),
        })
        .exec(db)
        .await
        .unwrap();
    }
    for _ in 0..auth::MAX_FAILED_LOGINS {
        assert_eq!(
            attempt("guess").await,
            Err((401, "credentials_invalid".into()))
        );
    }
    let rows = login_failure::Entity::find().count(db).await.unwrap();
    assert_eq!(rows, auth::MAX_FAILED_LOGINS, "the old failures are gone");
    // Locked: even the right password, for this username only.
    assert_eq!(
        attempt(demo::DEMO_PASSWORD).await,
        Err((429, "too_many_attempts".into()))
    );
    assert!(auth::login(
        db,
        &login_req("manager@bagerjensen.dk", demo::DEMO_PASSWORD),
        TokenKind::Api
    )
    .await
    .is_ok());
    // Unknown usernames are counted too (no hint that they do not exist).
    for _ in 0..auth::MAX_FAILED_LOGINS {
        let e = auth::login(db, &login_req("nobody@example.dk", "x"), TokenKind::Api)
            .await
            .unwrap_err();
        assert_eq!(e.status, 401);
    }
    let e = auth::login(db, &login_req("nobody@example.dk", "x"), TokenKind::Api)
        .await
        .unwrap_err();
    assert_eq!(e.status, 429);
});

on_both!(passwords_are_stored_as_argon2id, |db| {
    demo::load(db).await.unwrap();
    for e in employee::Entity::find().all(db).await.unwrap() {
        assert!(e.password_hash.starts_with("$argon2id$"), "{}", e.username);
        assert!(!e.password_hash.contains(demo::DEMO_PASSWORD));
    }
});

on_both!(
    resellers_reach_their_customers_and_their_sub_resellers,
    |db| {
        demo::load(db).await.unwrap();
        let nordlys = caller_of(db, "reseller@nordlys.dk").await;
        let page = customers::list(db, &nordlys, None, Paging::default())
            .await
            .unwrap();
        let names: Vec<&str> = page.items.iter().map(|c| c.name.as_str()).collect();
        assert!(names.contains(&"Bager Jensen ApS"));
        assert!(
            names.contains(&"Østerbro Tandklinik I/S"),
            "sub-reseller's customer missing: {names:?}"
        );
        assert!(
            !names.contains(&"Havnens Fiskehandel ApS"),
            "another reseller's customer leaked: {names:?}"
        );
        assert_eq!(page.total as usize, page.items.len());

        let searched = customers::list(db, &nordlys, Some("12345678"), Paging::default())
            .await
            .unwrap();
        assert_eq!(searched.items.len(), 1);
        assert_eq!(searched.items[0].name, "Bager Jensen ApS");

        let paged = customers::list(db, &nordlys, None, Paging::new(Some(1), Some(2)).unwrap())
            .await
            .unwrap();
        assert_eq!(paged.items.len(), 2);
        assert_eq!(paged.total, page.total);

        let kattegat = caller_of(db, "reseller@kattegat.dk").await;
        let theirs = customers::list(db, &kattegat, None, Paging::default())
            .await
            .unwrap();
        assert_eq!(
            theirs
                .items
                .iter()
                .map(|c| c.name.as_str())
                .collect::<Vec<_>>(),
            vec!["Havnens Fiskehandel ApS"]
        );
        assert!(!customers::may_act_on(db, &kattegat, ids::BAGER_JENSEN)
            .await
            .unwrap());

        let owner = caller_of(db, "owner@bagerjensen.dk").await;
        let denied = customers::list(db, &owner, None, Paging::default())
            .await
            .unwrap_err();
        assert_eq!(
            (denied.status, denied.code.as_str()),
            (403, "access_denied")
        );
        assert!(customers::may_act_on(db, &owner, ids::BAGER_JENSEN)
            .await
            .unwrap());
        assert!(!customers::may_act_on(db, &owner, ids::JENSEN_HOLDING)
            .await
            .unwrap());

        let admin = caller_of(db, "admin@telecomx.dk").await;
        let all = customers::list(db, &admin, None, Paging::default())
            .await
            .unwrap();
        assert_eq!(all.total, 10);
    }
);

fn stock_file(rows: u64, first_serial: u64) -> String {
    let mut s = import::HEADER.join(";") + "\n";
    for i in 0..rows {
        let icc = demo::demo_icc("8945559", first_serial + i);
        let esim = i % 4 == 0;
        let form = if esim { "eSIM" } else { "NANO" };
        let code = if esim {
            format!("LPA:1$smdp.example.dk$M{i:08}")
        } else {
            String::new()
        };
        s += &format!(
            "{icc};12345678;87654321;1234;4321;{form};TDC;{code};batch-7;{}\n",
            i % 2 == 0
        );
    }
    s
}

on_both!(sim_import_takes_ten_thousand_rows_all_or_nothing, |db| {
    demo::load(db).await.unwrap();
    let before = sim_card::Entity::find().count(db).await.unwrap();
    let calls = std::sync::atomic::AtomicU64::new(0);
    let n = import::import_sims(
        db,
        ids::NORDLYS,
        stock_file(10_000, 1_000_000).as_bytes(),
        |done, total| {
            assert!(done <= total);
            calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        },
    )
    .await
    .unwrap();
    assert_eq!(n, 10_000);
    assert!(calls.into_inner() >= 20, "progress is reported per chunk");
    assert_eq!(
        sim_card::Entity::find().count(db).await.unwrap(),
        before + 10_000
    );
    let esim = sim_card::Entity::find_by_id(demo::demo_icc("8945559", 1_000_000))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(esim.form_factor, mvno::enums::FormFactor::Esim);
    assert!(esim.auto_assign);
    assert_eq!(esim.in_storage_at, ids::NORDLYS);
    assert!(esim.imsi.starts_with("23801"));

    // A bad row anywhere: nothing is written, and the error names line and field.
    let mut lines: Vec<String> = stock_file(50, 2_000_000)
        .lines()
        .map(str::to_string)
        .collect();
    lines[30] = lines[30].replace(";TDC;", ";VODAFONE;");
    let bad = lines.join("\n");
    let err = import::import_sims(db, ids::NORDLYS, bad.as_bytes(), |_, _| {})
        .await
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("line 31, NETWORK:"), "{err}");
    assert_eq!(
        sim_card::Entity::find().count(db).await.unwrap(),
        before + 10_000
    );

    // A card already in stock is refused, naming its line.
    let again = stock_file(3, 1_000_000);
    let err = import::import_sims(db, ids::NORDLYS, again.as_bytes(), |_, _| {})
        .await
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("line 2, SIM_CARD_NUMBER:") && err.contains("already in stock"),
        "{err}"
    );

    // An unknown holder is refused.
    let err = import::import_sims(
        db,
        "ffffffffffffffffffffffff",
        stock_file(1, 3_000_000).as_bytes(),
        |_, _| {},
    )
    .await
    .unwrap_err();
    assert!(matches!(err, import::ImportError::UnknownHolder(_)));
});

#[test]
fn import_names_the_field_of_each_kind_of_bad_row() {
    let icc = demo::demo_icc("8945559", 1);
    let good = format!("{icc};12345678;87654321;1234;4321;NANO;TDC;;;false");
    assert_eq!(import::parse(good.as_bytes()).unwrap().len(), 1);
    let cases = [
        (
            good.replacen(&icc, "894555900000000001x", 1),
            "SIM_CARD_NUMBER",
        ),
        (
            good.replacen(
                &icc,
                &format!("{}{}", &icc[..18], (icc.as_bytes()[18] - b'0' + 1) % 10),
                1,
            ),
            "SIM_CARD_NUMBER",
        ),
        (good.replacen("12345678", "1234", 1), "PUK1"),
        (good.replacen(";1234;", ";12a4;", 1), "PIN1"),
        (good.replacen("NANO", "MICRO", 1), "FORM_FACTOR"),
        (good.replacen("NANO", "eSIM", 1), "ACTIVATION_CODE"),
        (good.replacen(";;;", ";LPA:1$x$y;;", 1), "ACTIVATION_CODE"),
        (good.replacen("false", "maybe", 1), "AUTO_ASSIGN"),
        (good.replacen(";false", "", 1), "row"),
    ];
    for (row, field) in cases {
        let err = import::parse(row.as_bytes()).unwrap_err().to_string();
        assert!(
            err.starts_with(&format!("line 1, {field}:")),
            "{row} -> {err}"
        );
    }
    let dup = format!("{good}\n{good}\n");
    assert!(import::parse(dup.as_bytes())
        .unwrap_err()
        .to_string()
        .contains("also on line 1"));
}

#[tokio::test]
async fn sqlite_runs_in_wal_mode_with_foreign_keys() {
    use sea_orm::{ConnectionTrait, Statement};
    let t = mvno::testkit::TestDb::sqlite().await;
    let q = |sql: &str| Statement::from_string(sea_orm::DatabaseBackend::Sqlite, sql.to_string());
    let mode =
        t.db.query_one_raw(q("PRAGMA journal_mode"))
            .await
            .unwrap()
            .unwrap();
    assert_eq!(mode.try_get_by_index::<String>(0).unwrap(), "wal");
    let fk =
        t.db.query_one_raw(q("PRAGMA foreign_keys"))
            .await
            .unwrap()
            .unwrap();
    assert_eq!(fk.try_get_by_index::<i32>(0).unwrap(), 1);
    t.finish().await;
}
