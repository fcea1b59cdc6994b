//! Database: connection (SQLite embedded by default, PostgreSQL by URL),
//! migrations and entities.

pub mod entity;
pub mod migration;

use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};
use sea_orm_migration::MigratorTrait;
use std::time::Duration;

/// Where the embedded database lives when no `DATABASE_URL` is given.
pub const DEFAULT_SQLITE_URL: &str = "sqlite://data/mvno.db?mode=rwc";

/// Opens a pool. For SQLite: WAL journal, a busy timeout and foreign keys on;
/// one connection, because SQLite has one writer and a create is a write.
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut opts = ConnectOptions::new(url.to_string());
    // `MVNO_LOG_SQL=1` logs every statement (its text, not its values) at
    // info, to see what an operation asks of the database.
    opts.sqlx_logging(std::env::var_os("MVNO_LOG_SQL").is_some());
    if url.starts_with("sqlite:") {
        if let Some(dir) = sqlite_file(url).and_then(|p| std::path::Path::new(p).parent()) {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir).map_err(|e| DbErr::Custom(e.to_string()))?;
            }
        }
        opts.max_connections(1)
            .map_sqlx_sqlite_opts(|o| {
                o.journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                    .synchronous(sea_orm::sqlx::sqlite::SqliteSynchronous::Normal)
                    .busy_timeout(Duration::from_secs(10))
                    .foreign_keys(true)
                    .create_if_missing(true)
            })
            .map_sqlx_sqlite_pool_opts(|pool| {
                pool.after_connect(|conn, _| Box::pin(stable_query_plans(conn)))
            });
    } else {
        opts.max_connections(16)
            .min_connections(1)
            .acquire_timeout(Duration::from_secs(10));
    }
    Database::connect(opts).await
}

/// Turns on SQLite's query planner stability guarantee for a connection:
/// plans then never depend on bound values. Without it, a statement whose
/// plan looked at a bound value (every `LIMIT ?` the ORM writes) expires
/// whenever it is bound again and is parsed and planned anew at each run;
/// a profile of the create found 41 % of the server's instructions there.
async fn stable_query_plans(
    conn: &mut sea_orm::sqlx::SqliteConnection,
) -> Result<(), sea_orm::sqlx::Error> {
    use libsqlite3_sys::{sqlite3_db_config, SQLITE_DBCONFIG_ENABLE_QPSG, SQLITE_OK};
    use std::os::raw::c_int;
    let mut handle = conn.lock_handle().await?;
    let db = handle.as_raw_handle().as_ptr();
    // SAFETY: `db` is this connection's open handle, held locked for the
    // call; ENABLE_QPSG takes an int (1: on) and an int* for the old value,
    // which may be null.
    let rc = unsafe {
        sqlite3_db_config(
            db,
            SQLITE_DBCONFIG_ENABLE_QPSG,
            1 as c_int,
            std::ptr::null_mut::<c_int>(),
        )
    };
    if rc != SQLITE_OK {
        return Err(sea_orm::sqlx::Error::Configuration(
            format!("SQLITE_DBCONFIG_ENABLE_QPSG failed with {rc}").into(),
        ));
    }
    Ok(())
}

/// Connects and brings the schema up to date.
pub async fn connect_and_migrate(url: &str) -> Result<DatabaseConnection, DbErr> {
    let db = connect(url).await?;
    migration::Migrator::up(&db, None).await?;
    Ok(db)
}

/// The file path of a `sqlite://path?...` URL (`None` for in-memory).
fn sqlite_file(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next()?;
    (!path.is_empty() && path != ":memory:").then_some(path)
}

/// Whether a URL names the embedded SQLite database.
pub fn is_sqlite(url: &str) -> bool {
    url.starts_with("sqlite:")
}
