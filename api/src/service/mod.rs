//! Use cases. Each takes the actor first, runs in one transaction when it
//! changes anything (with its audit rows inside), and returns `AppError`.
pub mod audit;
pub mod call_list;
pub mod calls;
pub mod follow_ups;
pub mod idempotency;
pub mod page;
pub mod people;
pub mod scope;
pub mod session;
pub mod settings;

/// Facts about the HTTP request that services record (audit).
#[derive(Debug, Clone, Default)]
pub struct RequestMeta {
    pub request_id: Option<String>,
}

/// Parses a GraphQL ID into a row id; an id that can't exist is treated as
/// missing, like one outside the caller's scope.
pub fn parse_id(id: &str) -> Option<i64> {
    id.parse::<i64>().ok().filter(|n| *n > 0)
}

pub fn require_id(id: &str, what: &str) -> crate::error::AppResult<i64> {
    parse_id(id).ok_or_else(|| crate::error::AppError::bad(format!("{what} is not a valid id")))
}

/// Trims optional text and turns blanks into `None`.
pub fn clean(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())
}

/// Rejects over-long free text before anything is written.
pub fn check_len(field: &str, value: Option<&str>, max: usize) -> crate::error::AppResult<()> {
    match value {
        Some(v) if v.chars().count() > max => {
            Err(crate::error::AppError::bad(format!("{field} may be at most {max} characters")))
        }
        _ => Ok(()),
    }
}
