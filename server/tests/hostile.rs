//! Hostile input to `POST /api/mvno`: random and malformed JSON, wrong
//! types, huge strings, deep nesting, invalid UTF-8 and oversized bodies.
//! Whatever comes in, the server answers (no panic, no dropped connection),
//! never answers 500 except the spec's own `500 number` row, and every
//! failure carries the platform's error body.

mod common;

use common::spawn_app;
use mvno::services::demo::ids;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use reqwest::StatusCode;
use serde_json::{json, Map, Value};

/// The request's properties, so random objects hit real fields often.
const FIELDS: &[&str] = &[
    "customer",
    "number",
    "feature",
    "voicemail",
    "mvnoSim",
    "nosim",
    "esim",
    "autoAssignSim",
    "donorSimNumber",
    "sipAccount",
    "pbx",
    "extension",
    "dnd",
    "ratePlan",
    "newRatePlan",
    "services",
    "socsOverride",
    "notes",
    "custom",
    "billingCustomer",
    "startDate",
    "deleteDate",
    "requestedPortingDate",
    "portingReady",
    "dataSharingSims",
    "purchaseInfo",
    "mitId",
    "restOfWorldRoaming",
    "simNumber",
    "assignEsim",
    "network",
    "pin",
    "notify",
    "email",
    "soc",
    "newSoc",
    "productId",
];

fn field_name() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(FIELDS).prop_map(str::to_string),
        1 => "\\PC{0,12}",
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f)
            .map(Value::Number)),
        "\\PC{0,40}".prop_map(Value::String),
        // Strings that look like what the fields hold.
        prop::sample::select(vec![
            "+4520100005",
            "4520100005",
            "TDC",
            "TELENOR",
            "2026-13-45",
            "2030-01-01T00:00:00Z",
            "89450100000000000001",
            ids::BAGER_JENSEN,
            ids::PLAN_10GB,
            "",
            " ",
            "null",
        ])
        .prop_map(|s| Value::String(s.to_string())),
    ];
    leaf.prop_recursive(5, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((field_name(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A create that would succeed, before it is spoiled.
fn valid_body() -> Value {
    json!({"customer": ids::BAGER_JENSEN, "number": "+4520100005", "esim": "TDC", "ratePlan": ids::PLAN_10GB})
}

fn hostile_body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        // Random JSON documents (mostly objects).
        json_value().prop_map(|v| serde_json::to_vec(&v).unwrap()),
        prop::collection::vec((field_name(), json_value()), 0..10).prop_map(|kv| {
            serde_json::to_vec(&Value::Object(kv.into_iter().collect())).unwrap()
        }),
        // A valid create with one property replaced by anything.
        (prop::sample::select(FIELDS), json_value()).prop_map(|(k, v)| {
            let mut body = valid_body();
            body[k] = v;
            serde_json::to_vec(&body).unwrap()
        }),
        // Valid JSON cut short or with a byte flipped.
        (any::<prop::sample::Index>(), any::<u8>()).prop_map(|(at, byte)| {
            let mut bytes = serde_json::to_vec(&valid_body()).unwrap();
            let i = at.index(bytes.len());
            bytes[i] = byte;
            bytes
        }),
        any::<prop::sample::Index>().prop_map(|at| {
            let bytes = serde_json::to_vec(&valid_body()).unwrap();
            bytes[..at.index(bytes.len())].to_vec()
        }),
        // Bytes, valid UTF-8 or not.
        prop::collection::vec(any::<u8>(), 0..300),
    ]
}

struct Target {
    app: common::TestApp,
    token: String,
}

impl Target {
    async fn post(&self, body: Vec<u8>) -> Result<(StatusCode, Value), String> {
        let res = self
            .app
            .client
            .post(format!("{}/api/mvno", self.app.base))
            .header("Authorization", format!("Bearer {}", self.token))
            .header("Content-Type", "application/json")
            .body(body)
            .send()
            .await
            .map_err(|e| format!("no answer (did the server panic?): {e}"))?;
        let status = res.status();
        let text = res.text().await.map_err(|e| e.to_string())?;
        let value: Value = serde_json::from_str(&text)
            .map_err(|_| format!("{status}: the reply is not JSON: {text:.200}"))?;
        Ok((status, value))
    }
}

/// What every reply must satisfy.
fn check_reply(status: StatusCode, body: &Value) -> Result<(), String> {
    if status == StatusCode::CREATED {
        return match body["_id"].as_str() {
            Some(_) => Ok(()),
            None => Err(format!("201 without an account: {body}")),
        };
    }
    let error: mvno::ErrorBody = serde_json::from_value(body.clone())
        .map_err(|e| format!("{status}: not the platform's error body ({e}): {body}"))?;
    if error.error.status != status.as_u16() {
        return Err(format!("{status}: the body says {}", error.error.status));
    }
    if status.is_server_error() && error.error.code != "number" {
        return Err(format!("{status} outside the spec's 500 row: {body}"));
    }
    if error.error.code.is_empty() || error.error.message.is_empty() {
        return Err(format!("{status}: empty code or message: {body}"));
    }
    Ok(())
}

fn start() -> (tokio::runtime::Runtime, Target) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let target = rt.block_on(async {
        let app = spawn_app().await;
        let token = app.token("reseller@nordlys.dk").await;
        Target { app, token }
    });
    (rt, target)
}

#[test]
fn random_create_bodies_always_get_the_platform_error_body() {
    let (rt, target) = start();
    let mut runner = TestRunner::new(Config {
        cases: 600,
        failure_persistence: None,
        ..Config::default()
    });
    let statuses = std::cell::RefCell::new(std::collections::BTreeMap::<u16, usize>::new());
    let result = runner.run(&hostile_body(), |body| {
        let (status, reply) = rt
            .block_on(target.post(body))
            .map_err(TestCaseError::fail)?;
        *statuses.borrow_mut().entry(status.as_u16()).or_default() += 1;
        check_reply(status, &reply).map_err(TestCaseError::fail)
    });
    let statuses = statuses.into_inner();
    eprintln!("statuses seen: {statuses:?}");
    result.unwrap();
    // The generator reaches past the JSON reader into the rules.
    assert!(statuses.contains_key(&400), "{statuses:?}");
    assert!(statuses.contains_key(&422), "{statuses:?}");
    assert!(
        statuses.keys().any(|s| [403, 404, 409].contains(s)),
        "{statuses:?}"
    );
}

#[test]
fn extreme_bodies_get_the_platform_error_body() {
    let (rt, target) = start();
    let huge_string = format!("\"{}\"", "9".repeat(200_000));
    let cases: Vec<(&str, Vec<u8>, u16)> = vec![
        (
            "a body over the size limit",
            format!("{{\"notes\": \"{}\"}}", "x".repeat(server::rest::MAX_BODY_BYTES + 1))
                .into_bytes(),
            413,
        ),
        (
            "a huge number string",
            format!("{{\"customer\": \"{}\", \"number\": {huge_string}, \"esim\": \"TDC\", \"ratePlan\": \"{}\"}}", ids::BAGER_JENSEN, ids::PLAN_10GB).into_bytes(),
            422,
        ),
        (
            "huge custom data",
            format!("{{\"customer\": \"{}\", \"number\": \"+4520100005\", \"esim\": \"TDC\", \"ratePlan\": \"{}\", \"custom\": {{\"a\": {huge_string}}}}}", ids::BAGER_JENSEN, ids::PLAN_10GB).into_bytes(),
            422,
        ),
        (
            "arrays nested 100,000 deep",
            "[".repeat(100_000).into_bytes(),
            400,
        ),
        (
            "objects nested deep inside custom",
            format!(
                "{{\"customer\": \"{}\", \"custom\": {}1{}}}",
                ids::BAGER_JENSEN,
                "{\"a\":".repeat(5_000),
                "}".repeat(5_000)
            )
            .into_bytes(),
            400,
        ),
        (
            "invalid UTF-8 in a string",
            b"{\"number\": \"+45\xff\xfe\", \"esim\": \"TDC\"}".to_vec(),
            400,
        ),
        ("a lone surrogate escape", br#"{"number": "\ud800"}"#.to_vec(), 400),
        ("not JSON at all", b"number=+4520100005".to_vec(), 400),
        ("a JSON array", b"[]".to_vec(), 400),
        ("a JSON string", b"\"create\"".to_vec(), 400),
        ("a NUL byte", b"\0".to_vec(), 400),
        (
            "a number too large for pbx",
            br#"{"customer": "c00000000000000000000005", "number": "+4520100005", "pbx": 1e400}"#
                .to_vec(),
            400,
        ),
        (
            "pbx beyond i64",
            br#"{"customer": "c00000000000000000000005", "number": "+4520100005", "pbx": 99999999999999999999}"#
                .to_vec(),
            422,
        ),
        (
            "a thousand data-sharing SIMs",
            serde_json::to_vec(&json!({
                "customer": ids::BAGER_JENSEN, "number": "+4520100005", "esim": "TDC",
                "ratePlan": ids::PLAN_10GB,
                "dataSharingSims": vec![json!({"assignEsim": true}); 1000],
            }))
            .unwrap(),
            422,
        ),
    ];
    for (what, body, expected) in cases {
        let (status, reply) = rt
            .block_on(target.post(body))
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        check_reply(status, &reply).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(status.as_u16(), expected, "{what}: {reply}");
    }
}

#[test]
fn other_methods_and_routes_answer_in_the_error_body() {
    let (rt, target) = start();
    rt.block_on(async {
        let base = &target.app.base;
        let client = &target.app.client;
        let auth = format!("Bearer {}", target.token);
        let replies = [
            (
                client
                    .put(format!("{base}/api/mvno"))
                    .header("Authorization", &auth),
                405,
            ),
            (
                client
                    .delete(format!("{base}/api/mvno/abc"))
                    .header("Authorization", &auth),
                405,
            ),
            (client.get(format!("{base}/api/no/such/thing")), 404),
            (
                client
                    .post(format!("{base}/api/porting/{}", ids::PORTING_IN_PROGRESS))
                    .header("Authorization", &auth)
                    .body("[null, null]"),
                400,
            ),
            (
                client
                    .post(format!("{base}/api/mvno/check/number"))
                    .header("Authorization", &auth)
                    .body("[\"c00000000000000000000005\", \"+4520100005\"]"),
                400,
            ),
            (
                client.post(format!("{base}/api/auth/login")).body("{}"),
                422,
            ),
            (
                client
                    .post(format!("{base}/api/auth/login"))
                    .header("Content-Type", "application/json")
                    .body(vec![b'x'; server::rest::MAX_BODY_BYTES + 10]),
                413,
            ),
        ];
        for (req, expected) in replies {
            let res = req.send().await.unwrap();
            let status = res.status();
            let body: Value = res.json().await.expect("a JSON reply");
            check_reply(status, &body).unwrap();
            assert_eq!(status.as_u16(), expected, "{body}");
        }
    });
}
