//! The baseline: what one create asks of the database (the statements the
//! server runs for `POST /api/mvno` with a bought number, a physical SIM and
//! a rate plan, read off with `MVNO_LOG_SQL=1`), written by hand with plain
//! sqlx and run in one transaction. No HTTP, no ORM, no JSON replies: the
//! rate the database itself allows for this work.

use crate::load::{self, Stats};
use chrono::{DateTime, Utc};
use mvno::services::demo::ids;
use mvno::Id;
use sea_orm::sqlx::{
    self, postgres::PgPoolOptions, sqlite::SqliteConnectOptions, sqlite::SqliteJournalMode,
    sqlite::SqlitePoolOptions, sqlite::SqliteSynchronous, PgPool, Row, SqlitePool,
};
use serde_json::json;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

/// The same pools as the server's: SQLite one writer, PostgreSQL sixteen.
#[derive(Clone)]
pub enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// The reseller who creates (the demo's `reseller@nordlys.dk`).
const EMPLOYEE: &str = "e00000000000000000000002";
/// The hash of the bearer token the baseline's requests carry.
const TOKEN_HASH: &str = "baseline0000000000000000000000000000000000000000000000000000000";

impl Pool {
    pub async fn connect(url: &str) -> anyhow::Result<Pool> {
        Ok(if url.starts_with("sqlite:") {
            let opts = SqliteConnectOptions::from_str(url)?
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(10))
                .foreign_keys(true);
            Pool::Sqlite(
                SqlitePoolOptions::new()
                    .max_connections(1)
                    .connect_with(opts)
                    .await?,
            )
        } else {
            Pool::Postgres(
                PgPoolOptions::new()
                    .max_connections(16)
                    .connect(url)
                    .await?,
            )
        })
    }

    /// Stores the token whose hash every baseline create looks up.
    pub async fn caller_token(&self) -> anyhow::Result<String> {
        let sql = "INSERT INTO auth_token (token_hash, employee_id, kind, expires_at, created_at) VALUES ($1, $2, 'API', NULL, $3)";
        let now = Utc::now();
        match self {
            Pool::Sqlite(p) => {
                sqlx::query(sql)
                    .bind(TOKEN_HASH)
                    .bind(EMPLOYEE)
                    .bind(now)
                    .execute(p)
                    .await?;
            }
            Pool::Postgres(p) => {
                sqlx::query(sql)
                    .bind(TOKEN_HASH)
                    .bind(EMPLOYEE)
                    .bind(now)
                    .execute(p)
                    .await?;
            }
        }
        Ok(TOKEN_HASH.to_string())
    }

    pub async fn close(&self) {
        match self {
            Pool::Sqlite(p) => p.close().await,
            Pool::Postgres(p) => p.close().await,
        }
    }
}

/// One create's statements, in the server's order, on transaction `$tx`.
macro_rules! one_create {
    ($tx:expr, $token:expr, $number:expr, $icc:expr) => {{
        let tx = $tx;
        let now: DateTime<Utc> = Utc::now();
        let account = Id::generate().to_string();
        let customer = ids::BAGER_JENSEN;
        // The caller, from the token.
        let caller = sqlx::query("SELECT t.token_hash, t.employee_id, t.kind, t.expires_at, t.created_at, e.id, e.customer_id, e.username, e.name, e.email, e.access_level, e.password_hash, e.created_at FROM auth_token t LEFT JOIN employee e ON t.employee_id = e.id WHERE t.token_hash = $1 LIMIT 1")
            .bind($token).fetch_one(&mut **tx).await?;
        let _: String = caller.try_get("access_level")?;
        // The customer and the resellers above it.
        let mut chain = Vec::new();
        let mut next = Some(customer.to_string());
        while let Some(id) = next.take() {
            let row = sqlx::query("SELECT id, name, cvr, kind, state, parent_reseller, email, address, public_signup, created_at FROM customer WHERE id = $1 LIMIT 1")
                .bind(&id).fetch_optional(&mut **tx).await?;
            if let Some(row) = row {
                next = row.try_get("parent_reseller")?;
                chain.push(id);
            }
        }
        // The rate plan.
        sqlx::query("SELECT id, kind, name, description, owner_customer_id, price_ore, recurrence, valid_from, valid_until, included_row_product_id, features, socs, facts, public FROM product WHERE id = $1 LIMIT 1")
            .bind(ids::PLAN_10GB).fetch_one(&mut **tx).await?;
        // The number: read, then taken if still free.
        let number = sqlx::query("SELECT number, state, network, owner_customer_id, stock_reseller_id, range_id, reserved_until, quarantine_until, account_id, updated_at FROM number WHERE number = $1 LIMIT 1")
            .bind($number).fetch_one(&mut **tx).await?;
        let state: String = number.try_get("state")?;
        let taken = sqlx::query("UPDATE number SET state = $1, owner_customer_id = $2, stock_reseller_id = NULL, account_id = $3, reserved_until = NULL, updated_at = $4 WHERE number = $5 AND state = $6 AND account_id IS NULL")
            .bind("IN_USE").bind(customer).bind(&account).bind(now).bind($number).bind(&state)
            .execute(&mut **tx).await?;
        anyhow::ensure!(taken.rows_affected() == 1, "number taken");
        // The purchase on the invoice.
        let product = sqlx::query("SELECT id, name, price_ore FROM product WHERE kind = $1 AND owner_customer_id IS NULL AND valid_from <= $2 AND (valid_until IS NULL OR valid_until >= $3) LIMIT 1")
            .bind("NUMBER_PURCHASE").bind(now).bind(now).fetch_one(&mut **tx).await?;
        let price: i64 = product.try_get("price_ore")?;
        sqlx::query("INSERT INTO invoice_line (id, customer_id, period, product_id, account_id, description, amount_ore, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
            .bind(Id::generate().to_string()).bind(customer).bind(now.format("%Y-%m").to_string())
            .bind(ids::NUMBER_PURCHASE).bind(&account).bind(format!("Number purchase {}", $number)).bind(price).bind(now)
            .execute(&mut **tx).await?;
        // The SIM: read, then taken if still free.
        sqlx::query("SELECT icc, imsi, puk1, puk2, pin1, pin2, form_factor, network, activation_code, in_storage_at, auto_assign, tag, account_id, imported_at FROM sim_card WHERE icc = $1 LIMIT 1")
            .bind($icc).fetch_one(&mut **tx).await?;
        let taken = sqlx::query("UPDATE sim_card SET account_id = $1 WHERE icc = $2 AND account_id IS NULL")
            .bind(&account).bind($icc).execute(&mut **tx).await?;
        anyhow::ensure!(taken.rows_affected() == 1, "SIM taken");
        // The account and its activation job.
        sqlx::query("INSERT INTO mvno_account (id, customer_id, number, state, number_state, network, sim_icc, auto_assigned, feature, voicemail, sip_account_id, pbx, extension_id, dnd, rate_plan_id, new_rate_plan_id, services, socs_override, row_roaming, notes, custom, billing_customer_id, start_date, delete_date, donor_sim_number, purchase_info, mit_id, porting_id, created_by, created_at, activated_at) VALUES ($1, $2, $3, 'CREATING', 'IN_USE', 'TDC', $4, FALSE, $5, NULL, NULL, NULL, NULL, FALSE, $6, NULL, $7, NULL, NULL, NULL, NULL, NULL, $8, NULL, NULL, NULL, NULL, NULL, $9, $10, NULL)")
            .bind(&account).bind(customer).bind($number).bind($icc)
            .bind(json!({"data": true, "voicemail": true, "roaming": true}))
            .bind(ids::PLAN_10GB).bind(json!([])).bind(now).bind(EMPLOYEE).bind(now)
            .execute(&mut **tx).await?;
        sqlx::query("INSERT INTO job (id, kind, account_id, run_at, state, attempts, locked_until, created_at) VALUES ($1, 'ACTIVATE', $2, $3, 'PENDING', 0, NULL, $4)")
            .bind(Id::generate().to_string()).bind(&account).bind(now + chrono::Duration::days(1)).bind(now)
            .execute(&mut **tx).await?;
        // The event.
        sqlx::query("INSERT INTO event (id, at, employee_id, customer_id, action, outcome, detail) VALUES ($1, $2, $3, $4, 'mvno.create', 'OK', $5)")
            .bind(Id::generate().to_string()).bind(now).bind(EMPLOYEE).bind(customer)
            .bind(json!({"number": $number, "account": &account}))
            .execute(&mut **tx).await?;
        // The reply: the account, its SIM, its data-sharing SIMs.
        sqlx::query("SELECT * FROM mvno_account WHERE id = $1 LIMIT 1").bind(&account).fetch_one(&mut **tx).await?;
        sqlx::query("SELECT icc, imsi, puk1, puk2, pin1, pin2, form_factor, network, activation_code, in_storage_at, auto_assign, tag, account_id, imported_at FROM sim_card WHERE icc = $1 LIMIT 1")
            .bind($icc).fetch_one(&mut **tx).await?;
        sqlx::query("SELECT id, account_id, icc, number, name FROM data_sharing_sim WHERE account_id = $1 ORDER BY number")
            .bind(&account).fetch_all(&mut **tx).await?;
        anyhow::Ok(chain.len())
    }};
}

async fn one(pool: &Pool, token: &str, number: &str, icc: &str) -> anyhow::Result<usize> {
    match pool {
        Pool::Sqlite(p) => {
            let mut tx = p.begin().await?;
            let n = one_create!(&mut tx, token, number, icc)?;
            tx.commit().await?;
            Ok(n)
        }
        Pool::Postgres(p) => {
            let mut tx = p.begin().await?;
            let n = one_create!(&mut tx, token, number, icc)?;
            tx.commit().await?;
            Ok(n)
        }
    }
}

/// Creates at `concurrency`, one transaction each.
pub async fn creates(
    pool: &Pool,
    token: &str,
    numbers: &[String],
    iccs: &[String],
    concurrency: usize,
) -> anyhow::Result<Stats> {
    let work: Arc<Vec<(String, String)>> =
        Arc::new(numbers.iter().cloned().zip(iccs.iter().cloned()).collect());
    let (pool, token) = (pool.clone(), token.to_string());
    Ok(load::run(work.len(), concurrency, move |i| {
        let (pool, token, work) = (pool.clone(), token.clone(), work.clone());
        async move {
            match one(&pool, &token, &work[i].0, &work[i].1).await {
                Ok(_) => true,
                Err(e) => {
                    eprintln!("  baseline create {i}: {e}");
                    false
                }
            }
        }
    })
    .await)
}
