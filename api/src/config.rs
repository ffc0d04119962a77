//! Start-up settings (spec §1), read once from the environment and validated
//! before anything else starts. Passed down, never global.

use std::net::SocketAddr;

use secrecy::{ExposeSecret, SecretString};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppEnv {
    Development,
    Production,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    pub listen_addr: SocketAddr,
    pub app_env: AppEnv,
    pub jwt_secret: SecretString,
    /// True when no JWT_SECRET was given and one was generated for this run.
    pub jwt_secret_generated: bool,
    pub jwt_issuer: String,
    pub jwt_audience: String,
    pub access_token_ttl_seconds: i64,
    pub refresh_token_ttl_seconds: i64,
    pub bootstrap_admin: Option<(String, SecretString)>,
    pub company_name: String,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{0}")]
pub struct ConfigError(pub String);

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/calls.db?mode=rwc";
const MIN_SECRET_BYTES: usize = 32;

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|k| std::env::var(k).ok())
    }

    /// Reads settings through `get`, so tests can supply their own.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let var = |k: &str| get(k).filter(|v| !v.trim().is_empty());
        let app_env = match var("APP_ENV").as_deref() {
            None | Some("development") => AppEnv::Development,
            Some("production") => AppEnv::Production,
            Some(other) => {
                return Err(ConfigError(format!("APP_ENV must be 'development' or 'production', not '{other}'")));
            }
        };
        let database_url = var("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned());
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            return Err(ConfigError("DATABASE_URL must start with sqlite: or postgres://".into()));
        }
        let listen_addr = var("LISTEN_ADDR")
            .unwrap_or_else(|| "127.0.0.1:8080".into())
            .parse()
            .map_err(|_| ConfigError("LISTEN_ADDR must be an address like 127.0.0.1:8080".into()))?;
        let (jwt_secret, jwt_secret_generated) = match var("JWT_SECRET") {
            Some(s) if s.len() >= MIN_SECRET_BYTES => (SecretString::from(s), false),
            Some(_) => {
                return Err(ConfigError(format!("JWT_SECRET must be at least {MIN_SECRET_BYTES} bytes")));
            }
            None if app_env == AppEnv::Production => {
                return Err(ConfigError("JWT_SECRET is required when APP_ENV=production".into()));
            }
            None => (SecretString::from(crate::auth::random_token(48)), true),
        };
        let access_token_ttl_seconds = positive(&var, "ACCESS_TOKEN_TTL_SECONDS", 900)?;
        let refresh_token_ttl_seconds = positive(&var, "REFRESH_TOKEN_TTL_SECONDS", 30 * 24 * 3600)?;
        let bootstrap_admin = match (var("BOOTSTRAP_ADMIN_NO"), var("BOOTSTRAP_ADMIN_PASSWORD")) {
            (Some(no), Some(pw)) => {
                if pw.len() < crate::auth::password::MIN_PASSWORD_LEN {
                    return Err(ConfigError(format!(
                        "BOOTSTRAP_ADMIN_PASSWORD must be at least {} characters",
                        crate::auth::password::MIN_PASSWORD_LEN
                    )));
                }
                Some((no, SecretString::from(pw)))
            }
            (None, None) => None,
            _ => {
                return Err(ConfigError("BOOTSTRAP_ADMIN_NO and BOOTSTRAP_ADMIN_PASSWORD must be set together".into()));
            }
        };
        Ok(Self {
            database_url,
            listen_addr,
            app_env,
            jwt_secret,
            jwt_secret_generated,
            jwt_issuer: var("JWT_ISSUER").unwrap_or_else(|| "calls-api".into()),
            jwt_audience: var("JWT_AUDIENCE").unwrap_or_else(|| "calls-clients".into()),
            access_token_ttl_seconds,
            refresh_token_ttl_seconds,
            bootstrap_admin,
            company_name: var("COMPANY_NAME").unwrap_or_else(|| "[company name]".into()),
        })
    }

    pub fn is_production(&self) -> bool {
        self.app_env == AppEnv::Production
    }

    pub fn jwt_secret_bytes(&self) -> &[u8] {
        self.jwt_secret.expose_secret().as_bytes()
    }
}

fn positive(var: &impl Fn(&str) -> Option<String>, name: &str, default: i64) -> Result<i64, ConfigError> {
    match var(name) {
        None => Ok(default),
        Some(v) => match v.parse::<i64>() {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(ConfigError(format!("{name} must be a positive whole number of seconds"))),
        },
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use std::collections::HashMap;

    fn cfg(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_match_the_spec() {
        let c = cfg(&[]).unwrap();
        assert_eq!(c.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(c.listen_addr.to_string(), "127.0.0.1:8080");
        assert_eq!(c.app_env, AppEnv::Development);
        assert!(c.jwt_secret_generated);
        assert_eq!((c.jwt_issuer.as_str(), c.jwt_audience.as_str()), ("calls-api", "calls-clients"));
        assert_eq!(c.access_token_ttl_seconds, 900);
        assert_eq!(c.company_name, "[company name]");
        assert!(c.bootstrap_admin.is_none());
    }

    #[test]
    fn production_without_a_secret_does_not_start() {
        let err = cfg(&[("APP_ENV", "production")]).unwrap_err();
        assert!(err.0.contains("JWT_SECRET"));
    }

    #[test]
    fn a_short_secret_is_rejected() {
        assert!(cfg(&[("JWT_SECRET", "short")]).is_err());
    }

    #[test]
    fn bad_values_are_rejected_with_a_one_line_reason() {
        for pairs in [
            [("APP_ENV", "staging")],
            [("LISTEN_ADDR", "nowhere")],
            [("ACCESS_TOKEN_TTL_SECONDS", "-5")],
            [("DATABASE_URL", "mysql://x")],
            [("BOOTSTRAP_ADMIN_NO", "A1")],
        ] {
            let err = cfg(&pairs).unwrap_err();
            assert!(!err.0.contains('\n'), "{err}");
        }
    }
}
