//! FollowUp: a deadline-bound task.

use async_graphql::{Context, ID, Object};
use chrono::{DateTime, Utc};
use domain::policy;
use entity::follow_up;

use super::call::Call;
use super::people::{Department, Employee};
use crate::error::AppResult;
use crate::graphql::ctx;
use crate::graphql::enums::{FollowUpKind, FollowUpStatus};
use crate::service::follow_ups::{completed_late, is_overdue};
use crate::service::scope::call_facts;

pub struct FollowUp(pub follow_up::Model);

#[Object]
impl FollowUp {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn kind(&self) -> AppResult<FollowUpKind> {
        self.0
            .kind
            .parse::<domain::sla::FollowUpKind>()
            .map(FollowUpKind::from)
            .map_err(|_| crate::error::AppError::internal(anyhow::anyhow!("unknown follow-up kind {}", self.0.kind)))
    }
    async fn status(&self) -> FollowUpStatus {
        FollowUpStatus::parse(&self.0.status).unwrap_or(FollowUpStatus::Open)
    }
    /// Null when the call is outside the viewer's scope.
    async fn call(&self, ctx: &Context<'_>) -> AppResult<Option<Call>> {
        let Some(id) = self.0.call_id else { return Ok(None) };
        let actor = ctx::actor(ctx)?;
        let call = super::load_call_model(ctx, id).await?;
        Ok(call.filter(|c| policy::can_see_call(&actor.viewer, &call_facts(c))).map(Call))
    }
    async fn assignee(&self, ctx: &Context<'_>) -> AppResult<Option<Employee>> {
        super::load_employee(ctx, self.0.assignee_id).await
    }
    async fn department(&self, ctx: &Context<'_>) -> AppResult<Option<Department>> {
        super::load_department(ctx, self.0.department_id).await
    }
    async fn involved_departments(&self, ctx: &Context<'_>) -> AppResult<Vec<Department>> {
        Ok(super::load_department(ctx, self.0.department_id).await?.into_iter().collect())
    }
    async fn summary(&self) -> Option<&str> {
        self.0.summary.as_deref()
    }
    async fn due_at(&self) -> DateTime<Utc> {
        self.0.due_at
    }
    async fn completed_at(&self) -> Option<DateTime<Utc>> {
        self.0.completed_at
    }
    async fn completed_by(&self, ctx: &Context<'_>) -> AppResult<Option<Employee>> {
        super::load_employee(ctx, self.0.completed_by).await
    }
    /// Open and past its due time.
    async fn overdue(&self, ctx: &Context<'_>) -> AppResult<bool> {
        Ok(is_overdue(&self.0, ctx::state(ctx)?.now()))
    }
    /// Completed after its due time; null while open.
    async fn completed_late(&self) -> Option<bool> {
        completed_late(&self.0)
    }
    async fn version(&self) -> i32 {
        self.0.version
    }
}
