//! Markup injection: every text a user can send (query strings of the
//! wizard's steps, the signup and the lists; the sign-in, signup and confirm
//! forms) comes back in the server's HTML as text only, never as markup.

mod common;

use common::{spawn_app, TestApp};
use mvno::services::demo;
use reqwest::StatusCode;

/// Payloads that close the element they land in and start a script.
const PAYLOADS: [&str; 3] = [
    "</textarea><script>window.__xss=1</script>",
    "\"><img src=x onerror=window.__xss=2>",
    "</script><script>window.__xss=3</script>",
];

/// Every answer the wizard keeps, on any of its steps.
const WIZARD_KEYS: [&str; 28] = [
    "customer",
    "mode",
    "number",
    "keepnumber",
    "digits",
    "net",
    "sim",
    "network",
    "icc",
    "ds1",
    "ds2",
    "ds3",
    "ds1kind",
    "plan",
    "featset",
    "feat",
    "vmpin",
    "vmemail",
    "row",
    "donor",
    "pdate",
    "notes",
    "sip",
    "start",
    "pbx",
    "ext",
    "billing",
    "custom",
];

const STEPS: [&str; 7] = [
    "customer", "number", "sim", "plan", "porting", "extras", "review",
];

/// Fails when `html` carries anything a payload would inject.
fn assert_inert(html: &str, where_: &str) {
    for marker in ["<script>window.__xss", "<img src=x", "</textarea><script"] {
        assert!(
            !html.contains(marker),
            "{where_}: the page carries `{marker}` as markup"
        );
    }
}

fn query(pairs: &[(&str, &str)]) -> String {
    serde_urlencoded::to_string(pairs).unwrap()
}

async fn html(app: &TestApp, path: &str, cookie: Option<&str>) -> String {
    let res = app.page(path, cookie).await;
    assert!(
        res.status().is_success() || res.status().is_client_error(),
        "{path}: {}",
        res.status()
    );
    res.text().await.unwrap()
}

#[tokio::test]
async fn wizard_steps_render_every_answer_as_text() {
    let app = spawn_app().await;
    for user in ["reseller@nordlys.dk", "owner@bagerjensen.dk"] {
        let cookie = app.portal_session(user).await;
        for payload in PAYLOADS {
            // With the customer chosen (the steps show their inputs) and
            // with the payload as the customer (the steps fall back).
            for customer in [demo::ids::BAGER_JENSEN, payload] {
                let mut pairs: Vec<(&str, &str)> =
                    WIZARD_KEYS.iter().map(|k| (*k, payload)).collect();
                pairs[0] = ("customer", customer);
                pairs.push(("mode", "keep"));
                pairs.push(("err_msg", payload));
                pairs.push(("err_path", payload));
                let q = query(&pairs);
                for step in STEPS {
                    let page = html(&app, &format!("/new/{step}?{q}"), Some(&cookie)).await;
                    assert_inert(&page, &format!("{user} /new/{step}"));
                }
            }
            // Typed into the step a textarea is on, and shown there again
            // (kept on the server): inside the textarea, escaped.
            let key = mvno::Id::generate().to_string();
            let res = app
                .post_form(
                    "/new/step",
                    &cookie,
                    &[
                        ("from", "extras"),
                        ("to", "review"),
                        ("key", key.as_str()),
                        ("customer", demo::ids::BAGER_JENSEN),
                        ("notes", payload),
                        ("custom", payload),
                    ],
                )
                .await;
            assert_eq!(res.status(), StatusCode::SEE_OTHER);
            let next = res.headers()["location"].to_str().unwrap().to_string();
            assert!(
                !next.contains("xss"),
                "kept answers stay out of the URL: {next}"
            );
            assert_inert(
                &html(&app, &next, Some(&cookie)).await,
                "after the extras step",
            );
            let q = query(&[("customer", demo::ids::BAGER_JENSEN), ("key", key.as_str())]);
            let page = html(&app, &format!("/new/extras?{q}"), Some(&cookie)).await;
            assert_inert(&page, "extras");
            if user.starts_with("reseller") {
                let escaped = html_escape_text(payload);
                assert!(
                    page.contains(&format!(
                        "<textarea id=\"notes\" name=\"notes\" rows=\"3\">\n{escaped}</textarea>"
                    )),
                    "the notes keep the typed text, escaped"
                );
            }
        }
        for list in ["/", "/customers"] {
            for payload in PAYLOADS {
                let page = html(
                    &app,
                    &format!("{list}?{}", query(&[("q", payload)])),
                    Some(&cookie),
                )
                .await;
                assert_inert(&page, list);
            }
        }
    }
}

fn html_escape_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[tokio::test]
async fn signup_and_sign_in_render_what_was_sent_as_text() {
    let app = spawn_app().await;
    for payload in PAYLOADS {
        // In the query, as a link would carry it.
        let q = query(&[
            ("name", payload),
            ("email", payload),
            ("address", payload),
            ("err_msg", payload),
            ("err_path", payload),
        ]);
        assert_inert(
            &html(&app, &format!("/signup?{q}"), None).await,
            "/signup query",
        );
        assert_inert(
            &html(
                &app,
                &format!("/signup/confirm?{}", query(&[("token", payload)])),
                None,
            )
            .await,
            "/signup/confirm query",
        );
        let next = format!("/{payload}");
        assert_inert(
            &html(
                &app,
                &format!("/login?{}", query(&[("next", next.as_str())])),
                None,
            )
            .await,
            "/login next",
        );
        let q = query(&[("error", payload), ("username", payload)]);
        assert_inert(
            &html(&app, &format!("/login?{q}"), None).await,
            "/login query",
        );

        // Posted, then shown again after the redirect.
        let res = app
            .client
            .post(format!("{}/signup", app.base))
            .form(&[
                ("name", payload),
                ("email", payload),
                ("password", "short"),
                ("address", payload),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let back = res.headers()["location"].to_str().unwrap().to_string();
        assert_inert(&html(&app, &back, None).await, "/signup after the post");

        let res = app
            .client
            .post(format!("{}/login", app.base))
            .form(&[("username", payload), ("password", payload)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let back = res.headers()["location"].to_str().unwrap().to_string();
        assert!(
            !back.contains("script"),
            "the sign-in does not echo its input: {back}"
        );
        assert_inert(&html(&app, &back, None).await, "/login after the post");
    }
}

#[tokio::test]
async fn the_confirm_form_sends_answers_back_as_text() {
    let app = spawn_app().await;
    let cookie = app.portal_session("reseller@nordlys.dk").await;
    for payload in PAYLOADS {
        let mut pairs: Vec<(&str, &str)> = WIZARD_KEYS.iter().map(|k| (*k, payload)).collect();
        pairs[0] = ("customer", demo::ids::BAGER_JENSEN);
        let res = app.post_form("/new/confirm", &cookie, &pairs).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let back = res.headers()["location"].to_str().unwrap().to_string();
        assert!(back.starts_with("/new/"), "{back}");
        assert_inert(
            &html(&app, &back, Some(&cookie)).await,
            "confirm, back to the wizard",
        );
    }
}

#[tokio::test]
async fn a_delivery_address_is_kept_off_urls_and_shown_as_text() {
    let app = spawn_app().await;
    let cookie = app.portal_session("mette.hansen@example.dk").await;
    for payload in PAYLOADS {
        let key = mvno::Id::generate().to_string();
        let answers = [
            ("key", key.as_str()),
            ("mode", "new"),
            ("number", "+4520100001"),
            ("sim", "auto"),
            ("network", "TDC"),
        ];
        let mut posted = answers.to_vec();
        posted.extend([("from", "sim"), ("to", "plan"), ("delivery", payload)]);
        let res = app.post_form("/new/step", &cookie, &posted).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let next = res.headers()["location"].to_str().unwrap().to_string();
        assert!(
            !next.contains("xss"),
            "the address stays out of the URL: {next}"
        );
        let q = query(&answers);
        for step in ["sim", "review"] {
            let page = html(&app, &format!("/new/{step}?{q}"), Some(&cookie)).await;
            assert_inert(&page, &format!("/new/{step} with the delivery address"));
            assert!(
                page.contains("window.__xss"),
                "/new/{step} shows the address typed"
            );
        }
    }
}
