//! The actor of a request: authenticated once at the HTTP edge and passed
//! down as a typed value.

use domain::policy::{Role, Viewer};

/// A signed-in, active employee, with roles and department as stored now
/// (not as the token claimed them), so deactivation and role changes apply
/// at once.
#[derive(Debug, Clone)]
pub struct Actor {
    pub viewer: Viewer,
    pub name: String,
}

impl Actor {
    pub fn id(&self) -> i64 {
        self.viewer.employee_id
    }
    pub fn has(&self, role: Role) -> bool {
        self.viewer.has(role)
    }
}

/// What the edge knows about the caller of a request.
#[derive(Debug, Clone)]
pub enum Session {
    Anonymous,
    /// A bearer token that was ours but has expired: operations that need a
    /// session say so; sign-in and refresh still work.
    Expired,
    Authenticated(Actor),
}

impl Session {
    pub fn actor(&self) -> Result<&Actor, crate::error::AppError> {
        match self {
            Session::Authenticated(a) => Ok(a),
            Session::Expired => Err(crate::error::AppError::Unauthenticated("the access token has expired")),
            Session::Anonymous => Err(crate::error::AppError::Unauthenticated("sign in first")),
        }
    }
}

/// Stored role lists are wrapped in commas: `,STAFF,HR,`.
pub fn encode_roles(roles: &[Role]) -> String {
    let mut sorted: Vec<Role> = roles.to_vec();
    sorted.sort();
    sorted.dedup();
    let names: Vec<&str> = sorted.iter().map(|r| r.as_str()).collect();
    format!(",{},", names.join(","))
}

pub fn decode_roles(stored: &str) -> Vec<Role> {
    stored.split(',').filter_map(|s| s.parse().ok()).collect()
}
