//! The database a run works on: fresh, with the demo data, the stock the
//! creates will take, and optionally many accounts made beforehand.

use anyhow::Context;
use chrono::{Duration, Utc};
use indicatif::{ProgressBar, ProgressStyle};
use mvno::db::entity::*;
use mvno::enums::{
    CustomerKind, CustomerState, FormFactor, JobKind, JobState, Network, NumberState,
};
use mvno::services::demo::{self, demo_icc, ids};
use mvno::testkit::{sim_card_row, PgDatabase};
use mvno::Id;
use sea_orm::{ActiveValue::Set, DatabaseConnection, EntityTrait};
use serde_json::json;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "SQLite",
            Backend::Postgres => "PostgreSQL",
        }
    }
}

/// A database of the run's own, dropped (PostgreSQL) or deleted (SQLite) after.
pub struct BenchDb {
    pub url: String,
    pg: Option<PgDatabase>,
    _dir: Option<tempfile::TempDir>,
}

impl BenchDb {
    pub async fn new(
        backend: Backend,
        pg_admin_url: &str,
        work: &std::path::Path,
    ) -> anyhow::Result<Self> {
        match backend {
            Backend::Sqlite => {
                let name = format!("mvno_bench_{}_{}", std::process::id(), Id::generate());
                let dir = tempfile::Builder::new().prefix(&name).tempdir_in(work)?;
                Ok(BenchDb {
                    url: format!("sqlite://{}/bench.db?mode=rwc", dir.path().display()),
                    pg: None,
                    _dir: Some(dir),
                })
            }
            Backend::Postgres => {
                let pg = PgDatabase::create(pg_admin_url, "mvno_bench")
                    .await
                    .with_context(|| format!("PostgreSQL at {pg_admin_url}"))?;
                Ok(BenchDb {
                    url: pg.url.clone(),
                    pg: Some(pg),
                    _dir: None,
                })
            }
        }
    }

    pub async fn drop_database(&self) {
        if let Some(pg) = &self.pg {
            pg.drop_it().await;
        }
    }
}

/// Stock for `n` creates: numbers for sale and physical SIM cards in the
/// reseller's storage. `lot` keeps the lots of several runs apart.
pub struct Stock {
    pub numbers: Vec<String>,
    pub iccs: Vec<String>,
}

pub async fn add_stock(db: &DatabaseConnection, lot: u32, n: usize) -> anyhow::Result<Stock> {
    let numbers: Vec<String> = (0..n).map(|i| format!("+452{lot}{i:06}")).collect();
    let iccs: Vec<String> = (0..n as u64)
        .map(|i| demo_icc(&format!("89450197{lot}"), i))
        .collect();
    let now = Utc::now();
    for chunk in numbers.chunks(500) {
        number::Entity::insert_many(chunk.iter().map(|num| free_number(num, now)))
            .exec(db)
            .await?;
    }
    for chunk in iccs.chunks(500) {
        sim_card::Entity::insert_many(chunk.iter().map(|icc| sim(icc, None, now)))
            .exec(db)
            .await?;
    }
    Ok(Stock { numbers, iccs })
}

pub fn free_number(num: &str, now: chrono::DateTime<Utc>) -> number::ActiveModel {
    demo::number_row(
        num.to_string(),
        NumberState::Available,
        Some(Network::Tdc),
        now,
    )
}

pub fn sim(icc: &str, account: Option<&str>, now: chrono::DateTime<Utc>) -> sim_card::ActiveModel {
    sim_card_row(icc, FormFactor::MiniMicroNano, ids::NORDLYS, account, now)
}

/// Migrates, loads the demo data and makes `accounts` accounts beforehand,
/// spread over 1,000 business customers of the reseller, each as a create
/// leaves it: number in use, SIM taken, invoice line, job done, event.
pub async fn prepare(url: &str, accounts: usize) -> anyhow::Result<DatabaseConnection> {
    let db = mvno::db::connect_and_migrate(url).await?;
    demo::load(&db).await?;
    if accounts == 0 {
        return Ok(db);
    }
    let now = Utc::now() - Duration::days(30);
    let customers: Vec<String> = (0..1000).map(|i| format!("c1{i:022x}")).collect();
    customer::Entity::insert_many(
        customers.iter().enumerate().map(|(i, id)| {
            business_customer(id, &format!("Kunde {i:04} ApS"), 30_000_000 + i, now)
        }),
    )
    .exec(&db)
    .await?;
    let bar = ProgressBar::new(accounts as u64).with_style(ProgressStyle::with_template(
        "  accounts beforehand {bar:30} {pos}/{len} ({per_sec})",
    )?);
    let chunk = 500;
    for start in (0..accounts).step_by(chunk) {
        let range = start..(start + chunk).min(accounts);
        let rows: Vec<_> = range
            .clone()
            .map(|i| {
                let id = format!("ab{i:022x}");
                let customer = customers[i % customers.len()].clone();
                let number = format!("+4531{i:06}");
                let icc = demo_icc("894501960", i as u64);
                (id, customer, number, icc)
            })
            .collect();
        insert_accounts(&db, &rows, now).await?;
        bar.set_position(range.end as u64);
    }
    bar.finish_and_clear();
    Ok(db)
}

/// A business customer of the demo reseller.
pub fn business_customer(
    id: &str,
    name: &str,
    cvr: usize,
    now: chrono::DateTime<Utc>,
) -> customer::ActiveModel {
    customer::ActiveModel {
        id: Set(id.to_string()),
        name: Set(name.to_string()),
        cvr: Set(Some(format!("{cvr:08}"))),
        kind: Set(CustomerKind::Business),
        state: Set(CustomerState::Active),
        parent_reseller: Set(Some(ids::NORDLYS.into())),
        email: Set(None),
        address: Set(None),
        public_signup: Set(false),
        created_at: Set(now),
    }
}

/// An account row: id, customer, number and the SIM's ICC.
pub type AccountRow = (String, String, String, String);

/// Inserts accounts as a create leaves them: number in use, SIM taken,
/// invoice line, job done, event.
pub async fn insert_accounts(
    db: &DatabaseConnection,
    rows: &[AccountRow],
    now: chrono::DateTime<Utc>,
) -> anyhow::Result<()> {
    let feature = serde_json::to_value(mvno::account::Feature::default())?;
    number::Entity::insert_many(rows.iter().map(|(id, customer, number, _)| {
        let mut n = free_number(number, now);
        n.state = Set(NumberState::InUse);
        n.owner_customer_id = Set(Some(customer.clone()));
        n.account_id = Set(Some(id.clone()));
        n
    }))
    .exec(db)
    .await?;
    sim_card::Entity::insert_many(rows.iter().map(|(id, _, _, icc)| sim(icc, Some(id), now)))
        .exec(db)
        .await?;
    mvno_account::Entity::insert_many(rows.iter().map(|(id, customer, number, icc)| {
        let mut row = demo::existing_account(
            id.clone(),
            customer.clone(),
            number.clone(),
            ids::PLAN_10GB.into(),
            feature.clone(),
            "e00000000000000000000002".into(),
            now,
        );
        row.sim_icc = Set(Some(icc.clone()));
        row
    }))
    .exec(db)
    .await?;
    invoice_line::Entity::insert_many(rows.iter().map(|(id, customer, number, _)| {
        invoice_line::ActiveModel {
            id: Set(format!("1e{}", &id[2..])),
            customer_id: Set(customer.clone()),
            period: Set(now.format("%Y-%m").to_string()),
            product_id: Set(Some(ids::NUMBER_PURCHASE.into())),
            account_id: Set(Some(id.clone())),
            description: Set(format!("Number purchase {number}")),
            amount_ore: Set(9900),
            created_at: Set(now),
        }
    }))
    .exec(db)
    .await?;
    job::Entity::insert_many(rows.iter().map(|(id, ..)| job::ActiveModel {
        id: Set(format!("10{}", &id[2..])),
        kind: Set(JobKind::Activate),
        account_id: Set(id.clone()),
        run_at: Set(now),
        state: Set(JobState::Done),
        attempts: Set(1),
        locked_until: Set(None),
        created_at: Set(now),
    }))
    .exec(db)
    .await?;
    event::Entity::insert_many(
        rows.iter()
            .map(|(id, customer, number, _)| event::ActiveModel {
                id: Set(format!("e1{}", &id[2..])),
                at: Set(now),
                employee_id: Set(Some("e00000000000000000000002".into())),
                customer_id: Set(Some(customer.clone())),
                action: Set("mvno.create".into()),
                outcome: Set("OK".into()),
                detail: Set(Some(json!({"number": number, "account": id}))),
            }),
    )
    .exec(db)
    .await?;
    Ok(())
}
