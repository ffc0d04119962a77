//! Structured logs through tracing: JSON in production, human-readable in
//! development; `RUST_LOG` overrides the level.

use tracing_subscriber::{EnvFilter, fmt, prelude::*};

pub fn init(production: bool) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    let registry = tracing_subscriber::registry().with(filter);
    if production {
        let _ = registry.with(fmt::layer().json().with_current_span(true).with_span_list(false)).try_init();
    } else {
        let _ = registry.with(fmt::layer().compact()).try_init();
    }
}
