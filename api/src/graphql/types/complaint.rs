//! Complaint (P3.3): read model with the rule on `details` and
//! `complainantName`; the mutations come with the complaints issue.

use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};
use domain::policy::{self, ComplaintFacts, FieldAccess};
use entity::complaint;

use super::call::Call;
use super::people::{Department, Employee};
use crate::error::{AppError, AppResult};
use crate::graphql::ctx;
use crate::graphql::enums::{ComplaintKind, ComplaintStatus, Satisfaction};

pub struct Complaint(pub complaint::Model);

impl Complaint {
    async fn involved_department_ids(&self, ctx: &Context<'_>) -> AppResult<Vec<i64>> {
        let rows = super::loaders(ctx)?.complaint_departments.load_one(self.0.id).await.map_err(super::load_err)?;
        Ok(rows.unwrap_or_default().into_iter().map(|r| r.department_id).collect())
    }

    async fn sensitive(
        &self,
        ctx: &Context<'_>,
        field: &'static str,
        value: Option<&str>,
    ) -> AppResult<Option<String>> {
        let actor = ctx::actor(ctx)?;
        let facts = ComplaintFacts {
            recorded_by: self.0.recorded_by,
            forwarded_to: self.0.forwarded_to,
            involved_departments: self.involved_department_ids(ctx).await?,
        };
        match policy::complaint_sensitive_access(&actor.viewer, &facts) {
            FieldAccess::Full => {
                if value.is_some() {
                    ctx::request(ctx)?.reads.record("Complaint", self.0.id, field);
                }
                Ok(value.map(str::to_owned))
            }
            FieldAccess::Masked | FieldAccess::Forbidden => Ok(ctx::forbidden_field(ctx)),
        }
    }
}

#[derive(SimpleObject)]
#[graphql(complex)]
pub struct ComplaintProgress {
    pub at: DateTime<Utc>,
    pub note: String,
    #[graphql(skip)]
    pub author_id: Option<i64>,
}

#[async_graphql::ComplexObject]
impl ComplaintProgress {
    async fn author(&self, ctx: &Context<'_>) -> AppResult<Option<Employee>> {
        super::load_employee(ctx, self.author_id).await
    }
}

#[Object]
impl Complaint {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn call(&self, ctx: &Context<'_>) -> AppResult<Call> {
        super::visible_call(ctx, self.0.call_id).await
    }
    async fn kind(&self) -> AppResult<ComplaintKind> {
        ComplaintKind::parse(&self.0.kind)
            .ok_or_else(|| AppError::internal(anyhow::anyhow!("complaint kind {}", self.0.kind)))
    }
    async fn subject(&self) -> &str {
        &self.0.subject
    }
    /// Sensitive: the recording handler, a head it was forwarded to or whose
    /// department is involved, and administration; FORBIDDEN otherwise.
    async fn details(&self, ctx: &Context<'_>) -> AppResult<Option<String>> {
        self.sensitive(ctx, "details", Some(&self.0.details)).await
    }
    /// Sensitive, like details.
    async fn complainant_name(&self, ctx: &Context<'_>) -> AppResult<Option<String>> {
        self.sensitive(ctx, "complainantName", self.0.complainant_name.as_deref()).await
    }
    async fn complainant_organization(&self) -> Option<&str> {
        self.0.complainant_organization.as_deref()
    }
    async fn involved_departments(&self, ctx: &Context<'_>) -> AppResult<Vec<Department>> {
        let mut out = Vec::new();
        for id in self.involved_department_ids(ctx).await? {
            out.extend(super::load_department(ctx, Some(id)).await?);
        }
        Ok(out)
    }
    async fn involved_employees(&self, ctx: &Context<'_>) -> AppResult<Vec<Employee>> {
        let rows = super::loaders(ctx)?.complaint_employees.load_one(self.0.id).await.map_err(super::load_err)?;
        let mut out = Vec::new();
        for r in rows.unwrap_or_default() {
            out.extend(super::load_employee(ctx, Some(r.employee_id)).await?);
        }
        Ok(out)
    }
    async fn attitude_related(&self) -> bool {
        self.0.attitude_related
    }
    async fn forwarded_to(&self, ctx: &Context<'_>) -> AppResult<Option<Employee>> {
        super::load_employee(ctx, self.0.forwarded_to).await
    }
    async fn forwarded_at(&self) -> DateTime<Utc> {
        self.0.forwarded_at
    }
    async fn investigation_due_at(&self) -> DateTime<Utc> {
        self.0.investigation_due_at
    }
    async fn status(&self) -> AppResult<ComplaintStatus> {
        ComplaintStatus::parse(&self.0.status)
            .ok_or_else(|| AppError::internal(anyhow::anyhow!("complaint status {}", self.0.status)))
    }
    async fn progress(&self, ctx: &Context<'_>) -> AppResult<Vec<ComplaintProgress>> {
        let rows = super::loaders(ctx)?.complaint_progress.load_one(self.0.id).await.map_err(super::load_err)?;
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .map(|p| ComplaintProgress { at: p.at, note: p.note, author_id: p.author_id })
            .collect())
    }
    async fn result(&self) -> Option<&str> {
        self.0.result.as_deref()
    }
    async fn resolved_at(&self) -> Option<DateTime<Utc>> {
        self.0.resolved_at
    }
    async fn result_reported_at(&self) -> Option<DateTime<Utc>> {
        self.0.result_reported_at
    }
    async fn satisfaction(&self) -> Option<Satisfaction> {
        self.0.satisfaction.as_deref().and_then(Satisfaction::parse)
    }
    /// Investigation past its due time, or the result not reported back to
    /// the complainant in time after resolution.
    async fn overdue(&self, ctx: &Context<'_>) -> AppResult<bool> {
        let now = ctx::state(ctx)?.now();
        let investigating = matches!(self.0.status.as_str(), "FORWARDED" | "INVESTIGATING");
        let reporting = self.0.status == "RESOLVED";
        Ok(domain::sla::is_overdue(investigating, Some(self.0.investigation_due_at), now)
            || domain::sla::is_overdue(reporting, self.0.result_due_at, now))
    }
    async fn version(&self) -> i32 {
        self.0.version
    }
}
