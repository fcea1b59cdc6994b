//! Self-service signup: the answer never tells a stranger whether an
//! address has a login; the e-mail's link creates the login, once.
mod common;

use common::spawn_app;
use reqwest::StatusCode;

const PASSWORD: &str = "en-lang-adgangskode";

async fn post_signup(app: &common::TestApp, email: &str) -> (StatusCode, String, bool, String) {
    let res = app
        .client
        .post(format!("{}/signup", app.base))
        .form(&[
            ("name", "Anna Andersen"),
            ("email", email),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    let status = res.status();
    let location = res
        .headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let cookie = res.headers().contains_key("set-cookie");
    (status, location, cookie, res.text().await.unwrap())
}

async fn confirm(app: &common::TestApp, token: &str) -> reqwest::Response {
    app.client
        .post(format!("{}/signup/confirm", app.base))
        .form(&[("token", token)])
        .send()
        .await
        .unwrap()
}

fn token_of(link: &str) -> String {
    link.split("token=").nth(1).unwrap().to_string()
}

#[tokio::test]
async fn an_address_with_a_login_gets_the_same_answer_as_a_new_one() {
    common::on_both_databases(an_address_with_a_login_gets_the_same_answer_as_a_new_one_on).await;
}

async fn an_address_with_a_login_gets_the_same_answer_as_a_new_one_on(app: common::TestApp) {
    let new = post_signup(&app, "ny.kunde@example.dk").await;
    assert_eq!(new.0, StatusCode::SEE_OTHER);
    assert_eq!(new.1, "/signup/sent");
    assert!(
        !new.2,
        "a signup signs nobody in before the link is followed"
    );
    // Staff and self-signed-up customers, in any case: the same answer.
    for taken in [
        "reseller@nordlys.dk",
        "Admin@Nordlys.dk",
        "mette.hansen@example.dk",
    ] {
        assert_eq!(post_signup(&app, taken).await, new, "{taken}");
    }
    // Only the e-mails differ, and only the address's owner reads them.
    let link = app.signup_link_to("ny.kunde@example.dk").expect("a link");
    assert!(link.starts_with(&format!("{}/signup/confirm?token=", app.base)));
    let staff = app.mails_to("reseller@nordlys.dk");
    assert_eq!(staff.len(), 1);
    assert!(
        staff[0].contains("you already have a login"),
        "{}",
        staff[0]
    );
    assert!(
        !staff[0].contains("token="),
        "no link that creates anything"
    );
    // The staff login is untouched: its own password works, the signup's not.
    assert_eq!(
        app.login("reseller@nordlys.dk", mvno::services::demo::DEMO_PASSWORD)
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        app.login("reseller@nordlys.dk", PASSWORD).await.status(),
        StatusCode::UNAUTHORIZED
    );
    // The new address has no login until its link is followed.
    assert_eq!(
        app.login("ny.kunde@example.dk", PASSWORD).await.status(),
        StatusCode::UNAUTHORIZED
    );
    // The page the link opens changes nothing (a mail scanner may open it).
    let page = app
        .client
        .get(&link)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Confirm and continue"), "{page}");
    assert_eq!(
        app.login("ny.kunde@example.dk", PASSWORD).await.status(),
        StatusCode::UNAUTHORIZED
    );
    // Its button creates the login and signs the new customer in.
    let res = confirm(&app, &token_of(&link)).await;
    assert_eq!(res.headers()["location"], "/signup/identity");
    let cookie = res.headers()["set-cookie"].to_str().unwrap();
    assert!(cookie.starts_with("mvno_session="), "{cookie}");
    assert_eq!(
        app.login("ny.kunde@example.dk", PASSWORD).await.status(),
        StatusCode::OK
    );
    // Once only.
    let again = confirm(&app, &token_of(&link)).await;
    assert_eq!(again.headers()["location"], "/signup?error=link");
    assert!(!again.headers().contains_key("set-cookie"));
    // Now that it has a login, a new signup for it answers alike again and
    // mails the note, not a link.
    assert_eq!(post_signup(&app, "ny.kunde@example.dk").await, new);
    let last = app.mails_to("ny.kunde@example.dk").pop().unwrap();
    assert!(last.contains("you already have a login"), "{last}");
}

#[tokio::test]
async fn a_link_followed_twice_at_once_creates_one_login() {
    common::on_both_databases(a_link_followed_twice_at_once_creates_one_login_on).await;
}

async fn a_link_followed_twice_at_once_creates_one_login_on(app: common::TestApp) {
    post_signup(&app, "dobbelt@example.dk").await;
    let token = token_of(&app.signup_link_to("dobbelt@example.dk").unwrap());
    let answers = futures::future::join_all((0..8).map(|_| confirm(&app, &token))).await;
    let signed_in = answers
        .iter()
        .filter(|r| r.headers()["location"] == "/signup/identity")
        .count();
    let refused = answers
        .iter()
        .filter(|r| r.headers()["location"] == "/signup?error=link")
        .count();
    assert_eq!((signed_in, refused), (1, 7));
}

#[tokio::test]
async fn only_the_newest_links_of_an_address_work_and_few_are_sent() {
    common::on_both_databases(only_the_newest_links_of_an_address_work_and_few_are_sent_on).await;
}

async fn only_the_newest_links_of_an_address_work_and_few_are_sent_on(app: common::TestApp) {
    for _ in 0..5 {
        assert_eq!(
            post_signup(&app, "mange@example.dk").await.1,
            "/signup/sent"
        );
    }
    // However often a stranger signs an address up, it gets three e-mails.
    let mails = app.mails_to("mange@example.dk");
    assert_eq!(
        mails.len(),
        mvno::services::signup::MAX_MAILS_PER_ADDRESS as usize
    );
    // Following one link ends the others.
    let tokens: Vec<String> = mails
        .iter()
        .map(|m| {
            let start = m.find("token=").unwrap() + "token=".len();
            m[start..start + 64].to_string()
        })
        .collect();
    let first = confirm(&app, &tokens[0]).await;
    assert_eq!(first.headers()["location"], "/signup/identity");
    for token in &tokens[1..] {
        let res = confirm(&app, token).await;
        assert_eq!(res.headers()["location"], "/signup?error=link");
    }
}

#[tokio::test]
async fn a_made_up_link_changes_nothing() {
    let app = spawn_app().await;
    for token in ["", "abc", &"0".repeat(64), &"é".repeat(64), "<script>"] {
        let res = confirm(&app, token).await;
        assert_eq!(res.headers()["location"], "/signup?error=link", "{token:?}");
        assert!(!res.headers().contains_key("set-cookie"));
    }
    let html = app
        .client
        .get(format!("{}/signup?error=link", app.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("The link has expired or was already used"),
        "{html}"
    );
}

#[tokio::test]
async fn an_expired_link_is_refused() {
    use mvno::db::entity::signup_request;
    use mvno::services::signup::{confirm_signup, request_signup, SignupMail, SignupRequest};
    use sea_orm::{ActiveValue::Set, EntityTrait};
    let dir = tempfile::tempdir().unwrap();
    let db =
        mvno::db::connect_and_migrate(&format!("sqlite://{}/s.db?mode=rwc", dir.path().display()))
            .await
            .unwrap();
    mvno::services::demo::load(&db).await.unwrap();
    let req = SignupRequest {
        name: "Sen Kunde".into(),
        email: "sen@example.dk".into(),
        password: PASSWORD.into(),
        address: None,
    };
    let SignupMail::Confirm { token, .. } = request_signup(&db, &req).await.unwrap() else {
        panic!("a new address gets a link");
    };
    let row = signup_request::Entity::find()
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    let mut expired: signup_request::ActiveModel = row.into();
    expired.expires_at = Set(chrono::Utc::now() - chrono::Duration::seconds(1));
    signup_request::Entity::update(expired)
        .exec(&db)
        .await
        .unwrap();
    let e = confirm_signup(&db, &token).await.unwrap_err();
    assert_eq!(e.status, 404);
    // A fresh signup prunes the expired request and sends a working link.
    let SignupMail::Confirm { token, .. } = request_signup(&db, &req).await.unwrap() else {
        panic!("a new address gets a link");
    };
    assert_eq!(
        signup_request::Entity::find().all(&db).await.unwrap().len(),
        1
    );
    assert_eq!(
        confirm_signup(&db, &token).await.unwrap().username,
        "sen@example.dk"
    );
}

/// However many signups for one address arrive at once, at most three
/// e-mails go out, on SQLite and on PostgreSQL.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_signups_at_once_send_at_most_three_mails() {
    use common::process::{Backend, TestDatabase};
    use mvno::services::signup::{request_signup, SignupMail, SignupRequest};
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(t) = TestDatabase::new(backend).await else {
            continue;
        };
        let db = mvno::db::connect_and_migrate(&t.url).await.unwrap();
        mvno::services::demo::load(&db).await.unwrap();
        let req = SignupRequest {
            name: "Mange Gange".into(),
            email: "mange.gange@example.dk".into(),
            password: PASSWORD.into(),
            address: None,
        };
        let answers = futures::future::join_all((0..50).map(|_| request_signup(&db, &req))).await;
        let mails = answers
            .iter()
            .filter(|a| matches!(a, Ok(SignupMail::Confirm { .. })))
            .count();
        let nothing = answers
            .iter()
            .filter(|a| matches!(a, Ok(SignupMail::Nothing)))
            .count();
        assert!((1..=3).contains(&mails), "{mails} mails");
        assert_eq!(mails + nothing, 50, "every signup answered: {answers:?}");
        db.close().await.ok();
        t.finish().await;
    }
}

/// A NUL in a signup field is that field's error, on both databases, and
/// records nothing.
#[tokio::test]
async fn a_nul_in_a_signup_field_is_that_fields_error() {
    common::on_both_databases(a_nul_in_a_signup_field_is_that_fields_error_on).await;
}

async fn a_nul_in_a_signup_field_is_that_fields_error_on(app: common::TestApp) {
    for (field, code) in [("name", "name"), ("address", "address")] {
        let mut form = vec![
            ("name", "Anna\0Andersen".to_string()),
            ("email", "nul@example.dk".to_string()),
            ("password", PASSWORD.to_string()),
            ("address", "Vej\x001".to_string()),
        ];
        if field == "address" {
            form[0].1 = "Anna Andersen".into();
        }
        let res = app
            .client
            .post(format!("{}/signup", app.base))
            .form(&form)
            .send()
            .await
            .unwrap();
        let back = res.headers()["location"].to_str().unwrap().to_string();
        assert!(back.contains(&format!("error={code}")), "{back}");
    }
    assert!(app.mails_to("nul@example.dk").is_empty());
}
