//! Test databases: a fresh SQLite file per test, and a fresh PostgreSQL
//! database per test when `MVNO_TEST_PG_URL` reaches a server. With `CI` set,
//! an unreachable PostgreSQL fails the test instead of skipping it.

#![allow(dead_code)]

use mvno::db;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};

pub struct TestDb {
    pub db: DatabaseConnection,
    pub backend: &'static str,
    cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(#[allow(unused)] tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

impl TestDb {
    pub async fn sqlite() -> TestDb {
        Self::sqlite_from(None).await
    }

    /// A SQLite database that holds `before` (run on a connection of its
    /// own) when the migrations run.
    pub async fn sqlite_from(before: Option<&str>) -> TestDb {
        let dir = tempfile::tempdir().unwrap();
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
        let admin_url = std::env::var("MVNO_TEST_PG_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_string());
        let admin = match Database::connect(admin_url.as_str()).await {
            Ok(c) => c,
            Err(e) if std::env::var_os("CI").is_none() => {
                eprintln!("PostgreSQL not reachable at {admin_url} ({e}); skipping (set CI to make this fatal)");
                return None;
            }
            Err(e) => panic!("CI is set and PostgreSQL is not reachable at {admin_url}: {e}"),
        };
        let name = format!("mvno_test_{}_{}", std::process::id(), mvno::Id::generate());
        admin
            .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
            .await
            .expect("create test database");
        admin.close().await.ok();
        let base = admin_url
            .rsplit_once('/')
            .map(|(b, _)| b)
            .unwrap_or(&admin_url);
        if let Some(sql) = before {
            load(&format!("{base}/{name}"), sql).await;
        }
        let db = db::connect_and_migrate(&format!("{base}/{name}"))
            .await
            .expect("postgres test database");
        Some(TestDb {
            db,
            backend: "postgres",
            cleanup: Cleanup::Postgres { admin_url, name },
        })
    }

    /// Drops a PostgreSQL test database (SQLite's goes with its temp dir).
    pub async fn finish(self) {
        let TestDb { db, cleanup, .. } = self;
        db.close().await.ok();
        if let Cleanup::Postgres { admin_url, name } = cleanup {
            if let Ok(admin) = Database::connect(admin_url.as_str()).await {
                let _ = admin
                    .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                    .await;
            }
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

/// Runs an async test body once on SQLite and once on PostgreSQL.
#[macro_export]
macro_rules! on_both {
    ($name:ident, |$db:ident| $body:block) => {
        mod $name {
            use super::*;

            async fn body($db: &sea_orm::DatabaseConnection) $body

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let t = common::TestDb::sqlite().await;
                body(&t.db).await;
                t.finish().await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some(t) = common::TestDb::postgres().await else { return };
                body(&t.db).await;
                t.finish().await;
            }
        }
    };
}
