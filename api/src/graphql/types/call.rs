//! The Call type: field visibility from the policy, relations by loader.

use async_graphql::{Context, ID, Object};
use chrono::{DateTime, Utc};
use domain::masking;
use domain::policy::{self, FieldAccess};
use entity::call;

use super::complaint::Complaint;
use super::cooperation::CooperationLead;
use super::follow_up::FollowUp;
use super::inquiry::Inquiry;
use super::people::{Department, Employee};
use super::transfer::Transfer;
use crate::error::AppResult;
use crate::graphql::ctx;
use crate::graphql::enums::{CallCategory, CallStatus};
use crate::service::scope::call_facts;

pub struct Call(pub call::Model);

impl Call {
    /// callerNumber and callerName: full (and audited), masked, or FORBIDDEN.
    fn caller_field(
        &self,
        ctx: &Context<'_>,
        field: &'static str,
        value: Option<&str>,
        mask: fn(&str) -> String,
    ) -> AppResult<Option<String>> {
        let actor = ctx::actor(ctx)?;
        match policy::caller_identity_access(&actor.viewer, &call_facts(&self.0)) {
            FieldAccess::Forbidden => Ok(ctx::forbidden_field(ctx)),
            FieldAccess::Masked => Ok(value.map(mask)),
            FieldAccess::Full => {
                if value.is_some() {
                    ctx::request(ctx)?.reads.record("Call", self.0.id, field);
                }
                Ok(value.map(str::to_owned))
            }
        }
    }
}

#[Object]
impl Call {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// First ring.
    async fn received_at(&self) -> DateTime<Utc> {
        self.0.received_at
    }
    /// Null while missed.
    async fn answered_at(&self) -> Option<DateTime<Utc>> {
        self.0.answered_at
    }
    async fn ended_at(&self) -> Option<DateTime<Utc>> {
        self.0.ended_at
    }
    /// Given by the phone system or derived from the ring interval.
    async fn ring_count(&self) -> Option<i32> {
        self.0.ring_count
    }
    async fn answered_within_ring_limit(&self) -> bool {
        self.0.answered_within_limit
    }
    async fn status(&self) -> CallStatus {
        CallStatus::parse(&self.0.status).unwrap_or(CallStatus::Missed)
    }
    async fn category(&self) -> CallCategory {
        CallCategory::parse(&self.0.category).unwrap_or(CallCategory::Unclassified)
    }
    /// Sensitive: full to the handler, the department head and
    /// administration; masked (138****5678) to other staff.
    async fn caller_number(&self, ctx: &Context<'_>) -> AppResult<Option<String>> {
        self.caller_field(ctx, "callerNumber", Some(&self.0.caller_number), masking::mask_phone)
    }
    /// Sensitive, like callerNumber (王**).
    async fn caller_name(&self, ctx: &Context<'_>) -> AppResult<Option<String>> {
        self.caller_field(ctx, "callerName", self.0.caller_name.as_deref(), masking::mask_name)
    }
    async fn caller_organization(&self) -> Option<&str> {
        self.0.caller_organization.as_deref()
    }
    /// What the call is about.
    async fn reason(&self) -> &str {
        &self.0.reason
    }
    async fn notes(&self) -> Option<&str> {
        self.0.notes.as_deref()
    }
    async fn important(&self) -> bool {
        self.0.important
    }
    /// Key facts repeated back to the caller (P2.5).
    async fn key_facts_confirmed(&self) -> bool {
        self.0.key_facts_confirmed
    }
    async fn greeting_given(&self) -> bool {
        self.0.greeting_given
    }
    /// Touches trade secrets: handler, own department head, administration only.
    async fn confidential(&self) -> bool {
        self.0.confidential
    }
    async fn from_blocked_number(&self) -> bool {
        self.0.from_blocked_number
    }
    /// Every field the policy requires for its category is present.
    async fn record_complete(&self) -> bool {
        self.0.record_complete
    }
    /// Contract field names the record still lacks for its category.
    async fn missing_fields(&self) -> Vec<&str> {
        self.0.missing_fields.split(',').filter(|f| !f.is_empty()).collect()
    }
    /// Whose phone rang / who answered.
    async fn handler(&self, ctx: &Context<'_>) -> AppResult<Option<Employee>> {
        super::load_employee(ctx, self.0.handler_id).await
    }
    async fn department(&self, ctx: &Context<'_>) -> AppResult<Option<Department>> {
        super::load_department(ctx, self.0.department_id).await
    }
    async fn transfers(&self, ctx: &Context<'_>) -> AppResult<Vec<Transfer>> {
        let rows = super::loaders(ctx)?.call_transfers.load_one(self.0.id).await.map_err(super::load_err)?;
        Ok(rows.unwrap_or_default().into_iter().map(Transfer).collect())
    }
    async fn inquiry(&self, ctx: &Context<'_>) -> AppResult<Option<Inquiry>> {
        let rows = super::loaders(ctx)?.call_inquiries.load_one(self.0.id).await.map_err(super::load_err)?;
        Ok(rows.unwrap_or_default().into_iter().next().map(Inquiry))
    }
    async fn cooperation_lead(&self, ctx: &Context<'_>) -> AppResult<Option<CooperationLead>> {
        let rows = super::loaders(ctx)?.call_leads.load_one(self.0.id).await.map_err(super::load_err)?;
        Ok(rows.unwrap_or_default().into_iter().next().map(CooperationLead))
    }
    async fn complaint(&self, ctx: &Context<'_>) -> AppResult<Option<Complaint>> {
        let rows = super::loaders(ctx)?.call_complaints.load_one(self.0.id).await.map_err(super::load_err)?;
        Ok(rows.unwrap_or_default().into_iter().next().map(Complaint))
    }
    async fn follow_ups(&self, ctx: &Context<'_>) -> AppResult<Vec<FollowUp>> {
        Ok(super::load_call_follow_ups(ctx, self.0.id).await?.into_iter().map(FollowUp).collect())
    }
    async fn version(&self) -> i32 {
        self.0.version
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}
