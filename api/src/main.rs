//! config → telemetry → db → migrate → bootstrap → serve.

use std::sync::Arc;

use api::config::Config;
use api::state::{AppState, SystemClock};
use secrecy::ExposeSecret;

#[tokio::main]
async fn main() {
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("configuration error: {e}");
            std::process::exit(2);
        }
    };
    api::telemetry::init(config.is_production());
    if let Err(e) = run(config).await {
        tracing::error!(error = %e, "start-up failed");
        eprintln!("start-up failed: {e}");
        std::process::exit(1);
    }
}

async fn run(config: Config) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    if config.jwt_secret_generated {
        tracing::warn!(
            "JWT_SECRET is not set: using a secret generated for this run; tokens will not survive a restart"
        );
    }
    let db = api::db::connect(&config.database_url).await?;
    api::db::migrate(&db).await?;
    let clock = Arc::new(SystemClock);
    if let Some((no, pw)) = &config.bootstrap_admin
        && api::service::people::bootstrap(&db, no, pw.expose_secret(), chrono::Utc::now()).await?
    {
        tracing::info!(employee_no = %no, "created the bootstrap administrator");
    }
    let addr = config.listen_addr;
    let state = AppState::new(db, config, clock)?;
    let app = api::build_app(state);
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!(%addr, startup_ms = started.elapsed().as_millis() as u64, "listening");
    axum::serve(listener, app).with_graceful_shutdown(shutdown()).await?;
    Ok(())
}

/// Ctrl-C, or SIGTERM from a container runtime or service manager.
async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
    tracing::info!("shutting down");
}
