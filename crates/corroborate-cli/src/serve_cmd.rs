//! `corroborate serve`: the local web app and JSON API over a store.

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use corroborate_server::ServerConfig;
use corroborate_store::{Location, Store};

/// Environment variable that holds the write token when `--token` is not given (keeps it out of `ps`).
const TOKEN_ENV: &str = "CORROBORATE_TOKEN";

#[derive(clap::Args)]
pub struct ServeArgs {
    /// The store: a SQLite file (created if missing), or a PostgreSQL database as a URL
    /// (`postgres://user:password@host:port/database`; its tables are created if missing).
    #[arg(long, default_value = "corroborate.db")]
    db: String,
    /// Address to listen on. Anything but a loopback address also requires the token for reading.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Bearer token for writes (default: the CORROBORATE_TOKEN environment variable). Without one, the API
    /// is read-only.
    #[arg(long)]
    token: Option<String>,
}

pub fn run(args: &ServeArgs) -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let location = Location::parse(&args.db);
    let store: Arc<dyn Store> = location
        .open()
        .with_context(|| format!("opening the store {location}"))?
        .into();
    let token = args
        .token
        .clone()
        .or_else(|| std::env::var(TOKEN_ENV).ok())
        .filter(|t| !t.is_empty());
    let config = ServerConfig::new(args.addr, token);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async move {
        let server = corroborate_server::bind(config, store).await?;
        eprintln!(
            "corroborate: serving {location} on http://{}/",
            server.local_addr()
        );
        server.run_until_ctrl_c().await
    })?;
    Ok(())
}
