//! `server`: runs the MVNO platform, and its maintenance commands.

use anyhow::Context;
use clap::builder::BoolishValueParser;
use clap::{Args, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use mvno::db;
use mvno::services::{admin, demo, import};
use server::mail::MailTransport;
use server::serve::{serve, shutdown_signal, ServeSettings};
use server::{leptos_options, router, security, AppState};
use std::io::IsTerminal;
use std::time::Duration;

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
    Serve(ServeArgs),
    /// Apply the database migrations and stop.
    Migrate,
    /// Load the demo dataset (into an empty database).
    Demo,
    /// Create an ADMIN login of the operator (the operator customer too, on
    /// an empty database). The password is asked twice on a terminal;
    /// otherwise, or with `--generate`, a random one is printed once.
    CreateAdmin {
        /// The login's username: an e-mail address.
        #[arg(long)]
        username: String,
        /// The person's name.
        #[arg(long)]
        name: Option<String>,
        /// Generate a strong password and print it, instead of asking.
        #[arg(long)]
        generate: bool,
    },
    /// Import SIM cards from a `;`-separated stock file.
    ImportSims {
        /// Id of the reseller or customer that holds the cards in storage.
        #[arg(long)]
        customer: String,
        /// The CSV file.
        file: std::path::PathBuf,
    },
}

/// How `serve` runs; every flag also reads an environment variable.
#[derive(Args, Clone)]
struct ServeArgs {
    /// The server is reached over HTTPS (directly or through a proxy that
    /// terminates TLS): `Secure` `__Host-` session cookie and HSTS.
    #[arg(long, env = "MVNO_HTTPS", value_parser = BoolishValueParser::new())]
    https: bool,
    /// Load the demo dataset (with its well-known logins) into an empty
    /// database on start. Never on a database that real people use.
    #[arg(long, env = "MVNO_DEMO", value_parser = BoolishValueParser::new())]
    demo: bool,
    /// Seconds the simulated network takes to activate a new account.
    #[arg(long, env = "ACTIVATION_DELAY_SECS", default_value_t = 5)]
    activation_delay_secs: i64,
    /// Seconds a client has to send a request's headers before it is cut off.
    #[arg(long, env = "MVNO_HEADER_TIMEOUT_SECS", default_value_t = 10)]
    header_timeout_secs: u64,
    /// Seconds a request may take, body included, before it is answered
    /// `503 timeout`.
    #[arg(long, env = "MVNO_REQUEST_TIMEOUT_SECS", default_value_t = 30)]
    request_timeout_secs: u64,
    /// Connections served at once; further clients wait to be accepted.
    #[arg(long, env = "MVNO_MAX_CONNECTIONS", default_value_t = 1024)]
    max_connections: usize,
    /// Seconds requests in flight get to finish after SIGTERM or Ctrl-C.
    #[arg(long, env = "MVNO_SHUTDOWN_GRACE_SECS", default_value_t = 30)]
    shutdown_grace_secs: u64,
    /// Sign-in attempts a client may make at once (API and portal form
    /// together); 0 turns the limit off.
    #[arg(long, env = "MVNO_SIGN_IN_BURST", default_value_t = security::DEFAULT_SIGN_IN_BURST)]
    sign_in_burst: u32,
    /// Sign-in attempts a client may make a minute after its burst.
    #[arg(long, env = "MVNO_SIGN_IN_PER_MINUTE", default_value_t = security::DEFAULT_SIGN_IN_PER_MINUTE)]
    sign_in_per_minute: u32,
    /// Signups a client may make at once; 0 turns the limit off.
    #[arg(long, env = "MVNO_SIGNUP_BURST", default_value_t = security::DEFAULT_SIGNUP_BURST)]
    signup_burst: u32,
    /// Signups a client may make a minute after its burst.
    #[arg(long, env = "MVNO_SIGNUP_PER_MINUTE", default_value_t = security::DEFAULT_SIGNUP_PER_MINUTE)]
    signup_per_minute: u32,
    /// The header a trusted proxy in front of the server sets to the
    /// client's address (e.g. `X-Forwarded-For`); unset, the connection's
    /// peer address keys the rate limits.
    #[arg(long, env = "MVNO_CLIENT_IP_HEADER")]
    client_ip_header: Option<String>,
    /// A folder the server writes its e-mails into as `.eml` files (signup
    /// links), for a mail system to pick up. With `--demo` and no mail
    /// transport, `data/mail`.
    #[arg(long, env = "MVNO_MAIL_DIR", conflicts_with = "smtp_relay")]
    mail_dir: Option<std::path::PathBuf>,
    /// An SMTP relay (`host:port`, plain SMTP on a trusted network, such as
    /// the host's own mail server) that sends the server's e-mails. Without
    /// a mail folder or relay, signup is closed.
    #[arg(long, env = "MVNO_SMTP_RELAY")]
    smtp_relay: Option<String>,
    /// The sender of the server's e-mails.
    #[arg(long, env = "MVNO_MAIL_FROM", default_value = server::mail::DEFAULT_FROM)]
    mail_from: String,
    /// The site's address as people reach it; links in e-mails start with
    /// it. Default: `http://` and the address the server listens on.
    #[arg(long, env = "MVNO_PUBLIC_URL")]
    public_url: Option<String>,
}

/// `server` without a command: `serve` with its flags from the environment.
#[derive(Parser)]
struct DefaultServe {
    #[command(flatten)]
    args: ServeArgs,
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
    let command = cli
        .command
        .unwrap_or_else(|| Command::Serve(DefaultServe::parse_from(["server"]).args));
    match command {
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
        Command::CreateAdmin {
            username,
            name,
            generate,
        } => {
            let generated = generate || !std::io::stdin().is_terminal();
            let password = if generated {
                admin::generate_password()
            } else {
                ask_password()?
            };
            let made = admin::create_admin(&conn, &username, name.as_deref(), &password)
                .await
                .context("creating the admin")?;
            if made.operator_created {
                println!(
                    "Created the operator customer {:?} ({}).",
                    admin::OPERATOR_NAME,
                    made.customer
                );
            }
            println!("Created the ADMIN login {}.", made.username);
            if generated {
                println!("Password (shown once, keep it safe): {password}");
            }
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
        Command::Serve(args) => run_server(conn, &cli.database_url, args).await?,
    }
    Ok(())
}

fn print_logins() {
    println!("Demo logins (password {:?} for all):", demo::DEMO_PASSWORD);
    for (user, level, customer) in demo::DEMO_LOGINS {
        println!("  {user:<28} {level:<15} {customer}");
    }
}

/// `serve`: loads the demo data when asked, starts the activation worker and
/// serves until SIGTERM or Ctrl-C.
async fn run_server(
    conn: sea_orm::DatabaseConnection,
    database_url: &str,
    args: ServeArgs,
) -> anyhow::Result<()> {
    if args.demo {
        if demo::is_empty(&conn).await? {
            demo::load(&conn).await?;
            println!("Demo data loaded into {database_url}.");
        } else if !demo::has_demo_logins(&conn).await? {
            println!("--demo: the database already has data; no demo data was loaded.");
        }
    }
    let options = leptos_options();
    let addr = options.site_addr;
    let create_settings = std::sync::Arc::new(mvno::services::create::CreateSettings {
        activation_delay: chrono::Duration::seconds(args.activation_delay_secs),
    });
    tokio::spawn(mvno::services::activation::run_forever(
        conn.clone(),
        Duration::from_millis(500),
    ));
    let mut state = AppState::new(conn, options);
    state.create_settings = create_settings;
    state.security = std::sync::Arc::new(server::security::Security::new(
        security::SecuritySettings {
            https: args.https,
            sign_in_rate: security::Rate::per_minute(args.sign_in_burst, args.sign_in_per_minute),
            signup_rate: security::Rate::per_minute(args.signup_burst, args.signup_per_minute),
            client_ip_header: args.client_ip_header.clone(),
        },
    ));
    let transport = match (args.mail_dir.clone(), args.smtp_relay.clone()) {
        (Some(dir), _) => MailTransport::Folder(dir),
        (None, Some(relay)) => MailTransport::SmtpRelay(relay),
        (None, None) if args.demo => MailTransport::Folder("data/mail".into()),
        (None, None) => MailTransport::None,
    };
    match &transport {
        MailTransport::None => {
            println!("Signup is closed: it needs --mail-dir or --smtp-relay to send its links.")
        }
        MailTransport::Folder(dir) => {
            println!("E-mails (signup links) are written to {}/.", dir.display())
        }
        MailTransport::SmtpRelay(relay) => println!("E-mails are sent through {relay}."),
    }
    let public_url = args
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{addr}"));
    state.mailer = std::sync::Arc::new(
        server::mail::Mailer::new(transport, &args.mail_from, &public_url)
            .map_err(|e| anyhow::anyhow!("--mail-from: {e}"))?,
    );
    let listener = tokio::net::TcpListener::bind(&addr)
        .await
        .with_context(|| format!("binding {addr}"))?;
    println!("The portal is at http://{addr}/ (API under http://{addr}/api)");
    if demo::has_demo_logins(&state.db).await? {
        print_logins();
    } else if !admin::has_employees(&state.db).await? {
        println!("No logins yet: create the first with `server create-admin --username <e-mail>`.");
    }
    let settings = ServeSettings {
        header_read_timeout: Duration::from_secs(args.header_timeout_secs.max(1)),
        request_timeout: Duration::from_secs(args.request_timeout_secs.max(1)),
        max_connections: args.max_connections.max(1),
        shutdown_grace: Duration::from_secs(args.shutdown_grace_secs),
    };
    serve(listener, router(state), settings, shutdown_signal()).await?;
    println!("Stopped.");
    Ok(())
}

/// Reads a new password from the terminal, twice, without echo.
fn ask_password() -> anyhow::Result<String> {
    loop {
        let first = rpassword::prompt_password("Password for the new admin: ")?;
        if first.chars().count() < mvno::services::signup::MIN_PASSWORD {
            eprintln!(
                "At least {} characters, please.",
                mvno::services::signup::MIN_PASSWORD
            );
            continue;
        }
        let second = rpassword::prompt_password("The same password again: ")?;
        if first == second {
            return Ok(first);
        }
        eprintln!("The two passwords differ; once more.");
    }
}
