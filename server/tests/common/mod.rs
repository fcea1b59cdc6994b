//! A running server on a fresh SQLite database with the demo data.
#![allow(dead_code)]

pub mod process;

use mvno::services::demo;
use reqwest::{redirect::Policy, Client, StatusCode};
use serde_json::{json, Value};
use server::serve::{serve, ServeSettings};
use server::{leptos_options, router, AppState};

pub struct TestApp {
    pub base: String,
    pub client: Client,
    /// Where the server writes its e-mails.
    pub mail_dir: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(server::security::SecuritySettings::default()).await
}

/// A running server with the given defences (HTTPS, rate limits).
pub async fn spawn_app_with(security: server::security::SecuritySettings) -> TestApp {
    spawn(security, None).await
}

/// A running server whose site files (the `pkg` folder) are under `site`.
pub async fn spawn_app_with_site(site: &std::path::Path) -> TestApp {
    spawn(Default::default(), Some(site)).await
}

/// A running server with default settings on the database at `url`
/// (migrated and loaded with the demo data here).
pub async fn spawn_app_on(url: &str) -> TestApp {
    spawn_with_url(Default::default(), None, Some(url)).await
}

/// Runs `test` against a server on SQLite, then on a fresh PostgreSQL
/// database (skipped when PostgreSQL is unreachable, unless `CI` is set).
pub async fn on_both_databases<F, Fut>(test: F)
where
    F: Fn(TestApp) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    test(spawn_app().await).await;
    if let Some(pg) = process::TestDatabase::new(process::Backend::Postgres).await {
        test(spawn_app_on(&pg.url).await).await;
        pg.finish().await;
    }
}

async fn spawn(
    security: server::security::SecuritySettings,
    site: Option<&std::path::Path>,
) -> TestApp {
    spawn_with_url(security, site, None).await
}

async fn spawn_with_url(
    security: server::security::SecuritySettings,
    site: Option<&std::path::Path>,
    url: Option<&str>,
) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let url = url
        .map(str::to_string)
        .unwrap_or_else(|| format!("sqlite://{}/app.db?mode=rwc", dir.path().display()));
    let db = mvno::db::connect_and_migrate(&url).await.unwrap();
    demo::load(&db).await.unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let mut options = leptos_options();
    options.site_addr = addr;
    if let Some(site) = site {
        options.site_root = site.display().to_string().into();
    }
    let mut state = AppState::new(db, options);
    state.security = std::sync::Arc::new(server::security::Security::new(security));
    let mail_dir = dir.path().join("mail");
    state.mailer = std::sync::Arc::new(
        server::mail::Mailer::new(
            server::mail::MailTransport::Folder(mail_dir.clone()),
            server::mail::DEFAULT_FROM,
            &format!("http://{addr}"),
        )
        .unwrap(),
    );
    // The server's own serve loop: limits, and the peer address for handlers.
    tokio::spawn(async move {
        let forever = std::future::pending::<()>();
        serve(listener, router(state), ServeSettings::default(), forever)
            .await
            .unwrap()
    });
    // The tests read the portal's English; Danish is checked on its own.
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::ACCEPT_LANGUAGE,
        reqwest::header::HeaderValue::from_static("en"),
    );
    let client = Client::builder()
        .redirect(Policy::none())
        .default_headers(headers)
        .build()
        .unwrap();
    TestApp {
        base: format!("http://{addr}"),
        client,
        mail_dir,
        _dir: dir,
    }
}

/// An e-mail as written, with a quoted-printable body decoded.
fn decoded_mail(raw: &str) -> String {
    let Some((head, body)) = raw.split_once("\r\n\r\n") else {
        return raw.to_string();
    };
    if !head.contains("Content-Transfer-Encoding: quoted-printable") {
        return raw.to_string();
    }
    let body = quoted_printable::decode(body, quoted_printable::ParseMode::Robust).unwrap();
    format!("{head}\r\n\r\n{}", String::from_utf8(body).unwrap())
}

impl TestApp {
    /// The e-mails the server wrote to `address` (headers and body as
    /// text), oldest first.
    pub fn mails_to(&self, address: &str) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(&self.mail_dir) else {
            return Vec::new();
        };
        let mut mails: Vec<(std::time::SystemTime, String)> = entries
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
            .filter_map(|e| {
                let text = decoded_mail(&std::fs::read_to_string(e.path()).ok()?);
                let modified = e.metadata().ok()?.modified().ok()?;
                let to = text.lines().find(|l| l.starts_with("To: "))?;
                to.contains(address).then_some((modified, text))
            })
            .collect();
        mails.sort_by_key(|(t, _)| *t);
        mails.into_iter().map(|(_, text)| text).collect()
    }

    /// The signup link in the newest e-mail to `address`.
    pub fn signup_link_to(&self, address: &str) -> Option<String> {
        let mail = self.mails_to(address).pop()?;
        mail.split_whitespace()
            .find(|w| w.contains("/signup/confirm?token="))
            .map(str::to_string)
    }

    pub async fn login(&self, username: &str, password: &str) -> reqwest::Response {
        self.client
            .post(format!("{}/api/auth/login", self.base))
            .json(&json!({"username": username, "password": password}))
            .send()
            .await
            .unwrap()
    }

    pub async fn token(&self, username: &str) -> String {
        let body: Value = self
            .login(username, demo::DEMO_PASSWORD)
            .await
            .json()
            .await
            .unwrap();
        body["token"].as_str().unwrap().to_string()
    }

    pub async fn get(&self, path: &str, auth: Option<&str>) -> reqwest::Response {
        let mut req = self.client.get(format!("{}{path}", self.base));
        if let Some(a) = auth {
            req = req.header("Authorization", a);
        }
        req.send().await.unwrap()
    }

    /// A page as a browser asks for it (redirects need `Accept: text/html`).
    pub async fn page(&self, path: &str, cookie: Option<&str>) -> reqwest::Response {
        let mut req = self
            .client
            .get(format!("{}{path}", self.base))
            .header("accept", "text/html");
        if let Some(c) = cookie {
            req = req.header("cookie", c);
        }
        req.send().await.unwrap()
    }

    /// Posts a portal form with a session cookie (no redirect followed).
    pub async fn post_form<T: serde::Serialize + ?Sized>(
        &self,
        path: &str,
        cookie: &str,
        form: &T,
    ) -> reqwest::Response {
        self.client
            .post(format!("{}{path}", self.base))
            .header("cookie", cookie)
            .form(form)
            .send()
            .await
            .unwrap()
    }

    /// The account a confirm form created (its answer redirects to the
    /// account page), read over the API as `username`.
    pub async fn created_account(&self, confirmed: &reqwest::Response, username: &str) -> Value {
        let to = confirmed.headers()["location"].to_str().unwrap();
        let id = to
            .strip_prefix("/accounts/")
            .unwrap_or_else(|| panic!("not an account page: {to}"))
            .split('?')
            .next()
            .unwrap();
        let bearer = format!("Bearer {}", self.token(username).await);
        self.get(&format!("/api/mvno/{id}"), Some(&bearer))
            .await
            .json()
            .await
            .unwrap()
    }

    /// Posts the portal's sign-in form (no redirect followed).
    pub async fn sign_in_form(&self, username: &str, password: &str) -> reqwest::Response {
        self.client
            .post(format!("{}/login", self.base))
            .form(&[("username", username), ("password", password)])
            .send()
            .await
            .unwrap()
    }

    pub async fn portal_session(&self, username: &str) -> String {
        let res = self.sign_in_form(username, demo::DEMO_PASSWORD).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
        cookie.split(';').next().unwrap().to_string()
    }
}

pub async fn error_of(res: reqwest::Response) -> (StatusCode, Value) {
    let status = res.status();
    let body: Value = res.json().await.unwrap();
    (status, body["error"].clone())
}
