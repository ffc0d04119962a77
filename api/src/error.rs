//! The one error type of the service, with the stable codes of the contract.
//! Converted to GraphQL errors at one boundary; internal causes are logged
//! there and never sent to clients.

#[derive(Debug, Clone, thiserror::Error)]
pub enum AppError {
    #[error("authentication required")]
    Unauthenticated(&'static str),
    #[error("forbidden")]
    Forbidden,
    #[error("{0}")]
    BadInput(String),
    #[error("not found")]
    NotFound,
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    TooComplex(String),
    #[error("too many failed attempts; try again later")]
    RateLimited,
    #[error("internal error")]
    Internal(std::sync::Arc<anyhow::Error>),
}

impl AppError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::Unauthenticated(_) => "UNAUTHENTICATED",
            Self::Forbidden => "FORBIDDEN",
            Self::BadInput(_) => "BAD_USER_INPUT",
            Self::NotFound => "NOT_FOUND",
            Self::Conflict(_) => "CONFLICT",
            Self::TooComplex(_) => "TOO_COMPLEX",
            Self::RateLimited => "RATE_LIMITED",
            Self::Internal(_) => "INTERNAL",
        }
    }

    pub fn internal(e: impl Into<anyhow::Error>) -> Self {
        Self::Internal(std::sync::Arc::new(e.into()))
    }

    pub fn bad(msg: impl Into<String>) -> Self {
        Self::BadInput(msg.into())
    }

    pub fn conflict(msg: impl Into<String>) -> Self {
        Self::Conflict(msg.into())
    }

    pub fn stale() -> Self {
        Self::Conflict("the record was changed by someone else; reload it and try again".into())
    }

    fn client_message(&self) -> String {
        match self {
            Self::Unauthenticated(why) => format!("authentication required: {why}"),
            other => other.to_string(),
        }
    }
}

impl From<sea_orm::DbErr> for AppError {
    fn from(e: sea_orm::DbErr) -> Self {
        Self::internal(e)
    }
}

impl From<sea_orm::TransactionError<AppError>> for AppError {
    fn from(e: sea_orm::TransactionError<AppError>) -> Self {
        match e {
            sea_orm::TransactionError::Connection(db) => db.into(),
            sea_orm::TransactionError::Transaction(app) => app,
        }
    }
}

/// Gives every error of a GraphQL response its `extensions.code`. Resolvers
/// return `AppError`, which async-graphql keeps as the error's source; this is
/// the one place it becomes a code, and where internal causes are logged.
pub fn finish_errors(errors: &mut [async_graphql::ServerError]) {
    for err in errors.iter_mut() {
        let (code, message) = match err.source::<AppError>() {
            Some(app) => {
                if let AppError::Internal(cause) = app {
                    tracing::error!(error = ?cause, path = ?err.path, "internal error");
                }
                (app.code(), Some(app.client_message()))
            }
            None => match err.extensions.as_ref().and_then(|e| e.get("code")) {
                Some(_) => continue,
                // Parse and validation errors of the document itself.
                None => ("BAD_USER_INPUT", None),
            },
        };
        if let Some(m) = message {
            err.message = m;
        }
        let mut ext = err.extensions.take().unwrap_or_default();
        ext.set("code", code);
        err.extensions = Some(ext);
    }
}

pub type AppResult<T> = Result<T, AppError>;
