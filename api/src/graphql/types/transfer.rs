//! Transfer (P2.7): read model; the mutations come with the transfers issue.

use async_graphql::{Context, ID, Object};
use chrono::{DateTime, Utc};
use entity::transfer;

use super::call::Call;
use super::people::{Department, Employee};
use crate::error::{AppError, AppResult};
use crate::graphql::enums::TransferStatus;

pub struct Transfer(pub transfer::Model);

#[Object]
impl Transfer {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn call(&self, ctx: &Context<'_>) -> AppResult<Call> {
        super::visible_call(ctx, self.0.call_id).await
    }
    async fn from_employee(&self, ctx: &Context<'_>) -> AppResult<Employee> {
        super::load_employee(ctx, Some(self.0.from_employee_id)).await?.ok_or(AppError::NotFound)
    }
    async fn to_department(&self, ctx: &Context<'_>) -> AppResult<Department> {
        super::load_department(ctx, Some(self.0.to_department_id)).await?.ok_or(AppError::NotFound)
    }
    async fn to_employee(&self, ctx: &Context<'_>) -> AppResult<Option<Employee>> {
        super::load_employee(ctx, self.0.to_employee_id).await
    }
    async fn reason(&self) -> &str {
        &self.0.reason
    }
    async fn reason_explained_to_caller(&self) -> bool {
        self.0.reason_explained_to_caller
    }
    async fn caller_agreed_to_wait(&self) -> Option<bool> {
        self.0.caller_agreed_to_wait
    }
    async fn target_available(&self) -> Option<bool> {
        self.0.target_available
    }
    async fn both_parties_informed(&self) -> bool {
        self.0.both_parties_informed
    }
    async fn target_reminded(&self) -> bool {
        self.0.target_reminded
    }
    async fn status(&self) -> AppResult<TransferStatus> {
        TransferStatus::parse(&self.0.status)
            .ok_or_else(|| AppError::internal(anyhow::anyhow!("transfer status {}", self.0.status)))
    }
    async fn requested_at(&self) -> DateTime<Utc> {
        self.0.requested_at
    }
    async fn connected_at(&self) -> Option<DateTime<Utc>> {
        self.0.connected_at
    }
    async fn closed_at(&self) -> Option<DateTime<Utc>> {
        self.0.closed_at
    }
    async fn version(&self) -> i32 {
        self.0.version
    }
}
