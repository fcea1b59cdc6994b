//! Serving the router over TCP with the limits a public server needs: a
//! deadline for a client's request headers, a deadline for the whole
//! request, a cap on open connections, TCP_NODELAY, the peer's address for
//! the handlers, and a graceful shutdown on SIGTERM or Ctrl-C.

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::{Json, Router};
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use hyper_util::server::graceful::GracefulShutdown;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tower::{Service, ServiceExt};

/// The server's limits; the defaults are those of `server serve`.
#[derive(Clone, Debug)]
pub struct ServeSettings {
    /// A client must have sent a whole request head within this time of
    /// connecting (and of its previous response, on a kept-alive
    /// connection), or the connection is closed.
    pub header_read_timeout: Duration,
    /// A request (body included) must be answered within this time; past it
    /// the handler is stopped and the client gets `503 timeout`.
    pub request_timeout: Duration,
    /// Connections served at once; further clients wait to be accepted.
    pub max_connections: usize,
    /// On shutdown, requests in flight get this long to finish.
    pub shutdown_grace: Duration,
}

impl Default for ServeSettings {
    fn default() -> Self {
        ServeSettings {
            header_read_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            max_connections: 1024,
            shutdown_grace: Duration::from_secs(30),
        }
    }
}

/// Resolves at SIGTERM or Ctrl-C (SIGINT), whichever comes first.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "Ctrl-C cannot be watched");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "SIGTERM cannot be watched");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => tracing::info!("Ctrl-C: shutting down"),
        _ = term => tracing::info!("SIGTERM: shutting down"),
    }
}

/// Serves `router` on `listener` until `shutdown` resolves; then stops
/// accepting, lets requests in flight finish within
/// [`ServeSettings::shutdown_grace`], and returns.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    settings: ServeSettings,
    shutdown: impl Future<Output = ()> + Send,
) -> std::io::Result<()> {
    let mut make_service = router
        .layer(axum::middleware::from_fn_with_state(
            settings.request_timeout,
            request_deadline,
        ))
        .into_make_service_with_connect_info::<SocketAddr>();
    // HTTP/1.1 only, as before: hyper's header deadline then runs from the
    // moment a connection is accepted (with HTTP/2 detection it would wait
    // for the client's first bytes).
    let mut builder = auto::Builder::new(TokioExecutor::new()).http1_only();
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(settings.header_read_timeout);
    let builder = Arc::new(builder);
    let permits = Arc::new(Semaphore::new(settings.max_connections.max(1)));
    let graceful = GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        // A free place first, then the next client: over the cap, clients
        // wait in the listen queue, unserved.
        let permit = tokio::select! {
            p = permits.clone().acquire_owned() => p.expect("the semaphore is never closed"),
            _ = &mut shutdown => break,
        };
        let (tcp, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    // Out of file descriptors and the like: wait, then go on.
                    tracing::warn!(error = %e, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            _ = &mut shutdown => break,
        };
        if permits.available_permits() == 0 {
            tracing::debug!(
                max = settings.max_connections,
                "connection cap reached; further clients wait"
            );
        }
        let service = make_service
            .call(peer)
            .await
            .unwrap_or_else(|never| match never {});
        let watcher = graceful.watcher();
        let builder = builder.clone();
        tokio::spawn(async move {
            serve_connection(tcp, peer, service, &builder, watcher).await;
            drop(permit);
        });
    }
    drop(listener);
    tracing::info!(
        connections = graceful.count(),
        grace_secs = settings.shutdown_grace.as_secs(),
        "no longer accepting; waiting for requests in flight"
    );
    if tokio::time::timeout(settings.shutdown_grace, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("the shutdown grace period ended with requests still in flight");
    }
    Ok(())
}

/// Serves one connection until it closes or, at shutdown, its request in
/// flight is answered.
async fn serve_connection<S>(
    tcp: TcpStream,
    peer: SocketAddr,
    service: S,
    builder: &auto::Builder<TokioExecutor>,
    watcher: hyper_util::server::graceful::Watcher,
) where
    S: Service<Request<Incoming>, Response = Response, Error = std::convert::Infallible>
        + Clone
        + Send
        + 'static,
    S::Future: Send + 'static,
{
    // No Nagle delay: a response written in pieces (static files: headers,
    // then body) would otherwise wait for the client's ACK.
    if let Err(e) = tcp.set_nodelay(true) {
        tracing::warn!(error = %e, "TCP_NODELAY could not be set");
    }
    let hyper_service =
        hyper::service::service_fn(move |req: Request<Incoming>| service.clone().oneshot(req));
    let conn = builder.serve_connection(TokioIo::new(tcp), hyper_service);
    if let Err(e) = watcher.watch(conn.into_owned()).await {
        tracing::debug!(%peer, error = %e, "connection ended with an error");
    }
}

/// Stops a request that is not answered within the deadline and answers
/// `503 timeout` in the platform's error body.
async fn request_deadline(State(limit): State<Duration>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(res) => res,
        Err(_) => {
            tracing::warn!(%path, limit_secs = limit.as_secs_f64(), "request timed out");
            let error = mvno::ApiError::new(
                503,
                "timeout",
                format!(
                    "The request was not completed within {} seconds",
                    limit.as_secs_f64()
                ),
            );
            (StatusCode::SERVICE_UNAVAILABLE, Json(error.body())).into_response()
        }
    }
}
