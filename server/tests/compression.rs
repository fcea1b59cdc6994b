//! Replies travel compressed: the site's files as their precompressed
//! `.br`/`.gz` copies by what the client accepts (with `Vary`), pages and
//! JSON compressed on the fly; and what arrives decompresses to the
//! original.

mod common;

use common::{spawn_app, spawn_app_with_site};
use std::io::{Read, Write};

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .unwrap();
    out
}

fn unbrotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli::Decompressor::new(bytes, 4096)
        .read_to_end(&mut out)
        .unwrap();
    out
}

/// A site folder with `pkg/mvno.js` and its precompressed copies.
fn site_with_precompressed_files() -> (tempfile::TempDir, Vec<u8>) {
    let site = tempfile::tempdir().unwrap();
    let pkg = site.path().join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    let original: Vec<u8> = (0..2_000)
        .flat_map(|i| format!("export function f{i}() {{ return {i}; }}\n").into_bytes())
        .collect();
    std::fs::write(pkg.join("mvno.js"), &original).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&original).unwrap();
    std::fs::write(pkg.join("mvno.js.gz"), gz.finish().unwrap()).unwrap();
    let mut br = Vec::new();
    brotli::CompressorWriter::new(&mut br, 4096, 11, 22)
        .write_all(&original)
        .unwrap();
    std::fs::write(pkg.join("mvno.js.br"), &br).unwrap();
    (site, original)
}

#[tokio::test]
async fn site_files_are_sent_precompressed_by_what_the_client_accepts() {
    let (site, original) = site_with_precompressed_files();
    let app = spawn_app_with_site(site.path()).await;
    for (accept, encoding) in [
        ("br, gzip", Some("br")),
        ("gzip", Some("gzip")),
        ("identity", None),
    ] {
        let res = app
            .client
            .get(format!("{}/pkg/mvno.js", app.base))
            .header("accept-encoding", accept)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{accept}");
        let headers = res.headers().clone();
        assert_eq!(
            headers.get("content-encoding").map(|v| v.to_str().unwrap()),
            encoding,
            "{accept}"
        );
        assert!(
            headers
                .get_all("vary")
                .iter()
                .any(|v| v.to_str().unwrap().contains("accept-encoding")),
            "{accept}: no Vary"
        );
        assert!(headers["content-type"]
            .to_str()
            .unwrap()
            .contains("javascript"));
        assert_eq!(headers["cache-control"], "no-cache");
        let body = res.bytes().await.unwrap();
        let sent = match encoding {
            Some("br") => unbrotli(&body),
            Some("gzip") => gunzip(&body),
            _ => body.to_vec(),
        };
        assert_eq!(sent, original, "{accept}: the file as built");
        if encoding.is_some() {
            assert!(body.len() * 5 < original.len(), "{accept}: compressed");
        }
    }
}

#[tokio::test]
async fn files_named_by_their_content_are_kept_for_a_year_and_pages_never() {
    let (site, original) = site_with_precompressed_files();
    let hashed = "mvno.WFzy6b-l-D5TViHe8YxAmw.js";
    std::fs::write(site.path().join("pkg").join(hashed), &original).unwrap();
    let app = spawn_app_with_site(site.path()).await;
    let cache_of = |res: &reqwest::Response| {
        res.headers()
            .get("cache-control")
            .map(|v| v.to_str().unwrap().to_string())
    };
    let res = app.get(&format!("/pkg/{hashed}"), None).await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        cache_of(&res).as_deref(),
        Some("public, max-age=31536000, immutable")
    );
    // A name without a hash is revalidated; a missing file is not kept.
    let res = app.get("/pkg/mvno.js", None).await;
    assert_eq!(cache_of(&res).as_deref(), Some("no-cache"));
    let res = app.get("/pkg/mvno.AAAAAAAAAAAAAAAAAAAAAA.js", None).await;
    assert_eq!(res.status(), 404);
    assert_ne!(
        cache_of(&res).as_deref(),
        Some("public, max-age=31536000, immutable")
    );
    // A page is read afresh every time.
    let res = app.page("/login", None).await;
    assert_eq!(cache_of(&res).as_deref(), Some("no-store"));
}

#[tokio::test]
async fn pages_and_json_are_compressed_on_the_fly() {
    let app = spawn_app().await;
    for (path, accept) in [
        ("/login", "br"),
        ("/login", "gzip"),
        ("/api/openapi.json", "gzip"),
    ] {
        let plain = app
            .client
            .get(format!("{}{path}", app.base))
            .send()
            .await
            .unwrap();
        assert!(plain.headers().get("content-encoding").is_none());
        let plain = plain.bytes().await.unwrap();
        let res = app
            .client
            .get(format!("{}{path}", app.base))
            .header("accept-encoding", accept)
            .send()
            .await
            .unwrap();
        assert_eq!(res.headers()["content-encoding"], accept, "{path}");
        let body = res.bytes().await.unwrap();
        let sent = if accept == "br" {
            unbrotli(&body)
        } else {
            gunzip(&body)
        };
        assert!(body.len() < sent.len(), "{path}: smaller");
        if path.starts_with("/api") {
            assert_eq!(sent, plain.to_vec(), "{path}: the same reply");
        } else {
            // Each page has its own nonce; the rest is the same.
            assert_eq!(sent.len(), plain.len(), "{path}: the same page");
        }
    }
}

/// A site file served while pages render never takes a page's headers,
/// and a page always keeps its own Content-Security-Policy (leptos_axum's
/// file handler could hand a rendering page's policy to a file, leaving the
/// page with the fallback that blocks its scripts).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn files_and_pages_keep_their_own_headers_under_load() {
    let (site, _) = site_with_precompressed_files();
    std::fs::write(site.path().join("robots.txt"), "User-agent: *\n").unwrap();
    let app = spawn_app_with_site(site.path()).await;
    let cookie = app.portal_session("reseller@nordlys.dk").await;
    let pages = [
        "/new/extras?customer=c00000000000000000000005&mode=new&sim=esim&network=TDC",
        "/new/review?customer=c00000000000000000000005&mode=new&sim=esim&network=TDC",
        "/login",
        "/signup",
    ];
    let files = ["/pkg/mvno.js", "/robots.txt"];
    let fetch = |path: &'static str| {
        let (app, cookie) = (&app, cookie.clone());
        async move {
            let res = app
                .client
                .get(format!("{}{path}", app.base))
                .header("cookie", cookie)
                .send()
                .await
                .unwrap();
            let status = res.status();
            let csp = res
                .headers()
                .get("content-security-policy")
                .unwrap_or_else(|| panic!("{path}: {status} without a Content-Security-Policy"))
                .to_str()
                .unwrap()
                .to_string();
            (path, csp)
        }
    };
    for _ in 0..50 {
        let answers = futures::future::join_all(
            pages
                .iter()
                .chain(&files)
                .chain(&files)
                .chain(&pages)
                .map(|p| fetch(p)),
        )
        .await;
        for (path, csp) in answers {
            if files.contains(&path) {
                assert!(csp.starts_with("default-src 'none'"), "{path}: {csp}");
            } else {
                assert!(csp.contains("'nonce-"), "{path}: {csp}");
            }
        }
    }
}

// Building a server's router while another server of the same process
// renders pages: listing the routes once per process keeps a page's first
// resource from waiting forever (it waited until the 30-second deadline,
// in about one run of three of this file).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_render_while_another_router_is_built() {
    let app = spawn_app().await;
    let db = mvno::db::connect_and_migrate("sqlite::memory:")
        .await
        .unwrap();
    let building = tokio::spawn(async move {
        for _ in 0..40 {
            let state = server::AppState::new(db.clone(), server::leptos_options());
            drop(server::router(state));
            tokio::task::yield_now().await;
        }
    });
    let quick = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(5))
        .build()
        .unwrap();
    for _ in 0..40 {
        let pages = ["/login", "/signup"].map(|p| {
            quick
                .get(format!("{}{p}", app.base))
                .header("accept-language", "en")
                .send()
        });
        for res in futures::future::join_all(pages).await {
            let res = res.expect("a page within 5 seconds");
            assert_eq!(res.status(), 200);
        }
    }
    building.await.unwrap();
}
