//! The server as separate processes: creates racing for a few numbers,
//! SIMs, eSIM profiles and auto-assign SIMs (one process on SQLite, one on
//! PostgreSQL, two sharing one PostgreSQL); a SIGKILL in the middle of a
//! load of creates; and an audit of what the processes wrote to their logs.

mod common;

use chrono::Utc;
use common::process::{assert_invariants, count, Backend, ServerProcess, TestDatabase};
use futures::future::join_all;
use mvno::db::entity::{employee, number, sim_card};
use mvno::enums::{FormFactor, Network, NumberState};
use mvno::services::auth::hash_password;
use mvno::services::demo::{self, demo_icc, ids};
use mvno::testkit::sim_card_row;
use reqwest::Client;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const RESELLER: &str = "reseller@nordlys.dk";
/// The reseller's password in these tests: not the demo password, which the
/// server prints on start for demo databases on purpose.
const PASSWORD: &str = "Kodeord-9f3e-hemmeligt";

/// Free numbers `+4521NNNNNN` for sale, on TDC.
async fn add_numbers(db: &DatabaseConnection, first: u32, n: u32) -> Vec<String> {
    let numbers: Vec<String> = (first..first + n).map(|i| format!("+4521{i:06}")).collect();
    let rows = numbers.iter().map(|num| {
        demo::number_row(
            num.clone(),
            NumberState::Available,
            Some(Network::Tdc),
            Utc::now(),
        )
    });
    number::Entity::insert_many(rows).exec(db).await.unwrap();
    numbers
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Physical,
    Esim,
    AutoAssign,
}

/// SIM cards in the reseller's storage, with secrets that the log audit
/// looks for: PUKs `7NNNNNNN`/`8NNNNNNN`, activation codes `LPA:1$test…`
/// ([`sim_card_row`]).
async fn add_sims(db: &DatabaseConnection, prefix: &str, kind: Kind, n: u64) -> Vec<String> {
    let iccs: Vec<String> = (1..=n).map(|i| demo_icc(prefix, i)).collect();
    let form = if kind == Kind::Esim {
        FormFactor::Esim
    } else {
        FormFactor::MiniMicroNano
    };
    let rows = iccs.iter().map(|icc| {
        let mut row = sim_card_row(icc, form, ids::NORDLYS, None, Utc::now());
        row.auto_assign = Set(kind == Kind::AutoAssign);
        row
    });
    sim_card::Entity::insert_many(rows).exec(db).await.unwrap();
    iccs
}

/// The demo data, without its free SIM cards: the test's own stock is then
/// all there is to take.
async fn prepare(url: &str) -> DatabaseConnection {
    let db = mvno::db::connect_and_migrate(url).await.unwrap();
    demo::load(&db).await.unwrap();
    sim_card::Entity::delete_many()
        .filter(sim_card::Column::AccountId.is_null())
        .exec(&db)
        .await
        .unwrap();
    employee::Entity::update_many()
        .col_expr(
            employee::Column::PasswordHash,
            Expr::value(hash_password(PASSWORD)),
        )
        .filter(employee::Column::Username.eq(RESELLER))
        .exec(&db)
        .await
        .unwrap();
    db
}

async fn sign_in(client: &Client, base: &str) -> String {
    let body: Value = client
        .post(format!("{base}/api/auth/login"))
        .json(&json!({"username": RESELLER, "password": PASSWORD}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    body["token"].as_str().expect("a token").to_string()
}

fn create_body(number: &str, sim: (&str, Value)) -> Value {
    let mut body = json!({
        "customer": ids::BAGER_JENSEN,
        "number": number,
        "ratePlan": ids::PLAN_10GB,
    });
    body[sim.0] = sim.1;
    body
}

/// The outcome of one create: status and error code (or `created`).
async fn create(
    client: &Client,
    base: &str,
    token: &str,
    body: &Value,
) -> Result<(u16, String, Value), String> {
    let res = client
        .post(format!("{base}/api/mvno"))
        .bearer_auth(token)
        .json(body)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    let status = res.status().as_u16();
    let reply: Value = res.json().await.map_err(|e| e.to_string())?;
    let code = if status == 201 {
        "created".to_string()
    } else {
        format!(
            "{} {}",
            reply["error"]["code"].as_str().unwrap_or("?"),
            reply["error"]["path"].as_str().unwrap_or("")
        )
    };
    Ok((status, code, reply))
}

/// 60 creates at once against `servers` (taken in turn): 24 for 4 numbers,
/// 12 for 3 physical SIMs, 12 for 3 eSIM profiles, 12 for 3 auto-assign SIMs.
async fn race(db: &DatabaseConnection, servers: &[&ServerProcess]) -> Vec<String> {
    let contested = add_numbers(db, 0, 4).await;
    let fresh = add_numbers(db, 100, 36).await;
    let physical = add_sims(db, "894501990", Kind::Physical, 3).await;
    add_sims(db, "894501991", Kind::Esim, 3).await;
    add_sims(db, "894501992", Kind::AutoAssign, 3).await;

    let client = Client::new();
    let mut tokens = Vec::new();
    for s in servers {
        tokens.push(sign_in(&client, &s.base).await);
    }
    let mut requests: Vec<(&str, Value)> = Vec::new();
    for i in 0..24 {
        requests.push((
            "number",
            create_body(&contested[i % 4], ("nosim", json!("TDC"))),
        ));
    }
    for i in 0..12 {
        requests.push((
            "mvnoSim",
            create_body(&fresh[i], ("mvnoSim", json!(physical[i % 3]))),
        ));
        requests.push(("esim", create_body(&fresh[12 + i], ("esim", json!("TDC")))));
        requests.push((
            "autoAssignSim",
            create_body(&fresh[24 + i], ("autoAssignSim", json!("TDC"))),
        ));
    }
    let replies = join_all(requests.iter().enumerate().map(|(i, (_, body))| {
        let s = servers[i % servers.len()];
        create(&client, &s.base, &tokens[i % servers.len()], body)
    }))
    .await;

    let mut outcomes: BTreeMap<(&str, String), usize> = BTreeMap::new();
    for ((group, _), reply) in requests.iter().zip(&replies) {
        let (_, code, _) = reply.as_ref().expect("every create is answered");
        *outcomes.entry((group, code.clone())).or_default() += 1;
    }
    let expected: BTreeMap<(&str, String), usize> = [
        (("number", "created".to_string()), 4),
        (("number", "number number".to_string()), 20),
        (("mvnoSim", "created".to_string()), 3),
        (("mvnoSim", "mvnoSim mvnoSim".to_string()), 9),
        (("esim", "created".to_string()), 3),
        (("esim", "esim esim".to_string()), 9),
        (("autoAssignSim", "created".to_string()), 3),
        (
            ("autoAssignSim", "autoAssignSim autoAssignSim".to_string()),
            9,
        ),
    ]
    .into_iter()
    .collect();
    assert_eq!(outcomes, expected);
    for (_, code, reply) in replies.iter().flatten() {
        if code != "created" {
            assert_eq!(
                reply["error"]["status"].as_u64().unwrap() / 100,
                4,
                "{reply}"
            );
            assert!(!reply["error"]["message"].as_str().unwrap().is_empty());
        }
    }

    // Each contested thing went to exactly one account.
    for n in &contested {
        let used = count(
            db,
            &format!("SELECT COUNT(*) FROM mvno_account WHERE number = '{n}'"),
        )
        .await;
        assert_eq!(used, 1, "{n}");
    }
    let taken = count(
        db,
        "SELECT COUNT(*) FROM sim_card WHERE tag = 'test' AND account_id IS NOT NULL",
    )
    .await;
    assert_eq!(taken, 9, "all nine SIMs are taken, each once");
    let created = replies.iter().flatten().filter(|r| r.0 == 201).count() as i64;
    let accounts = count(
        db,
        "SELECT COUNT(*) FROM mvno_account WHERE id NOT LIKE 'ac00000000%'",
    )
    .await;
    assert_eq!(accounts, created);
    let bought = count(
        db,
        "SELECT COUNT(*) FROM invoice_line i JOIN mvno_account a ON a.id = i.account_id",
    )
    .await;
    assert_eq!(
        bought, created,
        "one number purchase on the invoice per account"
    );
    assert_invariants(db).await;
    tokens
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn creates_race_for_scarce_items_on_sqlite() {
    let t = TestDatabase::new(Backend::Sqlite).await.unwrap();
    let db = prepare(&t.url).await;
    let server = ServerProcess::start(&t.url, t.dir.path(), "server", 3600).await;
    let tokens = race(&db, &[&server]).await;
    audit_logs(&db, &[&server], &tokens).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn creates_race_for_scarce_items_on_postgres() {
    let Some(t) = TestDatabase::new(Backend::Postgres).await else {
        return;
    };
    let db = prepare(&t.url).await;
    let server = ServerProcess::start(&t.url, t.dir.path(), "server", 3600).await;
    let tokens = race(&db, &[&server]).await;
    audit_logs(&db, &[&server], &tokens).await;
    drop(server);
    db.close().await.ok();
    t.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_server_processes_share_one_postgres() {
    let Some(t) = TestDatabase::new(Backend::Postgres).await else {
        return;
    };
    let db = prepare(&t.url).await;
    let a = ServerProcess::start(&t.url, t.dir.path(), "server-a", 3600).await;
    let b = ServerProcess::start(&t.url, t.dir.path(), "server-b", 3600).await;
    let tokens = race(&db, &[&a, &b]).await;
    audit_logs(&db, &[&a, &b], &tokens).await;
    drop((a, b));
    db.close().await.ok();
    t.finish().await;
}

/// Creates from four clients until the server is killed with SIGKILL after
/// `kill_after` answers; then a restart on the same database.
async fn crash(t: &TestDatabase) {
    let db = prepare(&t.url).await;
    let numbers = Arc::new(add_numbers(&db, 200, 2000).await);
    let physical = Arc::new(add_sims(&db, "894501993", Kind::Physical, 1000).await);
    add_sims(&db, "894501994", Kind::Esim, 1000).await;
    let mut server = ServerProcess::start(&t.url, t.dir.path(), "before-kill", 1).await;
    let client = Client::new();
    let first_token = Arc::new(sign_in(&client, &server.base).await);
    let token = first_token.clone();
    let base = Arc::new(server.base.clone());
    let next = Arc::new(AtomicUsize::new(0));
    let answered = Arc::new(AtomicUsize::new(0));
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let (client, token, base, next, answered, numbers, physical) = (
                client.clone(),
                token.clone(),
                base.clone(),
                next.clone(),
                answered.clone(),
                numbers.clone(),
                physical.clone(),
            );
            tokio::spawn(async move {
                let mut created = Vec::new();
                let mut cut_off = 0;
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    if i >= 1000 {
                        break;
                    }
                    let sim = match i % 3 {
                        0 => ("mvnoSim", json!(physical[i])),
                        1 => ("esim", json!("TDC")),
                        _ => ("nosim", json!("TDC")),
                    };
                    let mut body = create_body(&numbers[i], sim);
                    if i % 5 == 0 {
                        body["dataSharingSims"] = json!([{"assignEsim": true, "name": "Tablet"}]);
                    }
                    match create(&client, &base, &token, &body).await {
                        Ok((201, _, reply)) => {
                            answered.fetch_add(1, Ordering::SeqCst);
                            created.push(reply);
                        }
                        Ok((status, code, reply)) => {
                            answered.fetch_add(1, Ordering::SeqCst);
                            assert!(status < 500, "{code}: {reply}");
                        }
                        // The server died: the outcome of this one is unknown.
                        Err(_) => {
                            cut_off += 1;
                            if cut_off > 3 {
                                break;
                            }
                            tokio::time::sleep(Duration::from_millis(50)).await;
                        }
                    }
                }
                created
            })
        })
        .collect();

    let started = Instant::now();
    while answered.load(Ordering::SeqCst) < 60 {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the load did not get going"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    server.kill();
    let mut created = Vec::new();
    for w in workers {
        created.extend(w.await.unwrap());
    }
    assert!(
        created.len() >= 30,
        "{} creates answered 201 before the kill",
        created.len()
    );
    assert!(
        next.load(Ordering::SeqCst) < 1000,
        "the kill came after the load had ended"
    );

    // The database as the kill left it.
    let stored = count(
        &db,
        "SELECT COUNT(*) FROM mvno_account WHERE id NOT LIKE 'ac00000000%'",
    )
    .await;
    eprintln!(
        "killed after {} answers: {} created (201), {} accounts stored",
        answered.load(Ordering::SeqCst),
        created.len(),
        stored
    );
    assert!(stored >= created.len() as i64);
    assert_invariants(&db).await;
    let restarted = ServerProcess::start(&t.url, t.dir.path(), "after-kill", 1).await;
    let token = sign_in(&client, &restarted.base).await;
    for reply in &created {
        let id = reply["_id"].as_str().unwrap();
        let res = client
            .get(format!("{}/api/mvno/{id}", restarted.base))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(
            res.status(),
            200,
            "account {id} answered 201 before the kill"
        );
        let stored: Value = res.json().await.unwrap();
        for field in [
            "number",
            "customer",
            "ratePlan",
            "mvnoSim",
            "dataSharingSims",
            "created",
        ] {
            assert_eq!(stored[field], reply[field], "{id}: {field}");
        }
    }
    // Every pending activation completes after the restart (a job claimed by
    // the killed process waits out its lease).
    let restarted_at = Instant::now();
    let deadline = restarted_at + Duration::from_secs(60);
    loop {
        let pending = count(&db, "SELECT COUNT(*) FROM mvno_account WHERE state <> 'ACTIVE' AND id NOT LIKE 'ac00000000%'").await;
        if pending == 0 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "{pending} accounts still not active"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM job WHERE state <> 'DONE'").await,
        0
    );
    eprintln!(
        "all activations done {:?} after the restart",
        restarted_at.elapsed()
    );
    assert_invariants(&db).await;
    audit_logs(
        &db,
        &[&server, &restarted],
        &[token, first_token.to_string()],
    )
    .await;
    drop(restarted);
    db.close().await.ok();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_during_creates_on_sqlite() {
    let t = TestDatabase::new(Backend::Sqlite).await.unwrap();
    crash(&t).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_during_creates_on_postgres() {
    let Some(t) = TestDatabase::new(Backend::Postgres).await else {
        return;
    };
    crash(&t).await;
    t.finish().await;
}

/// No secret reaches a log: PUKs, PINs of the test's cards, eSIM activation
/// codes, the password, password hashes, bearer tokens, MitID details.
async fn audit_logs(db: &DatabaseConnection, servers: &[&ServerProcess], tokens: &[String]) {
    let mut secrets: HashSet<String> = tokens.iter().cloned().collect();
    for row in sim_card::Entity::find()
        .filter(sim_card::Column::Tag.eq("test"))
        .all(db)
        .await
        .unwrap()
    {
        secrets.extend([row.puk1, row.puk2]);
        secrets.extend(row.activation_code);
    }
    secrets.insert(PASSWORD.to_string());
    secrets.insert("f1d2c3b4-mitid-secret-7788".into());
    secrets.insert("Hemmelig Testperson".into());
    for hash in common::process::rows(db, "SELECT password_hash FROM employee").await {
        secrets.extend(hash);
    }
    for hash in common::process::rows(db, "SELECT token_hash FROM auth_token").await {
        secrets.extend(hash);
    }
    assert!(secrets.len() > 10);
    // Creates log in their span, with the employee and the customer.
    assert!(
        servers.iter().any(|s| {
            let log = std::fs::read_to_string(&s.log).unwrap();
            log.contains("create{employee=") && log.contains("created account=")
        }),
        "no create logged in its span"
    );
    for server in servers {
        let log = std::fs::read_to_string(&server.log).unwrap();
        assert!(
            log.contains("/api/mvno"),
            "the log has the requests (at {})",
            common::process::AUDIT_LOG_FILTER
        );

        for s in &secrets {
            assert!(
                !log.contains(s.as_str()),
                "{} holds a secret: {s}",
                server.log.display()
            );
        }
    }
}

/// Failed sign-ins are counted in the database: five at one process lock
/// the username at the other.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failed_sign_ins_lock_the_username_at_every_process() {
    let Some(t) = TestDatabase::new(Backend::Postgres).await else {
        return;
    };
    let db = prepare(&t.url).await;
    let a = ServerProcess::start(&t.url, t.dir.path(), "server-a", 3600).await;
    let b = ServerProcess::start(&t.url, t.dir.path(), "server-b", 3600).await;
    let client = Client::new();
    let login = |base: String, password: &'static str| {
        let client = client.clone();
        async move {
            client
                .post(format!("{base}/api/auth/login"))
                .json(&json!({"username": RESELLER, "password": password}))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    assert_eq!(login(b.base.clone(), PASSWORD).await, 200);
    for _ in 0..5 {
        assert_eq!(login(a.base.clone(), "wrong-guess").await, 401);
    }
    assert_eq!(login(b.base.clone(), PASSWORD).await, 429);
    assert_eq!(login(a.base.clone(), PASSWORD).await, 429);
    drop((a, b));
    db.close().await.ok();
    t.finish().await;
}

/// 100 wrong passwords and the right one at the same instant, spread over
/// two processes on one PostgreSQL: at most five passwords are checked, and
/// the username is locked at both afterwards.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_guesses_at_two_processes_checks_at_most_five_passwords() {
    let Some(t) = TestDatabase::new(Backend::Postgres).await else {
        return;
    };
    let db = prepare(&t.url).await;
    let no_limit = ["--sign-in-burst", "0"];
    let a = ServerProcess::start_with(&t.url, t.dir.path(), "server-a", 3600, &no_limit).await;
    let b = ServerProcess::start_with(&t.url, t.dir.path(), "server-b", 3600, &no_limit).await;
    let client = Client::new();
    let attempts: Vec<_> = (0..101)
        .map(|i| {
            let client = client.clone();
            let base = if i % 2 == 0 {
                a.base.clone()
            } else {
                b.base.clone()
            };
            let password = if i == 50 {
                PASSWORD.to_string()
            } else {
                format!("guess-{i}")
            };
            tokio::spawn(async move {
                client
                    .post(format!("{base}/api/auth/login"))
                    .json(&json!({"username": RESELLER, "password": password}))
                    .send()
                    .await
                    .unwrap()
                    .status()
                    .as_u16()
            })
        })
        .collect();
    let mut checked = 0;
    for attempt in attempts {
        match attempt.await.unwrap() {
            200 | 401 => checked += 1,
            429 => {}
            other => panic!("unexpected status {other}"),
        }
    }
    assert!(checked <= 5, "{checked} passwords were checked");
    for server in [&a, &b] {
        let status = client
            .post(format!("{}/api/auth/login", server.base))
            .json(&json!({"username": RESELLER, "password": PASSWORD}))
            .send()
            .await
            .unwrap()
            .status();
        assert_eq!(status.as_u16(), 429);
    }
    drop((a, b));
    db.close().await.ok();
    t.finish().await;
}
