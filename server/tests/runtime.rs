//! The server binary as it is run: what a first start leaves in the
//! database (no login unless the demo is asked for), `create-admin`, and the
//! defences of the serve loop (header and request deadlines, the connection
//! cap, graceful shutdown on SIGTERM) and the portal forms' body limit.

mod common;

use chrono::Utc;
use common::process::{count, run_command, Backend, ServerProcess, TestDatabase};
use common::spawn_app;
use mvno::db::entity::number;
use mvno::enums::{Network, NumberState};
use mvno::services::demo::{self, ids};
use reqwest::Client;
use sea_orm::EntityTrait;
use serde_json::{json, Value};
use std::net::SocketAddr;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const DEMO_ADMIN: &str = "admin@telecomx.dk";

async fn login(base: &str, username: &str, password: &str) -> reqwest::Response {
    Client::new()
        .post(format!("{base}/api/auth/login"))
        .json(&json!({"username": username, "password": password}))
        .send()
        .await
        .unwrap()
}

/// Reads what arrives within `limit`: `Ok(bytes)` (empty at end of stream),
/// or `Err` when nothing came in time.
async fn read_some(stream: &mut TcpStream, limit: Duration) -> Result<Vec<u8>, ()> {
    let mut buf = vec![0u8; 4096];
    match tokio::time::timeout(limit, stream.read(&mut buf)).await {
        Ok(Ok(n)) => Ok(buf[..n].to_vec()),
        // A reset is the server closing the connection too.
        Ok(Err(_)) => Ok(Vec::new()),
        Err(_) => Err(()),
    }
}

/// Reads one whole HTTP/1.1 reply (head and `Content-Length` body).
async fn read_reply(stream: &mut TcpStream, limit: Duration) -> (u16, String) {
    let mut got = Vec::new();
    let deadline = tokio::time::Instant::now() + limit;
    loop {
        let text = String::from_utf8_lossy(&got).to_string();
        if let Some(end) = text.find("\r\n\r\n") {
            let length = text[..end]
                .lines()
                .find_map(|l| {
                    let (k, v) = l.split_once(':')?;
                    k.eq_ignore_ascii_case("content-length")
                        .then(|| v.trim().parse::<usize>().ok())?
                })
                .unwrap_or(0);
            if got.len() >= end + 4 + length {
                let status = text[9..12].parse().unwrap();
                return (status, text[end + 4..].to_string());
            }
        }
        let left = deadline.saturating_duration_since(tokio::time::Instant::now());
        match read_some(stream, left).await {
            Ok(bytes) if !bytes.is_empty() => got.extend(bytes),
            other => panic!(
                "no whole reply ({other:?}); so far: {:?}",
                String::from_utf8_lossy(&got)
            ),
        }
    }
}

// ---- First start and the first admin ----

#[tokio::test]
async fn a_plain_serve_on_an_empty_database_creates_no_login() {
    let t = TestDatabase::new(Backend::Sqlite).await.unwrap();
    let server = ServerProcess::start(&t.url, t.dir.path(), "plain", 3600).await;
    let res = login(&server.base, DEMO_ADMIN, demo::DEMO_PASSWORD).await;
    assert_eq!(res.status(), 401);
    let db = mvno::db::connect_and_migrate(&t.url).await.unwrap();
    assert_eq!(count(&db, "SELECT COUNT(*) FROM employee").await, 0);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM customer").await, 0);
    let log = server.log_text();
    assert!(!log.contains(demo::DEMO_PASSWORD), "{log}");
    assert!(log.contains("create-admin"), "{log}");
}

#[tokio::test]
async fn serve_with_demo_loads_the_demo_logins() {
    let t = TestDatabase::new(Backend::Sqlite).await.unwrap();
    let server = ServerProcess::start_with(&t.url, t.dir.path(), "demo", 3600, &["--demo"]).await;
    let res = login(&server.base, DEMO_ADMIN, demo::DEMO_PASSWORD).await;
    assert_eq!(res.status(), 200);
    assert!(server.log_text().contains(DEMO_ADMIN));

    // The same asked for through the environment, as `MVNO_DEMO=1`.
    let t = TestDatabase::new(Backend::Sqlite).await.unwrap();
    let envs = [("MVNO_DEMO", "1")];
    let server =
        ServerProcess::start_with_env(&t.url, t.dir.path(), "demo-env", 3600, &[], &envs).await;
    let res = login(&server.base, DEMO_ADMIN, demo::DEMO_PASSWORD).await;
    assert_eq!(res.status(), 200);
}

/// The bare binary serves with every setting from the environment, as
/// `serve` does: HTTPS (the `__Host-` cookie), the demo, the activation
/// delay and the signup's mail folder.
#[tokio::test]
async fn the_bare_binary_takes_its_settings_from_the_environment() {
    let t = TestDatabase::new(Backend::Sqlite).await.unwrap();
    let mail = t.dir.path().join("mail");
    let mail_dir = mail.display().to_string();
    let envs = [
        ("MVNO_DEMO", "1"),
        ("MVNO_HTTPS", "1"),
        ("MVNO_MAIL_DIR", mail_dir.as_str()),
    ];
    let server = ServerProcess::start_command(&t.url, t.dir.path(), "bare", 0, &[], &envs).await;
    let client = Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let res = client
        .post(format!("{}/login", server.base))
        .form(&[
            ("username", "reseller@nordlys.dk"),
            ("password", demo::DEMO_PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    let cookie = res.headers()["set-cookie"].to_str().unwrap();
    assert!(
        cookie.starts_with("__Host-mvno_session=") && cookie.contains("Secure"),
        "{cookie}"
    );
    assert!(res.headers().contains_key("strict-transport-security"));
    // An activation delay of 0 (the default is 5 seconds) holds: the new
    // account is active within 3 seconds.
    let token = login(&server.base, "reseller@nordlys.dk", demo::DEMO_PASSWORD)
        .await
        .json::<Value>()
        .await
        .unwrap()["token"]
        .as_str()
        .unwrap()
        .to_string();
    let res = client
        .post(format!("{}/api/mvno", server.base))
        .bearer_auth(&token)
        .json(&json!({"customer": ids::BAGER_JENSEN, "number": "+4520100007", "esim": "TDC", "ratePlan": ids::PLAN_10GB}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let id = res.json::<Value>().await.unwrap()["_id"]
        .as_str()
        .unwrap()
        .to_string();
    let db = mvno::db::connect(&t.url).await.unwrap();
    let active =
        format!("SELECT COUNT(*) FROM mvno_account WHERE id = '{id}' AND state = 'ACTIVE'");
    let since = std::time::Instant::now();
    while count(&db, &active).await == 0 {
        assert!(
            since.elapsed() < Duration::from_secs(3),
            "not active within 3 s"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // The signup's e-mail lands in the folder from the environment.
    let res = client
        .post(format!("{}/signup", server.base))
        .form(&[
            ("name", "Bo Bare"),
            ("email", "bo@example.dk"),
            ("password", "en-lang-adgangskode"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["location"], "/signup/sent");
    assert_eq!(std::fs::read_dir(&mail).unwrap().count(), 1);
}

#[tokio::test]
async fn create_admin_prints_a_password_that_signs_in() {
    let t = TestDatabase::new(Backend::Sqlite).await.unwrap();
    let out = run_command(
        &t.url,
        &[
            "create-admin",
            "--username",
            "Root@Example.dk",
            "--name",
            "Rita Root",
            "--generate",
        ],
    );
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let password = stdout
        .lines()
        .find_map(|l| l.strip_prefix("Password (shown once, keep it safe): "))
        .unwrap_or_else(|| panic!("no password printed: {stdout}"))
        .trim()
        .to_string();
    assert!(password.len() >= 20, "{password}");

    let again = run_command(&t.url, &["create-admin", "--username", "root@example.dk"]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("taken"));

    let server = ServerProcess::start(&t.url, t.dir.path(), "admin", 3600).await;
    let res = login(&server.base, "root@example.dk", &password).await;
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["accessLevel"], "ADMIN", "{body}");
    let db = mvno::db::connect_and_migrate(&t.url).await.unwrap();
    assert_eq!(
        common::process::rows(&db, "SELECT name FROM employee").await,
        vec![Some("Rita Root".to_string())]
    );
    let res = login(&server.base, DEMO_ADMIN, demo::DEMO_PASSWORD).await;
    assert_eq!(res.status(), 401);
}

// ---- The serve loop's defences ----

#[tokio::test]
async fn clients_that_never_finish_their_headers_are_cut_off() {
    let t = TestDatabase::new(Backend::Sqlite).await.unwrap();
    let server = ServerProcess::start_with(
        &t.url,
        t.dir.path(),
        "slow-headers",
        3600,
        &["--header-timeout-secs", "1", "--request-timeout-secs", "1"],
    )
    .await;
    let mut slow = Vec::new();
    for i in 0..40 {
        let mut s = TcpStream::connect(server.addr).await.unwrap();
        match i % 4 {
            // Nothing at all.
            0 => {}
            // A request line and no headers.
            1 => s.write_all(b"POST /login HTTP/1.1\r\n").await.unwrap(),
            // Half a request head.
            _ => s
                .write_all(b"GET /api/openapi.json HTTP/1.1\r\nHost: x\r\nX-Slow: ")
                .await
                .unwrap(),
        }
        slow.push(s);
    }
    // A request whose body never ends is answered 503 timeout.
    let mut slow_body = TcpStream::connect(server.addr).await.unwrap();
    slow_body
        .write_all(
            b"POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
              Content-Length: 100\r\n\r\n{\"username\":",
        )
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(2500)).await;
    for (i, s) in slow.iter_mut().enumerate() {
        let got = read_some(s, Duration::from_millis(500)).await;
        // Closed: end of stream, or at most an error reply before it.
        match got {
            Ok(bytes) if bytes.is_empty() || bytes.starts_with(b"HTTP/1.1 408") => {}
            other => panic!("connection {i} is still open: {other:?}"),
        }
    }
    let (status, body) = read_reply(&mut slow_body, Duration::from_secs(2)).await;
    assert_eq!(status, 503, "{body}");
    let body: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(body["error"]["code"], "timeout");
    assert_eq!(body["error"]["status"], 503);
    // And the server still serves.
    let res = reqwest::get(format!("{}/api/openapi.json", server.base))
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
}

/// A kept-alive connection that has had one reply, so it is being served.
async fn served_connection(addr: SocketAddr) -> TcpStream {
    let mut s = TcpStream::connect(addr).await.unwrap();
    s.write_all(b"GET /api/no-such-thing HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let (status, _) = read_reply(&mut s, Duration::from_secs(5)).await;
    assert_eq!(status, 404);
    s
}

#[tokio::test]
async fn connections_over_the_cap_wait_until_one_closes() {
    let t = TestDatabase::new(Backend::Sqlite).await.unwrap();
    let server = ServerProcess::start_with(
        &t.url,
        t.dir.path(),
        "cap",
        3600,
        &["--max-connections", "3", "--header-timeout-secs", "30"],
    )
    .await;
    let mut held = Vec::new();
    for _ in 0..3 {
        held.push(served_connection(server.addr).await);
    }
    let mut waiting = TcpStream::connect(server.addr).await.unwrap();
    waiting
        .write_all(b"GET /api/no-such-thing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    assert!(
        read_some(&mut waiting, Duration::from_millis(1500))
            .await
            .is_err(),
        "a fourth connection was served while three were held"
    );
    held.clear();
    let (status, _) = read_reply(&mut waiting, Duration::from_secs(5)).await;
    assert_eq!(status, 404);
    let res = reqwest::get(format!("{}/api/openapi.json", server.base))
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
}

#[tokio::test]
async fn sigterm_lets_requests_in_flight_finish_then_exits_0() {
    let t = TestDatabase::new(Backend::Sqlite).await.unwrap();
    let db = mvno::db::connect_and_migrate(&t.url).await.unwrap();
    demo::load(&db).await.unwrap();
    let numbers: Vec<String> = (1..=3).map(|i| format!("+45219990{i:02}")).collect();
    number::Entity::insert_many(numbers.iter().map(|n| {
        demo::number_row(
            n.clone(),
            NumberState::Available,
            Some(Network::Tdc),
            Utc::now(),
        )
    }))
    .exec(&db)
    .await
    .unwrap();
    db.close().await.unwrap();
    let mut server = ServerProcess::start_with(
        &t.url,
        t.dir.path(),
        "sigterm",
        3600,
        &["--shutdown-grace-secs", "20"],
    )
    .await;
    let reply: Value = login(&server.base, "reseller@nordlys.dk", demo::DEMO_PASSWORD)
        .await
        .json()
        .await
        .unwrap();
    let token = reply["token"].as_str().unwrap().to_string();

    // Three creates whose bodies are half sent when SIGTERM arrives.
    let mut in_flight = Vec::new();
    for n in &numbers {
        let body = json!({
            "customer": ids::BAGER_JENSEN,
            "number": n,
            "ratePlan": ids::PLAN_10GB,
            "nosim": "TDC",
        })
        .to_string();
        let mut s = TcpStream::connect(server.addr).await.unwrap();
        let head = format!(
            "POST /api/mvno HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
            body.len()
        );
        let (first, rest) = body.split_at(body.len() / 2);
        s.write_all(head.as_bytes()).await.unwrap();
        s.write_all(first.as_bytes()).await.unwrap();
        in_flight.push((s, rest.to_string()));
    }
    // Time for the server to read the three request heads.
    tokio::time::sleep(Duration::from_millis(1000)).await;
    server.terminate();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while TcpStream::connect(server.addr).await.is_ok() {
        assert!(
            tokio::time::Instant::now() < deadline,
            "new connections are still accepted 5 s after SIGTERM"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(
        server.wait_exit(Duration::ZERO).await.is_none(),
        "the server exited with requests in flight"
    );
    for (s, rest) in &mut in_flight {
        s.write_all(rest.as_bytes()).await.unwrap();
    }
    for (s, _) in &mut in_flight {
        let (status, body) = read_reply(s, Duration::from_secs(10)).await;
        assert_eq!(status, 201, "{body}");
    }
    let status = server
        .wait_exit(Duration::from_secs(15))
        .await
        .expect("the server exits after its requests are done");
    assert!(status.success(), "{status:?}\n{}", server.log_text());
    let db = mvno::db::connect_and_migrate(&t.url).await.unwrap();
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM mvno_account WHERE number LIKE '+45219990%'"
        )
        .await,
        3
    );
}

#[tokio::test]
async fn a_huge_portal_form_is_refused_413() {
    let app = spawn_app().await;
    let password = "x".repeat(1024 * 1024);
    let res = app
        .client
        .post(format!("{}/login", app.base))
        .form(&[("username", "reseller@nordlys.dk"), ("password", &password)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 413);
    // An ordinary sign-in form still goes through.
    let res = app
        .sign_in_form("reseller@nordlys.dk", demo::DEMO_PASSWORD)
        .await;
    assert_eq!(res.status(), 303);
}
