//! The Danish demo dataset: loaded only when asked, by `server serve --demo`
//! into an empty database and by `server demo`. It holds at least one
//! instance of every situation in the create operation's error table; the
//! README lists which demo object reproduces which.
//!
//! The rows are data: the CSV files (and `feature_sets.json`) next to this
//! module, built in with `include_str!` and read by `data::Data::parse`.
//! A file of lots (`numbers.csv`, `sim_lots.csv`) gives one line per run
//! of alike numbers or cards, expanded when loading. The constants below
//! name the rows tests need; a test checks the data has every one.

mod accounts;

pub use accounts::existing_account;
mod data;
mod lots;
mod tables;
#[cfg(test)]
mod tests;

use crate::db::entity::*;
use crate::enums::*;
use crate::icc::luhn_check_digit;
use chrono::{DateTime, Utc};
use data::Data;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, TransactionSession, TransactionTrait,
};
use tables::Row;

/// The password of every demo login.
pub const DEMO_PASSWORD: &str = "demo1234";

/// Demo logins: (username, access level, customer name).
pub const DEMO_LOGINS: &[(&str, AccessLevelName, &str)] = &[
    ("admin@telecomx.dk", "ADMIN", "Telecom X A/S"),
    ("reseller@nordlys.dk", "RESELLER", "Nordlys Telecom ApS"),
    (
        "reseller-admin@nordlys.dk",
        "RESELLER_ADMIN",
        "Nordlys Telecom ApS",
    ),
    (
        "reseller@fjordnet.dk",
        "RESELLER",
        "Fjordnet ApS (sub-reseller of Nordlys)",
    ),
    (
        "reseller@kattegat.dk",
        "RESELLER",
        "Kattegat Kommunikation A/S",
    ),
    ("owner@bagerjensen.dk", "OWNER", "Bager Jensen ApS"),
    ("manager@bagerjensen.dk", "MANAGER", "Bager Jensen ApS"),
    ("viewer@bagerjensen.dk", "VIEWER", "Bager Jensen ApS"),
    (
        "owner@vestjyskvvs.dk",
        "OWNER",
        "Vestjysk VVS A/S (BLOCKED)",
    ),
    ("mette.hansen@example.dk", "OWNER", "Mette Hansen (private)"),
];
type AccessLevelName = &'static str;

/// Fixed ids of the demo objects, for tests and for the README.
pub mod ids {
    pub const OPERATOR: &str = "c00000000000000000000001";
    pub const NORDLYS: &str = "c00000000000000000000002";
    pub const FJORDNET: &str = "c00000000000000000000003";
    pub const KATTEGAT: &str = "c00000000000000000000004";
    pub const BAGER_JENSEN: &str = "c00000000000000000000005";
    pub const JENSEN_HOLDING: &str = "c00000000000000000000006";
    pub const VESTJYSK_VVS: &str = "c00000000000000000000007";
    pub const TANDKLINIK: &str = "c00000000000000000000008";
    pub const FISKEHANDEL: &str = "c00000000000000000000009";
    pub const METTE_HANSEN: &str = "c0000000000000000000000a";

    pub const PLAN_10GB: &str = "d00000000000000000000001";
    pub const PLAN_50GB: &str = "d00000000000000000000002";
    pub const PLAN_BUSINESS_WORLD: &str = "d00000000000000000000003";
    pub const PLAN_EXPIRED: &str = "d00000000000000000000004";
    pub const PLAN_MASTER_5GB: &str = "d00000000000000000000005";
    pub const PLAN_KATTEGAT: &str = "d00000000000000000000006";
    pub const SERVICE_EXTRA_DATA: &str = "d00000000000000000000007";
    pub const SERVICE_VOICEMAIL_EMAIL: &str = "d00000000000000000000008";
    pub const SERVICE_EXPIRED: &str = "d00000000000000000000009";
    pub const ROW_WORLD_5GB: &str = "d0000000000000000000000a";
    pub const ROW_WORLD_1GB: &str = "d0000000000000000000000b";
    pub const DATA_TOP_UP: &str = "d0000000000000000000000c";
    pub const NUMBER_PURCHASE: &str = "d0000000000000000000000d";
    /// A campaign plan that ends with the current month.
    pub const PLAN_ENDING: &str = "d0000000000000000000000e";

    pub const SIP_BAGER: &str = "5a0000000000000000000001";
    pub const SIP_FISKEHANDEL: &str = "5a0000000000000000000002";
    pub const EXT_FREE: &str = "eb0000000000000000000001";
    pub const EXT_ON_TRUNK: &str = "eb0000000000000000000002";
    pub const EXT_FISKEHANDEL: &str = "eb0000000000000000000003";
    pub const RANGE_BAGER: &str = "a00000000000000000000001";
    pub const ACCOUNT_IN_USE: &str = "ac0000000000000000000001";
    pub const ACCOUNT_PORTING: &str = "ac0000000000000000000002";
    pub const PORTING_IN_PROGRESS: &str = "b00000000000000000000001";
}

/// Demo numbers by situation.
pub mod numbers {
    pub const OWNED_FREE: &str = "+4520200001";
    pub const IN_USE: &str = "+4520300001";
    pub const PORTING_IN: &str = "+4520400001";
    pub const QUARANTINED: &str = "+4520500001";
    pub const PRE_RESERVED_OTHER: &str = "+4520600001";
    pub const LOCKED: &str = "+4520700001";
    pub const RESELLER_STOCK: &str = "+4520800001";
    pub const RANGE_MEMBER: &str = "+4588100003";
    pub const DONOR_TDC_ICC: &str = "+4540111111";
    pub const DONOR_TELENOR_ICC_EMAIL: &str = "+4540222222";
    pub const DONOR_TELIA_EMAIL: &str = "+4540333333";
    pub const DONOR_3_FAX: &str = "+4540444444";
    pub const LOOKUP_NO_OPERATOR: &str = "+4540555555";
    pub const FIXED_LINE: &str = "+4533111111";
    pub const UNKNOWN: &str = "+4549999999";
}

/// Whether the demo logins exist in this database.
pub async fn has_demo_logins<C: ConnectionTrait>(db: &C) -> Result<bool, DbErr> {
    use sea_orm::ColumnTrait;
    let admin = DEMO_LOGINS[0].0;
    Ok(employee::Entity::find()
        .filter(employee::Column::Username.eq(admin))
        .count(db)
        .await?
        > 0)
}

/// Whether the database already has data (then demo data is not loaded).
pub async fn is_empty<C: ConnectionTrait>(db: &C) -> Result<bool, DbErr> {
    Ok(customer::Entity::find().count(db).await? == 0)
}

/// A Luhn-valid ICC from a prefix and a serial, padded to 19 digits.
pub fn demo_icc(prefix: &str, serial: u64) -> String {
    let body = format!("{prefix}{serial:0width$}", width = 18 - prefix.len());
    let check = luhn_check_digit(&body).expect("digits");
    format!("{body}{check}")
}

/// IMSI for a card: MCC 238, the network's MNC, then 10 digits of the serial.
pub fn imsi_for(network: Network, icc: &str) -> String {
    let mnc = match network {
        Network::Tdc => "01",
        Network::Telenor => "02",
        Network::Telia => "20",
    };
    let serial = &icc[icc.len().saturating_sub(11)..icc.len() - 1];
    format!("238{mnc}{serial:0>10}")
}

/// Loads the whole dataset in one transaction.
pub async fn load<C: ConnectionTrait + TransactionTrait>(db: &C) -> Result<(), DbErr> {
    let data = Data::parse().map_err(DbErr::Custom)?;
    let txn = db.begin().await?;
    let now = Utc::now();
    insert(&txn, rows(data.customers, now)).await?;
    insert(&txn, rows(data.customer_billing, now)).await?;
    insert(&txn, rows(data.employees, now)).await?;
    insert(&txn, rows(data.operators, now)).await?;
    insert(&txn, rows(data.number_lookup, now)).await?;
    insert(&txn, rows(data.socs, now)).await?;
    insert(&txn, rows(data.products, now)).await?;
    insert(&txn, rows(data.sip_accounts, now)).await?;
    insert(&txn, rows(data.pbx_extensions, now)).await?;
    insert(&txn, rows(data.number_ranges, now)).await?;
    insert(&txn, data.numbers.iter().flat_map(|lot| lot.rows(now))).await?;
    insert(&txn, data.sim_lots.iter().flat_map(|lot| lot.cards(now))).await?;
    for account in &data.accounts {
        account.put_sim_on(&txn).await?;
    }
    insert(&txn, rows(data.accounts, now)).await?;
    insert(&txn, rows(data.portings, now)).await?;
    txn.commit().await
}

/// The table rows of a data file's rows, loaded at `now`.
fn rows<R: Row>(rows: Vec<R>, now: DateTime<Utc>) -> impl Iterator<Item = R::Model> {
    rows.into_iter().map(move |row| row.model(now))
}

/// Inserts rows of one table.
async fn insert<C, A>(db: &C, rows: impl IntoIterator<Item = A>) -> Result<(), DbErr>
where
    C: ConnectionTrait,
    A: ActiveModelTrait + Send,
{
    A::Entity::insert_many(rows).exec(db).await?;
    Ok(())
}

/// A number row with no owner, stock holder, range or account.
pub fn number_row(
    number: String,
    state: NumberState,
    network: Option<Network>,
    now: DateTime<Utc>,
) -> number::ActiveModel {
    number::ActiveModel {
        number: Set(number),
        state: Set(state),
        network: Set(network),
        owner_customer_id: Set(None),
        stock_reseller_id: Set(None),
        range_id: Set(None),
        reserved_until: Set(None),
        quarantine_until: Set(None),
        account_id: Set(None),
        updated_at: Set(now),
    }
}

/// The ICC of the demo SIM already on the in-use account.
pub fn used_sim_icc() -> String {
    demo_icc("8945550", 601)
}
