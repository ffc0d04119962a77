//! CooperationLead (P3.2): read model with the trade-secret rule on
//! `content`; the mutations come with the cooperation issue.

use async_graphql::{Context, ID, Object};
use chrono::{DateTime, Utc};
use domain::policy::{self, FieldAccess, LeadFacts};
use entity::cooperation_lead;

use super::call::Call;
use super::people::{Department, Employee};
use crate::error::{AppError, AppResult};
use crate::graphql::ctx;
use crate::graphql::enums::CooperationStatus;

pub struct CooperationLead(pub cooperation_lead::Model);

#[Object]
impl CooperationLead {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn call(&self, ctx: &Context<'_>) -> AppResult<Call> {
        super::visible_call(ctx, self.0.call_id).await
    }
    async fn intent(&self) -> &str {
        &self.0.intent
    }
    /// Trade secret: the recording handler, the head of the lead's
    /// department and administration; FORBIDDEN to everyone else.
    async fn content(&self, ctx: &Context<'_>) -> AppResult<Option<String>> {
        let actor = ctx::actor(ctx)?;
        let facts = LeadFacts { recorded_by: self.0.recorded_by, department_id: self.0.department_id };
        match policy::lead_content_access(&actor.viewer, &facts) {
            FieldAccess::Full => {
                if self.0.content.is_some() {
                    ctx::request(ctx)?.reads.record("CooperationLead", self.0.id, "content");
                }
                Ok(self.0.content.clone())
            }
            _ => Ok(ctx::forbidden_field(ctx)),
        }
    }
    async fn method(&self) -> Option<&str> {
        self.0.method.as_deref()
    }
    async fn department(&self, ctx: &Context<'_>) -> AppResult<Department> {
        super::load_department(ctx, Some(self.0.department_id)).await?.ok_or(AppError::NotFound)
    }
    /// The department head.
    async fn forwarded_to(&self, ctx: &Context<'_>) -> AppResult<Option<Employee>> {
        super::load_employee(ctx, self.0.forwarded_to).await
    }
    async fn forwarded_at(&self) -> DateTime<Utc> {
        self.0.forwarded_at
    }
    async fn contact_due_at(&self) -> DateTime<Utc> {
        self.0.contact_due_at
    }
    async fn contacted_at(&self) -> Option<DateTime<Utc>> {
        self.0.contacted_at
    }
    async fn involves_contract(&self) -> bool {
        self.0.involves_contract
    }
    async fn contract_reference(&self) -> Option<&str> {
        self.0.contract_reference.as_deref()
    }
    async fn status(&self) -> AppResult<CooperationStatus> {
        CooperationStatus::parse(&self.0.status)
            .ok_or_else(|| AppError::internal(anyhow::anyhow!("lead status {}", self.0.status)))
    }
    /// Not yet contacted and past contactDueAt.
    async fn overdue(&self, ctx: &Context<'_>) -> AppResult<bool> {
        Ok(domain::sla::is_overdue(self.0.contacted_at.is_none(), Some(self.0.contact_due_at), ctx::state(ctx)?.now()))
    }
    async fn version(&self) -> i32 {
        self.0.version
    }
}
