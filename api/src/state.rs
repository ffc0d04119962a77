//! What every request shares: database, settings, keys, clock.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;

use crate::auth::jwt::JwtKeys;
use crate::config::Config;

/// Where services get `now` from, so tests can fix it.
pub trait Clock: Send + Sync + std::fmt::Debug {
    fn now(&self) -> DateTime<Utc>;
}

#[derive(Debug)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        // Microseconds: what PostgreSQL keeps, so values round-trip exactly
        // (the audit chain hashes them).
        let now = Utc::now();
        DateTime::from_timestamp_micros(now.timestamp_micros()).unwrap_or(now)
    }
}

/// Failed sign-ins allowed per employee number within the window.
pub const LOGIN_MAX_FAILURES: u32 = 5;
pub const LOGIN_WINDOW_MINUTES: i64 = 15;

#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub config: Arc<Config>,
    pub jwt: Arc<JwtKeys>,
    pub clock: Arc<dyn Clock>,
    /// Failed sign-ins per employee number (in memory, per process).
    pub login_throttle: Arc<Mutex<domain::throttle::Throttle>>,
}

impl AppState {
    pub fn new(db: DatabaseConnection, config: Config, clock: Arc<dyn Clock>) -> anyhow::Result<Self> {
        let jwt = JwtKeys::new(
            config.jwt_secret_bytes(),
            &config.jwt_issuer,
            &config.jwt_audience,
            config.access_token_ttl_seconds,
        )?;
        let throttle =
            domain::throttle::Throttle::new(LOGIN_MAX_FAILURES, chrono::Duration::minutes(LOGIN_WINDOW_MINUTES));
        Ok(Self {
            db,
            config: Arc::new(config),
            jwt: Arc::new(jwt),
            clock,
            login_throttle: Arc::new(Mutex::new(throttle)),
        })
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }
}
