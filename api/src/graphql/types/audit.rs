//! AuditEntry and AuditChainStatus.

use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entity::audit_entry;

use super::people::Employee;
use crate::error::AppResult;

pub struct AuditEntry(pub audit_entry::Model);

#[Object]
impl AuditEntry {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn at(&self) -> DateTime<Utc> {
        self.0.at
    }
    async fn actor(&self, ctx: &Context<'_>) -> AppResult<Option<Employee>> {
        super::load_employee(ctx, self.0.actor_id).await
    }
    /// The mutation's name, or `read` for a full read of sensitive fields.
    async fn action(&self) -> &str {
        &self.0.action
    }
    /// The GraphQL type of the entity.
    async fn entity_type(&self) -> &str {
        &self.0.entity_type
    }
    async fn entity_id(&self) -> Option<&str> {
        self.0.entity_id.as_deref()
    }
    /// GraphQL field names.
    async fn fields(&self) -> Vec<&str> {
        self.0.fields.split(',').filter(|f| !f.is_empty()).collect()
    }
    async fn request_id(&self) -> Option<&str> {
        self.0.request_id.as_deref()
    }
    async fn hash(&self) -> &str {
        &self.0.hash
    }
    async fn previous_hash(&self) -> Option<&str> {
        self.0.previous_hash.as_deref()
    }
}

#[derive(SimpleObject)]
pub struct AuditChainStatus {
    pub valid: bool,
    pub entries: i32,
    pub first_broken_id: Option<ID>,
}
