//! corroborate's local web app and JSON API over a [`Store`].
//!
//! - `GET /` and `/assets/*`: the web app, compiled into the binary (nothing is loaded from another host).
//! - `GET /api/stories`, `GET /api/stories/{id}`, `GET /api/stories/{id}/export?format=json|csv|md|html`,
//!   `GET /api/documents/{id}`, `GET /api/search?q=`: reads.
//! - `POST /api/documents`: a write; needs `Authorization: Bearer <token>`.
//!
//! Safe defaults: with no token configured, writes are refused; listening on anything but loopback requires a
//! token for reads too; request bodies are capped and requests time out. The store is synchronous, so every
//! store call runs on a blocking thread and never stalls the async workers.

mod api;
mod assets;
mod auth;
mod error;
mod export;
mod upload;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use corroborate_store::Store;
use tokio::net::TcpListener;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use tracing::Level;

pub use error::ServerError;

/// Default cap on a request body: one upload of a long article or a small feed.
pub const DEFAULT_BODY_LIMIT: usize = 8 * 1024 * 1024;
/// Default time a request may take, analysis of an upload included.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// How the server is set up.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub addr: SocketAddr,
    /// The bearer token for writes (and for reads off loopback). `None`: read-only.
    pub token: Option<String>,
    /// Whether reads need the token too. On by default for any address but loopback, where the server can be
    /// reached from other machines; a loopback server behind a reverse proxy may want it as well.
    pub reads_need_token: bool,
    pub body_limit: usize,
    pub timeout: Duration,
}

impl ServerConfig {
    pub fn new(addr: SocketAddr, token: Option<String>) -> Self {
        ServerConfig {
            reads_need_token: !addr.ip().is_loopback(),
            addr,
            token,
            body_limit: DEFAULT_BODY_LIMIT,
            timeout: DEFAULT_TIMEOUT,
        }
    }
}

/// What every handler shares.
#[derive(Clone)]
pub(crate) struct AppState {
    pub store: Arc<dyn Store>,
    pub token: Option<Arc<str>>,
    pub reads_need_token: bool,
}

/// The application: routes and middleware, without a socket (tests can drive it directly).
pub fn router(config: &ServerConfig, store: Arc<dyn Store>) -> Router {
    let state = AppState {
        store,
        token: config.token.as_deref().map(Arc::from),
        reads_need_token: config.reads_need_token,
    };
    Router::new()
        .merge(assets::routes())
        .nest("/api", api::routes(state))
        .layer(DefaultBodyLimit::max(config.body_limit))
        .layer(RequestBodyLimitLayer::new(config.body_limit))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            config.timeout,
        ))
        // One info line per request (method, path, status, latency): enough to see what the app does.
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
}

/// A bound server, ready to run.
pub struct Server {
    listener: TcpListener,
    router: Router,
}

/// Checks the configuration and binds the address (port 0 picks a free port: see [`Server::local_addr`]).
pub async fn bind(config: ServerConfig, store: Arc<dyn Store>) -> Result<Server, ServerError> {
    if config.reads_need_token && config.token.is_none() {
        return Err(ServerError::TokenRequired(config.addr));
    }
    let listener = TcpListener::bind(config.addr)
        .await
        .map_err(|e| ServerError::Bind(config.addr, e))?;
    let router = router(&config, store);
    Ok(Server { listener, router })
}

impl Server {
    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .unwrap_or_else(|_| SocketAddr::from(([127, 0, 0, 1], 0)))
    }

    /// Serves until `shutdown` completes, then finishes the requests in flight.
    pub async fn run(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), ServerError> {
        tracing::info!(addr = %self.local_addr(), "listening");
        axum::serve(self.listener, self.router)
            .with_graceful_shutdown(shutdown)
            .await
            .map_err(ServerError::Serve)
    }

    /// Serves until Ctrl-C.
    pub async fn run_until_ctrl_c(self) -> Result<(), ServerError> {
        self.run(async {
            let _ = tokio::signal::ctrl_c().await;
            tracing::info!("shutting down");
        })
        .await
    }
}
