//! Who reaches what over the API, and which secrets each level sees: a
//! reseller stays within its own customers, an owner within its own
//! customer; PIN/PUK and activation codes from OWNER up, notes for
//! resellers, MitID for ADMIN only; password hashes and tokens never.

mod common;

use common::{error_of, spawn_app, TestApp};
use mvno::services::demo::{ids, DEMO_PASSWORD};
use reqwest::StatusCode;
use serde_json::{json, Value};

const MIT_ID: &str = "9b1f0c2e-7a41-4c55-bb2a-mitid-secret";

async fn bearer(app: &TestApp, user: &str) -> String {
    format!("Bearer {}", app.token(user).await)
}

async fn call(
    app: &TestApp,
    method: &str,
    path: &str,
    auth: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let url = format!("{}{path}", app.base);
    let req = match method {
        "GET" => app.client.get(url),
        _ => app.client.post(url),
    }
    .header("Authorization", auth);
    let req = match body {
        Some(b) => req.json(&b),
        None => req,
    };
    let res = req.send().await.unwrap();
    let status = res.status();
    let text = res.text().await.unwrap();
    assert!(!text.contains("$argon2"), "{path} answered a password hash");
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

/// An eSIM account for Bager Jensen by its reseller, with notes and MitID.
async fn account(app: &TestApp) -> Value {
    let admin = bearer(app, "admin@telecomx.dk").await;
    let (status, body) = call(
        app,
        "POST",
        "/api/mvno",
        &admin,
        Some(json!({
            "customer": ids::BAGER_JENSEN, "number": "+4520100005", "esim": "TDC",
            "ratePlan": ids::PLAN_10GB, "notes": "Ring efter kl. 16",
            "mitId": {"uuid": MIT_ID, "name": "Jens Jensen"},
        })),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body
}

#[tokio::test]
async fn a_reseller_reaches_its_own_customers_only() {
    let app = spawn_app().await;
    let created = account(&app).await;
    let id = created["_id"].as_str().unwrap();
    let other = bearer(&app, "reseller@kattegat.dk").await;
    let own = bearer(&app, "reseller@nordlys.dk").await;

    // Create for, read, list another reseller's customer: refused.
    let (status, body) = call(&app, "POST", "/api/mvno", &other, Some(json!({
        "customer": ids::BAGER_JENSEN, "number": "+4520100006", "esim": "TDC", "ratePlan": ids::PLAN_10GB,
    })))
    .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("access_denied"))
    );
    for path in [
        format!("/api/mvno/{id}"),
        format!("/api/mvno/{}", ids::ACCOUNT_IN_USE),
        "/api/mvno/+4520100005".into(),
        format!("/api/porting/{}", ids::PORTING_IN_PROGRESS),
    ] {
        let (status, _) = call(&app, "GET", &path, &other, None).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
    for path in [
        format!("/api/mvno?customer={}", ids::BAGER_JENSEN),
        format!("/api/numbers?customer={}", ids::BAGER_JENSEN),
        format!("/api/sims/stock?customer={}", ids::BAGER_JENSEN),
        format!("/api/products?customer={}", ids::BAGER_JENSEN),
    ] {
        let (status, body) = call(&app, "GET", &path, &other, None).await;
        assert!(
            matches!(status.as_u16(), 403 | 404),
            "{path}: {status} {body}"
        );
        assert!(body["error"]["code"].is_string(), "{path}: {body}");
    }
    let (status, _) = call(
        &app,
        "POST",
        "/api/mvno/check/number",
        &other,
        Some(json!({"customer": ids::BAGER_JENSEN, "number": "+4520100006"})),
    )
    .await;
    assert!(matches!(status.as_u16(), 403 | 404), "{status}");
    let (status, _) = call(
        &app,
        "POST",
        &format!("/api/porting/{}", ids::PORTING_IN_PROGRESS),
        &other,
        Some(json!({"notify": ["x@example.dk"]})),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, list) = call(&app, "GET", "/api/customers?limit=500", &other, None).await;
    assert_eq!(status, StatusCode::OK);
    let names: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["_id"].as_str().unwrap())
        .collect();
    assert!(!names.is_empty());
    assert!(
        !names.contains(&ids::BAGER_JENSEN) && !names.contains(&ids::NORDLYS),
        "{names:?}"
    );

    // The customer's own reseller reaches all of it.
    let (status, _) = call(&app, "GET", &format!("/api/mvno/{id}"), &own, None).await;
    assert_eq!(status, StatusCode::OK);
    let (status, list) = call(&app, "GET", "/api/customers?limit=500", &own, None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(list["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["_id"] == ids::BAGER_JENSEN));
}

#[tokio::test]
async fn an_owner_reaches_its_own_customer_only() {
    let app = spawn_app().await;
    let created = account(&app).await;
    let id = created["_id"].as_str().unwrap();
    let other_owner = bearer(&app, "mette.hansen@example.dk").await;
    let (status, _) = call(&app, "GET", &format!("/api/mvno/{id}"), &other_owner, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = call(
        &app,
        "GET",
        &format!("/api/mvno?customer={}", ids::BAGER_JENSEN),
        &other_owner,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = call(&app, "POST", "/api/mvno", &other_owner, Some(json!({
        "customer": ids::BAGER_JENSEN, "number": "+4520100006", "esim": "TDC", "ratePlan": ids::PLAN_10GB,
    })))
    .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("access_denied"))
    );
    let (status, _) = call(&app, "GET", "/api/customers", &other_owner, None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Bager Jensen's owner reads its account, but not its sister company's list.
    let owner = bearer(&app, "owner@bagerjensen.dk").await;
    let (status, _) = call(&app, "GET", &format!("/api/mvno/{id}"), &owner, None).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = call(
        &app,
        "GET",
        &format!("/api/mvno?customer={}", ids::JENSEN_HOLDING),
        &owner,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn each_level_sees_the_secrets_it_may_see() {
    let app = spawn_app().await;
    let created = account(&app).await;
    let id = created["_id"].as_str().unwrap();
    // (user, PIN/PUK and activation code, notes, MitID)
    let levels = [
        ("viewer@bagerjensen.dk", false, false, false),
        ("manager@bagerjensen.dk", false, false, false),
        ("owner@bagerjensen.dk", true, false, false),
        ("reseller@nordlys.dk", true, true, false),
        ("admin@telecomx.dk", true, true, true),
    ];
    for (user, sim_secrets, notes, mit_id) in levels {
        let auth = bearer(&app, user).await;
        let (status, a) = call(&app, "GET", &format!("/api/mvno/{id}"), &auth, None).await;
        assert_eq!(status, StatusCode::OK, "{user}");
        let sim = &a["mvnoSim"];
        for field in ["puk1", "puk2", "pin1", "pin2", "activationCode"] {
            assert_eq!(
                sim[field].is_string(),
                sim_secrets,
                "{user}: {field} in {sim}"
            );
        }
        assert_eq!(a["notes"].is_string(), notes, "{user}: notes");
        assert_eq!(a["mitId"].is_object(), mit_id, "{user}: mitId");
        let text = a.to_string();
        assert_eq!(text.contains(MIT_ID), mit_id, "{user}");
    }
    // A viewer's list hides them the same way.
    let viewer = bearer(&app, "viewer@bagerjensen.dk").await;
    let (status, page) = call(
        &app,
        "GET",
        &format!("/api/mvno?customer={}", ids::BAGER_JENSEN),
        &viewer,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    for a in page["items"].as_array().unwrap() {
        assert!(
            a["mvnoSim"]["puk1"].is_null() && a["mitId"].is_null() && a["notes"].is_null(),
            "{a}"
        );
    }
}

#[tokio::test]
async fn the_sign_in_reply_carries_no_secret_but_the_token() {
    let app = spawn_app().await;
    let res = app.login("reseller@nordlys.dk", DEMO_PASSWORD).await;
    let text = res.text().await.unwrap();
    assert!(
        !text.contains("$argon2") && !text.contains(DEMO_PASSWORD),
        "{text}"
    );
    let (status, err) = error_of(app.login("reseller@nordlys.dk", "wrong").await).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(!err.to_string().contains("wrong"));
}
