//! What the tests and the benchmark share (behind the `testkit` feature,
//! never in a product build): a database of a run's own, SQLite or
//! PostgreSQL, the `on_both!` runner, and rows built as a create leaves
//! them.
//!
//! PostgreSQL is found at `MVNO_TEST_PG_URL` (default
//! `postgres://postgres@127.0.0.1:5432/postgres`). Tests skip it with a
//! message when it cannot be reached, unless `CI` is set: then they fail.

use crate::db;
use crate::db::entity::sim_card;
use crate::enums::{FormFactor, Network};
use crate::services::demo::imsi_for;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ConnectionTrait, Database, DatabaseConnection, DbErr};

/// The PostgreSQL server the tests use, as an admin URL.
pub fn pg_admin_url() -> String {
    std::env::var("MVNO_TEST_PG_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_string())
}

/// A PostgreSQL database made for one test or run; [`PgDatabase::drop_it`]
/// removes it.
pub struct PgDatabase {
    pub url: String,
    admin_url: String,
    name: String,
}

impl PgDatabase {
    /// Makes a new, empty database named after `prefix`, the process and a
    /// fresh id, on the server at `admin_url`.
    pub async fn create(admin_url: &str, prefix: &str) -> Result<PgDatabase, DbErr> {
        let name = format!("{prefix}_{}_{}", std::process::id(), crate::Id::generate());
        let admin = Database::connect(admin_url).await?;
        admin
            .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
            .await?;
        admin.close().await.ok();
        let base = admin_url.rsplit_once('/').map_or(admin_url, |(b, _)| b);
        Ok(PgDatabase {
            url: format!("{base}/{name}"),
            admin_url: admin_url.to_string(),
            name,
        })
    }

    /// A database for a test: `None` (with a message) when PostgreSQL
    /// cannot be reached and `CI` is not set; with `CI` set, a panic.
    pub async fn for_test(prefix: &str) -> Option<PgDatabase> {
        let admin_url = pg_admin_url();
        match PgDatabase::create(&admin_url, prefix).await {
            Ok(pg) => Some(pg),
            Err(e) if std::env::var_os("CI").is_none() => {
                eprintln!(
                    "PostgreSQL not reachable at {admin_url} ({e}); skipping (set CI to make this fatal)"
                );
                None
            }
            Err(e) => panic!("CI is set and PostgreSQL is not reachable at {admin_url}: {e}"),
        }
    }

    /// Drops the database, closing what is still connected to it.
    pub async fn drop_it(&self) {
        if let Ok(admin) = Database::connect(self.admin_url.as_str()).await {
            let _ = admin
                .execute_unprepared(&format!(
                    "DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)",
                    self.name
                ))
                .await;
        }
    }
}

/// A migrated database of one test: a SQLite file in a temporary folder,
/// or a PostgreSQL database of its own.
pub struct TestDb {
    pub db: DatabaseConnection,
    pub backend: &'static str,
    cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(#[allow(unused)] tempfile::TempDir),
    Postgres(PgDatabase),
}

impl TestDb {
    pub async fn sqlite() -> TestDb {
        Self::sqlite_from(None).await
    }

    /// A SQLite database that holds `before` (run on a connection of its
    /// own) when the migrations run.
    pub async fn sqlite_from(before: Option<&str>) -> TestDb {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let url = format!("sqlite://{}/test.db?mode=rwc", dir.path().display());
        if let Some(sql) = before {
            load(&url, sql).await;
        }
        let db = db::connect_and_migrate(&url)
            .await
            .expect("sqlite test database");
        TestDb {
            db,
            backend: "sqlite",
            cleanup: Cleanup::Sqlite(dir),
        }
    }

    /// `None` when PostgreSQL is not reachable and `CI` is not set.
    pub async fn postgres() -> Option<TestDb> {
        Self::postgres_from(None).await
    }

    /// A PostgreSQL database that holds `before` when the migrations run.
    pub async fn postgres_from(before: Option<&str>) -> Option<TestDb> {
        let pg = PgDatabase::for_test("mvno_test").await?;
        if let Some(sql) = before {
            load(&pg.url, sql).await;
        }
        let db = db::connect_and_migrate(&pg.url)
            .await
            .expect("postgres test database");
        Some(TestDb {
            db,
            backend: "postgres",
            cleanup: Cleanup::Postgres(pg),
        })
    }

    /// Drops a PostgreSQL test database (SQLite's goes with its folder).
    pub async fn finish(self) {
        let TestDb { db, cleanup, .. } = self;
        db.close().await.ok();
        if let Cleanup::Postgres(pg) = cleanup {
            pg.drop_it().await;
        }
    }
}

/// Runs `sql` on a connection of its own (a dump may change connection
/// settings, such as SQLite's foreign keys).
async fn load(url: &str, sql: &str) {
    let c = Database::connect(url)
        .await
        .expect("connect to load a fixture");
    c.execute_unprepared(sql).await.expect("load the fixture");
    c.close().await.ok();
}

/// Runs an async test body once on SQLite and once on PostgreSQL:
/// `on_both!(name, |db| { … })` makes a module `name` with the tests
/// `sqlite` and `postgres`.
#[macro_export]
macro_rules! on_both {
    ($name:ident, |$db:ident| $body:block) => {
        mod $name {
            use super::*;

            async fn body($db: &sea_orm::DatabaseConnection) $body

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let t = mvno::testkit::TestDb::sqlite().await;
                body(&t.db).await;
                t.finish().await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some(t) = mvno::testkit::TestDb::postgres().await else { return };
                body(&t.db).await;
                t.finish().await;
            }
        }
    };
}

/// A SIM card in `holder`'s storage (or on `account`), with codes derived
/// from its ICC.
pub fn sim_card_row(
    icc: &str,
    form_factor: FormFactor,
    holder: &str,
    account: Option<&str>,
    now: DateTime<Utc>,
) -> sim_card::ActiveModel {
    let serial: u64 = icc
        .bytes()
        .fold(0, |n, b| (n * 31 + u64::from(b)) % 1_000_000);
    sim_card::ActiveModel {
        icc: Set(icc.to_string()),
        imsi: Set(imsi_for(Network::Tdc, icc)),
        puk1: Set(format!("7{:07}", serial)),
        puk2: Set(format!("8{:07}", serial)),
        pin1: Set(format!("{:04}", 1000 + serial % 9000)),
        pin2: Set(format!("{:04}", 1000 + (serial * 7) % 9000)),
        form_factor: Set(form_factor),
        network: Set(Network::Tdc),
        activation_code: Set(form_factor
            .is_esim()
            .then(|| format!("LPA:1$test.smdp.dk${icc}X"))),
        in_storage_at: Set(holder.to_string()),
        auto_assign: Set(false),
        tag: Set(Some("test".into())),
        account_id: Set(account.map(str::to_string)),
        imported_at: Set(now),
    }
}
