//! `mvno-bench`: creates MVNO accounts over HTTP against a running server
//! process at a fixed concurrency, on SQLite and on PostgreSQL, with 0,
//! 1,000 and 100,000 accounts already in the database, and does the same
//! reads and writes with plain sqlx in one transaction per create (the
//! database's limit for this work). Also: the wizard's first page rendered
//! by the server against a static file of the same size.
//!
//! Run through `scripts/bench.sh`, which builds the release binaries first.

mod baseline;
mod flood;
mod list;
mod load;
mod setup;

use anyhow::{bail, Context};
use clap::Parser;
use load::Stats;
use mvno::services::demo::{self, ids};
use serde_json::json;
use setup::{add_stock, prepare, Backend, BenchDb};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Parser)]
#[command(about = "Benchmark of the create operation against a plain-sqlx baseline")]
struct Args {
    /// The release server binary.
    #[arg(long, default_value = "target/release/server")]
    server: PathBuf,
    /// PostgreSQL to make the benchmark's databases in.
    #[arg(
        long,
        env = "MVNO_BENCH_PG_URL",
        default_value = "postgres://postgres@127.0.0.1:5432/postgres"
    )]
    pg: String,
    /// Which databases: sqlite, postgres or both.
    #[arg(long, default_value = "both")]
    db: String,
    /// Accounts made beforehand, one run each.
    #[arg(long, value_delimiter = ',', default_value = "0,1000,100000")]
    accounts: Vec<usize>,
    /// Creates measured per run (after a warm-up of a tenth as many).
    #[arg(long, default_value_t = 2000)]
    creates: usize,
    /// Requests in flight at once.
    #[arg(long, default_value_t = 8)]
    concurrency: usize,
    /// Requests per page measurement.
    #[arg(long, default_value_t = 3000)]
    pages: usize,
    /// Where the databases and the site directory go while running.
    #[arg(long, default_value = "target/bench")]
    work: PathBuf,
    /// Clients flooding the sign-in while an authenticated read is timed
    /// (on SQLite); 0 skips the measurement.
    #[arg(long, default_value_t = 64)]
    flood_clients: usize,
    /// Reads timed idle and under the flood.
    #[arg(long, default_value_t = 2000)]
    flood_reads: usize,
    /// Skip the create runs (only the sign-in flood and the list).
    #[arg(long)]
    no_creates: bool,
    /// Reads of a customer's account list (a page of 100), per database;
    /// 0 skips the measurement.
    #[arg(long, default_value_t = 300)]
    list_reads: usize,
}

struct Server {
    child: Child,
    base: String,
}

impl Server {
    async fn start(bin: &Path, db_url: &str, site: &Path) -> anyhow::Result<Server> {
        Self::start_with(bin, db_url, site, &[]).await
    }

    /// Starts the server with extra environment variables.
    async fn start_with(
        bin: &Path,
        db_url: &str,
        site: &Path,
        env: &[(&str, &str)],
    ) -> anyhow::Result<Server> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let child = Command::new(bin)
            .arg("serve")
            .env("DATABASE_URL", db_url)
            .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
            .env("LEPTOS_SITE_ROOT", site)
            .env("LEPTOS_OUTPUT_NAME", "mvno")
            // Activation is the simulated network's work, not the create's.
            .env("ACTIVATION_DELAY_SECS", "86400")
            .env("RUST_LOG", "warn")
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .spawn()
            .with_context(|| format!("starting {}", bin.display()))?;
        let server = Server {
            child,
            base: format!("http://127.0.0.1:{port}"),
        };
        let client = reqwest::Client::new();
        let deadline = Instant::now() + Duration::from_secs(60);
        while client
            .get(format!("{}/api/openapi.json", server.base))
            .send()
            .await
            .map(|r| !r.status().is_success())
            .unwrap_or(true)
        {
            if Instant::now() > deadline {
                bail!("the server did not start");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Ok(server)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn create_body(number: &str, icc: &str) -> serde_json::Value {
    json!({"customer": ids::BAGER_JENSEN, "number": number, "mvnoSim": icc, "ratePlan": ids::PLAN_10GB})
}

/// A bearer token of the demo reseller.
async fn reseller_token(client: &reqwest::Client, base: &str) -> anyhow::Result<String> {
    let login: serde_json::Value = client
        .post(format!("{base}/api/auth/login"))
        .json(&json!({"username": "reseller@nordlys.dk", "password": demo::DEMO_PASSWORD}))
        .send()
        .await?
        .json()
        .await?;
    Ok(login["token"].as_str().context("no token")?.to_string())
}

/// Creates over HTTP with a reseller's bearer token.
async fn http_creates(
    base: &str,
    numbers: &[String],
    iccs: &[String],
    concurrency: usize,
) -> anyhow::Result<Stats> {
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(concurrency)
        .build()?;
    let token = reseller_token(&client, base).await?;
    let url = format!("{base}/api/mvno");
    let bodies: Arc<Vec<_>> = Arc::new(
        numbers
            .iter()
            .zip(iccs)
            .map(|(n, i)| create_body(n, i))
            .collect(),
    );
    Ok(load::run(bodies.len(), concurrency, move |i| {
        let (client, url, token, bodies) =
            (client.clone(), url.clone(), token.clone(), bodies.clone());
        async move {
            match client
                .post(&url)
                .bearer_auth(&token)
                .json(&bodies[i])
                .send()
                .await
            {
                Ok(r) if r.status() == 201 => r.bytes().await.is_ok(),
                Ok(r) => {
                    eprintln!(
                        "  create {i}: {} {}",
                        r.status(),
                        r.text().await.unwrap_or_default()
                    );
                    false
                }
                Err(e) => {
                    eprintln!("  create {i}: {e}");
                    false
                }
            }
        }
    })
    .await)
}

async fn http_gets(
    url: String,
    cookie: Option<String>,
    n: usize,
    concurrency: usize,
) -> anyhow::Result<Stats> {
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(concurrency)
        .build()?;
    Ok(load::run(n, concurrency, move |_| {
        let (client, url, cookie) = (client.clone(), url.clone(), cookie.clone());
        async move {
            let mut req = client.get(&url).header("accept", "text/html");
            if let Some(c) = &cookie {
                req = req.header("cookie", c);
            }
            match req.send().await {
                Ok(r) if r.status() == 200 => r.bytes().await.is_ok(),
                _ => false,
            }
        }
    })
    .await)
}

/// The wizard's first page as a signed-in reseller sees it, and a static
/// file of the same size from the same server.
async fn pages(
    base: &str,
    site: &Path,
    n: usize,
    concurrency: usize,
) -> anyhow::Result<(usize, Stats, Stats)> {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    let res = client
        .post(format!("{base}/login"))
        .form(&[
            ("username", "reseller@nordlys.dk"),
            ("password", demo::DEMO_PASSWORD),
        ])
        .send()
        .await?;
    let cookie = res
        .headers()
        .get("set-cookie")
        .context("no session cookie")?
        .to_str()?
        .split(';')
        .next()
        .unwrap_or_default()
        .to_string();
    let page_url = format!("{base}/new");
    let page = client
        .get(&page_url)
        .header("cookie", &cookie)
        .send()
        .await?;
    if page.status() != 200 {
        bail!("/new answered {}", page.status());
    }
    let size = page.bytes().await?.len();
    std::fs::write(site.join("same-size.html"), "x".repeat(size))?;
    http_gets(page_url.clone(), Some(cookie.clone()), n / 10, concurrency).await?;
    let ssr = http_gets(page_url, Some(cookie), n, concurrency).await?;
    let static_url = format!("{base}/same-size.html");
    http_gets(static_url.clone(), None, n / 10, concurrency).await?;
    let file = http_gets(static_url, None, n, concurrency).await?;
    Ok((size, ssr, file))
}

struct Row {
    backend: Backend,
    accounts: usize,
    api: Stats,
    base: Stats,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let needs_server = !args.no_creates || args.flood_clients > 0;
    if needs_server && !args.server.exists() {
        bail!(
            "{} is missing: build it with `cargo build --release -p server`",
            args.server.display()
        );
    }
    let backends = match args.db.as_str() {
        "sqlite" => vec![Backend::Sqlite],
        "postgres" => vec![Backend::Postgres],
        _ => vec![Backend::Sqlite, Backend::Postgres],
    };
    std::fs::create_dir_all(&args.work)?;
    let work = args.work.canonicalize()?;
    let site = work.join("site");
    std::fs::create_dir_all(&site)?;
    let warmup = (args.creates / 10).max(10);
    let per_run = args.creates + warmup;
    let mut rows = Vec::new();
    let mut page_figures = None;

    let runs: &[usize] = if args.no_creates { &[] } else { &args.accounts };
    for &backend in &backends {
        for &accounts in runs {
            eprintln!("{} with {accounts} accounts beforehand", backend.name());
            let bdb = BenchDb::new(backend, &args.pg, &work).await?;
            let db = prepare(&bdb.url, accounts).await?;
            let api_stock = add_stock(&db, 1, per_run).await?;
            let base_stock = add_stock(&db, 2, per_run).await?;
            db.close().await.ok();

            let server = Server::start(&args.server, &bdb.url, &site).await?;
            let (warm_n, warm_i) = (&api_stock.numbers[..warmup], &api_stock.iccs[..warmup]);
            http_creates(&server.base, warm_n, warm_i, args.concurrency).await?;
            let api = http_creates(
                &server.base,
                &api_stock.numbers[warmup..],
                &api_stock.iccs[warmup..],
                args.concurrency,
            )
            .await?;
            eprintln!(
                "  API      {:>7.0}/s  p50 {} ms  p99 {} ms  ({} failed)",
                api.per_second(),
                Stats::ms(api.p50),
                Stats::ms(api.p99),
                api.failed
            );
            if page_figures.is_none() && accounts == 0 {
                page_figures =
                    Some(pages(&server.base, &site, args.pages, args.concurrency).await?);
            }
            drop(server);

            let pool = baseline::Pool::connect(&bdb.url).await?;
            let caller = pool.caller_token().await?;
            baseline::creates(
                &pool,
                &caller,
                &base_stock.numbers[..warmup],
                &base_stock.iccs[..warmup],
                args.concurrency,
            )
            .await?;
            let base = baseline::creates(
                &pool,
                &caller,
                &base_stock.numbers[warmup..],
                &base_stock.iccs[warmup..],
                args.concurrency,
            )
            .await?;
            eprintln!(
                "  baseline {:>7.0}/s  p50 {} ms  p99 {} ms  ({} failed)",
                base.per_second(),
                Stats::ms(base.p50),
                Stats::ms(base.p99),
                base.failed
            );
            pool.close().await;
            bdb.drop_database().await;
            if api.failed > 0 || base.failed > 0 {
                bail!("creates failed: the figures would not be comparable");
            }
            rows.push(Row {
                backend,
                accounts,
                api,
                base,
            });
        }
    }

    let mut lists = Vec::new();
    if args.list_reads > 0 {
        for &backend in &backends {
            eprintln!("account list on {}", backend.name());
            let bdb = BenchDb::new(backend, &args.pg, &work).await?;
            let stats = list::measure(&bdb.url, args.list_reads).await?;
            bdb.drop_database().await;
            if stats.failed > 0 {
                bail!("list reads failed");
            }
            lists.push((backend, stats));
        }
    }

    let flood = if args.flood_clients > 0 {
        eprintln!("sign-in flood: {} clients", args.flood_clients);
        let bdb = BenchDb::new(Backend::Sqlite, &args.pg, &work).await?;
        prepare(&bdb.url, 0).await?.close().await.ok();
        // No per-client limit: every sign-in must reach the hashing.
        let server = Server::start_with(
            &args.server,
            &bdb.url,
            &site,
            &[("MVNO_SIGN_IN_BURST", "0")],
        )
        .await?;
        let f = flood::measure(&server.base, args.flood_clients, args.flood_reads).await?;
        drop(server);
        bdb.drop_database().await;
        if f.idle.failed > 0 || f.flooded.failed > 0 {
            bail!("reads failed during the flood");
        }
        Some(f)
    } else {
        None
    };

    if !rows.is_empty() {
        println!("Creates over HTTP (`POST /api/mvno`, bought number + physical SIM + rate plan), {} per run after {} warm-up, {} in flight:\n", args.creates, warmup, args.concurrency);
        println!("| Database | Accounts beforehand | API creates/s | API p50 / p99 ms | Baseline creates/s | Baseline p50 / p99 ms | API ÷ baseline |");
        println!("|---|---:|---:|---:|---:|---:|---:|");
        for r in &rows {
            println!(
                "| {} | {} | {:.0} | {} / {} | {:.0} | {} / {} | {:.2} |",
                r.backend.name(),
                r.accounts,
                r.api.per_second(),
                Stats::ms(r.api.p50),
                Stats::ms(r.api.p99),
                r.base.per_second(),
                Stats::ms(r.base.p50),
                Stats::ms(r.base.p99),
                r.api.per_second() / r.base.per_second()
            );
        }
    }
    if !lists.is_empty() {
        println!("\nA customer's account list (`GET /mvno?customer=…` through its service, a page of {} accounts each with its SIM and a data-sharing SIM, as a reseller), {} reads, 2 in flight:\n", list::PAGE, args.list_reads);
        println!("| Database | Pages/s | p50 / p99 ms |");
        println!("|---|---:|---:|");
        for (backend, s) in &lists {
            println!(
                "| {} | {:.0} | {} / {} |",
                backend.name(),
                s.per_second(),
                Stats::ms(s.p50),
                Stats::ms(s.p99)
            );
        }
    }
    if let Some(f) = flood {
        println!("\nAn authenticated read (`GET /api/customers?limit=10`, {} requests, 2 in flight) on an idle server and while {} clients sign in with unknown usernames as fast as they are answered (SQLite, no per-client limit):\n", f.idle.ok, f.clients);
        println!("| Server | Read p50 / p99 ms | Sign-ins answered/s |");
        println!("|---|---:|---:|");
        println!(
            "| Idle | {} / {} | – |",
            Stats::ms(f.idle.p50),
            Stats::ms(f.idle.p99)
        );
        println!(
            "| Sign-in flood | {} / {} | {:.0} |",
            Stats::ms(f.flooded.p50),
            Stats::ms(f.flooded.p99),
            f.sign_ins_per_second
        );
        println!(
            "\np99 under the flood ÷ idle p99: {:.2} (goal: at most 5).",
            f.flooded.p99.as_secs_f64() / f.idle.p99.as_secs_f64()
        );
    }
    if let Some((size, ssr, file)) = page_figures {
        println!("\nThe wizard's first page (`GET /new`, signed in, {size} bytes) against a static file of the same size, {} requests, {} in flight:\n", args.pages, args.concurrency);
        println!("| What | Requests/s | p50 / p99 ms |");
        println!("|---|---:|---:|");
        for (what, s) in [("Server-rendered `/new`", ssr), ("Static file", file)] {
            println!(
                "| {what} | {:.0} | {} / {} |",
                s.per_second(),
                Stats::ms(s.p50),
                Stats::ms(s.p99)
            );
        }
    }
    Ok(())
}
