//! The server over HTTP: REST sign-in and its 401 codes, the error body for
//! malformed requests, and the portal's session cookie and page access.

mod common;

use common::{error_of, TestApp};
use mvno::services::demo;
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn login_answers_the_platform_reply() {
    common::on_both_databases(login_answers_the_platform_reply_on).await;
}

async fn login_answers_the_platform_reply_on(app: TestApp) {
    let res = app.login("reseller@nordlys.dk", demo::DEMO_PASSWORD).await;
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["accessLevel"], "RESELLER");
    assert_eq!(body["expiresInMinutes"], 15);
    assert_eq!(body["customer"], demo::ids::NORDLYS);
    assert_eq!(body["token"].as_str().unwrap().len(), 64);
    assert!(body["employee"].as_str().unwrap().len() == 24);
}

/// `persist: true` gives a token that does not expire: `expiresInMinutes`
/// is `-1`, as the platform's login page says, and the OpenAPI document
/// says so too.
#[tokio::test]
async fn a_persistent_login_answers_minus_one_minutes() {
    common::on_both_databases(a_persistent_login_answers_minus_one_minutes_on).await;
}

async fn a_persistent_login_answers_minus_one_minutes_on(app: TestApp) {
    let res = app
        .client
        .post(format!("{}/api/auth/login", app.base))
        .json(&serde_json::json!({"username": "reseller@nordlys.dk", "password": demo::DEMO_PASSWORD, "persist": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["expiresInMinutes"], -1);
    let doc: Value = app
        .get("/api/openapi.json", None)
        .await
        .json()
        .await
        .unwrap();
    let minutes = &doc["components"]["schemas"]["LoginReply"]["properties"]["expiresInMinutes"];
    assert_eq!(minutes["type"], "integer", "{minutes}");
    assert_eq!(minutes["minimum"], -1, "{minutes}");
}

#[tokio::test]
async fn wrong_credentials_are_401_credentials_invalid() {
    common::on_both_databases(wrong_credentials_are_401_credentials_invalid_on).await;
}

async fn wrong_credentials_are_401_credentials_invalid_on(app: TestApp) {
    let (status, err) = error_of(app.login("reseller@nordlys.dk", "wrong").await).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(err["code"], "credentials_invalid");
    assert_eq!(err["status"], 401);
}

#[tokio::test]
async fn api_calls_check_the_bearer_token() {
    common::on_both_databases(api_calls_check_the_bearer_token_on).await;
}

async fn api_calls_check_the_bearer_token_on(app: TestApp) {
    let sign_in = "Sign-in required: send Authorization: Bearer <token>";
    let format = "The Authorization header must be 'Bearer <token>'";
    let cases = [
        (None, "credentials_invalid", sign_in),
        (Some("Token abc".to_string()), "format_error", format),
        (Some("Bearer".to_string()), "format_error", format),
        (Some("Bearer  ".to_string()), "format_error", format),
        (
            Some("Bearer short".to_string()),
            "invalid_token",
            "Undecipherable",
        ),
        (
            Some(format!("Bearer {}", "z".repeat(64))),
            "invalid_token",
            "Undecipherable",
        ),
        (
            Some(format!("Bearer {}", "0".repeat(64))),
            "invalid_token",
            "The token is not valid",
        ),
    ];
    for (header, code, message) in cases {
        let (status, err) = error_of(app.get("/api/customers", header.as_deref()).await).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{header:?}");
        assert_eq!(
            (&err["code"], &err["message"]),
            (&json!(code), &json!(message)),
            "{header:?}"
        );
    }
    let token = app.token("reseller@nordlys.dk").await;
    let bearer = format!("Bearer {token}");
    let res = app.get("/api/customers?limit=2", Some(&bearer)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let page: Value = res.json().await.unwrap();
    assert_eq!(page["limit"], 2);
    assert_eq!(page["items"].as_array().unwrap().len(), 2);
    assert!(page["total"].as_u64().unwrap() > 2);

    // Logout invalidates the token.
    assert_eq!(
        app.get("/api/auth/logout", Some(&bearer)).await.status(),
        StatusCode::OK
    );
    let (status, err) = error_of(app.get("/api/customers", Some(&bearer)).await).await;
    assert_eq!(
        (status, err["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("invalid_token"))
    );
}

#[tokio::test]
async fn malformed_requests_get_the_error_body() {
    common::on_both_databases(malformed_requests_get_the_error_body_on).await;
}

async fn malformed_requests_get_the_error_body_on(app: TestApp) {
    let res = app
        .client
        .post(format!("{}/api/auth/login", app.base))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    let (status, err) = error_of(res).await;
    assert_eq!(
        (status, err["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("bad_request"))
    );

    let token = app.token("reseller@nordlys.dk").await;
    let (status, err) = error_of(
        app.get(
            "/api/customers?limit=9999",
            Some(&format!("Bearer {token}")),
        )
        .await,
    )
    .await;
    assert_eq!(
        (status, err["path"].as_str()),
        (StatusCode::BAD_REQUEST, Some("limit"))
    );

    let (status, err) = error_of(app.get("/api/no/such/thing", None).await).await;
    assert_eq!(
        (status, err["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("not_found"))
    );
}

#[tokio::test]
async fn owners_may_not_list_customers() {
    common::on_both_databases(owners_may_not_list_customers_on).await;
}

async fn owners_may_not_list_customers_on(app: TestApp) {
    let token = app.token("owner@bagerjensen.dk").await;
    let (status, err) = error_of(
        app.get("/api/customers", Some(&format!("Bearer {token}")))
            .await,
    )
    .await;
    assert_eq!(
        (status, err["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("access_denied"))
    );
}

#[tokio::test]
async fn portal_sign_in_sets_an_http_only_same_site_cookie() {
    common::on_both_databases(portal_sign_in_sets_an_http_only_same_site_cookie_on).await;
}

async fn portal_sign_in_sets_an_http_only_same_site_cookie_on(app: TestApp) {
    let res = app
        .sign_in_form("reseller@nordlys.dk", demo::DEMO_PASSWORD)
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/");
    let cookie = res.headers()["set-cookie"].to_str().unwrap();
    assert!(cookie.starts_with("mvno_session="), "{cookie}");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");

    let res = app
        .client
        .post(format!("{}/login", app.base))
        .form(&[("username", "reseller@nordlys.dk"), ("password", "wrong")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["location"], "/login?error=credentials");
    // No session: only the cookie that keeps the typed username for the form.
    let cookies: Vec<&str> = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|c| c.to_str().unwrap())
        .collect();
    assert_eq!(cookies.len(), 1, "{cookies:?}");
    assert!(cookies[0].starts_with("mvno_signin_name="), "{cookies:?}");
}

/// A wrong password sends the user back to the form with the username as
/// typed (kept in a short-lived cookie, never in the URL, escaped as text);
/// a later visit without a failed sign-in and a successful sign-in forget it.
#[tokio::test]
async fn a_wrong_password_keeps_the_username() {
    let app = common::spawn_app().await;
    let typed = "reseller@nordlys.dk\"><script>alert(1)</script>";
    for (username, shown) in [
        ("reseller@nordlys.dk", "value=\"reseller@nordlys.dk\""),
        (typed, "value=\"reseller@nordlys.dk&quot;&gt;&lt;script&gt;"),
    ] {
        let res = app.sign_in_form(username, "wrong").await;
        let location = res.headers()["location"].to_str().unwrap().to_string();
        assert!(!location.contains("nordlys"), "{location}");
        let kept = res.headers()["set-cookie"].to_str().unwrap();
        assert!(
            kept.contains("HttpOnly") && kept.contains("Max-Age=300"),
            "{kept}"
        );
        let kept = kept.split(';').next().unwrap().to_string();
        let html = app.page(&location, Some(&kept)).await.text().await.unwrap();
        assert!(html.contains(shown), "{html}");
        assert!(!html.contains("<script>alert(1)"), "{html}");
        // Without the failed sign-in's error, the form starts empty.
        let html = app.page("/login", Some(&kept)).await.text().await.unwrap();
        assert!(!html.contains("value=\"reseller@nordlys.dk"), "{html}");
    }
    let res = app
        .sign_in_form("reseller@nordlys.dk", demo::DEMO_PASSWORD)
        .await;
    let cleared = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .any(|c| c.to_str().unwrap().starts_with("mvno_signin_name=;"));
    assert!(cleared, "a successful sign-in forgets the kept username");
}

#[tokio::test]
async fn the_start_page_is_rendered_for_the_signed_in_user_only() {
    common::on_both_databases(the_start_page_is_rendered_for_the_signed_in_user_only_on).await;
}

async fn the_start_page_is_rendered_for_the_signed_in_user_only_on(app: TestApp) {
    let res = app.page("/", None).await;
    assert!(res.status().is_redirection(), "{}", res.status());
    assert_eq!(res.headers()["location"], "/login");

    let cookie = app.portal_session("reseller@nordlys.dk").await;
    let res = app.page("/", Some(&cookie)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("Rasmus Nielsen"),
        "the signed-in user is shown"
    );
    assert!(
        html.contains("+45 20 30 00 01"),
        "the reseller's customers' accounts are listed"
    );

    // Another reseller does not see them.
    let other = app.portal_session("reseller@kattegat.dk").await;
    let html = app.page("/", Some(&other)).await.text().await.unwrap();
    assert!(html.contains("Karen Kattegat"));
    assert!(!html.contains("+45 20 30 00 01"));
}

#[tokio::test]
async fn pages_refuse_what_the_level_does_not_allow() {
    common::on_both_databases(pages_refuse_what_the_level_does_not_allow_on).await;
}

async fn pages_refuse_what_the_level_does_not_allow_on(app: TestApp) {
    let owner = app.portal_session("owner@bagerjensen.dk").await;
    let res = app.page("/customers", Some(&owner)).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("You do not have access to this page"));

    let reseller = app.portal_session("reseller@nordlys.dk").await;
    let res = app.page("/customers", Some(&reseller)).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.text().await.unwrap().contains("Bager Jensen ApS"));
}

#[tokio::test]
async fn sign_out_ends_the_session() {
    common::on_both_databases(sign_out_ends_the_session_on).await;
}

async fn sign_out_ends_the_session_on(app: TestApp) {
    let cookie = app.portal_session("reseller@nordlys.dk").await;
    let res = app
        .client
        .post(format!("{}/logout", app.base))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["location"], "/login");
    assert!(res.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
    let res = app.page("/", Some(&cookie)).await;
    let status = res.status();
    assert!(
        status.is_redirection(),
        "{status}: {}",
        res.text().await.unwrap_or_default()
    );
}

#[tokio::test]
async fn cross_site_posts_to_the_portal_are_refused() {
    common::on_both_databases(cross_site_posts_to_the_portal_are_refused_on).await;
}

async fn cross_site_posts_to_the_portal_are_refused_on(app: TestApp) {
    let form = [
        ("username", "reseller@nordlys.dk"),
        ("password", demo::DEMO_PASSWORD),
    ];
    let post = |headers: &[(&str, &str)]| {
        let mut req = app.client.post(format!("{}/login", app.base)).form(&form);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        req.send()
    };
    let res = post(&[("sec-fetch-site", "cross-site")]).await.unwrap();
    let (status, err) = error_of(res).await;
    assert_eq!(
        (status, err["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("access_denied"))
    );
    let res = post(&[("origin", "https://evil.example")]).await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // Same origin (and tools that send neither header) are let through.
    assert_eq!(
        post(&[("sec-fetch-site", "same-origin")])
            .await
            .unwrap()
            .status(),
        StatusCode::SEE_OTHER
    );
    let origin = app.base.clone();
    assert_eq!(
        post(&[("origin", origin.as_str())]).await.unwrap().status(),
        StatusCode::SEE_OTHER
    );
    // Server functions too.
    let res = app
        .client
        .post(format!("{}/_fn/me", app.base))
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn repeated_failed_sign_ins_lock_the_username() {
    common::on_both_databases(repeated_failed_sign_ins_lock_the_username_on).await;
}

async fn repeated_failed_sign_ins_lock_the_username_on(app: TestApp) {
    for _ in 0..5 {
        let (status, _) = error_of(app.login("owner@bagerjensen.dk", "guess").await).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    // Now even the right password is refused, for this username only.
    let (status, err) =
        error_of(app.login("owner@bagerjensen.dk", demo::DEMO_PASSWORD).await).await;
    assert_eq!(
        (status, err["code"].as_str()),
        (StatusCode::TOO_MANY_REQUESTS, Some("too_many_attempts"))
    );
    assert_eq!(
        app.login("reseller@nordlys.dk", demo::DEMO_PASSWORD)
            .await
            .status(),
        StatusCode::OK
    );
    // The portal form is locked too.
    let res = app
        .sign_in_form("owner@bagerjensen.dk", demo::DEMO_PASSWORD)
        .await;
    assert_eq!(res.headers()["location"], "/login?error=locked");
}

/// A row of the subscription list opens the subscription; a row of the
/// customer list opens that customer's subscriptions.
#[tokio::test]
async fn list_rows_open_what_they_show() {
    let app = common::spawn_app().await;
    let cookie = app.portal_session("reseller@nordlys.dk").await;
    let home = app.page("/", Some(&cookie)).await.text().await.unwrap();
    let link = format!(
        "href=\"/accounts/{}\"",
        mvno::services::demo::ids::ACCOUNT_IN_USE
    );
    assert!(home.contains(&link), "{home}");
    let account = app
        .page(
            &format!("/accounts/{}", mvno::services::demo::ids::ACCOUNT_IN_USE),
            Some(&cookie),
        )
        .await;
    assert_eq!(account.status(), 200);
    let customers = app
        .page("/customers", Some(&cookie))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        customers.contains("href=\"/?q=Bager+Jensen+ApS\""),
        "{customers}"
    );
    let theirs = app
        .page("/?q=Bager+Jensen+ApS", Some(&cookie))
        .await
        .text()
        .await
        .unwrap();
    assert!(theirs.contains(&link), "{theirs}");
}
