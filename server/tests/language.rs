//! The portal speaks Danish unless the visitor asks for English: by the
//! switch on every page (without JavaScript too), kept in a cookie and, for
//! a signed-in user, on the login; else by the browser's Accept-Language.
mod common;

use common::spawn_app;
use mvno::services::demo;
use reqwest::{Client, StatusCode};

/// A browser of its own (no cookie jar, no language asked unless given).
fn browser() -> Client {
    Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

async fn page(app: &common::TestApp, path: &str, headers: &[(&str, &str)]) -> String {
    let mut req = browser()
        .get(format!("{}{path}", app.base))
        .header("accept", "text/html");
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let res = req.send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    res.text().await.unwrap()
}

/// Posts the language switch; the answer's location and `Set-Cookie`s.
async fn switch(
    app: &common::TestApp,
    lang: &str,
    back: &str,
    cookie: Option<&str>,
) -> (String, Vec<String>) {
    let host = app.base.trim_start_matches("http://");
    let mut req = browser()
        .post(format!("{}/language", app.base))
        .header("referer", format!("http://{host}{back}"))
        .form(&[("lang", lang)]);
    if let Some(c) = cookie {
        req = req.header("cookie", c);
    }
    let res = req.send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let cookies = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    (
        res.headers()["location"].to_str().unwrap().to_string(),
        cookies,
    )
}

#[tokio::test]
async fn danish_by_default_english_when_the_browser_asks() {
    let app = spawn_app().await;
    let da = page(&app, "/login", &[]).await;
    assert!(da.contains(r#"<html lang="da""#), "{da}");
    assert!(da.contains("Log ind på portalen") && !da.contains("Sign in to the portal"));
    let en = page(
        &app,
        "/login",
        &[("accept-language", "en-GB,en;q=0.9,da;q=0.5")],
    )
    .await;
    assert!(en.contains(r#"<html lang="en""#));
    assert!(en.contains("Sign in to the portal") && !en.contains("Log ind på portalen"));
    // A language the portal does not speak: Danish.
    let de = page(&app, "/signup", &[("accept-language", "de-DE")]).await;
    assert!(de.contains(r#"<html lang="da""#) && de.contains("Opret dig som kunde"));
}

#[tokio::test]
async fn the_switch_keeps_the_choice_and_returns_to_the_same_page() {
    let app = spawn_app().await;
    let (to, cookies) = switch(&app, "en", "/signup?error=name&name=Anna", None).await;
    assert_eq!(to, "/signup?error=name&name=Anna");
    let kept = cookies
        .iter()
        .find(|c| c.starts_with("mvno_lang=en;"))
        .expect("the choice is kept");
    assert!(
        kept.contains("HttpOnly") && kept.contains("SameSite=Lax") && kept.contains("Max-Age=")
    );
    // The choice wins over the browser's language.
    let en = page(
        &app,
        "/signup?error=name",
        &[("cookie", "mvno_lang=en"), ("accept-language", "da")],
    )
    .await;
    assert!(en.contains(r#"<html lang="en""#));
    assert!(en.contains("Enter your full name"), "{en}");
    // The switch offers the other language, named in itself.
    assert!(
        en.contains(r#"name="lang" value="da" lang="da""#) && en.contains(">Dansk</button>"),
        "{en}"
    );
}

#[tokio::test]
async fn the_switch_returns_only_to_a_page_of_this_site() {
    let app = spawn_app().await;
    for back in [
        "//evil.example/",
        "https://evil.example/",
        "/\\evil.example",
        "javascript:alert(1)",
        "@evil.example/",
    ] {
        let (to, _) = switch(&app, "en", back, None).await;
        assert_eq!(to, "/", "{back}");
    }
    // Another site's page, or no page named: the start page.
    for referer in [Some("https://evil.example/login"), None] {
        let mut req = browser().post(format!("{}/language", app.base));
        if let Some(r) = referer {
            req = req.header("referer", r);
        }
        let res = req.form(&[("lang", "en")]).send().await.unwrap();
        assert_eq!(res.headers()["location"], "/", "{referer:?}");
    }
    // A language the portal does not speak changes nothing.
    let (to, cookies) = switch(&app, "xx", "/login", None).await;
    assert_eq!(to, "/login");
    assert!(
        cookies.iter().all(|c| !c.starts_with("mvno_lang=")),
        "{cookies:?}"
    );
}

#[tokio::test]
async fn a_signed_in_users_choice_follows_it_to_another_browser() {
    common::on_both_databases(|app| async move {
        let session = app.portal_session("reseller@nordlys.dk").await;
        switch(&app, "en", "/", Some(&session)).await;
        // Another browser, asking for Danish: the sign-in brings the choice.
        let res = browser()
            .post(format!("{}/login", app.base))
            .header("accept-language", "da")
            .form(&[
                ("username", "reseller@nordlys.dk"),
                ("password", demo::DEMO_PASSWORD),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let cookies: Vec<&str> = res
            .headers()
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap())
            .collect();
        assert!(
            cookies.iter().any(|c| c.starts_with("mvno_lang=en;")),
            "{cookies:?}"
        );
        // Someone who never chose gets no language cookie.
        let res = browser()
            .post(format!("{}/login", app.base))
            .form(&[
                ("username", "owner@bagerjensen.dk"),
                ("password", demo::DEMO_PASSWORD),
            ])
            .send()
            .await
            .unwrap();
        assert!(res
            .headers()
            .get_all("set-cookie")
            .iter()
            .all(|c| !c.to_str().unwrap().starts_with("mvno_lang=")));
    })
    .await;
}

#[tokio::test]
async fn the_signup_e_mail_speaks_the_language_of_the_signup() {
    let app = spawn_app().await;
    for (accept, email, words) in [
        (
            "da-DK",
            "dansk@example.dk",
            "Tak fordi du vil være kunde hos os",
        ),
        (
            "en-GB",
            "english@example.dk",
            "Thank you for wanting to be our customer",
        ),
    ] {
        let res = browser()
            .post(format!("{}/signup", app.base))
            .header("accept-language", accept)
            .form(&[
                ("name", "Anna Andersen"),
                ("email", email),
                ("password", "en-lang-adgangskode"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let mails = app.mails_to(email);
        assert_eq!(mails.len(), 1);
        assert!(mails[0].contains(words), "{}", mails[0]);
    }
}
