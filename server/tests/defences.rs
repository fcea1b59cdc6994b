//! The defences around the routes, over HTTP: security headers and the
//! page's Content-Security-Policy, HTTPS-only cookies and HSTS, tokens that
//! work only at their own door, the sign-in lockout under a burst, per-client
//! rate limits, and real statuses from pages and server functions.

mod common;

use common::{error_of, spawn_app, spawn_app_with, TestApp};
use mvno::services::demo::{self, ids};
use reqwest::StatusCode;
use serde_json::{json, Value};
use server::security::{Rate, SecuritySettings};
use std::time::Duration;

fn header<'a>(res: &'a reqwest::Response, name: &str) -> &'a str {
    res.headers()
        .get(name)
        .unwrap_or_else(|| panic!("{} has no {name}", res.url()))
        .to_str()
        .unwrap()
}

fn no_rate_limits() -> SecuritySettings {
    SecuritySettings {
        sign_in_rate: None,
        signup_rate: None,
        ..Default::default()
    }
}

#[tokio::test]
async fn pages_allow_only_their_own_nonced_scripts() {
    let app = spawn_app().await;
    let cookie = app.portal_session("reseller@nordlys.dk").await;
    for (path, cookie) in [
        ("/login", None),
        ("/signup", None),
        ("/", Some(cookie.as_str())),
        ("/new/customer", Some(cookie.as_str())),
        ("/no-such-page", None),
    ] {
        let res = app.page(path, cookie).await;
        let csp = header(&res, "content-security-policy").to_string();
        for directive in [
            "frame-ancestors 'none'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
        ] {
            assert!(csp.contains(directive), "{path}: {csp}");
        }
        let script_src = csp
            .split(';')
            .map(str::trim)
            .find(|d| d.starts_with("script-src"))
            .unwrap_or_else(|| panic!("{path}: no script-src in {csp}"));
        assert!(
            !script_src.contains("unsafe-inline"),
            "{path}: {script_src}"
        );
        let nonce = script_src
            .split_whitespace()
            .find_map(|s| s.strip_prefix("'nonce-")?.strip_suffix('\''))
            .unwrap_or_else(|| panic!("{path}: no nonce in {script_src}"))
            .to_string();
        assert!(nonce.len() >= 16, "{path}: a short nonce");
        assert_eq!(header(&res, "x-content-type-options"), "nosniff");
        assert_eq!(header(&res, "referrer-policy"), "same-origin");
        assert_eq!(header(&res, "cache-control"), "no-store");
        assert!(res.headers().get("strict-transport-security").is_none());
        let html = res.text().await.unwrap();
        // Every script element of the page carries this response's nonce.
        let tags: Vec<&str> = html
            .split("<script")
            .skip(1)
            .filter(|rest| rest.starts_with([' ', '>']))
            .map(|rest| &rest[..rest.find('>').unwrap()])
            .collect();
        assert!(!tags.is_empty(), "{path}: no scripts");
        for tag in tags {
            assert!(
                tag.contains(&format!("nonce=\"{nonce}\"")),
                "{path}: a script without the nonce: <script{tag}>"
            );
        }
    }
    // A new nonce for every response.
    let a = app.page("/login", None).await;
    let b = app.page("/login", None).await;
    assert_ne!(
        header(&a, "content-security-policy"),
        header(&b, "content-security-policy")
    );
}

#[tokio::test]
async fn api_replies_are_never_stored_and_allow_nothing() {
    let app = spawn_app().await;
    let login = app.login("admin@telecomx.dk", demo::DEMO_PASSWORD).await;
    assert_eq!(header(&login, "cache-control"), "no-store");
    let body: Value = login.json().await.unwrap();
    let bearer = format!("Bearer {}", body["token"].as_str().unwrap());
    // A reply that carries PIN/PUK and activation codes.
    let res = app
        .client
        .post(format!("{}/api/mvno", app.base))
        .header("authorization", &bearer)
        .json(&json!({"customer": ids::BAGER_JENSEN, "number": "+4520100005", "esim": "TDC", "ratePlan": ids::PLAN_10GB}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let account: Value = res.json().await.unwrap();
    let res = app
        .get(
            &format!("/api/mvno/{}", account["_id"].as_str().unwrap()),
            Some(&bearer),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(header(&res, "cache-control"), "no-store");
    assert_eq!(header(&res, "x-content-type-options"), "nosniff");
    assert!(header(&res, "content-security-policy").contains("default-src 'none'"));
    // Server functions too.
    let cookie = app.portal_session("admin@telecomx.dk").await;
    let res = app
        .client
        .post(format!("{}/_fn/me", app.base))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(header(&res, "cache-control"), "no-store");
}

#[tokio::test]
async fn behind_https_cookies_are_host_only_and_hsts_is_sent() {
    let app = spawn_app_with(SecuritySettings {
        https: true,
        ..Default::default()
    })
    .await;
    let res = app.page("/login", None).await;
    assert_eq!(
        header(&res, "strict-transport-security"),
        "max-age=31536000; includeSubDomains"
    );
    let res = app
        .sign_in_form("reseller@nordlys.dk", demo::DEMO_PASSWORD)
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let set = header(&res, "set-cookie").to_string();
    assert!(set.starts_with("__Host-mvno_session="), "{set}");
    assert!(set.contains("; Secure"), "{set}");
    assert!(set.contains("; Path=/"), "{set}");
    assert!(!set.contains("Domain"), "{set}");
    let cookie = set.split(';').next().unwrap().to_string();
    // The host-only cookie signs in; the plain name does not.
    let res = app.page("/", Some(&cookie)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let plain = cookie.replacen("__Host-", "", 1);
    let res = app.page("/", Some(&plain)).await;
    assert!(res.status().is_redirection(), "{}", res.status());
}

#[tokio::test]
async fn a_token_works_only_at_its_own_door() {
    let app = spawn_app().await;
    // An API token (even a persistent one) is no portal session.
    let res = app
        .client
        .post(format!("{}/api/auth/login", app.base))
        .json(&json!({"username": "reseller@nordlys.dk", "password": demo::DEMO_PASSWORD, "persist": true}))
        .send()
        .await
        .unwrap();
    let token = res.json::<Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_string();
    let as_cookie = format!("mvno_session={token}");
    let res = app.page("/", Some(&as_cookie)).await;
    assert!(res.status().is_redirection(), "{}", res.status());
    assert_eq!(header(&res, "location"), "/login");
    let res = app
        .client
        .post(format!("{}/_fn/me", app.base))
        .header("cookie", &as_cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.text().await.unwrap(),
        "null",
        "no user behind an API token as a cookie"
    );
    // A portal session is no bearer token.
    let cookie = app.portal_session("reseller@nordlys.dk").await;
    let session = cookie.split_once('=').unwrap().1;
    let (status, err) = error_of(
        app.get("/api/customers", Some(&format!("Bearer {session}")))
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(err["code"], "invalid_token");
    // Each still works at its own door.
    assert_eq!(app.page("/", Some(&cookie)).await.status(), StatusCode::OK);
    assert_eq!(
        app.get("/api/customers", Some(&format!("Bearer {token}")))
            .await
            .status(),
        StatusCode::OK
    );
}

/// Sends 100 wrong passwords and the right one at the same instant, half
/// through the API and half through the portal's form.
async fn burst(app: &TestApp, username: &str) -> (usize, usize) {
    let mut tasks = Vec::new();
    for i in 0..101 {
        let client = app.client.clone();
        let base = app.base.clone();
        let username = username.to_string();
        let password = if i == 50 {
            demo::DEMO_PASSWORD.to_string()
        } else {
            format!("guess-{i}")
        };
        tasks.push(tokio::spawn(async move {
            if i % 2 == 0 {
                let res = client
                    .post(format!("{base}/api/auth/login"))
                    .json(&json!({"username": username, "password": password}))
                    .send()
                    .await
                    .unwrap();
                res.status().as_u16()
            } else {
                let res = client
                    .post(format!("{base}/login"))
                    .form(&[
                        ("username", username.as_str()),
                        ("password", password.as_str()),
                    ])
                    .send()
                    .await
                    .unwrap();
                match res.headers()["location"].to_str().unwrap() {
                    "/" => 200,
                    "/login?error=credentials" => 401,
                    "/login?error=locked" => 429,
                    other => panic!("unexpected redirect {other}"),
                }
            }
        }));
    }
    let mut checked = 0;
    let mut locked = 0;
    for t in tasks {
        match t.await.unwrap() {
            200 | 401 => checked += 1,
            429 => locked += 1,
            other => panic!("unexpected status {other}"),
        }
    }
    (checked, locked)
}

#[tokio::test]
async fn a_burst_of_guesses_checks_at_most_five_passwords() {
    let app = spawn_app_with(no_rate_limits()).await;
    let (checked, locked) = burst(&app, "owner@bagerjensen.dk").await;
    assert!(checked <= 5, "{checked} passwords were checked");
    assert_eq!(checked + locked, 101);
    // Locked now: the right password is refused at both doors.
    let (status, err) =
        error_of(app.login("owner@bagerjensen.dk", demo::DEMO_PASSWORD).await).await;
    assert_eq!(
        (status, err["code"].as_str()),
        (StatusCode::TOO_MANY_REQUESTS, Some("too_many_attempts"))
    );
    let res = app
        .sign_in_form("owner@bagerjensen.dk", demo::DEMO_PASSWORD)
        .await;
    assert_eq!(header(&res, "location"), "/login?error=locked");
}

#[tokio::test]
async fn sign_in_is_rate_limited_per_client() {
    let app = spawn_app_with(SecuritySettings {
        sign_in_rate: Some(Rate {
            burst: 3,
            every: Duration::from_secs(60),
        }),
        signup_rate: Some(Rate {
            burst: 2,
            every: Duration::from_secs(60),
        }),
        client_ip_header: Some("x-forwarded-for".into()),
        ..Default::default()
    })
    .await;
    let login = |user: &'static str, ip: &'static str| {
        app.client
            .post(format!("{}/api/auth/login", app.base))
            .header("x-forwarded-for", ip)
            .json(&json!({"username": user, "password": demo::DEMO_PASSWORD}))
            .send()
    };
    // Different usernames: the limit is the client's, not the username's.
    for user in [
        "reseller@nordlys.dk",
        "admin@telecomx.dk",
        "owner@bagerjensen.dk",
    ] {
        assert_eq!(
            login(user, "198.51.100.7").await.unwrap().status(),
            StatusCode::OK
        );
    }
    let res = login("manager@bagerjensen.dk", "198.51.100.7")
        .await
        .unwrap();
    assert!(header(&res, "retry-after").parse::<u64>().unwrap() >= 1);
    let (status, err) = error_of(res).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(err["code"], "too_many_attempts");
    assert_eq!(err["status"], 429);
    // The portal's form shares the limit and says so on its page.
    let res = app
        .client
        .post(format!("{}/login", app.base))
        .header("x-forwarded-for", "198.51.100.7")
        .form(&[
            ("username", "viewer@bagerjensen.dk"),
            ("password", demo::DEMO_PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(header(&res, "location"), "/login?error=busy");
    // Another client is not affected.
    assert_eq!(
        login("manager@bagerjensen.dk", "203.0.113.9")
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );

    // Signups have a limit of their own.
    let signup = |email: String| {
        app.client
            .post(format!("{}/signup", app.base))
            .header("x-forwarded-for", "198.51.100.8")
            .form(&[
                ("name", "Anna Andersen".to_string()),
                ("email", email),
                ("password", "en-lang-adgangskode".to_string()),
            ])
            .send()
    };
    for i in 0..2 {
        let res = signup(format!("anna{i}@example.dk")).await.unwrap();
        assert_eq!(header(&res, "location"), "/signup/sent");
    }
    let res = signup("anna9@example.dk".into()).await.unwrap();
    assert_eq!(header(&res, "location"), "/signup?error=busy");
}

#[tokio::test]
async fn refusals_carry_their_status_and_pages_redirect_for_real() {
    let app = spawn_app().await;
    // Signed out: a real redirect to the sign-in, whatever the client accepts.
    for accept in ["text/html", "*/*"] {
        let res = app
            .client
            .get(format!("{}/new/customer", app.base))
            .header("accept", accept)
            .send()
            .await
            .unwrap();
        assert!(res.status().is_redirection(), "{accept}: {}", res.status());
        assert_eq!(header(&res, "location"), "/login?next=%2Fnew%2Fcustomer");
    }
    // A page the level does not allow is 403.
    let viewer = app.portal_session("viewer@bagerjensen.dk").await;
    let res = app.page("/customers", Some(&viewer)).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // A refused create through the server function has the platform's status.
    let blocked = app.portal_session("owner@vestjyskvvs.dk").await;
    let res = app
        .client
        .post(format!("{}/_fn/create_account", app.base))
        .header("cookie", &blocked)
        .json(&json!({
            "request": {"customer": ids::VESTJYSK_VVS, "number": "+4520100005", "esim": "TDC", "ratePlan": ids::PLAN_10GB},
            "key": mvno::Id::generate().to_string(),
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["status"], 403, "{body}");
    // Signed out, a server function is 401.
    let res = app
        .client
        .post(format!("{}/_fn/create_account", app.base))
        .json(&json!({"request": {}, "key": "k"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_link_cannot_put_words_in_the_products_mouth() {
    let app = spawn_app().await;
    let cookie = app.portal_session("reseller@nordlys.dk").await;
    let words = "Your account is suspended: call +45 99 99 99 99";
    let q = serde_urlencoded::to_string([
        ("customer", ids::BAGER_JENSEN),
        ("err_msg", words),
        ("err_path", "number"),
        ("refused", "1"),
        ("key", &mvno::Id::generate().to_string()),
    ])
    .unwrap();
    for step in ["number", "review"] {
        let html = app
            .page(&format!("/new/{step}?{q}"), Some(&cookie))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            !html.contains("suspended"),
            "/new/{step} shows a link's words"
        );
    }
    let q = serde_urlencoded::to_string([("err_msg", words), ("error", words)]).unwrap();
    let html = app
        .page(&format!("/signup?{q}"), None)
        .await
        .text()
        .await
        .unwrap();
    assert!(!html.contains("suspended"), "/signup shows a link's words");

    // A real refusal is shown, from the server's record, not from the URL.
    let blocked = app.portal_session("owner@vestjyskvvs.dk").await;
    let key = mvno::Id::generate().to_string();
    let res = app
        .post_form(
            "/new/confirm",
            &blocked,
            &[
                ("key", key.as_str()),
                ("customer", ids::VESTJYSK_VVS),
                ("mode", "new"),
                ("number", "+4520100005"),
                ("sim", "esim"),
                ("network", "TDC"),
                ("plan", ids::PLAN_10GB),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let back = header(&res, "location").to_string();
    assert!(
        !back.contains("blocked") && !back.contains("err_"),
        "{back}"
    );
    let html = app.page(&back, Some(&blocked)).await.text().await.unwrap();
    assert!(
        html.contains("The customer is blocked"),
        "the refusal is shown at {back}"
    );
    // Another user with the same link sees nothing of it.
    let html = app.page(&back, Some(&cookie)).await.text().await.unwrap();
    assert!(!html.contains("The customer is blocked"));
}

#[tokio::test]
async fn the_wizards_secrets_never_travel_in_a_url() {
    let app = spawn_app().await;
    let cookie = app.portal_session("reseller@nordlys.dk").await;
    let key = mvno::Id::generate().to_string();
    let post = |pairs: Vec<(&'static str, String)>| {
        app.client
            .post(format!("{}/new/step", app.base))
            .header("cookie", &cookie)
            .form(&pairs)
            .send()
    };
    let base = |from: &'static str, to: &'static str| {
        vec![
            ("from", from.to_string()),
            ("to", to.to_string()),
            ("key", key.clone()),
            ("customer", ids::BAGER_JENSEN.to_string()),
            ("mode", "new".to_string()),
            ("number", "+4520100005".to_string()),
            ("sim", "esim".to_string()),
            ("network", "TDC".to_string()),
            ("plan", ids::PLAN_10GB.to_string()),
        ]
    };
    let mut plan = base("plan", "extras");
    plan.extend([
        ("featset", "1".to_string()),
        ("feat", "voicemail".to_string()),
        ("vmpin", "48151".to_string()),
    ]);
    let res = post(plan).await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let next = header(&res, "location").to_string();
    assert!(!next.contains("48151"), "{next}");
    let mut extras = base("extras", "review");
    extras.extend([
        ("notes", "Ring efter kl. 16".to_string()),
        ("custom", "{\"ref\":\"A-17\"}".to_string()),
    ]);
    let res = post(extras).await.unwrap();
    let review = header(&res, "location").to_string();
    for secret in ["48151", "Ring", "A-17"] {
        assert!(!review.contains(secret), "{review}");
    }
    // The review page's links and form fields carry none of them either.
    let html = app.page(&review, Some(&cookie)).await.text().await.unwrap();
    let carriers: Vec<&str> = html
        .split("href=\"")
        .skip(1)
        .chain(html.split("<input type=\"hidden\"").skip(1))
        .map(|rest| &rest[..rest.find('>').unwrap_or(rest.len())])
        .collect();
    assert!(!carriers.is_empty());
    for secret in ["48151", "Ring efter", "A-17"] {
        assert!(
            carriers.iter().all(|c| !c.contains(secret)),
            "the review page carries {secret} in a link or a form field"
        );
    }
    // The create takes them from the server's draft.
    let mut confirm: Vec<(&str, String)> = base("review", "review").into_iter().skip(2).collect();
    confirm.extend([
        ("featset", "1".to_string()),
        ("feat", "voicemail".to_string()),
    ]);
    let res = app.post_form("/new/confirm", &cookie, &confirm).await;
    let account = app.created_account(&res, "reseller@nordlys.dk").await;
    assert_eq!(account["notes"], "Ring efter kl. 16", "{account}");
    assert_eq!(account["custom"]["ref"], "A-17", "{account}");
    // The draft is gone with the create.
    let html = app
        .page(
            &format!("/new/extras?customer={}&key={key}", ids::BAGER_JENSEN),
            Some(&cookie),
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(!html.contains("Ring efter"));
}

#[tokio::test]
async fn signup_fields_are_bounded() {
    // The service refuses an oversized field by name, whatever door sends it.
    let dir = tempfile::tempdir().unwrap();
    let db =
        mvno::db::connect_and_migrate(&format!("sqlite://{}/s.db?mode=rwc", dir.path().display()))
            .await
            .unwrap();
    let big = "x".repeat(1_500_000);
    for (field, req) in [
        (
            "name",
            mvno::services::signup::SignupRequest {
                name: big.clone(),
                email: "a@example.dk".into(),
                password: "en-lang-adgangskode".into(),
                address: None,
            },
        ),
        (
            "email",
            mvno::services::signup::SignupRequest {
                name: "A".into(),
                email: format!("{big}@example.dk"),
                password: "en-lang-adgangskode".into(),
                address: None,
            },
        ),
        (
            "password",
            mvno::services::signup::SignupRequest {
                name: "A".into(),
                email: "a@example.dk".into(),
                password: big.clone(),
                address: None,
            },
        ),
        (
            "address",
            mvno::services::signup::SignupRequest {
                name: "A".into(),
                email: "a@example.dk".into(),
                password: "en-lang-adgangskode".into(),
                address: Some(big.clone()),
            },
        ),
    ] {
        let e = mvno::services::signup::request_signup(&db, &req)
            .await
            .unwrap_err();
        assert_eq!(
            (e.status, e.path.as_deref()),
            (422, Some(field)),
            "{}",
            e.message
        );
    }
    // Through the form: a long name comes back as a field error, cut to
    // what the form takes; a body beyond the form limit is 413.
    let app = spawn_app().await;
    let long = "Å".repeat(5_000);
    let res = app
        .client
        .post(format!("{}/signup", app.base))
        .form(&[
            ("name", long.as_str()),
            ("email", "lang@example.dk"),
            ("password", "en-lang-adgangskode"),
        ])
        .send()
        .await
        .unwrap();
    let back = header(&res, "location").to_string();
    assert!(back.contains("error=name"), "{back}");
    assert!(
        back.len() < 3_000,
        "the echoed name is cut: {} bytes",
        back.len()
    );
    let res = app
        .client
        .post(format!("{}/signup", app.base))
        .form(&[
            ("name", big.as_str()),
            ("email", "lang@example.dk"),
            ("password", "en-lang-adgangskode"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn answers_too_long_to_keep_are_sent_back_with_the_reason() {
    let app = spawn_app().await;
    let cookie = app.portal_session("reseller@nordlys.dk").await;
    let key = mvno::Id::generate().to_string();
    let notes = "n".repeat(40_000);
    let res = app
        .post_form(
            "/new/step",
            &cookie,
            &[
                ("from", "extras"),
                ("to", "review"),
                ("key", key.as_str()),
                ("customer", ids::BAGER_JENSEN),
                ("notes", notes.as_str()),
            ],
        )
        .await;
    let back = header(&res, "location").to_string();
    assert!(
        back.starts_with("/new/extras?") && back.contains("refused=1"),
        "{back}"
    );
    let html = app.page(&back, Some(&cookie)).await.text().await.unwrap();
    assert!(html.contains("too long together"), "the step says why");
    assert!(html.contains("aria-invalid=\"true\""), "next to its field");
}

#[tokio::test]
async fn a_nul_in_a_kept_answer_goes_back_to_its_field() {
    let app = spawn_app().await;
    let cookie = app.portal_session("reseller@nordlys.dk").await;
    let key = mvno::Id::generate().to_string();
    let res = app
        .post_form(
            "/new/step",
            &cookie,
            &[
                ("from", "extras"),
                ("to", "review"),
                ("key", key.as_str()),
                ("customer", ids::BAGER_JENSEN),
                ("notes", "før\0efter"),
            ],
        )
        .await;
    let back = header(&res, "location").to_string();
    assert!(
        back.starts_with("/new/extras?") && back.contains("refused=1"),
        "{back}"
    );
    let html = app.page(&back, Some(&cookie)).await.text().await.unwrap();
    assert!(
        html.contains("holds a character that cannot be used"),
        "the step says why"
    );
    assert!(html.contains("aria-invalid=\"true\""), "next to its field");
}

/// A handler that panics answers `500` with a page of our own words and the
/// security headers; the connection is not dropped and the panic's text is
/// not sent.
#[tokio::test]
async fn a_panicking_page_answers_500_in_our_words() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/p.db?mode=rwc", dir.path().display());
    let db = mvno::db::connect_and_migrate(&url).await.unwrap();
    let state = server::AppState::new(db, server::leptos_options());
    let routes = axum::Router::new().route(
        "/boom",
        axum::routing::get(|| async {
            if std::hint::black_box(true) {
                panic!("secret detail");
            }
            "never"
        }),
    );
    let app = server::defend(routes, state);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let forever = std::future::pending::<()>();
        server::serve::serve(listener, app, Default::default(), forever)
            .await
            .unwrap()
    });
    let res = reqwest::get(format!("http://{addr}/boom")).await.unwrap();
    assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");
    assert!(res.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .starts_with("default-src 'none'"));
    let body = res.text().await.unwrap();
    assert!(body.contains("Noget gik galt hos os"), "{body}");
    assert!(!body.contains("secret detail"), "{body}");
}

/// Signing in from a bookmarked page returns to it: a path of this site
/// only, never another site (no open redirect), and still after a wrong
/// password.
#[tokio::test]
async fn signing_in_returns_to_the_page_asked_for_on_this_site_only() {
    let app = spawn_app().await;
    let page = format!("/accounts/{}?created=1", ids::ACCOUNT_IN_USE);
    let res = app.page(&page, None).await;
    assert!(res.status().is_redirection(), "{}", res.status());
    let to_sign_in = header(&res, "location").to_string();
    assert_eq!(
        to_sign_in,
        format!(
            "/login?next=%2Faccounts%2F{}%3Fcreated%3D1",
            ids::ACCOUNT_IN_USE
        )
    );
    // The sign-in page carries it in its form.
    let html = app.page(&to_sign_in, None).await.text().await.unwrap();
    assert!(
        html.contains(&format!(
            "name=\"next\" value=\"{}\"",
            page.replace('&', "&amp;")
        )),
        "{html}"
    );
    let sign_in = |password: &'static str, next: String| {
        let app = &app;
        async move {
            app.client
                .post(format!("{}/login", app.base))
                .form(&[
                    ("username", "reseller@nordlys.dk"),
                    ("password", password),
                    ("next", next.as_str()),
                ])
                .send()
                .await
                .unwrap()
        }
    };
    // A wrong password keeps the way back.
    let res = sign_in("wrong-password", page.clone()).await;
    assert_eq!(
        header(&res, "location"),
        format!("{to_sign_in}&error=credentials")
    );
    let res = sign_in(demo::DEMO_PASSWORD, page.clone()).await;
    assert_eq!(header(&res, "location"), page);
    // Anything but a path of this site goes to the start page.
    for next in [
        "//evil.example/",
        "https://evil.example/",
        "/\\evil.example",
        "javascript:alert(1)",
        "/logout",
        "/æøå",
    ] {
        let res = sign_in(demo::DEMO_PASSWORD, next.to_string()).await;
        assert_eq!(header(&res, "location"), "/", "{next}");
    }
    let html = app
        .page("/login?next=%2F%2Fevil.example", None)
        .await
        .text()
        .await
        .unwrap();
    assert!(!html.contains("evil.example"), "{html}");
}

/// A NUL in a sign-in is a wrong sign-in (401), never a database error, on
/// both databases and at both doors.
#[tokio::test]
async fn a_nul_in_a_sign_in_is_a_wrong_sign_in() {
    common::on_both_databases(a_nul_in_a_sign_in_is_a_wrong_sign_in_on).await;
}

async fn a_nul_in_a_sign_in_is_a_wrong_sign_in_on(app: TestApp) {
    let res = app.login("reseller@nordlys.dk\0", "demo\u{0}1234").await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let res = app.sign_in_form("resel\0ler@nordlys.dk", "x").await;
    assert_eq!(header(&res, "location"), "/login?error=credentials");
}

/// A NUL in a search is searched for (and not found), never a database
/// error, on both databases: the API's lists and the portal's.
#[tokio::test]
async fn a_nul_in_a_search_finds_nothing() {
    common::on_both_databases(a_nul_in_a_search_finds_nothing_on).await;
}

async fn a_nul_in_a_search_finds_nothing_on(app: TestApp) {
    let token = format!("Bearer {}", app.token("reseller@nordlys.dk").await);
    for path in [
        "/api/customers?filter=Bager%00",
        &format!("/api/numbers?customer={}&filter=20%00", ids::BAGER_JENSEN),
    ] {
        let res = app.get(path, Some(&token)).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
    }
    let cookie = app.portal_session("reseller@nordlys.dk").await;
    for path in ["/?q=Bager%00", "/customers?q=Bager%00"] {
        let res = app.page(path, Some(&cookie)).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
    }
}
