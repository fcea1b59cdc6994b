//! The data files parse, and hold every row the constants name.

use super::data::{read, Data};
use super::tables::Customer;
use super::*;
use sea_orm::DatabaseConnection;

#[test]
fn every_data_file_parses() {
    let data = Data::parse().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(data.customers.len(), 10);
    assert_eq!(data.employees.len(), DEMO_LOGINS.len());
}

#[test]
fn a_malformed_row_names_its_file_and_line() {
    let text = "# a comment\n\
                id,name,cvr,kind,state,parent_reseller,email,address,public_signup\n\
                c1,A,,RESELLER,ACTIVE,,,,false\n\
                c2,B,,GIANT,ACTIVE,,,,false\n";
    let err = read::<Customer>("customers.csv", text).unwrap_err();
    assert!(
        err.contains("customers.csv") && err.contains("line: 4"),
        "{err}"
    );
    let unknown_column = "id,name,colour\nc1,A,red\n";
    assert!(read::<Customer>("customers.csv", unknown_column).is_err());
}

async fn loaded() -> DatabaseConnection {
    let db = crate::db::connect_and_migrate("sqlite::memory:")
        .await
        .unwrap();
    load(&db).await.unwrap();
    db
}

/// One column of every row of a table.
macro_rules! column {
    ($db:expr, $table:ident . $col:ident) => {
        $table::Entity::find()
            .all($db)
            .await
            .unwrap()
            .into_iter()
            .map(|row| row.$col)
            .collect::<Vec<_>>()
    };
}

/// Fails naming the first of `wanted` not in `have`.
fn assert_has(have: Vec<String>, wanted: &[&str]) {
    for id in wanted {
        assert!(have.iter().any(|have| have == id), "no row {id}");
    }
}

#[tokio::test]
async fn the_data_has_every_row_the_ids_name() {
    use ids::*;
    let db = &loaded().await;
    let customers = [
        OPERATOR,
        NORDLYS,
        FJORDNET,
        KATTEGAT,
        BAGER_JENSEN,
        JENSEN_HOLDING,
        VESTJYSK_VVS,
        TANDKLINIK,
        FISKEHANDEL,
        METTE_HANSEN,
    ];
    assert_has(column!(db, customer.id), &customers);
    let products = [
        PLAN_10GB,
        PLAN_50GB,
        PLAN_BUSINESS_WORLD,
        PLAN_EXPIRED,
        PLAN_MASTER_5GB,
        PLAN_KATTEGAT,
        SERVICE_EXTRA_DATA,
        SERVICE_VOICEMAIL_EMAIL,
        SERVICE_EXPIRED,
        ROW_WORLD_5GB,
        ROW_WORLD_1GB,
        DATA_TOP_UP,
        NUMBER_PURCHASE,
        PLAN_ENDING,
    ];
    assert_has(column!(db, product.id), &products);
    assert_has(column!(db, sip_account.id), &[SIP_BAGER, SIP_FISKEHANDEL]);
    let extensions = [EXT_FREE, EXT_ON_TRUNK, EXT_FISKEHANDEL];
    assert_has(column!(db, pbx_extension.id), &extensions);
    assert_has(column!(db, number_range.id), &[RANGE_BAGER]);
    let accounts = [ACCOUNT_IN_USE, ACCOUNT_PORTING];
    assert_has(column!(db, mvno_account.id), &accounts);
    assert_has(column!(db, porting.id), &[PORTING_IN_PROGRESS]);
    let used = mvno_account::Entity::find_by_id(ACCOUNT_IN_USE)
        .one(db)
        .await
        .unwrap();
    assert_eq!(used.unwrap().sim_icc, Some(used_sim_icc()));
    let card = sim_card::Entity::find_by_id(used_sim_icc())
        .one(db)
        .await
        .unwrap();
    assert_eq!(card.unwrap().account_id.as_deref(), Some(ACCOUNT_IN_USE));
}

#[tokio::test]
async fn the_data_has_every_number_the_constants_name() {
    use ids::{BAGER_JENSEN as BAGER, KATTEGAT, NORDLYS};
    use numbers::*;
    use NumberState as S;
    let db = &loaded().await;
    let on_platform = [
        (OWNED_FREE, S::Available, Some(BAGER), None),
        (IN_USE, S::InUse, Some(BAGER), None),
        (PORTING_IN, S::PortingIn, Some(BAGER), None),
        (QUARANTINED, S::Closed, None, None),
        (PRE_RESERVED_OTHER, S::PreReserved, None, Some(KATTEGAT)),
        (LOCKED, S::Locked, None, None),
        (RESELLER_STOCK, S::Available, None, Some(NORDLYS)),
        (RANGE_MEMBER, S::Available, Some(BAGER), None),
    ];
    for (n, state, owner, stock) in on_platform {
        let row = number::Entity::find_by_id(n).one(db).await.unwrap();
        let row = row.unwrap_or_else(|| panic!("no number {n}"));
        assert_eq!(row.state, state, "{n}");
        assert_eq!(row.owner_customer_id.as_deref(), owner, "{n}");
        assert_eq!(row.stock_reseller_id.as_deref(), stock, "{n}");
    }
    let range = number::Entity::find_by_id(RANGE_MEMBER)
        .one(db)
        .await
        .unwrap();
    assert_eq!(range.unwrap().range_id.as_deref(), Some(ids::RANGE_BAGER));
    let lookup = [
        (DONOR_TDC_ICC, NumberType::Mobile, Some("01010")),
        (DONOR_TELENOR_ICC_EMAIL, NumberType::Mobile, Some("02020")),
        (DONOR_TELIA_EMAIL, NumberType::Mobile, Some("03030")),
        (DONOR_3_FAX, NumberType::Mobile, Some("04040")),
        (LOOKUP_NO_OPERATOR, NumberType::Mobile, None),
        (FIXED_LINE, NumberType::Fixed, Some("01010")),
    ];
    for (n, number_type, operator) in lookup {
        let row = number_lookup::Entity::find_by_id(n).one(db).await.unwrap();
        let row = row.unwrap_or_else(|| panic!("{n} is not in the lookup"));
        assert_eq!(
            (row.number_type, row.operator_cps.as_deref()),
            (number_type, operator)
        );
    }
    assert!(!column!(db, number.number).contains(&UNKNOWN.to_string()));
    assert!(!column!(db, number_lookup.number).contains(&UNKNOWN.to_string()));
}

#[tokio::test]
async fn the_employees_are_the_demo_logins() {
    let db = &loaded().await;
    let mut employees = employee::Entity::find().all(db).await.unwrap();
    employees.sort_by(|a, b| a.id.cmp(&b.id));
    let logins: Vec<_> = employees
        .iter()
        .map(|e| (e.username.as_str(), e.access_level.to_string()))
        .collect();
    let wanted: Vec<_> = DEMO_LOGINS
        .iter()
        .map(|(user, level, _)| (*user, level.to_string()))
        .collect();
    assert_eq!(logins, wanted);
    assert!(has_demo_logins(db).await.unwrap());
}
