//! Defences around the routes: transport settings (HTTPS), security headers
//! on every reply, and per-client rate limits on sign-in and signup.

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

/// A rate: `burst` requests at once, then one more every `every`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rate {
    pub burst: u32,
    pub every: Duration,
}

impl Rate {
    /// `burst` at once and `per_minute` a minute after it; `None` when
    /// either is zero (no limit).
    pub fn per_minute(burst: u32, per_minute: u32) -> Option<Rate> {
        (burst > 0 && per_minute > 0).then(|| Rate {
            burst,
            every: Duration::from_secs(60) / per_minute,
        })
    }

    fn quota(self) -> Quota {
        Quota::with_period(self.every)
            .expect("a rate has a period")
            .allow_burst(NonZeroU32::new(self.burst).expect("a rate has a burst"))
    }
}

/// What the operator tells the server about its surroundings and limits.
#[derive(Clone, Debug)]
pub struct SecuritySettings {
    /// The server is reached over HTTPS (directly or behind a proxy that
    /// terminates TLS): `Secure` and `__Host-` cookies, HSTS.
    pub https: bool,
    /// Sign-in attempts per client (API and portal form together).
    pub sign_in_rate: Option<Rate>,
    /// Signups per client.
    pub signup_rate: Option<Rate>,
    /// A header that a trusted proxy in front of the server sets to the
    /// client's address (`X-Forwarded-For`): its last entry keys the limits.
    /// Unset, the peer address of the connection does.
    pub client_ip_header: Option<String>,
}

impl Default for SecuritySettings {
    fn default() -> Self {
        SecuritySettings {
            https: false,
            sign_in_rate: Rate::per_minute(DEFAULT_SIGN_IN_BURST, DEFAULT_SIGN_IN_PER_MINUTE),
            signup_rate: Rate::per_minute(DEFAULT_SIGNUP_BURST, DEFAULT_SIGNUP_PER_MINUTE),
            client_ip_header: None,
        }
    }
}

/// Sign-in attempts a client may make at once ...
pub const DEFAULT_SIGN_IN_BURST: u32 = 20;
/// ... and a minute after that.
pub const DEFAULT_SIGN_IN_PER_MINUTE: u32 = 10;
/// Signups a client may make at once ...
pub const DEFAULT_SIGNUP_BURST: u32 = 5;
/// ... and a minute after that.
pub const DEFAULT_SIGNUP_PER_MINUTE: u32 = 2;

/// The settings and the shared state of the defences.
pub struct Security {
    pub settings: SecuritySettings,
    sign_in: Option<DefaultKeyedRateLimiter<IpAddr>>,
    signup: Option<DefaultKeyedRateLimiter<IpAddr>>,
    /// Limited requests seen, to prune the clients' state now and then.
    seen: std::sync::atomic::AtomicU64,
}

impl std::fmt::Debug for Security {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Security")
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

impl Security {
    pub fn new(settings: SecuritySettings) -> Self {
        Security {
            sign_in: settings.sign_in_rate.map(|r| RateLimiter::keyed(r.quota())),
            signup: settings.signup_rate.map(|r| RateLimiter::keyed(r.quota())),
            seen: Default::default(),
            settings,
        }
    }

    /// Forgets clients whose limits have fully recovered (memory stays
    /// bounded by the clients of the last minutes).
    pub fn prune(&self) {
        for limiter in [&self.sign_in, &self.signup].into_iter().flatten() {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
    }

    /// The client a request comes from, for the rate limits.
    fn client_of(&self, headers: &HeaderMap, peer: Option<SocketAddr>) -> IpAddr {
        let forwarded = self.settings.client_ip_header.as_ref().and_then(|name| {
            headers
                .get_all(name.as_str())
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .next_back()
                .and_then(|ip| ip.trim().parse::<IpAddr>().ok())
        });
        forwarded
            .or(peer.map(|p| p.ip()))
            .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
    }
}

/// Limited requests between two prunings of the clients' state.
const PRUNE_EVERY: u64 = 1024;

/// Which limit a request falls under.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Limited {
    ApiSignIn,
    PortalSignIn,
    PortalSignup,
}

fn limited(method: &Method, path: &str) -> Option<Limited> {
    if method != Method::POST {
        return None;
    }
    match path {
        "/api/auth/login" => Some(Limited::ApiSignIn),
        "/login" => Some(Limited::PortalSignIn),
        "/signup" => Some(Limited::PortalSignup),
        _ => None,
    }
}

/// Per-client rate limits on the doors that check passwords or create
/// logins. Over the limit, the API answers `429 too_many_attempts` in the
/// platform's error body with `Retry-After`; the portal's forms go back to
/// their page with the reason.
pub async fn rate_limits(
    State(security): State<Arc<Security>>,
    req: Request,
    next: Next,
) -> Response {
    let Some(kind) = limited(req.method(), req.uri().path()) else {
        return next.run(req).await;
    };
    let limiter = match kind {
        Limited::ApiSignIn | Limited::PortalSignIn => &security.sign_in,
        Limited::PortalSignup => &security.signup,
    };
    let Some(limiter) = limiter else {
        return next.run(req).await;
    };
    if security
        .seen
        .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        % PRUNE_EVERY
        == 0
    {
        security.prune();
    }
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0);
    let client = security.client_of(req.headers(), peer);
    let Err(not_until) = limiter.check_key(&client) else {
        return next.run(req).await;
    };
    let wait = not_until
        .wait_time_from(governor::clock::Clock::now(
            &governor::clock::DefaultClock::default(),
        ))
        .as_secs()
        .max(1);
    tracing::info!(%client, path = req.uri().path(), "rate limit reached");
    match kind {
        Limited::ApiSignIn => {
            let body = mvno::ApiError::new(
                429,
                "too_many_attempts",
                format!("Too many attempts from this client; try again in {wait} seconds"),
            )
            .body();
            (
                StatusCode::TOO_MANY_REQUESTS,
                [(header::RETRY_AFTER, wait.to_string())],
                axum::Json(body),
            )
                .into_response()
        }
        Limited::PortalSignIn => Redirect::to("/login?error=busy").into_response(),
        Limited::PortalSignup => Redirect::to("/signup?error=busy").into_response(),
    }
}

/// Headers on every reply: no MIME sniffing, no referrer to other sites, no
/// framing, nothing stored by caches but the static files (which caches
/// revalidate), HSTS over HTTPS.
/// Pages set their own Content-Security-Policy (bound to the nonce of their
/// scripts); every other reply gets one that allows nothing.
pub async fn headers(State(security): State<Arc<Security>>, req: Request, next: Next) -> Response {
    let static_file = is_static_file(req.uri().path());
    let named_by_content = static_file && is_named_by_content(req.uri().path());
    let mut res = next.run(req).await;
    let found = res.status().is_success();
    let h = res.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'; base-uri 'none'"),
        );
    }
    if named_by_content && found {
        // A new build names its files anew: one name, one content, forever.
        h.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=31536000, immutable"),
        );
        h.append(header::VARY, HeaderValue::from_static("accept-encoding"));
    } else if static_file {
        // Served as stored or precompressed (`.br`, `.gz`) by what the
        // client accepts; a name without a hash is revalidated.
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        h.append(header::VARY, HeaderValue::from_static("accept-encoding"));
    } else {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if security.settings.https {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    res
}

/// The site's own files (the wasm, its script, the style sheet, the public
/// folder): the same for everyone, so caches may keep them.
fn is_static_file(path: &str) -> bool {
    path.starts_with("/pkg/")
        || path.starts_with("/fonts/")
        || matches!(path, "/robots.txt" | "/favicon.ico")
}

/// A file of the build named by a hash of its content, as cargo-leptos's
/// `hash-files` names them: `/pkg/mvno.<22 base64url characters>.wasm`.
fn is_named_by_content(path: &str) -> bool {
    let Some(name) = path.strip_prefix("/pkg/") else {
        return false;
    };
    !name.contains('/')
        && name.split('.').skip(1).any(|part| {
            part.len() == 22
                && part
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_files_named_by_their_content_are_kept_for_a_year() {
        assert!(is_named_by_content("/pkg/mvno.Q_sltmT3Y-_T_B9FfUvr4A.wasm"));
        assert!(is_named_by_content("/pkg/mvno.PGagk4da7bSejqGrpk5r6A.css"));
        for path in [
            "/pkg/mvno.wasm",
            "/pkg/mvno_bg.wasm",
            "/fonts/source-sans-3-latin-400-normal.woff2",
            "/pkg/sub/mvno.PGagk4da7bSejqGrpk5r6A.css",
            "/pkg/mvno.too-short-hash.css",
        ] {
            assert!(!is_named_by_content(path), "{path}");
        }
    }

    #[test]
    fn the_forwarded_header_counts_only_when_configured() {
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            HeaderValue::from_static("203.0.113.9, 198.51.100.7"),
        );
        let peer: SocketAddr = "127.0.0.1:5000".parse().unwrap();
        let plain = Security::new(SecuritySettings::default());
        assert_eq!(plain.client_of(&headers, Some(peer)), peer.ip());
        let proxied = Security::new(SecuritySettings {
            client_ip_header: Some("x-forwarded-for".into()),
            ..Default::default()
        });
        // The proxy appends the address it saw: the last entry is trusted.
        assert_eq!(
            proxied.client_of(&headers, Some(peer)),
            "198.51.100.7".parse::<IpAddr>().unwrap()
        );
        assert_eq!(proxied.client_of(&HeaderMap::new(), Some(peer)), peer.ip());
    }

    #[test]
    fn only_the_doors_that_check_passwords_are_limited() {
        assert!(limited(&Method::POST, "/api/auth/login").is_some());
        assert!(limited(&Method::POST, "/login").is_some());
        assert!(limited(&Method::POST, "/signup").is_some());
        assert!(limited(&Method::GET, "/login").is_none());
        assert!(limited(&Method::POST, "/api/mvno").is_none());
    }
}
