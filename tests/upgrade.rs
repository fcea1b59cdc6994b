//! An upgrade keeps every row: a database with the schema and demo data of
//! an earlier release (committed SQL fixtures, one per database) gets this
//! release's migrations, and every row is still there, sign-in works and a
//! create succeeds on it. Every schema change adds a migration and keeps
//! this passing; a later release adds a fixture of its own.

use mvno::account::CreateMvnoRequest;
use mvno::auth::LoginRequest;
use mvno::services::auth::{self, TokenKind};
use mvno::services::create::{create, CreateSettings};
use mvno::services::demo::{self, ids};
use mvno::services::Caller;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use std::collections::BTreeMap;

/// The release before signup by e-mail (migrations m0001 to m0004).
const SQLITE_M0004: &str = include_str!("fixtures/release-m0004-sqlite.sql");
const POSTGRES_M0004: &str = include_str!("fixtures/release-m0004-postgres.sql");

/// Rows per table, as the fixture inserts them.
fn rows_in_fixture(sql: &str) -> BTreeMap<String, u64> {
    let mut rows = BTreeMap::new();
    for line in sql.lines() {
        let Some(rest) = line.strip_prefix("INSERT INTO ") else {
            continue;
        };
        let table = rest
            .split([' ', '('])
            .next()
            .unwrap()
            .trim_start_matches("public.")
            .trim_matches('"')
            .to_string();
        *rows.entry(table).or_default() += 1;
    }
    rows
}

async fn count(db: &DatabaseConnection, table: &str) -> u64 {
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            format!("SELECT COUNT(*) AS n FROM \"{table}\""),
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<i64>("", "n").unwrap() as u64
}

async fn upgraded_keeps_everything(db: &DatabaseConnection, fixture: &str) {
    let expected = rows_in_fixture(fixture);
    assert!(
        expected.len() >= 23,
        "the fixture has the demo data: {expected:?}"
    );
    for (table, n) in &expected {
        if table == "seaql_migrations" {
            continue;
        }
        assert_eq!(count(db, table).await, *n, "{table}");
    }
    // This release's migrations (m0005, m0006) ran on top of the old ones.
    assert_eq!(
        count(db, "seaql_migrations").await,
        expected["seaql_migrations"] + 2
    );
    assert_eq!(count(db, "signup_request").await, 0);
    assert_eq!(count(db, "employee_language").await, 0);

    // The old logins sign in, and a create works on the upgraded data.
    let reply = auth::login(
        db,
        &LoginRequest {
            username: "reseller@nordlys.dk".into(),
            password: demo::DEMO_PASSWORD.into(),
            persist: false,
        },
        TokenKind::Api,
    )
    .await
    .unwrap();
    let caller = Caller {
        employee: reply.employee,
        customer: reply.customer,
        access_level: reply.access_level,
    };
    let req = CreateMvnoRequest {
        customer: Some(ids::BAGER_JENSEN.into()),
        number: Some("+4520100011".into()),
        esim: Some("TDC".into()),
        rate_plan: Some(ids::PLAN_10GB.into()),
        ..Default::default()
    };
    let account = create(db, &caller, &req, &CreateSettings::default())
        .await
        .unwrap();
    assert_eq!(account.number, "+4520100011");
    assert_eq!(
        count(db, "mvno_account").await,
        expected["mvno_account"] + 1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sqlite_database_of_the_m0004_release_upgrades_whole() {
    let t = mvno::testkit::TestDb::sqlite_from(Some(SQLITE_M0004)).await;
    upgraded_keeps_everything(&t.db, SQLITE_M0004).await;
    t.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_postgres_database_of_the_m0004_release_upgrades_whole() {
    let Some(t) = mvno::testkit::TestDb::postgres_from(Some(POSTGRES_M0004)).await else {
        return;
    };
    upgraded_keeps_everything(&t.db, POSTGRES_M0004).await;
    t.finish().await;
}
