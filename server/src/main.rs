//! `server`: runs the MVNO platform, and its maintenance commands.

use anyhow::Context;
use axum::serve::ListenerExt;
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use mvno::db;
use mvno::services::{demo, import};
use server::{leptos_options, router, AppState};

#[derive(Parser)]
#[command(about = "The MVNO account platform")]
struct Cli {
    /// Database URL: `sqlite://path?mode=rwc` (the embedded default) or `postgres://…`.
    #[arg(long, env = "DATABASE_URL", default_value = db::DEFAULT_SQLITE_URL, global = true)]
    database_url: String,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the portal and the API (the default).
    Serve {
        /// The server is reached over HTTPS (directly or through a proxy that
        /// terminates TLS): `Secure` `__Host-` session cookie and HSTS.
        #[arg(long, env = "MVNO_HTTPS")]
        https: bool,
        /// Seconds the simulated network takes to activate a new account.
        #[arg(long, env = "ACTIVATION_DELAY_SECS", default_value_t = 5)]
        activation_delay_secs: i64,
    },
    /// Apply the database migrations and stop.
    Migrate,
    /// Load the demo dataset (into an empty database).
    Demo,
    /// Import SIM cards from a `;`-separated stock file.
    ImportSims {
        /// Id of the reseller or customer that holds the cards in storage.
        #[arg(long)]
        customer: String,
        /// The CSV file.
        file: std::path::PathBuf,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .init();
    let cli = Cli::parse();
    let conn = db::connect_and_migrate(&cli.database_url)
        .await
        .context("opening the database")?;
    match cli.command.unwrap_or(Command::Serve {
        https: false,
        activation_delay_secs: 5,
    }) {
        Command::Migrate => println!("The database is up to date."),
        Command::Demo => {
            anyhow::ensure!(
                demo::is_empty(&conn).await?,
                "the database already has data; demo data goes into an empty one"
            );
            demo::load(&conn).await?;
            println!("Demo data loaded.");
            print_logins();
        }
        Command::ImportSims { customer, file } => {
            let reader = std::fs::File::open(&file)
                .with_context(|| format!("opening {}", file.display()))?;
            let bar = ProgressBar::new(0).with_style(
                ProgressStyle::with_template("{bar:40} {pos}/{len} SIM cards ({per_sec})")
                    .expect("template"),
            );
            let n = import::import_sims(&conn, &customer, reader, |done, total| {
                bar.set_length(total);
                bar.set_position(done);
            })
            .await;
            bar.finish_and_clear();
            match n {
                Ok(n) => println!("Imported {n} SIM cards into the stock of {customer}."),
                Err(e) => anyhow::bail!("nothing was imported: {e}"),
            }
        }
        Command::Serve {
            https,
            activation_delay_secs,
        } => {
            if db::is_sqlite(&cli.database_url) && demo::is_empty(&conn).await? {
                demo::load(&conn).await?;
                println!("First start: demo data loaded into {}.", cli.database_url);
            }
            let options = leptos_options();
            let addr = options.site_addr;
            let create_settings = std::sync::Arc::new(mvno::services::create::CreateSettings {
                activation_delay: chrono::Duration::seconds(activation_delay_secs),
            });
            tokio::spawn(mvno::services::activation::run_forever(
                conn.clone(),
                std::time::Duration::from_millis(500),
            ));
            let mut state = AppState::new(conn, options);
            state.create_settings = create_settings;
            state.security = std::sync::Arc::new(server::security::Security::new(
                server::security::SecuritySettings { https },
            ));
            // No Nagle delay: a response written in pieces (static files:
            // headers, then body) would otherwise wait for the client's ACK.
            let listener = tokio::net::TcpListener::bind(&addr)
                .await
                .with_context(|| format!("binding {addr}"))?
                .tap_io(|tcp| {
                    if let Err(e) = tcp.set_nodelay(true) {
                        tracing::warn!(error = %e, "TCP_NODELAY could not be set");
                    }
                });
            println!("The portal is at http://{addr}/ (API under http://{addr}/api)");
            if demo::has_demo_logins(&state.db).await? {
                print_logins();
            }
            axum::serve(listener, router(state))
                .with_graceful_shutdown(async {
                    let _ = tokio::signal::ctrl_c().await;
                })
                .await?;
        }
    }
    Ok(())
}

fn print_logins() {
    println!("Demo logins (password {:?} for all):", demo::DEMO_PASSWORD);
    for (user, level, customer) in demo::DEMO_LOGINS {
        println!("  {user:<28} {level:<15} {customer}");
    }
}
