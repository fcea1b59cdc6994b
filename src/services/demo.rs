//! The Danish demo dataset: loaded only when asked, by `server serve --demo`
//! into an empty database and by `server demo`. It holds at least one
//! instance of every situation in the create operation's error table; the
//! README lists which demo object reproduces which.

use super::auth::hash_password;
use crate::db::entity::*;
use crate::enums::*;
use crate::icc::luhn_check_digit;
use chrono::{DateTime, Duration, TimeZone, Utc};
use sea_orm::{
    ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
    TransactionSession, TransactionTrait,
};
use serde_json::json;

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

fn ts(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 0, 0, 0).unwrap()
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
    let txn = db.begin().await?;
    let now = Utc::now();
    customers(&txn, now).await?;
    employees(&txn, now).await?;
    operators(&txn).await?;
    products(&txn, now).await?;
    extras(&txn).await?;
    number_stock(&txn, now).await?;
    sim_stock(&txn, now).await?;
    existing_accounts(&txn, now).await?;
    txn.commit().await
}

async fn customers<C: ConnectionTrait>(db: &C, now: DateTime<Utc>) -> Result<(), DbErr> {
    use ids::*;
    let rows = [
        (
            OPERATOR,
            "Telecom X A/S",
            Some("10000001"),
            CustomerKind::Reseller,
            CustomerState::Active,
            None,
            false,
        ),
        (
            NORDLYS,
            "Nordlys Telecom ApS",
            Some("20000002"),
            CustomerKind::Reseller,
            CustomerState::Active,
            Some(OPERATOR),
            true,
        ),
        (
            FJORDNET,
            "Fjordnet ApS",
            Some("30000003"),
            CustomerKind::Reseller,
            CustomerState::Active,
            Some(NORDLYS),
            false,
        ),
        (
            KATTEGAT,
            "Kattegat Kommunikation A/S",
            Some("40000004"),
            CustomerKind::Reseller,
            CustomerState::Active,
            Some(OPERATOR),
            false,
        ),
        (
            BAGER_JENSEN,
            "Bager Jensen ApS",
            Some("12345678"),
            CustomerKind::Business,
            CustomerState::Active,
            Some(NORDLYS),
            false,
        ),
        (
            JENSEN_HOLDING,
            "Jensen Holding ApS",
            Some("12345679"),
            CustomerKind::Business,
            CustomerState::Active,
            Some(NORDLYS),
            false,
        ),
        (
            VESTJYSK_VVS,
            "Vestjysk VVS A/S",
            Some("23456789"),
            CustomerKind::Business,
            CustomerState::Blocked,
            Some(NORDLYS),
            false,
        ),
        (
            TANDKLINIK,
            "Østerbro Tandklinik I/S",
            Some("34567890"),
            CustomerKind::Business,
            CustomerState::Active,
            Some(FJORDNET),
            false,
        ),
        (
            FISKEHANDEL,
            "Havnens Fiskehandel ApS",
            Some("45678901"),
            CustomerKind::Business,
            CustomerState::Active,
            Some(KATTEGAT),
            false,
        ),
        (
            METTE_HANSEN,
            "Mette Hansen",
            None,
            CustomerKind::Private,
            CustomerState::Active,
            Some(NORDLYS),
            false,
        ),
    ];
    let addresses = [
        "Kalvebod Brygge 1, 1560 København V",
        "Åboulevarden 12, 8000 Aarhus C",
        "Strandvejen 4, 9000 Aalborg",
        "Havnegade 20, 5000 Odense C",
        "Algade 7, 4000 Roskilde",
        "Algade 7, 4000 Roskilde",
        "Industrivej 3, 6700 Esbjerg",
        "Østerbrogade 88, 2100 København Ø",
        "Havnepladsen 2, 8900 Randers C",
        "Nørrebrogade 140, 2200 København N",
    ];
    let models =
        rows.iter()
            .zip(addresses)
            .map(
                |((id, name, cvr, kind, state, parent, public), addr)| customer::ActiveModel {
                    id: Set(id.to_string()),
                    name: Set(name.to_string()),
                    cvr: Set(cvr.map(str::to_string)),
                    kind: Set(*kind),
                    state: Set(*state),
                    parent_reseller: Set(parent.map(str::to_string)),
                    email: Set(Some(format!(
                        "kontakt@{}.dk",
                        id.trim_start_matches('c').trim_start_matches('0')
                    ))),
                    address: Set(Some(addr.to_string())),
                    public_signup: Set(*public),
                    created_at: Set(now),
                },
            );
    customer::Entity::insert_many(models).exec(db).await?;
    customer_billing::Entity::insert(customer_billing::ActiveModel {
        customer_id: Set(BAGER_JENSEN.to_string()),
        billing_customer_id: Set(JENSEN_HOLDING.to_string()),
    })
    .exec(db)
    .await?;
    Ok(())
}

async fn employees<C: ConnectionTrait>(db: &C, now: DateTime<Utc>) -> Result<(), DbErr> {
    use ids::*;
    let people = [
        (OPERATOR, "Anne Admin"),
        (NORDLYS, "Rasmus Nielsen"),
        (NORDLYS, "Rikke Nordlys"),
        (FJORDNET, "Frederik Fjord"),
        (KATTEGAT, "Karen Kattegat"),
        (BAGER_JENSEN, "Jens Jensen"),
        (BAGER_JENSEN, "Maja Jensen"),
        (BAGER_JENSEN, "Villads Jensen"),
        (VESTJYSK_VVS, "Viggo Vestergaard"),
        (METTE_HANSEN, "Mette Hansen"),
    ];
    let models = DEMO_LOGINS.iter().zip(people).enumerate().map(
        |(i, ((username, level, _), (customer, name)))| employee::ActiveModel {
            id: Set(format!("e{:023x}", i + 1)),
            customer_id: Set(customer.to_string()),
            username: Set(username.to_string()),
            name: Set(name.to_string()),
            email: Set(Some(username.to_string())),
            access_level: Set(level.parse().expect("a demo login's level is a level")),
            password_hash: Set(hash_password(DEMO_PASSWORD)),
            created_at: Set(now),
        },
    );
    employee::Entity::insert_many(models).exec(db).await?;
    Ok(())
}

async fn operators<C: ConnectionTrait>(db: &C) -> Result<(), DbErr> {
    let rows = [
        ("05555", "Telecom X", MvnoAuth::Icc, None, true),
        (
            "01010",
            "TDC Mobil",
            MvnoAuth::Icc,
            Some(r"^894501\d{13}$"),
            false,
        ),
        (
            "02020",
            "Telenor",
            MvnoAuth::IccEmail,
            Some(r"^894502\d{12,13}$"),
            false,
        ),
        ("03030", "Telia", MvnoAuth::Email, None, false),
        ("04040", "3 (Hi3G Denmark)", MvnoAuth::Fax, None, false),
        ("05050", "Lebara Mobile", MvnoAuth::Icc, None, false),
    ];
    operator::Entity::insert_many(rows.iter().map(|(cps, name, auth, re, me)| {
        operator::ActiveModel {
            cps_code: Set(cps.to_string()),
            name: Set(name.to_string()),
            mvno_auth: Set(*auth),
            icc_validation: Set(re.map(str::to_string)),
            is_self: Set(*me),
        }
    }))
    .exec(db)
    .await?;
    use numbers::*;
    let lookups = [
        (DONOR_TDC_ICC, NumberType::Mobile, Some("01010")),
        (DONOR_TELENOR_ICC_EMAIL, NumberType::Mobile, Some("02020")),
        (DONOR_TELIA_EMAIL, NumberType::Mobile, Some("03030")),
        (DONOR_3_FAX, NumberType::Mobile, Some("04040")),
        ("+4540666666", NumberType::Mobile, Some("05050")),
        (LOOKUP_NO_OPERATOR, NumberType::Mobile, None),
        (FIXED_LINE, NumberType::Fixed, Some("01010")),
    ];
    number_lookup::Entity::insert_many(lookups.iter().map(|(n, t, cps)| {
        number_lookup::ActiveModel {
            number: Set(n.to_string()),
            number_type: Set(*t),
            operator_cps: Set(cps.map(str::to_string)),
        }
    }))
    .exec(db)
    .await?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn product(
    id: &str,
    kind: ProductKind,
    name: &str,
    owner: Option<&str>,
    price_kr: i64,
    until: Option<DateTime<Utc>>,
    public: bool,
    socs: &[&str],
) -> product::ActiveModel {
    product::ActiveModel {
        id: Set(id.to_string()),
        kind: Set(kind),
        name: Set(name.to_string()),
        description: Set(None),
        owner_customer_id: Set(owner.map(str::to_string)),
        price_ore: Set(price_kr * 100),
        recurrence: Set(if kind == ProductKind::NumberPurchase {
            "ONCE"
        } else {
            "MONTHLY"
        }
        .to_string()),
        valid_from: Set(ts(2024, 1, 1)),
        valid_until: Set(until),
        included_row_product_id: Set(None),
        features: Set(None),
        socs: Set(json!(socs)),
        facts: Set(None),
        public: Set(public),
    }
}

async fn products<C: ConnectionTrait>(db: &C, _now: DateTime<Utc>) -> Result<(), DbErr> {
    use ids::*;
    let socs = [
        ("VOLTE", "Voice over LTE"),
        ("DATA5G", "5G data"),
        ("ROAMEU", "Roaming in the EU"),
        ("ROAMROW", "Roaming in the rest of the world"),
        ("VMAIL", "Voicemail"),
        ("HDVOICE", "HD voice"),
        ("BARPREM", "Barring of premium-rate numbers"),
        ("PUBIP", "Public IP address for data"),
    ];
    soc::Entity::insert_many(socs.iter().map(|(c, d)| soc::ActiveModel {
        code: Set(c.to_string()),
        description: Set(d.to_string()),
    }))
    .exec(db)
    .await?;

    let plan_features = |five_g: bool, international: bool| {
        json!({"highRate": true, "international": international, "data": true, "fiveG": five_g,
               "publicIP": false, "chargedServices": false, "voicemail": false, "secretNumber": false,
               "roaming": true, "roamingData": true, "mms": true, "dataTopUpSms": true,
               "smartWatchSim": false, "disableHdAudio": false})
    };
    let mut p10 = product(
        PLAN_10GB,
        ProductKind::RatePlan,
        "Fri tale + 10 GB",
        Some(NORDLYS),
        129,
        None,
        true,
        &["VOLTE", "ROAMEU"],
    );
    p10.features = Set(Some(plan_features(false, false)));
    p10.facts = Set(Some(json!([
        "Fri tale og SMS i Danmark",
        "10 GB data",
        "Roaming i EU",
        "4G"
    ])));
    let mut p50 = product(
        PLAN_50GB,
        ProductKind::RatePlan,
        "Fri tale + 50 GB 5G",
        Some(NORDLYS),
        199,
        None,
        true,
        &["VOLTE", "DATA5G", "ROAMEU"],
    );
    p50.features = Set(Some(plan_features(true, true)));
    p50.facts = Set(Some(json!([
        "Fri tale og SMS i Danmark",
        "50 GB data",
        "5G",
        "Roaming i EU"
    ])));
    let mut pworld = product(
        PLAN_BUSINESS_WORLD,
        ProductKind::RatePlan,
        "Erhverv Total 100 GB + Verden",
        Some(NORDLYS),
        299,
        None,
        false,
        &["VOLTE", "DATA5G", "ROAMEU", "ROAMROW"],
    );
    pworld.features = Set(Some(plan_features(true, true)));
    pworld.included_row_product_id = Set(Some(ROW_WORLD_5GB.to_string()));
    pworld.facts = Set(Some(json!([
        "Fri tale i Danmark",
        "100 GB data",
        "5 GB i resten af verden",
        "5G"
    ])));
    let mut pold = product(
        PLAN_EXPIRED,
        ProductKind::RatePlan,
        "Basis 2 GB (udgået)",
        Some(NORDLYS),
        79,
        Some(ts(2025, 12, 31)),
        false,
        &["VOLTE"],
    );
    pold.features = Set(Some(plan_features(false, false)));
    let mut pmaster = product(
        PLAN_MASTER_5GB,
        ProductKind::RatePlan,
        "Telecom X Basis 5 GB",
        None,
        99,
        None,
        false,
        &["VOLTE"],
    );
    pmaster.features = Set(Some(plan_features(false, true)));
    let month_end = super::clock::porting_time(super::clock::next_month_start(
        super::clock::copenhagen_date(_now),
    )) - Duration::days(1);
    let mut pending = product(
        PLAN_ENDING,
        ProductKind::RatePlan,
        "Kampagne 20 GB (slutter denne måned)",
        Some(NORDLYS),
        89,
        Some(month_end),
        false,
        &["VOLTE"],
    );
    pending.features = Set(Some(plan_features(false, false)));
    let mut pkat = product(
        PLAN_KATTEGAT,
        ProductKind::RatePlan,
        "Kattegat Fri 30 GB",
        Some(KATTEGAT),
        169,
        None,
        false,
        &["VOLTE", "DATA5G"],
    );
    pkat.features = Set(Some(plan_features(true, true)));
    let rows = vec![
        p10,
        p50,
        pworld,
        pold,
        pmaster,
        pending,
        pkat,
        product(
            SERVICE_EXTRA_DATA,
            ProductKind::Service,
            "Ekstra data 20 GB",
            Some(NORDLYS),
            50,
            None,
            true,
            &[],
        ),
        product(
            SERVICE_VOICEMAIL_EMAIL,
            ProductKind::Service,
            "Telefonsvarer til e-mail",
            Some(NORDLYS),
            10,
            None,
            true,
            &["VMAIL"],
        ),
        product(
            SERVICE_EXPIRED,
            ProductKind::Service,
            "Musikstreaming (udgået)",
            Some(NORDLYS),
            29,
            Some(ts(2025, 6, 30)),
            false,
            &[],
        ),
        product(
            ROW_WORLD_5GB,
            ProductKind::RowRoaming,
            "Verden 5 GB (autostart)",
            None,
            100,
            None,
            true,
            &["ROAMROW"],
        ),
        product(
            ROW_WORLD_1GB,
            ProductKind::RowRoaming,
            "Verden 1 GB",
            None,
            49,
            None,
            true,
            &["ROAMROW"],
        ),
        product(
            DATA_TOP_UP,
            ProductKind::DataTopUp,
            "Ekstra 5 GB denne måned",
            None,
            39,
            None,
            true,
            &[],
        ),
        product(
            NUMBER_PURCHASE,
            ProductKind::NumberPurchase,
            "Køb af mobilnummer",
            None,
            99,
            None,
            false,
            &[],
        ),
    ];
    product::Entity::insert_many(rows).exec(db).await?;
    Ok(())
}

async fn extras<C: ConnectionTrait>(db: &C) -> Result<(), DbErr> {
    use ids::*;
    sip_account::Entity::insert_many([
        sip_account::ActiveModel {
            id: Set(SIP_BAGER.into()),
            customer_id: Set(BAGER_JENSEN.into()),
            name: Set("Bager Jensen hovednummer".into()),
        },
        sip_account::ActiveModel {
            id: Set(SIP_FISKEHANDEL.into()),
            customer_id: Set(FISKEHANDEL.into()),
            name: Set("Fiskehandel trunk".into()),
        },
    ])
    .exec(db)
    .await?;
    pbx_extension::Entity::insert_many([
        pbx_extension::ActiveModel {
            id: Set(EXT_FREE.into()),
            customer_id: Set(BAGER_JENSEN.into()),
            pbx: Set(1),
            extension: Set("101".into()),
            sip_account_id: Set(None),
        },
        pbx_extension::ActiveModel {
            id: Set(EXT_ON_TRUNK.into()),
            customer_id: Set(BAGER_JENSEN.into()),
            pbx: Set(1),
            extension: Set("102".into()),
            sip_account_id: Set(Some(SIP_BAGER.into())),
        },
        pbx_extension::ActiveModel {
            id: Set(EXT_FISKEHANDEL.into()),
            customer_id: Set(FISKEHANDEL.into()),
            pbx: Set(2),
            extension: Set("201".into()),
            sip_account_id: Set(None),
        },
    ])
    .exec(db)
    .await?;
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

async fn number_stock<C: ConnectionTrait>(db: &C, now: DateTime<Utc>) -> Result<(), DbErr> {
    use ids::*;
    use numbers::*;
    let mut rows = Vec::new();
    // Publicly purchasable, per network.
    for i in 1..=12 {
        rows.push(number_row(
            format!("+45201000{i:02}"),
            NumberState::Available,
            Some(Network::Tdc),
            now,
        ));
    }
    for i in 1..=8 {
        rows.push(number_row(
            format!("+45301000{i:02}"),
            NumberState::Available,
            Some(Network::Telenor),
            now,
        ));
    }
    // Owned by Bager Jensen, not in use (also the data-sharing SIMs' numbers).
    for i in 1..=4 {
        let mut r = number_row(
            format!("+45202000{i:02}"),
            NumberState::Available,
            Some(Network::Tdc),
            now,
        );
        r.owner_customer_id = Set(Some(BAGER_JENSEN.into()));
        rows.push(r);
    }
    debug_assert_eq!(OWNED_FREE, "+4520200001");
    // In use on an account; being ported in to an account.
    let mut r = number_row(IN_USE.into(), NumberState::InUse, Some(Network::Tdc), now);
    r.owner_customer_id = Set(Some(BAGER_JENSEN.into()));
    r.account_id = Set(Some(ACCOUNT_IN_USE.into()));
    rows.push(r);
    let mut r = number_row(
        PORTING_IN.into(),
        NumberState::PortingIn,
        Some(Network::Tdc),
        now,
    );
    r.owner_customer_id = Set(Some(BAGER_JENSEN.into()));
    r.account_id = Set(Some(ACCOUNT_PORTING.into()));
    rows.push(r);
    // Quarantined for six months after closing.
    let mut r = number_row(
        QUARANTINED.into(),
        NumberState::Closed,
        Some(Network::Tdc),
        now,
    );
    r.quarantine_until = Set(Some(now + Duration::days(120)));
    rows.push(r);
    // Pre-reserved by another reseller for 14 days.
    let mut r = number_row(
        PRE_RESERVED_OTHER.into(),
        NumberState::PreReserved,
        Some(Network::Tdc),
        now,
    );
    r.stock_reseller_id = Set(Some(KATTEGAT.into()));
    r.reserved_until = Set(Some(now + Duration::days(10)));
    rows.push(r);
    rows.push(number_row(
        LOCKED.into(),
        NumberState::Locked,
        Some(Network::Tdc),
        now,
    ));
    // Nordlys's own stock: a reseller may use it, an owner may not buy it.
    for i in 1..=3 {
        let mut r = number_row(
            format!("+45208000{i:02}"),
            NumberState::Available,
            Some(Network::Tdc),
            now,
        );
        r.stock_reseller_id = Set(Some(NORDLYS.into()));
        rows.push(r);
    }
    debug_assert_eq!(RESELLER_STOCK, "+4520800001");
    // Kattegat's customer owns a few free numbers too.
    for i in 1..=2 {
        let mut r = number_row(
            format!("+45209000{i:02}"),
            NumberState::Available,
            Some(Network::Telenor),
            now,
        );
        r.owner_customer_id = Set(Some(FISKEHANDEL.into()));
        rows.push(r);
    }
    // A range of ten numbers sold to Bager Jensen as a block, not split.
    number_range::Entity::insert(number_range::ActiveModel {
        id: Set(RANGE_BAGER.into()),
        first_number: Set("+4588100000".into()),
        last_number: Set("+4588100009".into()),
        customer_id: Set(Some(BAGER_JENSEN.into())),
        split: Set(false),
    })
    .exec(db)
    .await?;
    for i in 0..=9 {
        let mut r = number_row(
            format!("+458810000{i}"),
            NumberState::Available,
            Some(Network::Tdc),
            now,
        );
        r.owner_customer_id = Set(Some(BAGER_JENSEN.into()));
        r.range_id = Set(Some(RANGE_BAGER.into()));
        rows.push(r);
    }
    debug_assert_eq!(RANGE_MEMBER, "+4588100003");
    number::Entity::insert_many(rows).exec(db).await?;
    Ok(())
}

struct Stock {
    holder: &'static str,
    network: Network,
    form: FormFactor,
    auto_assign: bool,
    count: u64,
    first_serial: u64,
}

async fn sim_stock<C: ConnectionTrait>(db: &C, now: DateTime<Utc>) -> Result<(), DbErr> {
    use ids::*;
    let lots = [
        Stock {
            holder: NORDLYS,
            network: Network::Tdc,
            form: FormFactor::MiniMicroNano,
            auto_assign: false,
            count: 10,
            first_serial: 1,
        },
        Stock {
            holder: NORDLYS,
            network: Network::Telenor,
            form: FormFactor::MiniMicroNano,
            auto_assign: false,
            count: 5,
            first_serial: 101,
        },
        Stock {
            holder: NORDLYS,
            network: Network::Tdc,
            form: FormFactor::Esim,
            auto_assign: false,
            count: 10,
            first_serial: 201,
        },
        Stock {
            holder: NORDLYS,
            network: Network::Telenor,
            form: FormFactor::Esim,
            auto_assign: false,
            count: 3,
            first_serial: 301,
        },
        Stock {
            holder: NORDLYS,
            network: Network::Tdc,
            form: FormFactor::Nano,
            auto_assign: true,
            count: 4,
            first_serial: 401,
        },
        Stock {
            holder: NORDLYS,
            network: Network::Telenor,
            form: FormFactor::Nano,
            auto_assign: true,
            count: 2,
            first_serial: 501,
        },
        Stock {
            holder: BAGER_JENSEN,
            network: Network::Tdc,
            form: FormFactor::Nano,
            auto_assign: false,
            count: 4,
            first_serial: 601,
        },
        Stock {
            holder: FJORDNET,
            network: Network::Tdc,
            form: FormFactor::Esim,
            auto_assign: false,
            count: 2,
            first_serial: 701,
        },
        Stock {
            holder: FJORDNET,
            network: Network::Tdc,
            form: FormFactor::MiniMicro,
            auto_assign: false,
            count: 2,
            first_serial: 751,
        },
        Stock {
            holder: KATTEGAT,
            network: Network::Tdc,
            form: FormFactor::MiniMicroNano,
            auto_assign: false,
            count: 3,
            first_serial: 801,
        },
        Stock {
            holder: KATTEGAT,
            network: Network::Telenor,
            form: FormFactor::Esim,
            auto_assign: false,
            count: 2,
            first_serial: 851,
        },
    ];
    let mut rows = Vec::new();
    for lot in &lots {
        for serial in lot.first_serial..lot.first_serial + lot.count {
            let prefix = match lot.network {
                Network::Tdc => "8945550",
                Network::Telenor => "8945551",
                Network::Telia => "8945552",
            };
            let icc = demo_icc(prefix, serial);
            let esim = lot.form.is_esim();
            rows.push(sim_card::ActiveModel {
                imsi: Set(imsi_for(lot.network, &icc)),
                puk1: Set(format!("{:08}", 10_000_000 + serial * 7919 % 89_999_999)),
                puk2: Set(format!("{:08}", 20_000_000 + serial * 104_729 % 79_999_999)),
                pin1: Set(format!("{:04}", 1000 + serial * 37 % 8999)),
                pin2: Set(format!("{:04}", 1000 + serial * 91 % 8999)),
                form_factor: Set(lot.form),
                network: Set(lot.network),
                activation_code: Set(
                    esim.then(|| format!("LPA:1$smdp.telecomx.dk${:016X}", serial * 0x9E37_79B9))
                ),
                in_storage_at: Set(lot.holder.into()),
                auto_assign: Set(lot.auto_assign),
                tag: Set(Some("demo".into())),
                account_id: Set(None),
                imported_at: Set(now),
                icc: Set(icc),
            });
        }
    }
    sim_card::Entity::insert_many(rows).exec(db).await?;
    Ok(())
}

/// The ICC of the demo SIM already on the in-use account.
pub fn used_sim_icc() -> String {
    demo_icc("8945550", 601)
}

async fn existing_accounts<C: ConnectionTrait>(db: &C, now: DateTime<Utc>) -> Result<(), DbErr> {
    use ids::*;
    let feature = json!({"highRate": true, "international": false, "data": true, "fiveG": false,
        "publicIP": false, "chargedServices": false, "voicemail": false, "secretNumber": false,
        "roaming": true, "roamingData": true, "mms": true, "dataTopUpSms": true,
        "smartWatchSim": false, "disableHdAudio": false});
    let account = |id: &str,
                   number: &str,
                   state: AccountState,
                   number_state: NumberState,
                   icc: Option<String>,
                   porting: Option<&str>| mvno_account::ActiveModel {
        id: Set(id.into()),
        customer_id: Set(BAGER_JENSEN.into()),
        number: Set(number.into()),
        state: Set(state),
        number_state: Set(number_state),
        network: Set(Some(Network::Tdc)),
        sim_icc: Set(icc),
        auto_assigned: Set(false),
        feature: Set(feature.clone()),
        voicemail: Set(None),
        sip_account_id: Set(None),
        pbx: Set(None),
        extension_id: Set(None),
        dnd: Set(false),
        rate_plan_id: Set(PLAN_10GB.into()),
        new_rate_plan_id: Set(None),
        services: Set(json!([])),
        socs_override: Set(None),
        row_roaming: Set(None),
        notes: Set(None),
        custom: Set(None),
        billing_customer_id: Set(None),
        start_date: Set(now - Duration::days(30)),
        delete_date: Set(None),
        donor_sim_number: Set(None),
        purchase_info: Set(None),
        mit_id: Set(None),
        porting_id: Set(porting.map(str::to_string)),
        created_by: Set("e00000000000000000000002".into()),
        created_at: Set(now - Duration::days(30)),
        activated_at: Set((state == AccountState::Active).then_some(now - Duration::days(30))),
    };
    let icc_in_use = used_sim_icc();
    let icc_porting = demo_icc("8945550", 602);
    mvno_account::Entity::insert_many([
        account(
            ACCOUNT_IN_USE,
            numbers::IN_USE,
            AccountState::Active,
            NumberState::InUse,
            Some(icc_in_use.clone()),
            None,
        ),
        account(
            ACCOUNT_PORTING,
            numbers::PORTING_IN,
            AccountState::Creating,
            NumberState::PortingIn,
            Some(icc_porting.clone()),
            Some(PORTING_IN_PROGRESS),
        ),
    ])
    .exec(db)
    .await?;
    for (icc, acc) in [(icc_in_use, ACCOUNT_IN_USE), (icc_porting, ACCOUNT_PORTING)] {
        sim_card::Entity::update_many()
            .col_expr(
                sim_card::Column::AccountId,
                sea_orm::sea_query::Expr::value(acc),
            )
            .filter(sea_orm::ColumnTrait::eq(&sim_card::Column::Icc, icc))
            .exec(db)
            .await?;
    }
    porting::Entity::insert(porting::ActiveModel {
        id: Set(PORTING_IN_PROGRESS.into()),
        number: Set(numbers::PORTING_IN.into()),
        account_id: Set(ACCOUNT_PORTING.into()),
        customer_id: Set(BAGER_JENSEN.into()),
        donor_cps: Set("01010".into()),
        donor_sim_number: Set(Some(demo_icc("894501", 424242))),
        requested_date: Set(None),
        notify: Set(json!(["jens@bagerjensen.dk"])),
        stage: Set(PortingStage::InOrdered),
        stage_date: Set(now - Duration::days(2)),
        message: Set(None),
        created_at: Set(now - Duration::days(3)),
    })
    .exec(db)
    .await?;
    Ok(())
}
