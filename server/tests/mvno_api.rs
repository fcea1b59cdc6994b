//! `POST /api/mvno` and the read side over HTTP: status codes, the error
//! body for malformed bodies, the Idempotency-Key, and the OpenAPI document.

mod common;

use common::{error_of, TestApp};
use mvno::services::demo::{ids, numbers};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn bearer(app: &TestApp, user: &str) -> String {
    format!("Bearer {}", app.token(user).await)
}

fn body() -> Value {
    json!({"customer": ids::BAGER_JENSEN, "number": "+4520100005", "esim": "TDC", "ratePlan": ids::PLAN_10GB})
}

async fn post(
    app: &TestApp,
    path: &str,
    auth: &str,
    body: &Value,
    key: Option<&str>,
) -> reqwest::Response {
    let mut req = app
        .client
        .post(format!("{}{path}", app.base))
        .header("Authorization", auth)
        .json(body);
    if let Some(k) = key {
        req = req.header("Idempotency-Key", k);
    }
    req.send().await.unwrap()
}

/// The `Location` header of a reply (which must have one).
fn location_of(res: &reqwest::Response) -> String {
    res.headers()
        .get(reqwest::header::LOCATION)
        .expect("a Location header")
        .to_str()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn create_answers_201_with_the_account_and_reads_it_back() {
    common::on_both_databases(create_answers_201_with_the_account_and_reads_it_back_on).await;
}

async fn create_answers_201_with_the_account_and_reads_it_back_on(app: TestApp) {
    let auth = bearer(&app, "reseller@nordlys.dk").await;
    let res = post(&app, "/api/mvno", &auth, &body(), None).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let location = location_of(&res);
    let account: Value = res.json().await.unwrap();
    assert_eq!(account["state"], "CREATING");
    assert_eq!(account["mvnoSim"]["formFactor"], "eSIM");
    let id = account["_id"].as_str().unwrap();
    assert_eq!(location, format!("/api/mvno/{id}"));
    // The Location is where the account is read.
    let read: Value = app.get(&location, Some(&auth)).await.json().await.unwrap();
    assert_eq!(read["_id"], id);

    for key in [id, "+4520100005"] {
        let res = app
            .get(
                &format!("/api/mvno/{}", key.replace('+', "%2B")),
                Some(&auth),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK, "{key}");
        let read: Value = res.json().await.unwrap();
        assert_eq!(read["_id"], id);
    }
    let list: Value = app
        .get(
            &format!("/api/mvno?customer={}", ids::BAGER_JENSEN),
            Some(&auth),
        )
        .await
        .json()
        .await
        .unwrap();
    assert!(list["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["_id"] == id));

    // Another reseller neither reads nor lists it.
    let other = bearer(&app, "reseller@kattegat.dk").await;
    assert_eq!(
        app.get(&format!("/api/mvno/{id}"), Some(&other))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let (status, err) = error_of(
        app.get(
            &format!("/api/mvno?customer={}", ids::BAGER_JENSEN),
            Some(&other),
        )
        .await,
    )
    .await;
    assert_eq!(
        (status, err["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("access_denied"))
    );
}

#[tokio::test]
async fn malformed_bodies_get_the_error_body() {
    common::on_both_databases(malformed_bodies_get_the_error_body_on).await;
}

async fn malformed_bodies_get_the_error_body_on(app: TestApp) {
    let auth = bearer(&app, "reseller@nordlys.dk").await;
    let raw = |b: &'static str| {
        app.client
            .post(format!("{}/api/mvno", app.base))
            .header("Authorization", &auth)
            .header("content-type", "application/json")
            .body(b)
            .send()
    };
    let (status, err) = error_of(raw("{\"customer\": ").await.unwrap()).await;
    assert_eq!(
        (status, err["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("bad_request"))
    );
    for empty in ["", "null", "{}", "[]"] {
        let (status, err) = error_of(raw(empty).await.unwrap()).await;
        assert_eq!(
            (status, err["message"].as_str()),
            (
                StatusCode::BAD_REQUEST,
                Some("MVNO account not found in body of request")
            ),
            "{empty:?}"
        );
    }
    let (status, err) = error_of(
        raw("{\"customer\": \"c00000000000000000000005\", \"pbx\": \"one\"}")
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(err["path"], "pbx");
    // No token: the platform's 401.
    let res = app
        .client
        .post(format!("{}/api/mvno", app.base))
        .json(&body())
        .send()
        .await
        .unwrap();
    let (status, err) = error_of(res).await;
    assert_eq!(
        (status, err["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("credentials_invalid"))
    );
}

#[tokio::test]
async fn an_error_row_comes_back_with_status_code_message_and_path() {
    common::on_both_databases(an_error_row_comes_back_with_status_code_message_and_path_on).await;
}

async fn an_error_row_comes_back_with_status_code_message_and_path_on(app: TestApp) {
    let auth = bearer(&app, "reseller@nordlys.dk").await;
    let mut b = body();
    b["number"] = json!(numbers::IN_USE);
    let (status, err) = error_of(post(&app, "/api/mvno", &auth, &b, None).await).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        err,
        json!({"code": "number", "message": "Number is in use on another account", "status": 409, "path": "number"})
    );
}

#[tokio::test]
async fn idempotency_key_replays_refuses_other_bodies_and_never_creates_twice() {
    common::on_both_databases(
        idempotency_key_replays_refuses_other_bodies_and_never_creates_twice_on,
    )
    .await;
}

async fn idempotency_key_replays_refuses_other_bodies_and_never_creates_twice_on(app: TestApp) {
    let auth = bearer(&app, "reseller@nordlys.dk").await;
    let first = post(&app, "/api/mvno", &auth, &body(), Some("order-1")).await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let first_location = location_of(&first);
    let first: Value = first.json().await.unwrap();
    let again = post(&app, "/api/mvno", &auth, &body(), Some("order-1")).await;
    assert_eq!(again.status(), StatusCode::CREATED);
    assert_eq!(
        location_of(&again),
        first_location,
        "the replay has the same Location"
    );
    let again: Value = again.json().await.unwrap();
    assert_eq!(
        again["_id"], first["_id"],
        "the replay answers the first result"
    );
    assert_eq!(
        first_location,
        format!("/api/mvno/{}", first["_id"].as_str().unwrap())
    );

    let mut other = body();
    other["number"] = json!("+4520100006");
    let (status, err) =
        error_of(post(&app, "/api/mvno", &auth, &other, Some("order-1")).await).await;
    assert_eq!(
        (status, err["path"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("Idempotency-Key"))
    );

    // Errors are remembered too.
    let mut taken = body();
    taken["number"] = json!(numbers::IN_USE);
    let a = post(&app, "/api/mvno", &auth, &taken, Some("order-2"))
        .await
        .status();
    let b = post(&app, "/api/mvno", &auth, &taken, Some("order-2"))
        .await
        .status();
    assert_eq!((a, b), (StatusCode::CONFLICT, StatusCode::CONFLICT));

    // Concurrent duplicates: one account.
    let mut dup = body();
    dup["number"] = json!("+4520100007");
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let (client, base, auth, dup) = (
            app.client.clone(),
            app.base.clone(),
            auth.clone(),
            dup.clone(),
        );
        tasks.push(tokio::spawn(async move {
            client
                .post(format!("{base}/api/mvno"))
                .header("Authorization", auth)
                .header("Idempotency-Key", "order-3")
                .json(&dup)
                .send()
                .await
                .unwrap()
                .status()
        }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    assert!(
        statuses
            .iter()
            .all(|s| *s == StatusCode::CREATED || *s == StatusCode::CONFLICT),
        "{statuses:?}"
    );
    let list: Value = app
        .get(
            &format!("/api/mvno?customer={}", ids::BAGER_JENSEN),
            Some(&auth),
        )
        .await
        .json()
        .await
        .unwrap();
    let same: Vec<&Value> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["number"] == "+4520100007")
        .collect();
    assert_eq!(same.len(), 1, "one account for one key");
}

#[tokio::test]
async fn number_check_says_buy_owned_port_or_in_use() {
    common::on_both_databases(number_check_says_buy_owned_port_or_in_use_on).await;
}

async fn number_check_says_buy_owned_port_or_in_use_on(app: TestApp) {
    let auth = bearer(&app, "reseller@nordlys.dk").await;
    let cases = [
        ("20 10 00 01", "AVAILABLE_FOR_PURCHASE"),
        (numbers::OWNED_FREE, "OWNED_AND_FREE"),
        (numbers::DONOR_TDC_ICC, "PORTING_REQUIRED"),
        (numbers::IN_USE, "IN_USE"),
        (numbers::PORTING_IN, "BEING_PORTED"),
        (numbers::QUARANTINED, "NOT_AVAILABLE"),
    ];
    for (number, expected) in cases {
        let res = post(
            &app,
            "/api/mvno/check/number",
            &auth,
            &json!({"customer": ids::BAGER_JENSEN, "number": number}),
            None,
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let check: Value = res.json().await.unwrap();
        assert_eq!(check["availability"], expected, "{number}");
        if expected == "PORTING_REQUIRED" {
            assert_eq!(check["operator"]["name"], "TDC Mobil");
            assert_eq!(check["operator"]["needsDonorIcc"], true);
            assert_eq!(check["operator"]["needsMitId"], false);
        }
    }
}

/// The check says what the create then does, for the same caller: a
/// business's OWNER ports from a power-of-attorney donor; a private person
/// in self-service needs MitID, and the create without it is `403 number`.
#[tokio::test]
async fn number_check_and_create_agree_on_who_may_port() {
    common::on_both_databases(number_check_and_create_agree_on_who_may_port_on).await;
}

async fn number_check_and_create_agree_on_who_may_port_on(app: TestApp) {
    let check = |auth: String, customer: &'static str| {
        let app = &app;
        async move {
            let res = post(
                app,
                "/api/mvno/check/number",
                &auth,
                &json!({"customer": customer, "number": numbers::DONOR_TELIA_EMAIL}),
                None,
            )
            .await;
            res.json::<Value>().await.unwrap()
        }
    };
    let owner = bearer(&app, "owner@bagerjensen.dk").await;
    let said = check(owner.clone(), ids::BAGER_JENSEN).await;
    assert_eq!(said["availability"], "PORTING_REQUIRED");
    assert_eq!(said["operator"]["needsMitId"], false);
    let mut b = body();
    b["number"] = json!(numbers::DONOR_TELIA_EMAIL);
    let res = post(&app, "/api/mvno", &owner, &b, None).await;
    assert_eq!(res.status(), StatusCode::CREATED);

    let private = bearer(&app, "mette.hansen@example.dk").await;
    let said = check(private.clone(), ids::METTE_HANSEN).await;
    assert_eq!(said["availability"], "BEING_PORTED", "ported in above");
    let mut b = body();
    b["customer"] = json!(ids::METTE_HANSEN);
    b["number"] = json!(numbers::DONOR_3_FAX);
    let res = post(
        &app,
        "/api/mvno/check/number",
        &private,
        &json!({"customer": ids::METTE_HANSEN, "number": numbers::DONOR_3_FAX}),
        None,
    )
    .await;
    let said: Value = res.json().await.unwrap();
    assert_eq!(said["availability"], "PORTING_REQUIRED");
    assert_eq!(said["operator"]["needsMitId"], true);
    let res = post(&app, "/api/mvno", &private, &b, None).await;
    let (status, err) = (res.status(), res.json::<Value>().await.unwrap());
    assert_eq!(
        (status, err["error"]["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("number")),
        "{err}"
    );
}

#[tokio::test]
async fn porting_is_read_and_its_date_changed_on_working_days_only() {
    common::on_both_databases(porting_is_read_and_its_date_changed_on_working_days_only_on).await;
}

async fn porting_is_read_and_its_date_changed_on_working_days_only_on(app: TestApp) {
    let auth = bearer(&app, "reseller@nordlys.dk").await;
    let mut b = body();
    b["number"] = json!(numbers::DONOR_TDC_ICC);
    b["donorSimNumber"] = json!(mvno::services::demo::demo_icc("894501", 99));
    let created: Value = post(&app, "/api/mvno", &auth, &b, None)
        .await
        .json()
        .await
        .unwrap();
    let id = created["porting"].as_str().unwrap().to_string();
    assert_eq!(created["portingDetails"]["_id"], id);
    let read: Value = app
        .get(&format!("/api/porting/{id}"), Some(&auth))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(read["status"]["stage"], "IN_CREATED");

    let today = mvno::services::clock::copenhagen_date(chrono::Utc::now());
    let good = mvno::calendar::working_days_after(today, 2)[1];
    let res = post(
        &app,
        &format!("/api/porting/{id}"),
        &auth,
        &json!({"requestedDate": good.to_string(), "notify": ["jens@bagerjensen.dk"]}),
        None,
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let changed: Value = res.json().await.unwrap();
    assert_eq!(changed["notify"], json!(["jens@bagerjensen.dk"]));
    assert!(
        changed["requestedDate"]
            .as_str()
            .unwrap()
            .starts_with(&good.to_string()),
        "02:00 in Copenhagen is still that day in UTC"
    );

    let (status, err) = error_of(
        post(
            &app,
            &format!("/api/porting/{id}"),
            &auth,
            &json!({"requestedDate": today.to_string()}),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(
        (status, err["path"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("requestedDate"))
    );
}

#[tokio::test]
async fn catalog_offers_numbers_stock_and_products() {
    common::on_both_databases(catalog_offers_numbers_stock_and_products_on).await;
}

async fn catalog_offers_numbers_stock_and_products_on(app: TestApp) {
    let auth = bearer(&app, "reseller@nordlys.dk").await;
    let page: Value = app
        .get(
            &format!("/api/numbers?customer={}&network=TDC", ids::BAGER_JENSEN),
            Some(&auth),
        )
        .await
        .json()
        .await
        .unwrap();
    let items = page["items"].as_array().unwrap();
    assert_eq!(items[0]["owned"], true, "owned numbers first");
    assert!(
        items.iter().any(|n| n["number"] == "+4520800001"),
        "a reseller sees its own stock"
    );
    assert!(items.iter().all(|n| n["network"] == "TDC"));
    let owner = bearer(&app, "owner@bagerjensen.dk").await;
    let page: Value = app
        .get(
            &format!("/api/numbers?customer={}&filter=208", ids::BAGER_JENSEN),
            Some(&owner),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page["total"], 0, "an owner is not offered reseller stock");

    let stock: Value = app
        .get(
            &format!("/api/sims/stock?customer={}", ids::BAGER_JENSEN),
            Some(&auth),
        )
        .await
        .json()
        .await
        .unwrap();
    assert!(stock
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["formFactor"] == "eSIM" && s["network"] == "TDC" && s["count"] == 10));

    let plans: Value = app
        .get(
            &format!("/api/products?customer={}", ids::BAGER_JENSEN),
            Some(&auth),
        )
        .await
        .json()
        .await
        .unwrap();
    let names: Vec<&str> = plans["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Fri tale + 10 GB"));
    assert!(
        !names.iter().any(|n| n.contains("udgået")),
        "expired plans are not offered"
    );
    assert!(
        !names.iter().any(|n| n.contains("Kattegat")),
        "another reseller's plans are not offered"
    );
    let row: Value = app
        .get(
            &format!(
                "/api/products?customer={}&kind=MVNO_ROW_ROAMING",
                ids::BAGER_JENSEN
            ),
            Some(&auth),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(row["total"], 2);
    assert_eq!(row["items"].as_array().unwrap().len(), 2);
}

/// What a client needs to build a create, read as the caller may: paged
/// products with their validity, free SIMs by ICC, where numbers come from,
/// and the caller's own customer by default below RESELLER.
#[tokio::test]
async fn reads_give_a_client_what_a_create_needs() {
    common::on_both_databases(reads_give_a_client_what_a_create_needs_on).await;
}

async fn reads_give_a_client_what_a_create_needs_on(app: TestApp) {
    let reseller = bearer(&app, "reseller@nordlys.dk").await;
    let owner = bearer(&app, "owner@bagerjensen.dk").await;
    let get = |path: String, auth: String| {
        let app = &app;
        async move {
            let res = app.get(&path, Some(&auth)).await;
            let status = res.status();
            (status, res.json::<Value>().await.unwrap())
        }
    };

    // Products: paged, each with its validity.
    let (status, all) = get(
        format!("/api/products?customer={}", ids::BAGER_JENSEN),
        reseller.clone(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let total = all["total"].as_u64().unwrap();
    assert!(total >= 3, "{all}");
    for p in all["items"].as_array().unwrap() {
        assert!(p["validFrom"].is_string(), "{p}");
        assert!(p.get("validUntil").is_some(), "{p}");
    }
    let (_, page) = get(
        format!(
            "/api/products?customer={}&offset=1&limit=1",
            ids::BAGER_JENSEN
        ),
        reseller.clone(),
    )
    .await;
    assert_eq!(page["total"], total);
    assert_eq!(page["items"].as_array().unwrap().len(), 1);
    assert_eq!(page["items"][0], all["items"][1]);

    // Below RESELLER the customer defaults to the caller's own; a reseller
    // must name one.
    let (status, own) = get("/api/products".into(), owner.clone()).await;
    assert_eq!(status, StatusCode::OK);
    let (_, named) = get(
        format!("/api/products?customer={}", ids::BAGER_JENSEN),
        owner.clone(),
    )
    .await;
    assert_eq!(own, named);
    for path in [
        "/api/products",
        "/api/numbers",
        "/api/sims/stock",
        "/api/sims",
    ] {
        let (status, err) = get(path.into(), reseller.clone()).await;
        assert_eq!(
            (status, err["error"]["path"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("customer")),
            "{path}"
        );
        let (status, _) = get(path.into(), owner.clone()).await;
        assert_eq!(status, StatusCode::OK, "{path}");
    }

    // Free SIMs one by one, agreeing with the counts, without secrets.
    let (_, stock) = get(
        format!("/api/sims/stock?customer={}", ids::BAGER_JENSEN),
        reseller.clone(),
    )
    .await;
    let counted: u64 = stock
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["count"].as_u64().unwrap())
        .sum();
    let (_, sims) = get(
        format!("/api/sims?customer={}&limit=500", ids::BAGER_JENSEN),
        reseller.clone(),
    )
    .await;
    assert_eq!(sims["total"], counted);
    let esims = stock
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["formFactor"] == "eSIM" && s["network"] == "TDC" && s["autoAssign"] == false)
        .map(|s| s["count"].clone())
        .unwrap();
    let (_, tdc_esims) = get(
        format!(
            "/api/sims?customer={}&network=TDC&formFactor=eSIM",
            ids::BAGER_JENSEN
        ),
        reseller.clone(),
    )
    .await;
    assert_eq!(tdc_esims["total"], esims);
    for sim in sims["items"].as_array().unwrap() {
        assert!(sim["icc"].is_string() && sim["holder"].is_string(), "{sim}");
        for secret in ["puk1", "puk2", "pin1", "pin2", "activationCode", "imsi"] {
            assert!(sim.get(secret).is_none(), "{secret} in {sim}");
        }
    }
    // A free physical card from the list is taken by a create naming it.
    let icc = sims["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["formFactor"] != "eSIM" && s["autoAssign"] == false && s["network"] == "TDC")
        .map(|s| s["icc"].as_str().unwrap().to_string())
        .unwrap();
    let mut b = body();
    b.as_object_mut().unwrap().remove("esim");
    b["mvnoSim"] = json!(icc);
    let res = post(&app, "/api/mvno", &reseller, &b, None).await;
    assert_eq!(
        res.status(),
        StatusCode::CREATED,
        "{}",
        res.text().await.unwrap()
    );
    let (_, after) = get(
        format!("/api/sims?customer={}&limit=500", ids::BAGER_JENSEN),
        reseller.clone(),
    )
    .await;
    assert_eq!(after["total"].as_u64().unwrap(), counted - 1);
    assert!(!after["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["icc"] == icc.as_str()));

    // Numbers say where they come from.
    let (_, numbers) = get(
        format!("/api/numbers?customer={}&limit=500", ids::BAGER_JENSEN),
        reseller.clone(),
    )
    .await;
    let sources: std::collections::BTreeSet<&str> = numbers["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["source"].as_str().unwrap())
        .collect();
    assert_eq!(
        sources,
        ["OWNED", "PUBLIC_POOL", "RESELLER_STOCK"]
            .into_iter()
            .collect()
    );
    let stock_number = numbers["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["number"] == "+4520800001")
        .unwrap();
    assert_eq!(stock_number["source"], "RESELLER_STOCK");
    let (_, for_owner) = get("/api/numbers?limit=500".into(), owner).await;
    assert!(for_owner["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|n| n["source"] != "RESELLER_STOCK"));
}

/// An account that is unknown, or out of the caller's reach, is
/// `404 mvnoAccount` "MVNO account not found", by id and by number alike.
#[tokio::test]
async fn an_unknown_account_is_404_mvno_account() {
    common::on_both_databases(an_unknown_account_is_404_mvno_account_on).await;
}

async fn an_unknown_account_is_404_mvno_account_on(app: TestApp) {
    let auth = bearer(&app, "reseller@nordlys.dk").await;
    let res = post(&app, "/api/mvno", &auth, &body(), None).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let account: Value = res.json().await.unwrap();
    let id = account["_id"].as_str().unwrap();
    let other = bearer(&app, "reseller@kattegat.dk").await;
    for (key, who) in [
        ("aaaaaaaaaaaaaaaaaaaaaaaa", &auth),
        ("%2B4529999999", &auth),
        ("not-an-id", &auth),
        (id, &other),
        ("%2B4520100005", &other),
    ] {
        let (status, err) = error_of(app.get(&format!("/api/mvno/{key}"), Some(who)).await).await;
        assert_eq!(
            (status, &err),
            (
                StatusCode::NOT_FOUND,
                &json!({"code": "mvnoAccount", "message": "MVNO account not found", "status": 404, "path": "mvnoAccount"})
            ),
            "{key}"
        );
    }
}

/// `socsOverride[]` speaks the spec's `expireEOM` / `startEOM`: an ADMIN's
/// override is stored and answered under those names, and the OpenAPI
/// document names them so.
#[tokio::test]
async fn soc_overrides_use_the_specs_eom_spelling() {
    common::on_both_databases(soc_overrides_use_the_specs_eom_spelling_on).await;
}

async fn soc_overrides_use_the_specs_eom_spelling_on(app: TestApp) {
    let auth = bearer(&app, "admin@telecomx.dk").await;
    let mut req = body();
    req["socsOverride"] =
        json!([{"soc": "VOLTE", "newSoc": "HDVOICE", "expireEOM": true, "startEOM": false}]);
    let res = post(&app, "/api/mvno", &auth, &req, None).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let account: Value = res.json().await.unwrap();
    let expected = json!([{"soc": "VOLTE", "newSoc": "HDVOICE", "expireEOM": true, "startEOM": false, "setBySystem": false}]);
    assert_eq!(account["socsOverride"], expected);
    let id = account["_id"].as_str().unwrap();
    let read: Value = app
        .get(&format!("/api/mvno/{id}"), Some(&auth))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(read["socsOverride"], expected);

    let doc: Value = app
        .get("/api/openapi.json", None)
        .await
        .json()
        .await
        .unwrap();
    let props = doc["components"]["schemas"]["SocOverride"]["properties"]
        .as_object()
        .unwrap();
    for name in ["expireEOM", "startEOM"] {
        assert!(props.contains_key(name), "{name} missing");
    }
    assert!(!props.contains_key("expireEom"));
}

/// A body whose Content-Type is not JSON is `415 unsupported_media_type` in
/// the platform's error body on every operation with a body; JSON with
/// parameters, a `+json` type, or no Content-Type at all is read. The
/// OpenAPI document declares 413 and 415 on those operations.
#[tokio::test]
async fn a_body_that_is_not_json_by_its_content_type_is_415() {
    common::on_both_databases(a_body_that_is_not_json_by_its_content_type_is_415_on).await;
}

async fn a_body_that_is_not_json_by_its_content_type_is_415_on(app: TestApp) {
    let auth = bearer(&app, "reseller@nordlys.dk").await;
    let login =
        json!({"username": "reseller@nordlys.dk", "password": mvno::services::demo::DEMO_PASSWORD});
    let porting = format!("/api/porting/{}", ids::PORTING_IN_PROGRESS);
    let check = json!({"customer": ids::BAGER_JENSEN, "number": "+4520100006"});
    let operations: [(&str, Value); 4] = [
        ("/api/auth/login", login.clone()),
        ("/api/mvno", body()),
        ("/api/mvno/check/number", check.clone()),
        (&porting, json!({"notify": ["x@example.dk"]})),
    ];
    for (path, json_body) in &operations {
        for content_type in [
            "text/plain",
            "application/x-www-form-urlencoded",
            "application/xml",
            "application/jsonx",
        ] {
            let res = app
                .client
                .post(format!("{}{path}", app.base))
                .header("Authorization", &auth)
                .header("content-type", content_type)
                .body(json_body.to_string())
                .send()
                .await
                .unwrap();
            assert_eq!(
                res.headers()["content-type"].to_str().unwrap(),
                "application/json",
                "{path} {content_type}"
            );
            let (status, err) = error_of(res).await;
            assert_eq!(
                (status, err),
                (
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    json!({"code": "unsupported_media_type", "message": "Expected a JSON body (Content-Type: application/json)", "status": 415})
                ),
                "{path} {content_type}"
            );
        }
    }
    // JSON by another spelling, or no Content-Type, is read.
    for (path, json_body) in [
        ("/api/auth/login", &login),
        ("/api/mvno/check/number", &check),
    ] {
        for content_type in [
            Some("application/json; charset=utf-8"),
            Some("Application/JSON"),
            Some("application/vnd.api+json"),
            None,
        ] {
            let mut req = app
                .client
                .post(format!("{}{path}", app.base))
                .header("Authorization", &auth)
                .body(json_body.to_string());
            if let Some(t) = content_type {
                req = req.header("content-type", t);
            }
            let res = req.send().await.unwrap();
            assert_eq!(res.status(), StatusCode::OK, "{path} {content_type:?}");
        }
    }

    let doc: Value = app
        .get("/api/openapi.json", None)
        .await
        .json()
        .await
        .unwrap();
    for path in [
        "/api/auth/login",
        "/api/mvno",
        "/api/mvno/check/number",
        "/api/porting/{id}",
    ] {
        let responses = &doc["paths"][path]["post"]["responses"];
        for status in ["413", "415"] {
            assert!(
                responses.get(status).is_some(),
                "{path} does not declare {status}"
            );
        }
    }
}

/// The served document lists exactly the routes the API answers.
#[tokio::test]
async fn openapi_document_matches_the_routes() {
    common::on_both_databases(openapi_document_matches_the_routes_on).await;
}

async fn openapi_document_matches_the_routes_on(app: TestApp) {
    let doc: Value = app
        .get("/api/openapi.json", None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(doc, server::openapi::document());
    let mut documented: Vec<(String, String)> = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            documented.push((method.to_uppercase(), path.clone()));
        }
    }
    documented.sort();
    let mut expected: Vec<(String, String)> = [
        ("POST", "/api/auth/login"),
        ("GET", "/api/auth/logout"),
        ("GET", "/api/customers"),
        ("POST", "/api/mvno"),
        ("GET", "/api/mvno"),
        ("GET", "/api/mvno/{id}"),
        ("POST", "/api/mvno/check/number"),
        ("GET", "/api/porting/{id}"),
        ("POST", "/api/porting/{id}"),
        ("GET", "/api/numbers"),
        ("GET", "/api/sims"),
        ("GET", "/api/sims/stock"),
        ("GET", "/api/products"),
    ]
    .iter()
    .map(|(m, p)| (m.to_string(), p.to_string()))
    .collect();
    expected.sort();
    assert_eq!(documented, expected);
    // Each documented route exists: without a token it answers 401, not the
    // fallback's 404 (login answers 400/401/422 on an empty body).
    for (method, path) in &documented {
        let url = format!(
            "{}{}",
            app.base,
            path.replace("{id}", "aaaaaaaaaaaaaaaaaaaaaaaa")
        );
        let res = app
            .client
            .request(method.parse().unwrap(), url)
            .send()
            .await
            .unwrap();
        assert_ne!(
            res.status(),
            StatusCode::NOT_FOUND,
            "{method} {path} is not served"
        );
    }
    // The create body and the account schema are in the document.
    let schemas = &doc["components"]["schemas"];
    for name in [
        "CreateMvnoRequest",
        "MvnoAccount",
        "ErrorBody",
        "Porting",
        "NumberCheck",
    ] {
        assert!(schemas.get(name).is_some(), "{name} missing");
    }
    assert!(schemas["CreateMvnoRequest"]["properties"]
        .get("dataSharingSims")
        .is_some());
    // The 201 of the create declares its Location header.
    assert!(
        doc["paths"]["/api/mvno"]["post"]["responses"]["201"]["headers"]
            .get("Location")
            .is_some()
    );
}

/// A property the create request does not know is refused with `422` and
/// the unknown property's path, at every level, in the form wrong-typed
/// properties have; nothing is created. `custom` stays free.
#[tokio::test]
async fn unknown_properties_are_refused_with_their_path() {
    common::on_both_databases(unknown_properties_are_refused_with_their_path_on).await;
}

async fn unknown_properties_are_refused_with_their_path_on(app: TestApp) {
    let auth = bearer(&app, "reseller@nordlys.dk").await;
    let with = |extra: Value| {
        let mut b = body();
        for (k, v) in extra.as_object().unwrap() {
            b[k] = v.clone();
        }
        b
    };
    let sims = json!([{"assignEsim": true}, {"assignEsim": true, "foo": 1}]);
    let cases = [
        (json!({"autoAssignSIM": "TDC"}), "autoAssignSIM"),
        (json!({"orderId": "7821"}), "orderId"),
        (json!({"name": "Reception"}), "name"),
        (json!({"listed": true}), "listed"),
        (json!({"employee": "e00000000000000000000001"}), "employee"),
        (
            json!({"voicemail": {"notify": "SMS", "foo": 1}}),
            "voicemail.foo",
        ),
        (json!({"dataSharingSims": sims}), "dataSharingSims[1].foo"),
        (json!({"feature": {"highrate": true}}), "feature.highrate"),
        (
            json!({"purchaseInfo": {"orderId": "1", "foo": 1}}),
            "purchaseInfo.foo",
        ),
        (
            json!({"socsOverride": [{"soc": "A", "newSoc": "B", "foo": true}]}),
            "socsOverride[0].foo",
        ),
        (
            json!({"restOfWorldRoaming": {"productId": null, "foo": 1}}),
            "restOfWorldRoaming.foo",
        ),
        (
            json!({"voicemail": {"greetings": [{"key": "1", "fileId": "f", "foo": 1}]}}),
            "voicemail.greetings[0].foo",
        ),
        (json!({"mitId": {"uuid": "u", "foo": 1}}), "mitId.foo"),
        (json!({"": null}), "\"\""),
        (json!({"feature": {"": true}}), "feature.\"\""),
    ];
    for (extra, path) in cases {
        let (status, err) =
            error_of(post(&app, "/api/mvno", &auth, &with(extra), None).await).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{path}");
        assert_eq!(
            err,
            json!({"code": path, "message": server::rest::UNKNOWN_PROPERTY, "status": 422, "path": path}),
            "{path}"
        );
    }
    // A property of the wrong type inside an array element has the same form.
    let (status, err) = error_of(
        post(
            &app,
            "/api/mvno",
            &auth,
            &with(json!({"dataSharingSims": [{"assignEsim": true}, {"name": 5}]})),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(
        (status, err["path"].as_str()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("dataSharingSims[1].name")
        )
    );
    // Nothing was created by any of them.
    let list: Value = app
        .get(
            &format!("/api/mvno?customer={}", ids::BAGER_JENSEN),
            Some(&auth),
        )
        .await
        .json()
        .await
        .unwrap();
    assert!(!list["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["number"] == "+4520100005"));
    // Anything goes inside `custom`.
    let res = post(
        &app,
        "/api/mvno",
        &auth,
        &with(json!({"custom": {"orderId": "7821", "nested": {"any": [1, "two"]}}})),
        None,
    )
    .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let account: Value = res.json().await.unwrap();
    assert_eq!(account["custom"]["nested"]["any"][1], "two");
}

/// The request schemas refuse what they do not list; `custom` is free.
#[tokio::test]
async fn openapi_request_schemas_refuse_unknown_properties() {
    let doc = server::openapi::document();
    let schemas = &doc["components"]["schemas"];
    for name in [
        "CreateMvnoRequest",
        "FeatureRequest",
        "VoicemailRequest",
        "Greeting",
        "DataSharingSimRequest",
        "PurchaseInfo",
        "MitId",
        "RowRequest",
        "SocOverride",
    ] {
        assert_eq!(
            schemas[name]["additionalProperties"],
            json!(false),
            "{name}: {}",
            schemas[name]
        );
    }
    let props = schemas["CreateMvnoRequest"]["properties"]
        .as_object()
        .unwrap();
    for gone in ["name", "listed", "employee"] {
        assert!(!props.contains_key(gone), "{gone} is not read");
    }
    assert_ne!(props["custom"]["additionalProperties"], json!(false));
}

/// Errors name the exact property or parameter, in the platform's words:
/// no serde or framework wording reaches a client.
#[tokio::test]
async fn errors_name_the_exact_property_in_our_words() {
    common::on_both_databases(errors_name_the_exact_property_in_our_words_on).await;
}

async fn errors_name_the_exact_property_in_our_words_on(app: TestApp) {
    let auth = bearer(&app, "reseller@nordlys.dk").await;
    let send = |path: &'static str, body: Value| {
        let app = &app;
        async move {
            let res = app
                .client
                .post(format!("{}{path}", app.base))
                .json(&body)
                .send()
                .await
                .unwrap();
            (res.status(), res.json::<Value>().await.unwrap())
        }
    };
    let serde_words = [
        "missing field",
        "invalid type",
        "expected",
        "invalid digit",
        "Failed to",
    ];
    let plain = |e: &Value| {
        let m = e["error"]["message"].as_str().unwrap().to_string();
        assert!(!serde_words.iter().any(|w| m.contains(w)), "{m}");
    };
    // A required property left out.
    let (status, e) = send("/api/auth/login", json!({"password": "x"})).await;
    assert_eq!(
        (status.as_u16(), e["error"]["path"].as_str()),
        (422, Some("username")),
        "{e}"
    );
    assert_eq!(e["error"]["message"], "This property is required");
    plain(&e);
    // A property of the wrong type.
    let (status, e) = send("/api/auth/login", json!({"username": 1, "password": "x"})).await;
    assert_eq!(
        (status.as_u16(), e["error"]["path"].as_str()),
        (422, Some("username")),
        "{e}"
    );
    plain(&e);
    // A query parameter that cannot be read.
    for (path, param) in [
        ("/api/mvno?limit=abc", "limit"),
        ("/api/mvno?offset=-1", "offset"),
        ("/api/customers?limit=1e3", "limit"),
        (
            "/api/numbers?customer=c00000000000000000000005&network=VODAFONE",
            "network",
        ),
    ] {
        let res = app.get(path, Some(&auth)).await;
        let status = res.status();
        let e: Value = res.json().await.unwrap();
        assert_eq!(
            (status.as_u16(), e["error"]["path"].as_str()),
            (400, Some(param)),
            "{path}: {e}"
        );
        plain(&e);
    }
    // A data-sharing SIM's error names its element over HTTP too.
    let mut b = body();
    b["dataSharingSims"] =
        json!([{"assignEsim": true}, {"assignEsim": true, "simNumber": "8945550000000000000"}]);
    let res = post(&app, "/api/mvno", &auth, &b, None).await;
    let e: Value = res.json().await.unwrap();
    assert_eq!(e["error"]["code"], "dataSharingSims.assignEsim", "{e}");
    assert_eq!(e["error"]["path"], "dataSharingSims[1].assignEsim", "{e}");
}

/// The OpenAPI document says, for every feature, what an omitted one takes,
/// and which number a data-sharing SIM takes when it names none.
#[tokio::test]
async fn openapi_says_what_omitted_features_and_numbers_take() {
    let doc = server::openapi::document();
    let schemas = &doc["components"]["schemas"];
    let features = schemas["FeatureRequest"]["properties"].as_object().unwrap();
    assert_eq!(features.len(), 14);
    for (name, p) in features {
        let text = p["description"].as_str().unwrap_or_default();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            text.contains("Omitted: the rate plan's preset, else"),
            "{name}: {p}"
        );
    }
    let number = &schemas["DataSharingSimRequest"]["properties"]["number"]["description"];
    let number = number
        .as_str()
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(number.contains("Left out, the SIM takes"), "{number}");
}

/// The list reads the parts of all its accounts together; each item must
/// still be exactly the account as it reads alone, for every level that
/// sees a different part of it (a reseller, and an admin with the SOCs).
#[tokio::test]
async fn every_listed_account_reads_as_it_does_alone() {
    common::on_both_databases(every_listed_account_reads_as_it_does_alone_on).await;
}

async fn every_listed_account_reads_as_it_does_alone_on(app: TestApp) {
    // Besides the demo's two (one of them porting in): one with two
    // data-sharing eSIMs and a Rest-of-World package.
    let reseller = bearer(&app, "reseller@nordlys.dk").await;
    let mut more = body();
    more["dataSharingSims"] = json!([{"assignEsim": true}, {"assignEsim": true}]);
    more["restOfWorldRoaming"] = json!({"productId": ids::ROW_WORLD_5GB});
    let res = post(&app, "/api/mvno", &reseller, &more, None).await;
    assert_eq!(
        res.status(),
        StatusCode::CREATED,
        "{}",
        res.text().await.unwrap()
    );
    for user in ["reseller@nordlys.dk", "admin@telecomx.dk"] {
        let auth = bearer(&app, user).await;
        let list: Value = app
            .get(
                &format!("/api/mvno?customer={}&limit=100", ids::BAGER_JENSEN),
                Some(&auth),
            )
            .await
            .json()
            .await
            .unwrap();
        let items = list["items"].as_array().unwrap();
        assert!(items.len() >= 3, "{user}: {list}");
        assert!(
            items.iter().any(|a| a["portingDetails"].is_object())
                && items.iter().any(|a| a["dataSharingSims"][1].is_object())
                && items.iter().any(|a| a["restOfWorldRoaming"].is_object()),
            "the demo customer's accounts should include a porting and data-sharing SIMs"
        );
        for item in items {
            let id = item["_id"].as_str().unwrap();
            let alone: Value = app
                .get(&format!("/api/mvno/{id}"), Some(&auth))
                .await
                .json()
                .await
                .unwrap();
            assert_eq!(item, &alone, "{user}: {id}");
        }
    }
}
