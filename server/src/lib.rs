//! The server: configuration, the router (Leptos pages, server functions,
//! REST API, sign-in forms) and the state they share.

pub mod mail;
pub mod openapi;
pub mod portal;
pub mod rest;
pub mod security;
pub mod serve;
pub mod signup;

use axum::extract::FromRef;
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use sea_orm::DatabaseConnection;

/// What every handler may reach.
#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub leptos_options: LeptosOptions,
    pub create_settings: std::sync::Arc<mvno::services::create::CreateSettings>,
    /// Transport, limits and sign-in defences.
    pub security: std::sync::Arc<security::Security>,
    /// Where e-mails go; without a transport, signup is closed.
    pub mailer: std::sync::Arc<mail::Mailer>,
}

impl AppState {
    /// A state with default settings (plain HTTP, default limits).
    pub fn new(db: DatabaseConnection, leptos_options: LeptosOptions) -> Self {
        AppState {
            db,
            leptos_options,
            create_settings: Default::default(),
            security: std::sync::Arc::new(security::Security::new(Default::default())),
            mailer: Default::default(),
        }
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

impl FromRef<AppState> for DatabaseConnection {
    fn from_ref(state: &AppState) -> Self {
        state.db.clone()
    }
}

/// Leptos options from cargo-leptos's environment, with the site's name
/// filled in when the binary was built without it (plain `cargo test`).
pub fn leptos_options() -> LeptosOptions {
    let mut options = get_configuration(None)
        .expect("leptos configuration")
        .leptos_options;
    if options.output_name.is_empty() {
        options.output_name = "mvno".into();
    }
    // A build with hashed file names lists them in `hash.txt` beside the
    // server binary (cargo-leptos writes it there); the pages then name the
    // hashed files, whether or not cargo-leptos started the server.
    if !options.hash_files {
        options.hash_files = app::hashes_of_files(&options).is_some();
    }
    options
}

/// The app's routes, listed once per process. Listing them runs the app
/// with resource loading suppressed process-wide (leptos's
/// `SuppressResourceLoad`): a page rendering meanwhile, in another server
/// of the same process, would wait forever for a resource first polled in
/// that window (leptos-rs/leptos#4773). One server per process never
/// renders before its list exists; tests start many.
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> =
        std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(app::App)).clone()
}

/// The whole application.
pub fn router(state: AppState) -> Router {
    let pages = route_list();
    let db = state.db.clone();
    let settings = state.create_settings.clone();
    let options = state.leptos_options.clone();
    let security = state.security.clone();
    let cookie = app::SessionCookie::for_https(security.settings.https);
    let site_root = std::path::PathBuf::from(&*options.site_root);
    // The site's files, as stored or precompressed (`.br`, `.gz`) by what
    // the client accepts. Served here rather than by leptos_axum's file
    // handler: that one looks up response options in the reactive owner
    // current on its thread, which can be a page rendering at the same
    // moment, and takes that page's headers (its Content-Security-Policy)
    // for the file.
    let files = tower_http::services::ServeDir::new(site_root.join(&*options.site_pkg_dir))
        .precompressed_br()
        .precompressed_gzip();
    let routes = Router::new()
        .nest_service(&format!("/{}", options.site_pkg_dir), files)
        // The typeface (see `style/main.css`), from `public/fonts`.
        .nest_service(
            "/fonts",
            tower_http::services::ServeDir::new(site_root.join("fonts")),
        )
        .route_service(
            "/robots.txt",
            tower_http::services::ServeFile::new(site_root.join("robots.txt")),
        )
        .nest("/api", rest::router())
        .merge(portal::router())
        .merge(signup::router())
        .leptos_routes_with_context(
            &state,
            pages,
            move || {
                provide_context(db.clone());
                provide_context(settings.clone());
                provide_context(cookie);
            },
            move || app::shell(options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(
            app::shell,
        ));
    defend(routes, state)
}

/// The defences around every route: a panic becomes a `500` (the
/// platform's error body under `/api`, a plain page elsewhere) and never a
/// dropped connection, cross-site posts are refused, rate limits, security
/// headers, compression and request traces.
pub fn defend(routes: Router<AppState>, state: AppState) -> Router {
    let security = state.security.clone();
    routes
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            panic_response,
        ))
        .layer(axum::middleware::from_fn(same_site_only))
        .layer(axum::middleware::from_fn_with_state(
            security.clone(),
            security::rate_limits,
        ))
        .layer(axum::middleware::from_fn_with_state(
            security,
            security::headers,
        ))
        // Pages and JSON compressed on the fly (a quick level: a page is
        // made for one request); the site's files come precompressed.
        .layer(
            tower_http::compression::CompressionLayer::new()
                .quality(tower_http::CompressionLevel::Precise(4)),
        )
        .layer(tower_http::trace::TraceLayer::new_for_http())
        .with_state(state)
}

/// What a request whose handler panicked gets: the platform's `500
/// internal_error` under `/api` (its router answers those itself), a plain
/// page elsewhere. The panic is logged, its text is not sent.
fn panic_response(_: Box<dyn std::any::Any + Send + 'static>) -> axum::response::Response {
    use axum::response::IntoResponse;
    tracing::error!("a request handler panicked");
    (
        axum::http::StatusCode::INTERNAL_SERVER_ERROR,
        axum::response::Html(
            "<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>Fejl</title></head>\
             <body><main><h1>Noget gik galt hos os</h1><p>Prøv igen om lidt.</p>\
             <p lang=\"en\">Something went wrong on our side. Please try again shortly.</p>\
             <p><a href=\"/\">Forsiden</a></p></main></body></html>",
        ),
    )
        .into_response()
}

/// Refuses state-changing requests from other sites to the portal (server
/// functions and the sign-in, sign-out and confirm forms): a browser says
/// where a request comes from in `Sec-Fetch-Site` or, older ones, `Origin`.
/// The REST API under `/api` is left alone: it needs a bearer token, which a
/// foreign page cannot send.
async fn same_site_only(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::http::{header, Method, StatusCode};
    use axum::response::IntoResponse;
    let path = req.uri().path();
    let guarded =
        req.method() != Method::GET && req.method() != Method::HEAD && !path.starts_with("/api/");
    if guarded {
        let headers = req.headers();
        let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
        let cross = match fetch_site {
            Some(site) => !matches!(site, "same-origin" | "none"),
            None => match (
                headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()),
                headers.get(header::HOST).and_then(|v| v.to_str().ok()),
            ) {
                (Some(origin), Some(host)) => origin.split("://").nth(1) != Some(host),
                _ => false,
            },
        };
        if cross {
            let body =
                mvno::ApiError::new(403, "access_denied", "Cross-site requests are refused").body();
            return (StatusCode::FORBIDDEN, axum::Json(body)).into_response();
        }
    }
    next.run(req).await
}
