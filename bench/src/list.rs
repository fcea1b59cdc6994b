//! The account list a customer's page shows (`GET /mvno?customer=…`, one
//! page of 100 accounts, each with its SIM and a data-sharing SIM), read
//! through the service the API calls, as a reseller.

use crate::load::{self, Stats};
use crate::setup::{business_customer, free_number, insert_accounts, prepare, sim, AccountRow};
use chrono::{Duration, Utc};
use mvno::db::entity::{customer, data_sharing_sim, number, sim_card};
use mvno::enums::NumberState;
use mvno::portal::Paging;
use mvno::services::demo::{demo_icc, ids};
use mvno::services::{view, Caller};
use mvno::{AccessLevel, Id};
use sea_orm::{ActiveValue::Set, DatabaseConnection, EntityTrait};
use std::sync::Arc;

/// Accounts on the page.
pub const PAGE: usize = 100;
const CUSTOMER: &str = "c2000000000000000000000a";

/// Times `reads` reads of the page, two at a time.
pub async fn measure(url: &str, reads: usize) -> anyhow::Result<Stats> {
    let db = prepare(url, 0).await?;
    fill(&db).await?;
    let caller = Caller {
        employee: Id::parse("e00000000000000000000002")?,
        customer: Id::parse(ids::NORDLYS)?,
        access_level: AccessLevel::Reseller,
    };
    let paging = Paging {
        offset: 0,
        limit: PAGE as u64,
    };
    let page = view::list(&db, &caller, CUSTOMER, paging).await?;
    anyhow::ensure!(
        page.items.len() == PAGE && page.items.iter().all(|a| a.data_sharing_sims.len() == 1),
        "the page does not hold {PAGE} accounts with their parts"
    );
    let (db, caller) = (Arc::new(db), Arc::new(caller));
    let read = move |_| {
        let (db, caller) = (db.clone(), caller.clone());
        async move { view::list(&*db, &caller, CUSTOMER, paging).await.is_ok() }
    };
    let read = Arc::new(read);
    let warm = read.clone();
    load::run(reads / 10, 2, move |i| warm(i)).await;
    Ok(load::run(reads, 2, move |i| read(i)).await)
}

/// One customer with `PAGE` accounts, each with one data-sharing SIM.
async fn fill(db: &DatabaseConnection) -> anyhow::Result<()> {
    let now = Utc::now() - Duration::days(30);
    customer::Entity::insert(business_customer(
        CUSTOMER,
        "Listekunden ApS",
        39_000_000,
        now,
    ))
    .exec(db)
    .await?;
    let rows: Vec<AccountRow> = (0..PAGE)
        .map(|i| {
            (
                format!("b7{i:022x}"),
                CUSTOMER.to_string(),
                format!("+4533{i:06}"),
                demo_icc("894501980", i as u64),
            )
        })
        .collect();
    insert_accounts(db, &rows, now).await?;
    let sharing: Vec<(String, String, String)> = rows
        .iter()
        .enumerate()
        .map(|(i, (id, ..))| {
            (
                id.clone(),
                format!("+4534{i:06}"),
                demo_icc("894501990", i as u64),
            )
        })
        .collect();
    number::Entity::insert_many(sharing.iter().map(|(id, n, _)| {
        let mut row = free_number(n, now);
        row.state = Set(NumberState::InUseDatasharing);
        row.owner_customer_id = Set(Some(CUSTOMER.into()));
        row.account_id = Set(Some(id.clone()));
        row
    }))
    .exec(db)
    .await?;
    sim_card::Entity::insert_many(sharing.iter().map(|(id, _, icc)| sim(icc, Some(id), now)))
        .exec(db)
        .await?;
    data_sharing_sim::Entity::insert_many(sharing.iter().enumerate().map(|(i, (id, n, icc))| {
        data_sharing_sim::ActiveModel {
            id: Set(format!("d5{i:022x}")),
            account_id: Set(id.clone()),
            icc: Set(icc.clone()),
            number: Set(n.clone()),
            name: Set(Some(format!("Tablet {i}"))),
        }
    }))
    .exec(db)
    .await?;
    Ok(())
}
