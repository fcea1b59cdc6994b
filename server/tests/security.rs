//! Who reaches what over the API, and which secrets each level sees: a
//! reseller stays within its own customers, an owner within its own
//! customer; PIN/PUK and activation codes from OWNER up, notes for
//! resellers, MitID for ADMIN only; password hashes and tokens never.

mod common;

use common::{error_of, spawn_app, TestApp};
use mvno::services::demo::{ids, DEMO_PASSWORD};
use mvno::services::mitid;
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

// ---- Identity and self-service: rules of the create, at every door ----

const PRIVATE: &str = "mette.hansen@example.dk";

/// A Nordlys TDC card in the reseller's warehouse.
fn warehouse_icc() -> String {
    mvno::services::demo::demo_icc("8945550", 3)
}

/// A self-service create body: Mette Hansen buys `number` with a TDC eSIM
/// on a public plan; `change` overrides properties.
fn private_body(number: &str, change: Value) -> Value {
    let mut body = json!({
        "customer": ids::METTE_HANSEN, "number": number, "esim": "TDC", "ratePlan": ids::PLAN_10GB,
    });
    for (k, v) in change.as_object().unwrap() {
        body[k] = v.clone();
    }
    body
}

/// The error of a failed create, from the API's body or a server function's.
fn error_in(body: &Value) -> &Value {
    if body["error"].is_object() {
        &body["error"]
    } else {
        body
    }
}

/// Creates through the server function, as the hydrated wizard does.
async fn fn_create(
    app: &TestApp,
    cookie: &str,
    request: Value,
    mitid: Option<&str>,
) -> (StatusCode, Value) {
    let res = app
        .client
        .post(format!("{}/_fn/create_account", app.base))
        .header("cookie", cookie)
        .json(&json!({"request": request, "key": mvno::Id::generate().to_string(), "mitid": mitid}))
        .send()
        .await
        .unwrap();
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

/// A create the confirm form refused: the wizard's step it went back to,
/// and that page as the browser gets it.
#[derive(Debug)]
struct Refusal {
    step: String,
    page: String,
}

/// Checks that the confirm form refused with `error`: the wizard goes back
/// to the step of its path, which says what to do in the portal's words
/// for that error (in English: the test client asks for it).
fn assert_refused(result: Result<String, Refusal>, error: &mvno::ApiError, what: &str) {
    let refusal = result.unwrap_err();
    let path = error.path.as_deref().unwrap_or_default();
    assert_eq!(
        refusal.step,
        app::wizard::step_of_path(path).slug(),
        "{what}: back to the step of {path}"
    );
    let owner = leptos::prelude::Owner::new();
    let words = owner.with(|| {
        leptos::prelude::provide_context(app::i18n::Lang::En);
        app::i18n::errors::api_error(error)
    });
    assert!(
        refusal.page.contains(words),
        "{what}: the page says {words:?}: {}",
        refusal.page
    );
}

/// Creates through the confirm form, as the wizard posts it without
/// JavaScript; answers the created account's id, or where it was refused.
async fn confirm(app: &TestApp, cookie: &str, fields: &[(&str, &str)]) -> Result<String, Refusal> {
    let key = mvno::Id::generate().to_string();
    let mut form: Vec<(&str, &str)> = vec![("key", key.as_str())];
    form.extend_from_slice(fields);
    let res = app.post_form("/new/confirm", cookie, &form).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let to = res.headers()["location"].to_str().unwrap().to_string();
    if let Some(rest) = to.strip_prefix("/accounts/") {
        return Ok(rest.split('?').next().unwrap().to_string());
    }
    // A refusal: back to a step of the wizard, which shows the error.
    let step = to
        .strip_prefix("/new/")
        .and_then(|rest| rest.split('?').next())
        .unwrap_or_else(|| panic!("neither an account nor the wizard: {to}"))
        .to_string();
    let page = app.page(&to, Some(cookie)).await.text().await.unwrap();
    Err(Refusal { step, page })
}

/// The wizard's answers for a self-service create of `number`.
fn private_form(number: &str) -> Vec<(&'static str, String)> {
    vec![
        ("customer", ids::METTE_HANSEN.to_string()),
        ("mode", "new".into()),
        ("number", number.to_string()),
        ("sim", "esim".into()),
        ("network", "TDC".into()),
        ("plan", ids::PLAN_10GB.to_string()),
    ]
}

fn with(
    form: &[(&'static str, String)],
    changes: &[(&'static str, &str)],
) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = form
        .iter()
        .filter(|(k, _)| !changes.iter().any(|(c, _)| c == k))
        .cloned()
        .collect();
    out.extend(changes.iter().map(|(k, v)| (*k, v.to_string())));
    out
}

fn pairs<'a>(form: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    form.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// The MitID stand-in, as the identity page calls it.
async fn stand_in(app: &TestApp, cookie: &str) -> Value {
    let res = app
        .client
        .post(format!("{}/_fn/mitid_stand_in", app.base))
        .header("cookie", cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

/// An account as the admin reads it.
async fn as_admin(app: &TestApp, id: &str) -> Value {
    let admin = bearer(app, "admin@telecomx.dk").await;
    let (status, a) = call(app, "GET", &format!("/api/mvno/{id}"), &admin, None).await;
    assert_eq!(status, StatusCode::OK, "{a}");
    a
}

#[tokio::test]
async fn only_an_admin_sends_a_mit_id_over_the_api() {
    let app = spawn_app().await;
    let forged = json!({"mitId": {"uuid": MIT_ID, "name": "Forfalsket Person"}});
    for user in ["owner@bagerjensen.dk", "reseller@nordlys.dk", PRIVATE] {
        let auth = bearer(&app, user).await;
        let mut body = private_body("+4520100001", forged.clone());
        if user != PRIVATE {
            body["customer"] = json!(ids::BAGER_JENSEN);
        }
        let (status, body) = call(&app, "POST", "/api/mvno", &auth, Some(body)).await;
        let e = &body["error"];
        assert_eq!(
            (status, e["code"].as_str(), e["path"].as_str()),
            (StatusCode::FORBIDDEN, Some("access_denied"), Some("mitId")),
            "{user}: {body}"
        );
    }
}

#[tokio::test]
async fn identity_reaches_an_account_only_from_the_servers_record() {
    let app = spawn_app().await;
    let mette = app.portal_session(PRIVATE).await;

    // The server function refuses an identity in the request, as the API does.
    let forged = private_body(
        "+4520100001",
        json!({"mitId": {"uuid": MIT_ID, "name": "Forfalsket Person"}}),
    );
    let (_, body) = fn_create(&app, &mette, forged, None).await;
    let e = error_in(&body);
    assert_eq!(
        (e["code"].as_str(), e["path"].as_str()),
        (Some("access_denied"), Some("mitId")),
        "{body}"
    );

    // Identity fields among the wizard's answers are not read.
    let form = with(
        &private_form("+4520100001"),
        &[
            ("mitid_uuid", MIT_ID),
            ("mitid_name", "Forfalsket Person"),
            ("mitid_at", "2026-01-01T00:00:00.000Z"),
        ],
    );
    let id = confirm(&app, &mette, &pairs(&form)).await.unwrap();
    let a = as_admin(&app, &id).await;
    assert!(a["mitId"].is_null(), "{a}");
    assert!(!a.to_string().contains(MIT_ID));

    // The stand-in answers only its record's id and the name to show.
    let v = stand_in(&app, &mette).await;
    assert_eq!(v["name"], "Mette Hansen");
    assert_eq!(v.as_object().unwrap().len(), 2, "{v}");
    let reference = v["id"].as_str().unwrap().to_string();

    // Through the confirm form the account gets the recorded identity, once.
    let form = with(&private_form("+4520100002"), &[("mitid", &reference)]);
    let id = confirm(&app, &mette, &pairs(&form)).await.unwrap();
    let a = as_admin(&app, &id).await;
    assert_eq!(a["mitId"]["name"], "Mette Hansen", "{a}");
    assert!(a["mitId"]["uuid"].is_string() && a["mitId"]["authenticationDate"].is_string());
    let form = with(&private_form("+4520100003"), &[("mitid", &reference)]);
    let used = confirm(&app, &mette, &pairs(&form)).await;
    let not_valid = mvno::ApiError::field(422, "mitId", mitid::NOT_VALID);
    assert_refused(used, &not_valid, "a used verification");

    // Through the server function likewise.
    let fresh = stand_in(&app, &mette).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (status, a) = fn_create(
        &app,
        &mette,
        private_body("+4520100003", json!({})),
        Some(&fresh),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{a}");
    assert!(a["mitId"].is_null(), "an owner does not read it back");
    let a = as_admin(&app, a["_id"].as_str().unwrap()).await;
    assert_eq!(a["mitId"]["name"], "Mette Hansen", "{a}");
    let (_, body) = fn_create(
        &app,
        &mette,
        private_body("+4520100004", json!({})),
        Some(&fresh),
    )
    .await;
    let e = error_in(&body);
    assert_eq!(
        (e["status"].as_u64(), e["code"].as_str(), e["path"].as_str()),
        (Some(422), Some("mitId"), Some("mitId")),
        "{body}"
    );

    // Another login cannot use Mette's verification.
    let hers = stand_in(&app, &mette).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let owner = app.portal_session("owner@bagerjensen.dk").await;
    let mut body = private_body("+4520100004", json!({}));
    body["customer"] = json!(ids::BAGER_JENSEN);
    let (_, body) = fn_create(&app, &owner, body, Some(&hers)).await;
    assert_eq!(error_in(&body)["path"], "mitId", "{body}");
    let form = with(
        &private_form("+4520100004"),
        &[("customer", ids::BAGER_JENSEN), ("mitid", &hers)],
    );
    let foreign = confirm(&app, &owner, &pairs(&form)).await;
    assert_refused(foreign, &not_valid, "another's verification");
}

/// A self-service refusal: what is asked, as a body and as the wizard's
/// answers, and the answer's (status, code, path).
type SelfServiceRefusal<'a> = (
    &'a str,
    Value,
    Vec<(&'static str, &'a str)>,
    (u16, &'a str, &'a str),
);

#[tokio::test]
async fn self_service_limits_hold_at_every_door() {
    let app = spawn_app().await;
    let token = bearer(&app, PRIVATE).await;
    let cookie = app.portal_session(PRIVATE).await;
    let icc = warehouse_icc();
    // What is asked, as a body and as the wizard's answers; the answer's (status, code, path).
    let refusals: [SelfServiceRefusal<'_>; 3] = [
        (
            "a business plan",
            json!({"ratePlan": ids::PLAN_BUSINESS_WORLD}),
            vec![("plan", ids::PLAN_BUSINESS_WORLD)],
            (404, "ratePlan", "ratePlan"),
        ),
        (
            "no SIM",
            json!({"esim": null, "nosim": "TDC"}),
            vec![("sim", "none")],
            (403, "access_denied", "nosim"),
        ),
        (
            "a warehouse SIM by ICC",
            json!({"esim": null, "mvnoSim": icc}),
            vec![("sim", "physical"), ("icc", icc.as_str())],
            (403, "access_denied", "mvnoSim"),
        ),
    ];
    for (what, change, answers, (status, code, path)) in refusals {
        let body = private_body("+4520100001", change);
        let (got, reply) = call(&app, "POST", "/api/mvno", &token, Some(body.clone())).await;
        let e = &reply["error"];
        assert_eq!(
            (got.as_u16(), e["code"].as_str(), e["path"].as_str()),
            (status, Some(code), Some(path)),
            "REST, {what}: {reply}"
        );
        let (_, reply) = fn_create(&app, &cookie, body, None).await;
        let e = error_in(&reply);
        assert_eq!(
            (e["status"].as_u64(), e["code"].as_str(), e["path"].as_str()),
            (Some(status as u64), Some(code), Some(path)),
            "server function, {what}: {reply}"
        );
        let form = with(&private_form("+4520100001"), &answers);
        let error: mvno::ApiError = serde_json::from_value(e.clone()).unwrap();
        let refused = confirm(&app, &cookie, &pairs(&form)).await;
        assert_refused(refused, &error, &format!("confirm form, {what}"));
    }
    // The self-service create itself works at each door, and the card is
    // never the warehouse's physical one.
    let (status, a) = call(
        &app,
        "POST",
        "/api/mvno",
        &token,
        Some(private_body("+4520100001", json!({}))),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{a}");
    assert_eq!(a["mvnoSim"]["formFactor"], "eSIM");
    let (status, a) = fn_create(&app, &cookie, private_body("+4520100002", json!({})), None).await;
    assert_eq!(status, StatusCode::OK, "{a}");
    assert_eq!(a["mvnoSim"]["formFactor"], "eSIM");
    let form = with(&private_form("+4520100003"), &[("sim", "auto")]);
    let id = confirm(&app, &cookie, &pairs(&form)).await.unwrap();
    let a = as_admin(&app, &id).await;
    assert_eq!(a["mvnoSim"]["autoAssign"], true, "{a}");
    assert_ne!(a["mvnoSim"]["simNumber"], icc.as_str());
}

/// The account page's live status (the server function its island polls)
/// answers a signed-in caller for a subscription that caller reaches, and
/// nobody else: another reseller's employee hears "not found", as for a
/// subscription that does not exist, and no session gets a 401; neither
/// learns the state.
#[tokio::test]
async fn the_live_status_answers_only_for_a_subscription_the_caller_reaches() {
    let app = &spawn_app().await;
    // Bager Jensen's existing subscription (demo data), active.
    const BAGER_JENSENS: &str = "ac0000000000000000000001";
    let status = |cookie: String, id: &'static str| async move {
        app.post_form("/_fn/account_status", &cookie, &[("id", id)])
            .await
    };
    let owner = app.portal_session("owner@bagerjensen.dk").await;
    let res = status(owner, BAGER_JENSENS).await;
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["creating"], false);
    assert!(
        !body["words"].as_str().unwrap_or_default().is_empty(),
        "{body}"
    );

    let stranger = app.portal_session("reseller@kattegat.dk").await;
    let (code, body) = error_of(status(stranger.clone(), BAGER_JENSENS).await).await;
    assert_eq!(code, StatusCode::NOT_FOUND, "{body}");
    assert!(
        body.get("creating").is_none() && body.get("words").is_none(),
        "{body}"
    );
    let (missing, _) = error_of(status(stranger, "ac00000000000000000000ff").await).await;
    assert_eq!(missing, StatusCode::NOT_FOUND);
    // A hostile id is an unknown one: refused as such, never echoed as markup.
    for id in [
        "\"><img src=x onerror=alert(1)>",
        "</textarea><script>x</script>",
        "ac\0",
    ] {
        let owner = app.portal_session("owner@bagerjensen.dk").await;
        let res = status(owner, id).await;
        let code = res.status();
        let text = res.text().await.unwrap();
        assert!(code.is_client_error(), "{id:?}: {code} {text}");
        assert!(
            !text.contains("<img") && !text.contains("<script"),
            "{text}"
        );
    }

    // No session at all.
    let (code, body) = error_of(status(String::new(), BAGER_JENSENS).await).await;
    assert_eq!(code, StatusCode::UNAUTHORIZED, "{body}");
    assert!(body.get("creating").is_none(), "{body}");
}
