//! The server as its own process (the binary cargo built for these tests),
//! on a database of the test's own: a SQLite file, or a fresh PostgreSQL
//! database that is dropped afterwards.

use mvno::testkit::PgDatabase;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub enum Backend {
    Sqlite,
    Postgres,
}

/// A database for one test.
pub struct TestDatabase {
    pub url: String,
    pub dir: tempfile::TempDir,
    pg: Option<PgDatabase>,
}

impl TestDatabase {
    /// `None` when PostgreSQL is not reachable and `CI` is not set; with
    /// `CI` set an unreachable PostgreSQL fails the test.
    pub async fn new(backend: Backend) -> Option<TestDatabase> {
        let dir = tempfile::tempdir().unwrap();
        match backend {
            Backend::Sqlite => Some(TestDatabase {
                url: format!("sqlite://{}/app.db?mode=rwc", dir.path().display()),
                dir,
                pg: None,
            }),
            Backend::Postgres => {
                let pg = PgDatabase::for_test("mvno_proc").await?;
                Some(TestDatabase {
                    url: pg.url.clone(),
                    dir,
                    pg: Some(pg),
                })
            }
        }
    }

    pub async fn finish(self) {
        if let Some(pg) = &self.pg {
            pg.drop_it().await;
        }
    }
}

/// A running server process; killed when dropped.
pub struct ServerProcess {
    child: Child,
    pub base: String,
    /// The address it listens on.
    pub addr: std::net::SocketAddr,
    pub log: PathBuf,
}

/// The log filter the audit reads at: the default level, with our own
/// crates and the request traces at debug.
pub const AUDIT_LOG_FILTER: &str = "info,server=debug,mvno=debug,tower_http=debug";

impl ServerProcess {
    /// Starts `server serve` on `db_url` and waits until it answers.
    pub async fn start(db_url: &str, dir: &Path, name: &str, activation_delay_secs: u32) -> Self {
        Self::start_with(db_url, dir, name, activation_delay_secs, &[]).await
    }

    /// Starts `server serve <args>` on `db_url` and waits until it answers.
    pub async fn start_with(
        db_url: &str,
        dir: &Path,
        name: &str,
        activation_delay_secs: u32,
        args: &[&str],
    ) -> Self {
        Self::start_with_env(db_url, dir, name, activation_delay_secs, args, &[]).await
    }

    /// Starts `server serve <args>` with extra environment variables.
    pub async fn start_with_env(
        db_url: &str,
        dir: &Path,
        name: &str,
        activation_delay_secs: u32,
        args: &[&str],
        envs: &[(&str, &str)],
    ) -> Self {
        let command: Vec<&str> = std::iter::once("serve")
            .chain(args.iter().copied())
            .collect();
        Self::start_command(db_url, dir, name, activation_delay_secs, &command, envs).await
    }

    /// Starts `server <command>` (`[]`: the bare binary, which serves with
    /// its settings from the environment).
    pub async fn start_command(
        db_url: &str,
        dir: &Path,
        name: &str,
        activation_delay_secs: u32,
        command: &[&str],
        envs: &[(&str, &str)],
    ) -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let log = dir.join(format!("{name}.log"));
        let out = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log)
            .unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_server"))
            .args(command)
            .env("DATABASE_URL", db_url)
            .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
            .env("LEPTOS_SITE_ROOT", dir.join("site"))
            .env("LEPTOS_OUTPUT_NAME", "mvno")
            .env("ACTIVATION_DELAY_SECS", activation_delay_secs.to_string())
            .env("RUST_LOG", AUDIT_LOG_FILTER)
            .env("NO_COLOR", "1")
            .envs(envs.iter().copied())
            .stdin(Stdio::null())
            .stdout(out.try_clone().unwrap())
            .stderr(out)
            .spawn()
            .expect("starting the server binary");
        let server = ServerProcess {
            child,
            base: format!("http://127.0.0.1:{port}"),
            addr: std::net::SocketAddr::from(([127, 0, 0, 1], port)),
            log,
        };
        server.wait_ready().await;
        server
    }

    async fn wait_ready(&self) {
        let client = reqwest::Client::new();
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Ok(r) = client
                .get(format!("{}/api/openapi.json", self.base))
                .send()
                .await
            {
                if r.status().is_success() {
                    return;
                }
            }
            assert!(
                Instant::now() < deadline,
                "the server did not start; its log:\n{}",
                std::fs::read_to_string(&self.log).unwrap_or_default()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// SIGTERM, as a service manager stops the server; returns at once.
    pub fn terminate(&self) {
        let sent = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("running kill");
        assert!(sent.success(), "kill -TERM failed");
    }

    /// The exit status, once the process has ended within `limit`.
    pub async fn wait_exit(&mut self, limit: Duration) -> Option<std::process::ExitStatus> {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some(status);
            }
            if Instant::now() > deadline {
                return None;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// What the process wrote to its log so far.
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// SIGKILL: no shutdown, no flushing, as a crash.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Runs a one-off command of the server binary (`create-admin`, `demo`, …)
/// on `db_url`, with no terminal on stdin.
pub fn run_command(db_url: &str, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_server"))
        .args(args)
        .env("DATABASE_URL", db_url)
        .env("RUST_LOG", "warn")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("running the server binary")
}

/// The first column of a query's rows, as text.
pub async fn rows(db: &DatabaseConnection, sql: &str) -> Vec<Option<String>> {
    let stmt = Statement::from_string(db.get_database_backend(), sql.to_string());
    db.query_all_raw(stmt)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .iter()
        .map(|r| r.try_get_by_index(0).ok())
        .collect()
}

/// Fails with the offending rows when a query that must find nothing finds something.
pub async fn assert_none(db: &DatabaseConnection, what: &str, sql: &str) {
    let found = rows(db, sql).await;
    assert!(found.is_empty(), "{what}: {found:?}\n{sql}");
}

pub async fn count(db: &DatabaseConnection, sql: &str) -> i64 {
    let stmt = Statement::from_string(db.get_database_backend(), sql.to_string());
    let row = db.query_one_raw(stmt).await.unwrap().unwrap();
    row.try_get_by_index::<i64>(0).unwrap()
}

/// The database's invariants after any number of creates, won, lost or cut
/// off: each number and SIM used at most once, nothing held by no account,
/// and each account whole (its number, its SIM and one activation job).
pub async fn assert_invariants(db: &DatabaseConnection) {
    assert_none(
        db,
        "a number on two accounts",
        "SELECT number FROM mvno_account GROUP BY number HAVING COUNT(*) > 1",
    )
    .await;
    assert_none(db, "a SIM on two accounts",
        "SELECT sim_icc FROM mvno_account WHERE sim_icc IS NOT NULL GROUP BY sim_icc HAVING COUNT(*) > 1").await;
    assert_none(
        db,
        "a number held by no account",
        "SELECT n.number FROM number n LEFT JOIN mvno_account a ON a.id = n.account_id \
         WHERE n.account_id IS NOT NULL AND (a.id IS NULL OR (a.number <> n.number AND NOT EXISTS \
         (SELECT 1 FROM data_sharing_sim d WHERE d.account_id = a.id AND d.number = n.number)))",
    )
    .await;
    assert_none(db, "a SIM held by no account",
        "SELECT s.icc FROM sim_card s LEFT JOIN mvno_account a ON a.id = s.account_id \
         WHERE s.account_id IS NOT NULL AND (a.id IS NULL OR (COALESCE(a.sim_icc, '') <> s.icc AND NOT EXISTS \
         (SELECT 1 FROM data_sharing_sim d WHERE d.account_id = a.id AND d.icc = s.icc)))").await;
    assert_none(
        db,
        "an account whose number is not its own",
        "SELECT a.id FROM mvno_account a LEFT JOIN number n ON n.number = a.number \
         WHERE n.number IS NULL OR n.account_id IS NULL OR n.account_id <> a.id",
    )
    .await;
    assert_none(db, "an account whose SIM is not its own",
        "SELECT a.id FROM mvno_account a LEFT JOIN sim_card s ON s.icc = a.sim_icc \
         WHERE a.sim_icc IS NOT NULL AND (s.icc IS NULL OR s.account_id IS NULL OR s.account_id <> a.id)").await;
    assert_none(db, "a data-sharing SIM not held by its account",
        "SELECT d.id FROM data_sharing_sim d LEFT JOIN sim_card s ON s.icc = d.icc \
         LEFT JOIN number n ON n.number = d.number \
         WHERE s.account_id IS NULL OR s.account_id <> d.account_id OR n.account_id IS NULL OR n.account_id <> d.account_id").await;
    assert_none(db, "a porting without its account",
        "SELECT p.id FROM porting p LEFT JOIN mvno_account a ON a.id = p.account_id WHERE a.id IS NULL").await;
    assert_none(db, "an account created here without exactly one activation job",
        "SELECT a.id FROM mvno_account a WHERE a.created_by IS NOT NULL AND a.id NOT LIKE 'ac00000000%' \
         AND (SELECT COUNT(*) FROM job j WHERE j.account_id = a.id) <> 1").await;
    assert_none(
        db,
        "a job without its account",
        "SELECT j.id FROM job j LEFT JOIN mvno_account a ON a.id = j.account_id WHERE a.id IS NULL",
    )
    .await;
    assert_none(
        db,
        "an invoice line for no account",
        "SELECT i.id FROM invoice_line i LEFT JOIN mvno_account a ON a.id = i.account_id \
         WHERE i.account_id IS NOT NULL AND a.id IS NULL",
    )
    .await;
}
